"""`make soak-cluster`: how many classes at once the class poll holds, on two app servers sharing Redis.

Two Checkje servers start as `make run` starts one (gunicorn --config python:checkje.server.config),
with CHECKJE_POLLS_URL pointing at a throw-away redis-server. A load of N classes runs at once,
spread over both servers as a load balancer would (round robin; a server that stops answering
is left out, as a health check would): each class has a teacher screen asking for the results
every second (an htmx refresh with If-None-Match, as the browser sends it) and 30 pupils voting
on 6 statements; after each statement's votes the teacher shows the results and moves on.
Halfway one app server is killed (SIGKILL, master and workers). At the end the script prints the
classes held, median and 99th-percentile latency, the votes accepted (303) and counted in the
store (none may be lost), and the errors.

`--sqlite` runs the same load on one server with its SQLite store, and kills one of its workers
halfway instead (gunicorn starts another). `--classes 100 250 500` runs several loads in turn.

Two paces (`--pace`). `real` (the default, what the capacity figure uses): a lesson of 40 minutes
with 6 statements, a statement every 400 s whose 30 votes come within its first minute; every class
is at its own random point of its lesson, so the votes of all classes together come at a real
lesson day's average rate (N x 180 votes per 2400 s) with bursts; `--seconds` (150) of that day.
`stress`: the lesson compressed as before, every class in step, a statement every 20 s and its 30
votes within 15 s: about 15 times a real lesson's vote rate. In both the teacher's screen refreshes
every second. `--follow` adds the pupils' phones: each of the 30 asks every 4 s (LESSON_FOLLOW_MS)
whether the screen moved on, opens the new statement when it did, and opens the thanks page after
its vote, as the browser does; latency is then given per kind of request too.
Latency counts from the moment a request was due, not from when it was sent, so a slow server
cannot hide its delay by holding the load back. A screen that polls sends, as htmx does, no new
request while one is in flight, and no missed one afterwards; a tick it missed counts as a
request that was answered as late as the one it waited for. Everything runs on 127.0.0.1 and every process
it starts is stopped.
"""

import argparse
import asyncio
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import create_app  # noqa: E402
from checkje.lesson.slides import questions  # noqa: E402
from tests.benchmarks.soak import worker_pids  # noqa: E402
from tests.real_server import checkje_server  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

PUPILS = 30
# The paces: (seconds per statement, seconds in which its votes come, seconds the run lasts or None for one lesson).
PACES = {"real": (400, 60, 150), "stress": (20, 15, None)}
STATEMENT_SECONDS, VOTING_SECONDS, RUN_SECONDS = PACES["real"]
REFRESH_SECONDS = 1
FOLLOW_SECONDS = 4
# Connections each server gets from the load, like a load balancer's pool of kept-alive connections.
CONNECTIONS_PER_SERVER = 64
TIMEOUT_SECONDS = 10
# Every class of the load asks from 127.0.0.1: the limits per client would refuse it as one client (they have
# their own tests, tests/server/test_client_limits.py).
ONE_ADDRESS = {"CHECKJE_CLIENT_LIMITS": "0"}
TARGET_P99_MS = 200


class StaleConnection(Exception):
    """A kept-alive connection the server had closed before this request."""


class Server:
    def __init__(self, base):
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port, self.alive = host, int(port), True
        self.pool = asyncio.Queue()

    async def connection(self, fresh=False):
        """A kept-alive connection from the pool, or a new one; says which."""
        if fresh or self.pool.empty():
            return (*await asyncio.open_connection(self.host, self.port), False)
        return (*self.pool.get_nowait(), True)


