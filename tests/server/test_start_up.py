"""Start-up: the server needs the public address; a new polls database cannot make it fail, the master prepares
it once, before the workers race for it; a content database changed after its build is not served."""

import os
import sqlite3
import stat
import subprocess
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from checkje.core.settings import DEFAULTS
from tests.real_server import GUNICORN, ROOT, SERVER_CONFIG, checkje_server, free_port
from tests.shared_app import build_content

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


# Helpwanted's number as content/helpfinder/lines.yaml has it, and one an attacker would rather have called.
TRUE_NUMBER = ("020-261 52 75", "0202615275")
FORGED_NUMBER = ("020-666 66 66", "0206666666")


def test_a_help_line_number_changed_in_the_built_database_is_not_served(tmp_path):
    db_path = tmp_path / "content.db"
    build_content(DEFAULTS["CONTENT_DIR"], db_path)
    with sqlite3.connect(db_path) as connection:
        changed = connection.execute(
            "update documents set body = replace(replace(body, ?, ?), ?, ?) where name = 'helpfinder/lines'",
            (TRUE_NUMBER[0], FORGED_NUMBER[0], TRUE_NUMBER[1], FORGED_NUMBER[1]),
        ).rowcount
    connection.close()
    assert changed
    log = tmp_path / "server.log"
    env = {"CHECKJE_CONTENT_DB": str(db_path), "CHECKJE_POLLS_DB": str(tmp_path / "polls.db")}
    with log.open("wb") as stream, checkje_server(env=env, log=stream) as (base, _):
        pages = [urllib.request.urlopen(f"{base}/{lang}/hulp").read().decode() for lang in ("nl", "en")]
    for page in pages:
        assert all(number in page for number in TRUE_NUMBER)
        assert not any(number in page for number in FORGED_NUMBER)
    assert FORGED_NUMBER[1].encode() not in db_path.read_bytes(), "the database was built anew from content/"
    assert f"{db_path} is damaged or was changed after it was built" in log.read_text()
