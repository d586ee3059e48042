"""Two app servers sharing one Redis, in a real Chromium: the teacher on one, pupils on the other."""

import contextlib

import pytest
from playwright.sync_api import expect

from app import create_app
from tests.browser_helpers import PHONE
from tests.conftest import TEST_CONFIG, serving
from tests.lesson.test_lesson_browser import PROJECTOR, REFRESH_MS, hold_time, join_and_vote, start_poll

pytestmark = pytest.mark.browser


@pytest.fixture
def two_servers(redis_client, redis_server, tmp_path):
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(
                serving(create_app({**TEST_CONFIG, "POLLS_URL": redis_server.url, "POLLS_DB": str(tmp_path / name)}))
            )
            for name in ("a.db", "b.db")
        ]


def test_a_teacher_on_one_server_and_pupils_on_another(browser, two_servers):
    teachers_server, pupils_server = two_servers
    teacher = browser.new_context(**PROJECTOR).new_page()
    hold_time(teacher)
    code = start_poll(teacher, teachers_server)
    phones = [browser.new_context(**PHONE) for _ in range(2)]
    first, late = (phone.new_page() for phone in phones)
    join_and_vote(first, pupils_server, code, "Eens")
    late.goto(pupils_server + f"/nl/stem/{code}")
    teacher.clock.run_for(REFRESH_MS)
    expect(teacher.locator(".poll-count")).to_have_text("1 stem", timeout=2000)
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    late.get_by_label("Oneens", exact=True).check()
    late.get_by_role("button", name="Stem", exact=True).tap()
    expect(late.get_by_text("De leraar laat de uitslag van deze stelling zien.")).to_be_visible()
    expect(teacher.locator(".poll-bar__count")).to_have_text(["1 (100%)", "0 (0%)", "0 (0%)"])
    for context in [*phones, teacher.context]:
        context.close()
