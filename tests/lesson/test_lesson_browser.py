"""Lesson mode in a real Chromium: one teacher screen, pupils on their own phones, keys on the projector, and axe."""

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser_helpers import PHONE, axe_violations

pytestmark = pytest.mark.browser

PROJECTOR = {"viewport": {"width": 1280, "height": 720}}
PUPILS = 3
REFRESH_MS = 1000  # the results ask the server again every second (hx-trigger="every 1s")


@pytest.fixture
def teacher(browser):
    context = browser.new_context(**PROJECTOR)
    yield context.new_page()
    context.close()


@pytest.fixture
def pupils(browser):
    """Three pupils, each with a phone of their own: separate storage, no shared anything."""
    contexts = [browser.new_context(**PHONE) for _ in range(PUPILS)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def start_poll(teacher, live_server):
    teacher.goto(live_server + "/nl/les")
    teacher.get_by_role("button", name="Start een peiling").click()
    code = teacher.locator(".poll-code").inner_text()
    assert len(code) == 6
    return code


def join_and_vote(pupil, live_server, code, answer):
    pupil.goto(live_server + "/nl/stem")
    pupil.get_by_label("Code van het scherm").fill(code.lower())
    pupil.get_by_role("button", name="Naar de peiling").tap()
    pupil.get_by_label(answer, exact=True).check()
    pupil.get_by_role("button", name="Stem", exact=True).tap()
    expect(pupil.get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")


def hold_time(page):
    """Stop the page's clock: htmx asks for fresh results only when the test runs the clock."""
    start = datetime(2026, 3, 2, 9, 0)
    page.clock.install(time=start)
    page.clock.pause_at(start + timedelta(seconds=1))


def see_the_next_refresh(teacher, before, after):
    """The new count is not on the screen before the results refresh, and is after one refresh:
    one second of page time, then at most one real second for the request."""
    assert teacher.locator(".poll-count").inner_text() == before
    teacher.clock.run_for(REFRESH_MS)
    expect(teacher.locator(".poll-count")).to_have_text(after, timeout=1000)


def test_pupils_vote_and_the_teacher_sees_the_counts_within_two_seconds(teacher, pupils, live_server):
    hold_time(teacher)
    code = start_poll(teacher, live_server)
    for pupil, answer in zip(pupils, ["Eens", "Oneens", "Eens"], strict=True):
        join_and_vote(pupil, live_server, code, answer)
    see_the_next_refresh(teacher, "0 stemmen", "3 stemmen")

    # A pupil's phone remembers that it voted: the same statement asks no second vote.
    pupils[0].goto(live_server + f"/nl/stem/{code}")
    expect(pupils[0].get_by_text("Je hebt al gestemd op deze stelling.")).to_be_visible()
    expect(pupils[0].get_by_role("button", name="Stem", exact=True)).to_be_hidden()

    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar__count")).to_have_text(["2 (67%)", "1 (33%)", "0 (0%)"])

    # The teacher moves on: the pupil votes on the practice request.
    teacher.get_by_role("button", name="Volgende stelling").click()
    expect(teacher.locator(".poll-screen .step-count")).to_have_text("Stelling 2 van 6")
    pupils[0].get_by_role("link", name="Is er een nieuwe stelling? Kijk hier").tap()
    pupils[0].get_by_label("Eerst checken").check()
    pupils[0].get_by_role("button", name="Stem", exact=True).tap()
    expect(pupils[0].get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")
    see_the_next_refresh(teacher, "0 stemmen", "1 stem")

    teacher.get_by_role("button", name="Stop de peiling en wis alles").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("De peiling is gestopt")
    pupils[1].goto(live_server + f"/nl/stem/{code}")
    expect(pupils[1].get_by_role("heading", level=1)).to_have_text("Er is geen peiling met deze code")


def test_after_the_reveal_a_late_vote_changes_no_bar(teacher, browser, live_server):
    hold_time(teacher)
    code = start_poll(teacher, live_server)
    late = browser.new_context(**PHONE)
    pupil = late.new_page()
    pupil.goto(live_server + f"/nl/stem/{code}")
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-count")).to_have_text("0 stemmen")
    pupil.get_by_label("Oneens", exact=True).check()
    pupil.get_by_role("button", name="Stem", exact=True).tap()
    expect(pupil.get_by_text("De leraar laat de uitslag van deze stelling zien.")).to_be_visible()
    expect(pupil.get_by_role("button", name="Stem", exact=True)).to_have_count(0)
    teacher.clock.run_for(REFRESH_MS)
    teacher.wait_for_timeout(500)
    expect(teacher.locator(".poll-bar__count")).to_have_text(["0 (0%)", "0 (0%)", "0 (0%)"])
    late.close()


def test_voting_works_without_javascript(browser, live_server, teacher):
    code = start_poll(teacher, live_server)
    context = browser.new_context(java_script_enabled=False, **PHONE)
    pupil = context.new_page()
    join_and_vote(pupil, live_server, code, "Weet ik niet")
    context.close()
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar__count").nth(2)).to_have_text("1 (100%)")


def test_keys_move_between_slides_and_f_switches_full_screen(teacher, live_server):
    teacher.goto(live_server + "/nl/les/dia/start")
    for key, slide in [
        ("ArrowRight", "vrienden"),
        ("PageDown", "profiel"),
        ("ArrowLeft", "vrienden"),
        ("PageUp", "start"),
    ]:
        teacher.keyboard.press(key)
        teacher.wait_for_url(live_server + f"/nl/les/dia/{slide}")
    teacher.keyboard.press("f")
    teacher.wait_for_function("document.fullscreenElement !== null")
    teacher.keyboard.press("f")
    teacher.wait_for_function("document.fullscreenElement === null")


def test_the_poll_screen_has_no_accessibility_violations_on_a_projector(teacher, live_server):
    code = start_poll(teacher, live_server)
    assert axe_violations(teacher) == []
    teacher.request.post(live_server + f"/nl/stem/{code}", form={"stelling": "1", "antwoord": "agree"}, max_redirects=0)
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar")).to_have_count(3)
    assert axe_violations(teacher) == [], "with the results shown"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pupil_pages_have_no_accessibility_violations_on_a_phone(teacher, phone_page, live_server, lang):
    teacher.goto(live_server + f"/{lang}/les")
    teacher.locator(".lesson-poll button").click()
    code = teacher.locator(".poll-code").inner_text()
    phone_page.goto(live_server + f"/{lang}/stem/{code}")
    assert axe_violations(phone_page) == []
    phone_page.locator(".choice label").first.tap()
    phone_page.locator("form[data-poll-form] button").tap()
    phone_page.wait_for_url("**/bedankt?stelling=1")
    assert axe_violations(phone_page) == []
    phone_page.goto(live_server + f"/{lang}/stem?code=ABC")
    assert axe_violations(phone_page) == []
    phone_page.goto(live_server + f"/{lang}/stem/{code}")
    assert axe_violations(phone_page) == [], "the 'already voted' state"
