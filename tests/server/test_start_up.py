"""A new polls database cannot make start-up fail: the master prepares it once, before the workers race for it."""

import stat
from concurrent.futures import ThreadPoolExecutor

from tests.real_server import checkje_server

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
