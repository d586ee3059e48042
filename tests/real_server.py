"""Checkje's real server process, started as `make run` starts it, for tests and benchmarks."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SERVER_CONFIG = "python:checkje.server.config"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} stopped at start-up (exit {process.returncode})")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def running(command, probe_url, *, env=None, log=subprocess.DEVNULL):
    """Run `command` until the block ends; it must answer `probe_url` first."""
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=log
    )
    try:
        wait_until_serving(probe_url, process)
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def checkje_server(app_spec="app:create_app()", *, env=None, log=subprocess.DEVNULL, probe_path="/nl/"):
    """Serve Checkje with the production settings of `make run`. Yields (base URL, process)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(GUNICORN), "--config", SERVER_CONFIG, "--bind", f"127.0.0.1:{port}", app_spec]
    with running(command, base + probe_path, env={"CHECKJE_SITE_URL": base, **(env or {})}, log=log) as process:
        yield base, process
