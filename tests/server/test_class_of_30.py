"""Issue 29: a class of 30 phones (plain HTTP clients, tests/lesson/classroom.py) runs a whole lesson on the real
server with a reload of the teacher's screen, a network drop and a double vote: every accepted vote is counted,
no pupil is refused, and the projector only ever shows our own slides. The drop costs no waiting here: the
clients' turns stand for the follow interval (tests/benchmarks/class_of_30.py runs it at the real pace)."""

import pytest

from tests.lesson.classroom import run_lesson
from tests.real_server import checkje_server

PUPILS = 30
STATEMENTS = 6


@pytest.fixture
def lesson_server(tmp_path):
    """The real server with its own settings: the shared one's one-second header limit is for slow clients,
    and on a busy machine a class of 30 at once would meet it."""
    with checkje_server(env={"CHECKJE_POLLS_DB": str(tmp_path / "polls.db")}) as (base, _):
        yield base


def test_a_class_of_30_runs_a_whole_lesson_with_a_reload_a_drop_and_a_double_vote(lesson_server):
    base = lesson_server
    # Between statements the phones ask nothing (turns_between=0), and static files do not count here: the
    # lobby and the bytes are the browser test's (tests/lesson/test_lesson_browser.py) and the benchmark's.
    lesson = run_lesson(base, pupils=PUPILS, turns_between=0, drop_turns=2, static=False)
    assert lesson.teacher.errors == [], "every answer to the projector was a slide or a count of ours"
    assert lesson.refused() == []
    everyone = PUPILS + 1  # the second browser votes too: the class size is a guide, nobody is refused
    assert lesson.accepted() == lesson.counted == {statement: everyone for statement in range(1, STATEMENTS + 1)}
    assert all(len(phone.voted) == STATEMENTS for phone in lesson.phones), "every pupil voted on every statement"
    assert all(phone.traffic["follow"].failed for phone in lesson.phones), "the drop reached every phone"
    assert {phone.shows for phone in [*lesson.phones, lesson.second_browser]} == {"ended"}
