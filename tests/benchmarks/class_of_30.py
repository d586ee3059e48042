"""`make class-of-30`: what the class poll costs a pupil's phone, in requests and bytes, over a whole lesson.

One Checkje server starts as `make run` starts it. A teacher's screen and 30 phones (plain HTTP clients,
tests/lesson/classroom.py, each counting every byte it sends and receives, HTTP/1.1 headers included) run the
lesson at the classroom's pace: the phones ask every 4 s (LESSON_FOLLOW_MS) whether the screen moved on,
each statement slide stays `--turns` asks long, each slide between statements `--between`, and halfway the
room's network drops for a real minute (`--drop` seconds) while the teacher moves on. A reload of the teacher's
screen and a second browser's vote are in it too. It prints, per pupil: the first 15 seconds (joining, the first
statement opening, the vote), the run, and a lesson of 50 minutes (the run's pages, static files and votes, and
the phone's asks for 50 minutes). Everything runs on 127.0.0.1 and the server it starts is stopped.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checkje.lesson import FOLLOW_EVERY_MS  # noqa: E402
from tests.lesson.classroom import Network, Phone, Teacher, Traffic, run_lesson  # noqa: E402
from tests.real_server import checkje_server  # noqa: E402

PUPILS = 30
LESSON_SECONDS = 50 * 60
FOLLOW_SECONDS = FOLLOW_EVERY_MS / 1000
KINDS = ("page", "static", "vote", "follow")


def kilobytes(count):
    return f"{count / 1000:.1f} KB"


def per_pupil(phones, kind):
    """The median pupil's requests and bytes of one kind of request."""
    found = [phone.traffic.get(kind, Traffic()) for phone in phones]
    return statistics.median(t.requests for t in found), statistics.median(t.bytes for t in found)


def first_seconds(base, seconds=15):
    """A phone's first 15 seconds: it joins and waits, the teacher opens the first statement, it votes, and it
    asks every follow interval. The bytes do not depend on the time, so nothing waits here."""
    network = Network()
    teacher = Teacher(base, network)
    teacher.start(PUPILS)
    phone = Phone(base, network)
    phone.join(teacher.code)
    for ask in range(int(seconds // FOLLOW_SECONDS)):
        if ask == 1:
            teacher.next()
        phone.tick()
    teacher.end()
    assert phone.votes == [(1, 303)], phone.votes
    return phone.total()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=4, help="follow asks while a statement slide is shown")
    parser.add_argument("--between", type=int, default=2, help="follow asks on a slide between statements")
    parser.add_argument("--drop", type=float, default=60, help="seconds the room's network is down")
    parser.add_argument("--pace", type=float, default=FOLLOW_SECONDS, help="seconds between two asks")
    arguments = parser.parse_args()

    with (
        tempfile.TemporaryDirectory() as instance,
        checkje_server(env={"CHECKJE_POLLS_DB": str(Path(instance) / "polls.db")}) as (base, _),
    ):
        first = first_seconds(base)
        started = time.monotonic()
        lesson = run_lesson(
            base,
            pupils=PUPILS,
            turns=arguments.turns,
            turns_between=arguments.between,
            drop_turns=round(arguments.drop / arguments.pace),
            pause=lambda: time.sleep(arguments.pace),
        )
        seconds = time.monotonic() - started

    print(f"Class of {PUPILS} on the real server: {seconds:.0f} s, a follow ask every {arguments.pace:g} s,")
    print(f"a network drop of {arguments.drop:g} s, a reload of the teacher's screen and a double vote.")
    print(
        f"  votes accepted {sum(lesson.accepted().values())}, counted {sum(lesson.counted.values())},"
        f" refused {len(lesson.refused())}, teacher's screen errors {len(lesson.teacher.errors)}"
    )
    print(
        f"  a phone's first 15 s (join, wait, the first statement, its vote): {kilobytes(first.bytes)}"
        f" in {first.requests} requests"
    )
    print("Per pupil (median), this run:")
    for kind in KINDS:
        requests, sent = per_pupil(lesson.phones, kind)
        print(f"  {kind:7} {requests:5.0f} requests {kilobytes(sent):>10}")
    follows, follow_bytes = per_pupil(lesson.phones, "follow")
    once = sum(per_pupil(lesson.phones, kind)[1] for kind in ("page", "static", "vote"))
    once_requests = sum(per_pupil(lesson.phones, kind)[0] for kind in ("page", "static", "vote"))
    asks = LESSON_SECONDS / FOLLOW_SECONDS
    each_ask = follow_bytes / follows
    print(
        f"Per pupil, a lesson of {LESSON_SECONDS // 60} minutes (the run's pages, static files and votes,"
        f" and {asks:.0f} follow asks of {each_ask:.0f} bytes):"
    )
    print(
        f"  {once_requests + asks:.0f} requests, {kilobytes(once + asks * each_ask)}"
        f" ({kilobytes(once)} pages, static files and votes; {kilobytes(asks * each_ask)} asks)"
    )
    print(f"  a class of {PUPILS}: {kilobytes(PUPILS * (once + asks * each_ask))}")


if __name__ == "__main__":
    main()
