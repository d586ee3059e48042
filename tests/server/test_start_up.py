"""Start-up: the server needs the public address; a new polls database cannot make it fail, the master prepares
it once, before the workers race for it; a content database changed after its build is not served."""

import os
import shutil
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


# Helpwanted's number as content/helpfinder/lines.yaml has it, and one an attacker would rather have called.
TRUE_NUMBER = ("020-261 52 75", "0202615275")
FORGED_NUMBER = ("020-666 66 66", "0206666666")


def _content_database_with_a_forged_number(db_path):
    """A content database built from content/, then changed: Helpwanted's number is another in every language."""
    build_content(DEFAULTS["CONTENT_DIR"], db_path)
    with sqlite3.connect(db_path) as connection:
        changed = connection.execute(
            "update documents set body = replace(replace(body, ?, ?), ?, ?) where name = 'helpfinder/lines'",
            (TRUE_NUMBER[0], FORGED_NUMBER[0], TRUE_NUMBER[1], FORGED_NUMBER[1]),
        ).rowcount
    connection.close()
    assert changed


def _start_on_new_databases(instance):
    """Start on a new polls database and the changed content database; what the help page and the log say."""
    polls, content, log = instance / "polls.db", instance / "content.db", instance / "server.log"
    env = {"CHECKJE_POLLS_DB": str(polls), "CHECKJE_CONTENT_DB": str(content)}
    with log.open("wb") as stream, checkje_server(env=env, log=stream) as (base, process):
        alive = process.poll() is None
        help_page = urllib.request.urlopen(f"{base}/nl/hulp").read().decode()
    return {
        "serves": alive,
        "polls.db mode": stat.S_IMODE(polls.stat().st_mode),
        "shows the true number": all(number in help_page for number in TRUE_NUMBER),
        "shows the forged number": any(number in help_page for number in FORGED_NUMBER),
        "rewrote the content database": FORGED_NUMBER[1].encode() not in content.read_bytes(),
        "says so": f"{content} is damaged or was changed after it was built" in log.read_text(),
    }


def test_ten_fresh_starts_all_serve_and_never_a_changed_content_database(tmp_path):
    """Each start also finds a content database whose help-line number was changed after its build: it builds
    content/ again, serves that and writes the database anew."""
    forged = tmp_path / "forged.db"
    _content_database_with_a_forged_number(forged)
    instances = [tmp_path / f"start-{number}" for number in range(STARTS)]
    for instance in instances:
        instance.mkdir()
        shutil.copyfile(forged, instance / "content.db")
    with ThreadPoolExecutor(AT_ONCE) as pool:
        results = list(pool.map(_start_on_new_databases, instances))
    expected = {
        "serves": True,
        "polls.db mode": 0o600,
        "shows the true number": True,
        "shows the forged number": False,
        "rewrote the content database": True,
        "says so": True,
    }
    assert results == [expected] * STARTS


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
