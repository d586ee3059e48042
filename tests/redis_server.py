"""A real, throw-away redis-server on a free port for the tests of the shared stores: nothing mocked.

Debian's redis-server (`make redis-server` installs it; `make test` does that first). Without it
the Redis tests skip and say why.
"""

import shutil
import subprocess
import time

import pytest

from tests.real_server import free_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """One redis-server process that keeps nothing on disk; it can be stopped and started again on its port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis  # noqa: PLC0415 - only the Redis tests need it

        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server on port {self.port} did not start") from None
                time.sleep(0.02)
        client.close()
        return self

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def start_redis_server():
    if not shutil.which(REDIS_SERVER):
        pytest.skip("redis-server is not installed: `make redis-server` installs Debian's package")
    return RedisServer().start()


@pytest.fixture(scope="session")
def redis_server():
    """One redis-server for the whole test session; each test empties it first (see `redis_client`)."""
    server = start_redis_server()
    yield server
    server.stop()


@pytest.fixture
def redis_client(redis_server):
    import redis  # noqa: PLC0415

    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    client.flushdb()
    yield client
    client.close()