class Load:
    """Sends requests round robin over the servers that are up; keeps every latency and error."""

    def __init__(self, servers):
        self.servers = servers
        self.turn = 0
        self.latencies, self.errors, self.statuses = [], 0, {}
        self.kinds, self.missed = {}, 0
        self.limit = asyncio.Semaphore(CONNECTIONS_PER_SERVER * len(servers))

    def forget(self):
        """Start counting anew (after the set-up's requests)."""
        self.latencies, self.errors, self.statuses, self.kinds, self.missed = [], 0, {}, {}, 0

    def next_tick(self, due, every, kind):
        """When a screen that polls `every` seconds asks next, after its request due at `due` was answered.

        Like htmx (`every 1s`) it sends nothing while a request is in flight, and no missed one later. Each
        tick missed counts as a request answered now, late by the time since that tick: a screen that waited
        is not hidden by sending less."""
        now = time.monotonic()
        due += every
        while due < now:
            self.latencies.append((due, (now - due) * 1000))
            self.kinds.setdefault(kind, []).append(self.latencies[-1][1])
            self.missed += 1
            due += every
        return due

    def next_server(self):
        alive = [server for server in self.servers if server.alive] or self.servers
        self.turn += 1
        return alive[self.turn % len(alive)]

    async def request(self, method, path, due, fields=None, headers=(), kind="teacher"):
        """One request, due at `due` (time.monotonic()); returns (status, headers) or None on error."""
        body = urlencode(fields).encode() if fields else b""
        async with self.limit:
            server = self.next_server()
            # Each server answers only to its own address (its CHECKJE_SITE_URL), host and port.
            head = [f"{method} {path} HTTP/1.1", f"Host: {server.host}:{server.port}", f"Content-Length: {len(body)}"]
            head += headers
            if fields:
                head.append("Content-Type: application/x-www-form-urlencoded")
            message = ("\r\n".join(head) + "\r\n\r\n").encode() + body
            try:
                try:
                    answer = await asyncio.wait_for(self._exchange(server, message), TIMEOUT_SECONDS)
                except StaleConnection:
                    # The server closed a kept-alive connection while it was idle: any client asks again.
                    answer = await asyncio.wait_for(self._exchange(server, message, fresh=True), TIMEOUT_SECONDS)
            except (ConnectionError, asyncio.IncompleteReadError, StaleConnection):
                # The server is gone: a load balancer's health check would now take it out of the rotation.
                server.alive = False
                self.errors += 1
                return None
            except (TimeoutError, OSError, ValueError, IndexError):
                # Slow or garbled, but there: it stays in the rotation.
                self.errors += 1
                return None
        self.latencies.append((due, (time.monotonic() - due) * 1000))
        self.kinds.setdefault(kind, []).append(self.latencies[-1][1])
        self.statuses[answer[0]] = self.statuses.get(answer[0], 0) + 1
        return answer

    async def _exchange(self, server, message, fresh=False):
        reader, writer, reused = await server.connection(fresh)
        try:
            writer.write(message)
            try:
                status_line = await reader.readline()
            except ConnectionResetError:
                status_line = b""
            if not status_line:
                raise StaleConnection if reused else ConnectionResetError
            status = int(status_line.split()[1])
            headers = {}
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            await reader.readexactly(int(headers.get("content-length", "0")))
        except BaseException:
            writer.close()
            raise
        if headers.get("connection", "").lower() == "close":
            writer.close()
        else:
            server.pool.put_nowait((reader, writer))
        return status, headers


