"""Fixtures for the poll store contract: each test runs once per store, on a clock it moves."""

import functools

import pytest

from checkje.lesson.poll_store import SQLitePollStore
from tests.helpers import Clock
from tests.redis_server import start_redis_server


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path, clock):
    """A function making a fresh store of one kind with the given limits."""
    if request.param == "sqlite":
        return functools.partial(SQLitePollStore, tmp_path / "polls.db", clock=clock)
    from checkje.lesson.poll_store.redis import RedisPollStore  # noqa: PLC0415 - skipped without redis-server

    return functools.partial(RedisPollStore, request.getfixturevalue("redis_client"), clock=clock)


@pytest.fixture
def store(make_store):
    return make_store()


@pytest.fixture
def own_redis():
    """A redis-server of the test's own, as the test stops and starts it (empty again: it keeps nothing on disk)."""
    server = start_redis_server()
    yield server
    if server.process.poll() is None:
        server.stop()
