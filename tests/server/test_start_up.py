"""Start-up: the server needs the public address; a new polls database cannot make it fail, the master prepares
it once, before the workers race for it."""

import os
import stat
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.real_server import GUNICORN, ROOT, SERVER_CONFIG, checkje_server, free_port

STARTS = 10
AT_ONCE = 2


def _start_on_a_new_database(instance):
    polls = instance / "polls.db"
    with checkje_server(env={"CHECKJE_POLLS_DB": str(polls)}) as (base, process):
        alive = process.poll() is None
    return alive, stat.S_IMODE(polls.stat().st_mode)


def test_ten_fresh_starts_all_serve(tmp_path):
    instances = [tmp_path / f"start-{number}" for number in range(STARTS)]
    with ThreadPoolExecutor(AT_ONCE) as pool:
        results = list(pool.map(_start_on_a_new_database, instances))
    assert results == [(True, 0o600)] * STARTS


@pytest.mark.parametrize("site_url", [None, ""])
def test_no_start_without_the_public_address(site_url):
    """Links, QR codes and the host check need CHECKJE_SITE_URL: without it the server says so and stops."""
    env = {name: value for name, value in os.environ.items() if name != "CHECKJE_SITE_URL"}
    if site_url is not None:
        env["CHECKJE_SITE_URL"] = site_url
    command = [str(GUNICORN), "--config", SERVER_CONFIG, "--bind", f"127.0.0.1:{free_port()}", "app:create_app()"]
    started = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert started.returncode != 0
    assert "Set CHECKJE_SITE_URL to the address visitors use" in started.stderr