class Lesson:
    """One class: the teacher's screen refreshing every second, 30 pupils voting on each statement.

    `offset` is how far into its lesson the class is when the run starts at `start`: statement n
    opened at `start + n * STATEMENT_SECONDS - offset`."""

    def __init__(self, load, code, secret, answers, start, offset=0.0, tag=None):
        self.load, self.code, self.secret, self.answers = load, code, secret, answers
        self.start, self.offset, self.tag = start, offset, tag
        self.accepted = {}

    def opens(self, statement):
        return self.start + statement * STATEMENT_SECONDS - self.offset

    def statement_at(self, moment):
        """The poll's open statement at `moment` (from 0): the teacher moves on once its votes are in."""
        return open_statement(moment - self.opens(0), len(self.answers))

    async def teacher_screen(self, until):
        tag, due = self.tag, self.start
        while due < until:
            await asyncio.sleep(max(0, due - time.monotonic()))
            statement = self.statement_at(due) + 1
            headers = ["HX-Request: true", *([f"If-None-Match: {tag}"] if tag else [])]
            answer = await self.load.request(
                "GET", f"/nl/les/peiling/{self.code}/uitslag?stelling={statement}", due, headers=headers
            )
            if answer is not None and answer[0] in (200, 304):
                tag = answer[1].get("etag", tag)
            due = self.load.next_tick(due, REFRESH_SECONDS, "teacher")

    async def pupil(self, statement, due, phone):
        await asyncio.sleep(max(0, due - time.monotonic()))
        answer_id = random.choice(self.answers[statement])
        fields = {"stelling": statement + 1, "antwoord": answer_id}
        answer = await self.load.request("POST", f"/nl/stem/{self.code}", due, fields, kind="vote")
        if answer is not None and answer[0] == 303:
            self.accepted[(statement, answer_id)] = self.accepted.get((statement, answer_id), 0) + 1
            if phone:
                # The browser follows the 303 to the thanks page.
                await self.load.request("GET", answer[1]["location"], time.monotonic(), kind="phone page")

    async def phone_follows(self, until):
        """A pupil's phone asking every few seconds whether the screen moved on; if so it opens the new statement."""
        due = self.start + random.uniform(0, FOLLOW_SECONDS)
        shown = self.statement_at(due) + 1
        while due < until:
            await asyncio.sleep(max(0, due - time.monotonic()))
            path = f"/nl/stem/{self.code}/volgen?stelling={shown}"
            answer = await self.load.request("GET", path, due, headers=["HX-Request: true"], kind="follow")
            if answer is not None and "hx-redirect" in answer[1]:
                shown = self.statement_at(time.monotonic()) + 1
                await self.load.request("GET", answer[1]["hx-redirect"], time.monotonic(), kind="phone page")
            due = self.load.next_tick(due, FOLLOW_SECONDS, "follow")

    async def teacher_moves_on(self, statement, due):
        await asyncio.sleep(max(0, due - time.monotonic()))
        await self.load.request("POST", f"/nl/les/peiling/{self.code}", due, {"geheim": self.secret, "actie": "toon"})
        if statement + 1 < len(self.answers):
            fields = {"geheim": self.secret, "actie": "naar", "stelling": statement + 2}
            await self.load.request("POST", f"/nl/les/peiling/{self.code}", time.monotonic(), fields)

    async def run(self, until, phones):
        work = [self.teacher_screen(until), *(self.phone_follows(until) for _ in range(phones))]
        for statement in range(len(self.answers)):
            opens = self.opens(statement)
            votes = [opens + random.uniform(0.2, VOTING_SECONDS) for _ in range(PUPILS)]
            # Votes due before the run started were cast before it (a class in the middle of a statement).
            work += [self.pupil(statement, due, phones) for due in votes if self.start <= due < until]
            moves_on = opens + VOTING_SECONDS + 0.5
            if self.start <= moves_on < until:
                work.append(self.teacher_moves_on(statement, moves_on))
        await asyncio.gather(*work)


def read_poll(page):
    from bs4 import BeautifulSoup  # noqa: PLC0415

    soup = BeautifulSoup(page, "html.parser")
    return soup.select_one(".poll-code").get_text(strip=True), soup.select_one("input[name=geheim]")["value"]


