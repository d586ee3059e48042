"""Slow clients cannot stall the site: headers and bodies have deadlines, and other visitors are answered meanwhile."""

import contextlib
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.server.clients import connect, read_until_closed, timed_get
from tests.server.conftest import SHARED_SERVER, TIME_LIMITS

pytestmark = SHARED_SERVER

SLOW_CONNECTIONS = 300
# Each slow client sends one more header line this often: never quite done, never quite silent.
TRICKLE_EVERY = 0.25
ESTABLISHED = 1


def _trickle(sockets, stop):
    while not stop.is_set():
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.sendall(b"X-Slow: still typing\r\n")
        stop.wait(TRICKLE_EVERY)


def test_visitors_are_answered_while_hundreds_of_clients_trickle_headers(server):
    base, _, _ = server
    slow = []
    stop = threading.Event()
    trickler = threading.Thread(target=_trickle, args=(slow, stop))
    try:
        slow += [connect(base) for _ in range(SLOW_CONNECTIONS)]
        for sock in slow:
            sock.sendall(b"GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        trickler.start()
        try:
            visits = [timed_get(base, path) for path in ("/nl/hulp", "/en/hulp", "/nl/", "/en/") * 3]
        finally:
            stop.set()
            trickler.join()
        # Past the header deadline the server has dropped every slow client without answering it.
        seconds = float(TIME_LIMITS["CHECKJE_HEADER_TIMEOUT"]) + 2
        answers = [read_until_closed(sock, seconds=seconds) for sock in slow]
    finally:
        # Closed whatever happened: 300 sockets left open would weigh on every test after this one.
        for sock in slow:
            sock.close()
    assert [status for status, _ in visits] == [200] * len(visits)
    assert max(seconds for _, seconds in visits) < 1.0, visits
    assert answers == [b""] * SLOW_CONNECTIONS


def test_a_body_that_never_arrives_gets_an_answer_at_its_deadline(server):
    base, _, _ = server
    with connect(base) as sock:
        sock.sendall(
            f"POST /nl/hulpzoeker HTTP/1.1\r\nHost: {urlsplit(base).netloc}\r\n".encode()
            + b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nvraag="
        )
        answer = read_until_closed(sock, seconds=float(TIME_LIMITS["CHECKJE_BODY_TIMEOUT"]) + 2)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:80]


def _state_of(sock):
    """The kernel's TCP state of our end of `sock` (/proc/net/tcp); None once a reset has ended it."""
    host, port = sock.getsockname()
    local = f"{socket.inet_aton(host)[::-1].hex().upper()}:{port:04X}"
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == local:
            return int(fields[3], 16)
    return None


def test_a_client_that_asks_and_never_reads_is_dropped_at_the_answer_deadline(server):
    base, log, _ = server
    with connect(base) as sock:
        # A small window, and far more answers than the kernel's buffers hold: the server's writes must wait.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        request = f"GET /nl/hulp HTTP/1.1\r\nHost: {urlsplit(base).netloc}\r\n\r\n".encode()
        sock.sendall(request * 300)
        deadline = time.monotonic() + float(TIME_LIMITS["CHECKJE_SEND_TIMEOUT"]) + 4
        # Dropped: closed (CLOSE_WAIT), or reset, as the server closes with requests it never read.
        while _state_of(sock) == ESTABLISHED and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _state_of(sock) != ESTABLISHED, "the server still holds a client that never reads"
    # Quietly, as a broken pipe: no "Socket error" and traceback in the error log for each one.
    assert b"Socket error" not in log.read_bytes()
