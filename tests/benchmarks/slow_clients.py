"""Slow clients against Checkje as `make run` serves it: how many the server holds, and how fast visitors still are.

Opens SLOW_CLIENTS connections that each send a header line every TRICKLE_EVERY seconds and
never finish, and meanwhile times a visitor loading the help page once every 50 ms.
Run alone (`python tests/benchmarks/slow_clients.py`) or as part of `make bench`.
"""

import contextlib
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.real_server import checkje_server  # noqa: E402
from tests.server.clients import connect, timed_get  # noqa: E402

SLOW_CLIENTS = 1000
TRICKLE_EVERY = 2.0
SECONDS = 8
VISITOR_PAGE = "/nl/hulp"
# A visitor's page within a second, however many slow clients there are.
VISITOR_BUDGET = 1.0


def _hold(base, sockets, stop):
    for _ in range(SLOW_CLIENTS):
        try:
            sock = connect(base)
            sock.sendall(b"GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sockets.append(sock)
        except OSError:
            break
    while not stop.wait(TRICKLE_EVERY):
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.sendall(b"X-Slow: still typing\r\n")


def measure(base):
    """(slow sockets opened, visitor timings in seconds, visitor failures)."""
    sockets, stop = [], threading.Event()
    holder = threading.Thread(target=_hold, args=(base, sockets, stop))
    holder.start()
    timings, failures = [], 0
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        try:
            status, seconds = timed_get(base, VISITOR_PAGE)
            if status == 200:
                timings.append(seconds)
            else:
                failures += 1
        except OSError:
            failures += 1
        time.sleep(0.05)
    stop.set()
    holder.join()
    for sock in sockets:
        sock.close()
    return len(sockets), timings, failures


def print_slow_clients():
    print(f"## Slow clients ({SLOW_CLIENTS} connections trickling a header line every {TRICKLE_EVERY:.0f} s)\n")
    # Header deadline longer than the run: every slow client stays connected the whole time.
    with checkje_server(env={"CHECKJE_HEADER_TIMEOUT": str(SECONDS * 2)}) as (base, _):
        opened, timings, failures = measure(base)
    worst = max(timings) if timings else float("inf")
    print(f"- slow connections held: {opened}")
    print(
        f"- visitor requests to {VISITOR_PAGE}: {len(timings)} answered, {failures} failed; "
        f"median {statistics.median(timings) * 1000:.0f} ms, slowest {worst * 1000:.0f} ms "
        f"(all within {VISITOR_BUDGET:.0f} s: {'yes' if worst <= VISITOR_BUDGET and not failures else '**NO**'})\n"
    )


if __name__ == "__main__":
    print_slow_clients()