async def _set_up(server, path, fields):
    """One request before the lessons begin, on a new connection; returns the body."""
    reader, writer = await asyncio.open_connection(server.host, server.port)
    body = urlencode(fields).encode()
    writer.write(
        f"POST {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\nConnection: close\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    page = (await reader.read()).decode()
    writer.close()
    return page.split("\r\n\r\n", 1)[1]


def open_statement(lesson_seconds, statements):
    """The statement open `lesson_seconds` into a lesson: after its votes the teacher shows the results and
    opens the next one (see Lesson.teacher_moves_on)."""
    statement = int(lesson_seconds // STATEMENT_SECONDS)
    if lesson_seconds - statement * STATEMENT_SECONDS >= VOTING_SECONDS + 0.5:
        statement += 1
    return max(0, min(statement, statements - 1))


def lesson_length(answers):
    return STATEMENT_SECONDS * len(answers)


def run_length(answers):
    return RUN_SECONDS or lesson_length(answers)


async def start_lessons(load, classes, answers):
    """Start every class's poll (through the load balancer) before the lessons begin; return the lessons.

    At the real pace each class is at a random point of its lesson (one that does not end within the
    run), its poll on the statement of that point; at the stress pace every class begins at the start."""
    polls = []
    for _ in range(classes):
        code, secret = read_poll(await _set_up(load.next_server(), "/nl/les/peiling", {"klas": PUPILS}))
        offset = random.uniform(0, lesson_length(answers) - run_length(answers)) if RUN_SECONDS else 0.0
        statement = open_statement(offset, len(answers))
        if statement:
            fields = {"geheim": secret, "actie": "naar", "stelling": statement + 1}
            await _set_up(load.next_server(), f"/nl/les/peiling/{code}", fields)
        polls.append((code, secret, offset, statement))
    tags = [None] * classes
    if RUN_SECONDS:
        # In the middle of a lesson every screen has shown its results for a while: it asks with their ETag.
        tags = await asyncio.gather(*(first_look(load, code, statement) for code, _, _, statement in polls))
        load.forget()
    start = time.monotonic() + 1
    # Classes begin within one refresh period of each other, so the teachers' refreshes spread out.
    return [
        Lesson(load, code, secret, answers, start + random.uniform(0, REFRESH_SECONDS), offset, tag)
        for (code, secret, offset, _), tag in zip(polls, tags, strict=True)
    ]


async def first_look(load, code, statement):
    """The ETag of a screen's results, as it holds them before the run."""
    path = f"/nl/les/peiling/{code}/uitslag?stelling={statement + 1}"
    answer = await load.request("GET", path, time.monotonic(), headers=["HX-Request: true"])
    return answer[1].get("etag") if answer else None


def kill_server(process):
    """SIGKILL a gunicorn master and its workers, as a machine that dies would."""
    for pid in [*worker_pids(process.pid), process.pid]:
        os.kill(pid, signal.SIGKILL)


async def run_load(bases, classes, answers, halfway, phones):
    load = Load([Server(base) for base in bases])
    lessons = await start_lessons(load, classes, answers)
    until = min(lesson.start for lesson in lessons) + run_length(answers)
    running = asyncio.gather(*(lesson.run(until, phones) for lesson in lessons))
    await asyncio.sleep(run_length(answers) / 2)
    load.killed_at = time.monotonic()
    halfway()
    await running
    return load, lessons


def count_in_store(store, lessons, statements):
    counted = {}
    for lesson in lessons:
        poll = store.get(lesson.code)
        for statement in range(statements):
            for answer, count in poll.counts_of(statement).items():
                counted[(lesson.code, statement, answer)] = count
    return counted


def percentiles(latencies):
    latencies = sorted(latencies)
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99)]


def report(label, classes, load, lessons, counted, seconds):
    accepted = {(lesson.code, *key): count for lesson in lessons for key, count in lesson.accepted.items()}
    lost = sum(max(0, count - counted.get(key, 0)) for key, count in accepted.items())

    p50, p99 = percentiles(ms for _, ms in load.latencies)
    before = percentiles(ms for due, ms in load.latencies if due < load.killed_at)
    after = percentiles(ms for due, ms in load.latencies if due >= load.killed_at + REFRESH_SECONDS)
    requests = len(load.latencies) - load.missed + load.errors
    non_ok = {status: count for status, count in load.statuses.items() if status >= 400}
    held = p99 < TARGET_P99_MS and lost == 0
    print(f"## {label}: {classes} classes at once\n")
    print(
        f"- classes held: {classes if held else 0} of {classes} (p99 under {TARGET_P99_MS} ms and 0 lost: "
        f"{'yes' if held else '**NO**'})"
    )
    print(f"- requests: {requests} ({requests / seconds:.0f}/s); status counts {dict(sorted(load.statuses.items()))}")
    print(f"- refreshes not sent while one was in flight (counted as late answers): {load.missed}")
    print(
        f"- latency: median {p50:.1f} ms, 99th percentile {p99:.1f} ms (before the kill {before[0]:.1f} and "
        f"{before[1]:.1f} ms; from 1 s after it {after[0]:.1f} and {after[1]:.1f} ms)"
    )
    if len(load.kinds) > 1:
        kinds = ", ".join(
            f"{kind} {len(ms) / seconds:.0f}/s: median {middle:.1f}, p99 {top:.1f} ms"
            for kind, ms in sorted(load.kinds.items())
            for middle, top in [percentiles(ms)]
        )
        print(f"- by kind: {kinds}")
    print(f"- votes: {sum(accepted.values())} accepted, {sum(counted.values())} counted, {lost} lost")
    print(
        f"- errors: {load.errors} (connections that failed or timed out); answers of 400 or more: {non_ok or 0}\n",
        flush=True,
    )


