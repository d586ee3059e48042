import pytest

from tests.real_server import checkje_server

# Short limits, so the tests see them act within a second or two.
TIME_LIMITS = {"CHECKJE_HEADER_TIMEOUT": "1", "CHECKJE_BODY_TIMEOUT": "1"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Checkje's real server process on a new polls database; yields (base URL, its log file, instance dir)."""
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
