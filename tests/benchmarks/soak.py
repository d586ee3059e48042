"""`make soak`: Checkje under gunicorn, 64 connections for 60 seconds, a worker killed on purpose.

wrk asks for every page of every language and the poll's pages, round and round,
while a class of pupils votes in a poll and the teacher moves through its
statements. After 20 seconds one worker is killed (SIGKILL, as the kernel's
out-of-memory killer would); gunicorn starts a new one. At the end the script
prints the errors, the latency, each worker's memory after warm-up and at the
end, and whether every accepted vote was counted. Everything runs on 127.0.0.1
and every server it starts is stopped.
"""

import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bs4 import BeautifulSoup  # noqa: E402

from app import create_app  # noqa: E402
from checkje.core.settings import LANGUAGES  # noqa: E402
from checkje.core.sitemap import page_paths  # noqa: E402
from checkje.lesson.poll_store import MAX_CLASS_SIZE, SQLitePollStore  # noqa: E402
from checkje.lesson.slides import questions  # noqa: E402
from tests.benchmarks import servers  # noqa: E402

CONNECTIONS = 64
WARM_UP_SECONDS = 10
RUN_SECONDS = 60
KILL_AFTER_SECONDS = 20
# The largest class fills its 6 statements in about 75 s: the run never meets the class-size limit.
VOTES_PER_SECOND = 8
# The teacher moves on once the whole class voted.
VOTES_PER_STATEMENT = MAX_CLASS_SIZE
MEMORY_GROWTH_ALLOWED = 0.10
# A gevent worker holds up to every open connection; killing it may break the requests on them.
IN_FLIGHT_PER_WORKER = CONNECTIONS

ROUND_ROBIN = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def resident_kib(pid):
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1))


