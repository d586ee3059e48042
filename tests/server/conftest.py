import pytest

from tests.real_server import checkje_server

# Short limits, so the tests see them act within a second or two.
TIME_LIMITS = {"CHECKJE_HEADER_TIMEOUT": "1", "CHECKJE_BODY_TIMEOUT": "1", "CHECKJE_SEND_TIMEOUT": "1"}


# The tests that share `server` run in one xdist worker, so one real server serves them all.
SHARED_SERVER = pytest.mark.xdist_group("real-server")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Checkje's real server process on a new polls database, shared by every test that does not need a fresh
    start (tests/server/test_start_up.py starts its own); yields (base URL, its log file, instance dir)."""
    instance = tmp_path_factory.mktemp("instance")
    log = instance / "server.log"
    env = {**TIME_LIMITS, "CHECKJE_POLLS_DB": str(instance / "polls.db")}
    with (
        log.open("wb") as stream,
        checkje_server("tests.server.crashing_app:create_app()", env=env, log=stream) as (
            base,
            _,
        ),
    ):
        yield base, log, instance