def set_pace(pace, seconds, phones):
    global STATEMENT_SECONDS, VOTING_SECONDS, RUN_SECONDS  # noqa: PLW0603 - the pace of every lesson in this run
    STATEMENT_SECONDS, VOTING_SECONDS, RUN_SECONDS = PACES[pace]
    if seconds and RUN_SECONDS:
        RUN_SECONDS = seconds
    if RUN_SECONDS:
        print(
            f"# Real pace: a statement every {STATEMENT_SECONDS:g} s, its {PUPILS} votes within {VOTING_SECONDS:g} s; "
            f"every class at a random point of its lesson; {RUN_SECONDS:g} s of it"
        )
    else:
        print(
            f"# Stress pace: a statement every {STATEMENT_SECONDS:g} s, its {PUPILS} votes within "
            f"{VOTING_SECONDS:g} s, every class in step"
        )
    print(
        f"# The teacher's screen refreshes every {REFRESH_SECONDS} s; "
        + (f"{phones} phones per class follow it every {FOLLOW_SECONDS} s\n" if phones else "no phones follow it\n"),
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classes", type=int, nargs="+", default=[500])
    parser.add_argument("--sqlite", action="store_true", help="one server with its SQLite store, a worker killed")
    parser.add_argument("--pace", choices=PACES, default="real")
    parser.add_argument("--seconds", type=float, help=f"length of a real-pace run (default {RUN_SECONDS} s)")
    parser.add_argument("--follow", action="store_true", help=f"the {PUPILS} phones of each class follow the screen")
    arguments = parser.parse_args()
    phones = PUPILS if arguments.follow else 0
    set_pace(arguments.pace, arguments.seconds, phones)
    app = create_app()
    with app.test_request_context("/nl/"):
        answers = [[answer["id"] for answer in question["answers"]] for question in questions()]
    for classes in arguments.classes:
        with tempfile.TemporaryDirectory() as folder:
            if arguments.sqlite:
                run_sqlite(classes, answers, phones, Path(folder))
            else:
                run_redis(classes, answers, phones, Path(folder))


def run_redis(classes, answers, phones, folder):
    from checkje.core.shared_store import KEY_PREFIX  # noqa: PLC0415
    from checkje.lesson.poll_store.redis import RedisPollStore  # noqa: PLC0415

    redis_server = RedisServer().start()
    env = {"CHECKJE_POLLS_URL": redis_server.url, "CHECKJE_POLLS_DB": str(folder / "unused.db"), **ONE_ADDRESS}
    try:
        with checkje_server(env=env) as (first, first_process), checkje_server(env=env) as (second, _):
            load, lessons = asyncio.run(
                run_load([first, second], classes, answers, lambda: kill_server(first_process), phones)
            )
        import redis  # noqa: PLC0415

        store = RedisPollStore(redis.Redis.from_url(redis_server.url, decode_responses=True), prefix=KEY_PREFIX)
        counted = count_in_store(store, lessons, len(answers))
    finally:
        redis_server.stop()
    report("Redis, two app servers, one killed halfway", classes, load, lessons, counted, run_length(answers))


def run_sqlite(classes, answers, phones, folder):
    from checkje.lesson.poll_store import SQLitePollStore  # noqa: PLC0415

    env = {"CHECKJE_POLLS_DB": str(folder / "polls.db"), **ONE_ADDRESS}
    with checkje_server(env=env) as (base, process):
        load, lessons = asyncio.run(
            run_load([base], classes, answers, lambda: os.kill(worker_pids(process.pid)[0], signal.SIGKILL), phones)
        )
    counted = count_in_store(SQLitePollStore(folder / "polls.db"), lessons, len(answers))
    report("SQLite, one app server, one worker killed halfway", classes, load, lessons, counted, run_length(answers))


if __name__ == "__main__":
    main()