def _post(base, path, fields):
    """POST a form on a new connection, like a pupil's phone; return (status, body)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("POST", path, urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def start_poll(base):
    status, body = _post(base, "/nl/les/peiling", {"klas": MAX_CLASS_SIZE})
    page = BeautifulSoup(body, "html.parser")
    assert status == 200, status
    return page.select_one(".poll-code").get_text(strip=True), page.select_one("input[name=geheim]")["value"]


class Class:
    """Pupils voting at a steady pace while the teacher moves on; counts the votes the server accepted."""

    def __init__(self, base, code, secret, answers):
        # answers: for each statement, the ids a pupil may pick
        self.base, self.code, self.secret, self.answers = base, code, secret, answers
        self.accepted, self.failed, self.stop = {}, 0, threading.Event()

    def run(self):
        statement, voted = 1, 0
        while not self.stop.wait(1 / VOTES_PER_SECOND):
            if voted == VOTES_PER_STATEMENT and statement < len(self.answers):
                statement, voted = statement + 1, 0
                _post(
                    self.base,
                    f"/nl/les/peiling/{self.code}",
                    {"geheim": self.secret, "actie": "naar", "stelling": statement},
                )
            answers = self.answers[statement - 1]
            answer = answers[voted % len(answers)]
            try:
                status, _ = _post(self.base, f"/nl/stem/{self.code}", {"stelling": statement, "antwoord": answer})
            except OSError:
                status = None
            if status == 303:
                key = (statement - 1, answer)
                self.accepted[key] = self.accepted.get(key, 0) + 1
                voted += 1
            else:
                self.failed += 1


def wrk_round_robin(base, paths, seconds, work):
    script = work / "round-robin.lua"
    script.write_text(ROUND_ROBIN % ", ".join(f'"{path}"' for path in paths))
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(script),
        base,
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def read_wrk(output):
    def number(pattern):
        match = re.search(pattern, output)
        return int(match.group(1)) if match else 0

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": number(r"(\d+) requests in"),
        "non_2xx_3xx": number(r"Non-2xx or 3xx responses: (\d+)"),
        "socket_errors": sum(int(value) for value in socket_errors.groups()) if socket_errors else 0,
        "p50": re.search(r"50%\s+(\S+)", output).group(1),
        "p99": re.search(r"99%\s+(\S+)", output).group(1),
    }


def main():
    app = create_app()
    with app.test_request_context("/nl/"):
        pages = [path for lang in LANGUAGES for path in page_paths(lang)]
        answers = [[answer["id"] for answer in question["answers"]] for question in questions()]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        polls_db = work / "polls.db"
        os.environ["CHECKJE_POLLS_DB"] = str(polls_db)
        # Every class and phone of the load asks from 127.0.0.1: the limits per client would refuse it as one
        # client (they have their own tests, tests/server/test_client_limits.py).
        os.environ["CHECKJE_CLIENT_LIMITS"] = "0"
        with servers.checkje() as server:
            base = server.url
            warm = wrk_round_robin(base, pages, WARM_UP_SECONDS, work)
            warm.communicate()
            before = {pid: resident_kib(pid) for pid in worker_pids(server.pid)}

            code, secret = start_poll(base)
            poll_pages = [f"/nl/stem/{code}", f"/nl/les/peiling/{code}/uitslag"]
            load = wrk_round_robin(base, pages + poll_pages, RUN_SECONDS, work)
            pupils = Class(base, code, secret, answers)
            voting = threading.Thread(target=pupils.run)
            voting.start()
            time.sleep(KILL_AFTER_SECONDS)
            killed = worker_pids(server.pid)[0]
            os.kill(killed, signal.SIGKILL)
            output, _ = load.communicate()
            pupils.stop.set()
            voting.join()
            after = {pid: resident_kib(pid) for pid in worker_pids(server.pid)}
            counted = SQLitePollStore(str(polls_db)).get(code)
            counted = {
                (statement, answer): count
                for statement in range(len(answers))
                for answer, count in counted.counts_of(statement).items()
            }
    report(read_wrk(output), before, after, killed, pupils, counted)


def report(load, before, after, killed, pupils, counted):
    survivor = next(pid for pid in before if pid != killed)
    growth = after[survivor] / before[survivor] - 1
    errors = load["non_2xx_3xx"] + load["socket_errors"]
    accepted = sum(pupils.accepted.values())
    lost = sum(max(0, count - counted.get(key, 0)) for key, count in pupils.accepted.items())
    print(f"# Soak: {CONNECTIONS} connections for {RUN_SECONDS} s, one worker killed after {KILL_AFTER_SECONDS} s\n")
    print(
        f"- requests: {load['requests']} ({load['requests'] / RUN_SECONDS:.0f}/s)"
        " over every page of every language and the poll's pages"
    )
    print(
        f"- errors: {errors} (non-2xx/3xx {load['non_2xx_3xx']}, socket errors {load['socket_errors']}); "
        "none but the requests the killed worker was answering: "
        f"{'yes' if errors <= IN_FLIGHT_PER_WORKER else '**NO**'}"
    )
    print(f"- latency: median {load['p50']}, 99th percentile {load['p99']}")
    print(
        f"- votes: {accepted} accepted, {sum(counted.values())} counted, {lost} lost, "
        f"{pupils.failed} refused or failed: {'yes' if lost == 0 else '**NO**'}"
    )
    print(
        f"- memory of the worker that lived: {before[survivor]} KiB after warm-up, "
        f"{after[survivor]} KiB at the end ({growth:+.1%}; within {MEMORY_GROWTH_ALLOWED:.0%}: "
        f"{'yes' if abs(growth) <= MEMORY_GROWTH_ALLOWED else '**NO**'})"
    )
    replacement = [pid for pid in after if pid not in before]
    print(
        f"- killed worker {killed}; gunicorn replaced it with {replacement} "
        f"({', '.join(f'{after[pid]} KiB' for pid in replacement)})"
    )


if __name__ == "__main__":
    main()
