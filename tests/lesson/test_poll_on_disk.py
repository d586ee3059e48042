"""Nothing of an ended or expired poll stays readable on disk: not in polls.db, not in its write-ahead log
(-wal, which would replay every vote with its time), not in -shm; and the files are the server's alone.
Against the real server process: two gevent workers in two processes, as `make run` serves."""

import os
import stat
import time

from app import create_app
from checkje.lesson.poll_store.contract import hash_secret
from tests.conftest import TEST_CONFIG
from tests.lesson import short_polls_app
from tests.lesson.real_polls import control, files_of, start, vote
from tests.real_server import checkje_server

ANSWERS = ("agree", "unsure", "disagree")


def on_disk(polls):
    """Every byte of the database's files as they are now (a file SQLite has not made yet is empty)."""
    return b"".join(path.read_bytes() for path in files_of(polls) if path.exists())


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.05)


def test_nothing_of_an_ended_or_an_expired_poll_stays_on_disk(tmp_path):
    polls = tmp_path / "polls.db"
    env = {"CHECKJE_POLLS_DB": str(polls)}
    with checkje_server("tests.lesson.short_polls_app:create_app()", env=env) as (base, _):
        # Each poll gets a vote at once: the first start in a worker is slow, and these polls idle out fast.
        ended, secret = start(base)
        assert vote(base, ended, "agree")[0] == 303
        expiring, _ = start(base)
        for number in range(6):
            for code in (expiring, ended):
                assert vote(base, code, ANSWERS[number % 3])[0] == 303
        kept = on_disk(polls)
        assert ended.encode() in kept and expiring.encode() in kept, "the search finds a poll that is there"
        assert [stat.S_IMODE(path.stat().st_mode) for path in files_of(polls)] == [0o600] * 3

        assert control(base, ended, secret, "stop")[0] == 200
        # At once, unless the other worker's sweep was checkpointing at that moment: then at the next sweep.
        wait_until(lambda: ended.encode() not in on_disk(polls), 2)
        assert hash_secret(secret).encode() not in on_disk(polls)

        # Nobody votes or looks any more: the sweep deletes it once it has been idle for its time.
        wait_until(lambda: expiring.encode() not in on_disk(polls), short_polls_app.IDLE_SECONDS + 5)
        kept = on_disk(polls)
        assert not [answer for answer in ANSWERS if answer.encode() in kept], "no vote's row is left"


def test_a_flask_command_makes_the_files_for_the_server_alone(tmp_path):
    """`flask purge-polls` may be the first to make polls.db, with a shell's umask (022): still 0600."""
    polls = tmp_path / "new" / "polls.db"
    umask = os.umask(0o022)
    try:
        app = create_app({**TEST_CONFIG, "POLLS_DB": str(polls)})
        with app.app_context():
            assert app.test_cli_runner().invoke(args=["purge-polls"]).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(polls.stat().st_mode) == 0o600
