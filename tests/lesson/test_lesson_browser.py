"""Lesson mode in a real Chromium: the slides on a projector, one teacher, pupils on their own phones, and axe."""

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from app import create_app
from checkje.lesson.poll_store import IDLE_SECONDS, SQLitePollStore
from tests.browser_helpers import (
    NEUTRAL_SITE,
    PHONE,
    answer_for_neutral_site,
    axe_violations,
    dark_contrast_violations,
)
from tests.conftest import serving
from tests.helpers import Clock
from tests.shared_app import TEST_CONFIG, document

pytestmark = pytest.mark.browser

PROJECTORS = {"720p": {"width": 1280, "height": 720}, "1080p": {"width": 1920, "height": 1080}}
PROJECTOR = {"viewport": PROJECTORS["720p"], "service_workers": "block"}
PUPILS = 3
REFRESH_MS = 1000  # the results ask the server again every second (hx-trigger="every 1s")
SLIDES = [slide["id"] for slide in document("lesson/slides", "nl")["slides"]]

# Whether the page and the slide show all of it without scrolling: [needed, available] per direction.
FITS = """() => {
  const root = document.documentElement, slide = document.querySelector('.slide');
  return {
    page_height: [root.scrollHeight, innerHeight], page_width: [root.scrollWidth, innerWidth],
    slide_height: [slide.scrollHeight, slide.clientHeight], slide_width: [slide.scrollWidth, slide.clientWidth],
  };
}"""


@pytest.fixture(scope="module")
def lesson_server():
    """The app with pupils' phones asking every 200 ms (4 s in a classroom), so the tests need not wait."""
    with serving(create_app({**TEST_CONFIG, "LESSON_FOLLOW_MS": 200})) as base_url:
        yield base_url


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


def start_poll(teacher, server):
    """The poll screen alone (for a teacher's own slides); return the code."""
    teacher.goto(server + "/nl/les")
    teacher.get_by_role("button", name="Alleen de peiling, zonder dia's").click()
    code = teacher.locator(".poll-code").inner_text()
    assert len(code) == 6
    teacher.wait_for_load_state()  # the stop dialog and the keys work once lesson.js runs
    return code


def present_with_poll(teacher, server):
    """The lesson page's main button: the first slide with the poll on it; return the code."""
    teacher.goto(server + "/nl/les")
    teacher.get_by_role("button", name="Start de les").click()
    code = teacher.locator(".board .poll-code").inner_text()
    assert len(code) == 6
    teacher.wait_for_load_state()
    return code


def join_and_vote(pupil, server, code, answer):
    pupil.goto(server + "/nl/stem")
    pupil.get_by_label("Code van het scherm").fill(code.lower())
    pupil.get_by_role("button", name="Naar de peiling").tap()
    pupil.get_by_label(answer, exact=True).check()
    pupil.get_by_role("button", name="Stem", exact=True).tap()
    expect(pupil.get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")


def confirm_stop(teacher):
    teacher.get_by_role("button", name="Stop de peiling en wis alles").click()
    teacher.get_by_role("dialog").get_by_role("button", name="Ja, stop en wis alles").click()


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


def on_slide(page, number):
    expect(page.locator(".slide__main > .step-count")).to_have_text(f"Dia {number} van {len(SLIDES)}")
    assert page.url.endswith(f"/nl/les/dia/{SLIDES[number - 1]}")


def full_screen_on(page):
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    # Gone if the browser ever loads another page: then full screen would be gone too.
    page.evaluate("window.stillTheSamePage = true")


def still_full_screen_on_the_same_page(page):
    return page.evaluate("window.stillTheSamePage === true && document.fullscreenElement !== null")


def walk_through_the_slides(page):
    """Every slide by arrow right and Page Down in turn: each fits the screen, full screen stays on."""
    overflowing = {}
    for number in range(1, len(SLIDES) + 1):
        on_slide(page, number)
        sizes = page.evaluate(FITS)
        if any(needed > available for needed, available in sizes.values()):
            overflowing[SLIDES[number - 1]] = sizes
        if number < len(SLIDES):
            page.keyboard.press("ArrowRight" if number % 2 else "PageDown")
    assert overflowing == {}
    assert still_full_screen_on_the_same_page(page)


@pytest.mark.parametrize("projector", list(PROJECTORS))
def test_every_slide_fits_the_projector_and_full_screen_stays_on(browser, lesson_server, projector):
    context = browser.new_context(viewport=PROJECTORS[projector], service_workers="block")
    page = context.new_page()
    page.goto(lesson_server + "/nl/les/dia/start")
    full_screen_on(page)
    walk_through_the_slides(page)
    page.keyboard.press("Escape")
    page.wait_for_function("document.fullscreenElement === null")

    # The poll screen is a projector page too: no site header or footer, and it fits the screen.
    code = start_poll(page, lesson_server)
    assert not page.locator(".site-header, .site-footer").count()
    assert page.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]") == [
        PROJECTORS[projector]["height"],
        PROJECTORS[projector]["width"],
    ]
    # With the class poll on the slides: the code, the QR code and the count take room too.
    page.get_by_role("button", name="Naar de dia's, met de peiling erop").click()
    expect(page.locator(".board .poll-code")).to_have_text(code)
    page.wait_for_load_state()
    full_screen_on(page)
    walk_through_the_slides(page)
    context.close()


def test_keys_move_between_slides_in_place_and_f_and_esc_switch_full_screen(teacher, lesson_server):
    teacher.goto(lesson_server + "/nl/les/dia/start")
    teacher.evaluate("window.stillTheSamePage = true")
    for key, number in [("ArrowRight", 2), ("PageDown", 3), ("ArrowLeft", 2), ("PageUp", 1)]:
        teacher.keyboard.press(key)
        on_slide(teacher, number)
        assert teacher.title() == f"{document('lesson/slides', 'nl')['slides'][number - 1]['title']} – Checkje"
    assert teacher.evaluate("window.stillTheSamePage"), "no key loaded another page"
    teacher.keyboard.press("PageDown")
    on_slide(teacher, 2)
    teacher.go_back()
    on_slide(teacher, 1)
    teacher.go_forward()
    on_slide(teacher, 2)
    assert teacher.evaluate("document.activeElement.id") == "slide-title"
    teacher.keyboard.press("f")
    teacher.wait_for_function("document.fullscreenElement !== null")
    teacher.keyboard.press("F")
    teacher.wait_for_function("document.fullscreenElement === null")
    teacher.get_by_role("button", name="Groot scherm (F)").click()
    teacher.wait_for_function("document.fullscreenElement !== null")
    teacher.keyboard.press("Escape")
    teacher.wait_for_function("document.fullscreenElement === null")
    notes = teacher.locator(".deck__notes")
    notes.locator("summary").click()
    expect(notes.get_by_text("Wat is een vriend voor jou?")).to_be_visible()
    teacher.keyboard.press("Escape")
    expect(notes.get_by_text("Wat is een vriend voor jou?")).to_be_hidden()
    assert teacher.evaluate("window.stillTheSamePage")


def test_the_poll_stays_on_the_slides_through_reload_back_and_the_other_language(browser, lesson_server):
    """The secret is in no address: the history entry and the POST forms keep it. Quick exit still works."""
    context = browser.new_context(**PROJECTOR)
    answer_for_neutral_site(context)
    teacher = context.new_page()
    code = present_with_poll(teacher, lesson_server)
    board_code = teacher.locator(".board .poll-code")
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 2)
    teacher.reload()
    expect(board_code).to_have_text(code)
    on_slide(teacher, 2)
    teacher.go_back()
    on_slide(teacher, 1)
    expect(board_code).to_have_text(code)
    teacher.get_by_role("button", name="English").click()
    expect(teacher.locator("html")).to_have_attribute("lang", "en")
    expect(board_code).to_have_text(code)
    assert code not in teacher.url and "geheim" not in teacher.url
    teacher.wait_for_load_state()  # quick exit listens once core.js runs
    for _ in range(3):
        teacher.keyboard.press("Shift")
    teacher.wait_for_url(NEUTRAL_SITE)
    context.close()


def test_a_reload_of_the_poll_screen_keeps_the_poll_and_its_live_count(teacher, pupils, lesson_server):
    """Issue 29: a reload used to send the POST again and start a new poll. The tab keeps the secret in its
    sessionStorage (never in an address), so the same code comes back and the count goes on by itself."""
    sent = []
    teacher.on("request", lambda request: sent.append(request.url))
    code = start_poll(teacher, lesson_server)
    secret = teacher.locator("input[name=geheim]").first.input_value()
    teacher.reload()
    expect(teacher.locator(".poll-screen .poll-code")).to_have_text(code)
    join_and_vote(pupils[0], lesson_server, code, "Eens")
    expect(teacher.locator(".poll-count")).to_have_text("1 stem", timeout=10_000)
    assert all(secret not in url and "geheim" not in url for url in sent), "the secret is in no address"
    # Another computer (or tab) has no secret: it says so and offers a new poll.
    elsewhere = pupils[1]
    elsewhere.goto(lesson_server + f"/nl/les/peiling/{code}")
    expect(elsewhere.get_by_text("Dit scherm kan deze peiling niet besturen.", exact=False)).to_be_visible()
    expect(elsewhere.get_by_role("button", name="Start een peiling")).to_be_visible()
    assert axe_violations(elsewhere) == []
    # The lesson page of the same tab leads back to it; a new poll stays one tap away.
    teacher.goto(lesson_server + "/nl/les")
    expect(teacher.locator("[data-poll-running-code]")).to_have_text(code)
    assert axe_violations(teacher) == []
    teacher.get_by_role("link", name="Terug naar de lopende peiling").click()
    expect(teacher.locator(".poll-screen .poll-code")).to_have_text(code)
    teacher.wait_for_load_state()
    confirm_stop(teacher)
    expect(teacher.get_by_role("heading", level=1)).to_have_text("De peiling is gestopt")
    teacher.goto(lesson_server + "/nl/les")
    expect(teacher.get_by_role("link", name="Terug naar de lopende peiling")).to_be_hidden()
    assert start_poll(teacher, lesson_server) != code


def test_the_slides_work_without_javascript(browser, lesson_server):
    context = browser.new_context(java_script_enabled=False, **PROJECTOR)
    page = context.new_page()
    page.goto(lesson_server + "/nl/les/dia/start")
    page.get_by_role("link", name="Volgende").click()
    on_slide(page, 2)
    page.get_by_role("link", name="Terug").click()
    on_slide(page, 1)
    context.close()


def test_the_class_votes_sees_the_results_on_the_slide_and_the_phones_follow(teacher, pupils, lesson_server):
    code = present_with_poll(teacher, lesson_server)
    full_screen_on(teacher)
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 2)
    count = teacher.locator(".board__results .poll-count")
    expect(count).to_have_text("0 stemmen")
    for pupil, answer in zip(pupils, ["Eens", "Oneens", "Eens"], strict=True):
        join_and_vote(pupil, lesson_server, code, answer)
    expect(count).to_have_text("3 stemmen", timeout=3 * REFRESH_MS)
    assert not teacher.locator(".slide .poll-bar").count(), "hidden until the teacher shows them"
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".slide .poll-bar__count")).to_have_text(["2 (67%)", "1 (33%)", "0 (0%)"])
    expect(teacher.locator(".slide__answers")).to_be_hidden()

    # Pupil 0 waits on the thanks page, pupil 1 on the statement whose results are shown: both follow the screen.
    pupils[1].goto(lesson_server + f"/nl/stem/{code}")
    expect(pupils[1].get_by_text("De leraar laat de uitslag van deze stelling zien.")).to_be_visible()
    teacher.keyboard.press("PageDown")
    on_slide(teacher, 3)
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 4)
    for pupil in pupils[:2]:
        expect(pupil.locator(".poll-vote .step-count")).to_have_text("Stelling 2 van 6")
        expect(pupil.get_by_label("Eerst checken")).to_be_visible()
    pupils[0].get_by_label("Eerst checken").check()
    pupils[0].get_by_role("button", name="Stem", exact=True).tap()
    expect(pupils[0].get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")
    expect(count).to_have_text("1 stem", timeout=3 * REFRESH_MS)
    assert still_full_screen_on_the_same_page(teacher)


# Issue 29: what a pupil's phone may transfer to join and vote (it was about 700 KB with the offline copy).
PUPIL_BYTES_AT_MOST = 80_000


def test_a_pupils_phone_waits_follows_the_screen_by_itself_and_stays_light(teacher, browser, lesson_server):
    """The phone waits on "look at the screen" while the slide has no statement, moves to the statement when
    the teacher opens it and back after the vote, all in one page load each way; and it installs no service
    worker (allowed here, as on a real phone), so joining and voting transfers at most 80 KB."""
    code = present_with_poll(teacher, lesson_server)
    context = browser.new_context(**PHONE, service_workers="allow")
    sent = []
    context.on("requestfinished", lambda request: sent.append(request))
    phone = context.new_page()
    phone.goto(lesson_server + "/nl/stem")
    phone.get_by_label("Code van het scherm").fill(code)
    phone.get_by_role("button", name="Naar de peiling").tap()
    waiting = phone.get_by_role("heading", level=1, name="Kijk naar het scherm")
    expect(waiting).to_be_visible()
    phone.wait_for_load_state()
    phone.evaluate("window.stillTheSamePage = true")
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 2)
    phone.get_by_label("Eens", exact=True).check()
    assert phone.evaluate("window.stillTheSamePage") is None, "the phone went to the statement by itself"
    phone.get_by_role("button", name="Stem", exact=True).tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")
    phone.wait_for_load_state()
    joined_and_voted = list(sent)
    expect(teacher.locator(".board__results .poll-count")).to_have_text("1 stem", timeout=3 * REFRESH_MS)
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 3)
    expect(waiting).to_be_visible()

    transferred = sum(sum(request.sizes().values()) for request in joined_and_voted)
    assert transferred <= PUPIL_BYTES_AT_MOST, f"{transferred} bytes in {len(joined_and_voted)} requests"
    assert not [request.url for request in sent if request.service_worker], "no offline copy is fetched"
    assert phone.evaluate("navigator.serviceWorker.getRegistrations().then(found => found.length)") == 0
    context.close()


def test_the_slides_with_the_poll_have_no_accessibility_violations(teacher, lesson_server):
    code = present_with_poll(teacher, lesson_server)
    assert axe_violations(teacher) == []
    teacher.keyboard.press("ArrowRight")
    on_slide(teacher, 2)
    teacher.request.post(
        lesson_server + f"/nl/stem/{code}", form={"stelling": "1", "antwoord": "agree"}, max_redirects=0
    )
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".slide .poll-bar")).to_have_count(3)
    assert axe_violations(teacher) == [], "with the results shown"
    assert dark_contrast_violations(teacher) == []


def test_pupils_vote_and_the_teacher_screen_sees_the_counts_within_two_seconds(teacher, pupils, lesson_server):
    hold_time(teacher)
    code = start_poll(teacher, lesson_server)
    for pupil, answer in zip(pupils, ["Eens", "Oneens", "Eens"], strict=True):
        join_and_vote(pupil, lesson_server, code, answer)
    see_the_next_refresh(teacher, "0 stemmen", "3 stemmen")

    # A pupil's phone remembers that it voted: the same statement asks no second vote.
    pupils[0].goto(lesson_server + f"/nl/stem/{code}")
    expect(pupils[0].get_by_text("Je hebt al gestemd op deze stelling.")).to_be_visible()
    expect(pupils[0].get_by_role("button", name="Stem", exact=True)).to_be_hidden()

    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar__count")).to_have_text(["2 (67%)", "1 (33%)", "0 (0%)"])

    # The teacher moves on: the pupil's phone shows the practice request by itself.
    teacher.get_by_role("button", name="Volgende stelling").click()
    expect(teacher.locator(".poll-screen .step-count")).to_have_text("Stelling 2 van 6")
    pupils[0].get_by_label("Eerst checken").check()
    pupils[0].get_by_role("button", name="Stem", exact=True).tap()
    expect(pupils[0].get_by_role("heading", level=1)).to_have_text("Bedankt voor je stem")
    see_the_next_refresh(teacher, "0 stemmen", "1 stem")


def test_stopping_the_poll_asks_first(teacher, pupils, lesson_server):
    code = start_poll(teacher, lesson_server)
    stop = teacher.get_by_role("button", name="Stop de peiling en wis alles")
    stop.click()
    dialog = teacher.get_by_role("dialog", name="Peiling stoppen en alles wissen?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Nee, ga door met de peiling").click()
    expect(dialog).to_be_hidden()
    pupils[0].goto(lesson_server + f"/nl/stem/{code}")
    expect(pupils[0].locator(".poll-vote .step-count")).to_have_text("Stelling 1 van 6")
    confirm_stop(teacher)
    expect(teacher.get_by_role("heading", level=1)).to_have_text("De peiling is gestopt")
    # The phone on the poll learns it has ended by itself.
    expect(pupils[0].get_by_role("heading", level=1)).to_have_text("Deze peiling is gestopt")


def test_after_the_reveal_a_late_vote_changes_no_bar(teacher, browser, lesson_server):
    hold_time(teacher)
    code = start_poll(teacher, lesson_server)
    late = browser.new_context(**PHONE)
    pupil = late.new_page()
    pupil.goto(lesson_server + f"/nl/stem/{code}")
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


def test_without_javascript_voting_works_and_stopping_is_a_page_that_asks(browser, lesson_server):
    teacher_context = browser.new_context(java_script_enabled=False, **PROJECTOR)
    teacher = teacher_context.new_page()
    code = start_poll(teacher, lesson_server)
    context = browser.new_context(java_script_enabled=False, **PHONE)
    pupil = context.new_page()
    join_and_vote(pupil, lesson_server, code, "Weet ik niet")
    pupil.get_by_role("link", name="Nieuwe stelling? Kijk hier").click()
    expect(pupil.locator(".poll-vote .step-count")).to_have_text("Stelling 1 van 6")
    context.close()
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar__count").nth(2)).to_have_text("1 (100%)")
    teacher.get_by_role("button", name="Stop de peiling en wis alles").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Peiling stoppen en alles wissen?")
    teacher.get_by_role("button", name="Nee, ga door met de peiling").click()
    expect(teacher.locator(".poll-code")).to_have_text(code)
    teacher.get_by_role("button", name="Stop de peiling en wis alles").click()
    teacher.get_by_role("button", name="Ja, stop en wis alles").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("De peiling is gestopt")
    teacher_context.close()


def test_the_poll_screen_has_no_accessibility_violations_on_a_projector(teacher, lesson_server):
    code = start_poll(teacher, lesson_server)
    assert axe_violations(teacher) == []
    teacher.request.post(
        lesson_server + f"/nl/stem/{code}", form={"stelling": "1", "antwoord": "agree"}, max_redirects=0
    )
    teacher.get_by_role("button", name="Laat de uitslag zien").click()
    expect(teacher.locator(".poll-bar")).to_have_count(3)
    assert axe_violations(teacher) == [], "with the results shown"
    teacher.get_by_role("button", name="Stop de peiling en wis alles").click()
    expect(teacher.get_by_role("dialog")).to_be_visible()
    assert axe_violations(teacher) == [], "with the question whether to stop"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pupil_pages_have_no_accessibility_violations_on_a_phone(teacher, phone_page, lesson_server, lang):
    teacher.goto(lesson_server + f"/{lang}/les")
    teacher.locator(".lesson-poll button").first.click()  # the main button: the slides with the poll
    code = teacher.locator(".board .poll-code").inner_text()
    phone_page.goto(lesson_server + f"/{lang}/stem/{code}")
    expect(phone_page.locator(".poll-lobby")).to_be_visible()
    assert axe_violations(phone_page) == [], "waiting for a statement"
    teacher.wait_for_load_state()
    teacher.keyboard.press("ArrowRight")
    phone_page.locator(".choice label").first.tap()
    phone_page.locator("form[data-poll-form] button").tap()
    phone_page.wait_for_url("**/bedankt?stelling=1")
    assert axe_violations(phone_page) == []
    phone_page.goto(lesson_server + f"/{lang}/stem?code=ABC")
    assert axe_violations(phone_page) == []
    phone_page.goto(lesson_server + f"/{lang}/stem/{code}")
    assert axe_violations(phone_page) == [], "the 'already voted' state"


def test_votes_beyond_the_class_size_are_accepted_and_the_teacher_is_told(teacher, pupils, lesson_server):
    """Issue 29: the class size is a guide; a third pupil in a "class of 2" is thanked, not refused."""
    teacher.goto(lesson_server + "/nl/les")
    teacher.get_by_label("Hoeveel leerlingen zitten er in de klas?").fill("2")
    teacher.get_by_role("button", name="Alleen de peiling, zonder dia's").click()
    code = teacher.locator(".poll-code").inner_text()
    for pupil, answer in zip(pupils[:3], ["Eens", "Oneens", "Eens"], strict=True):
        join_and_vote(pupil, lesson_server, code, answer)  # each is thanked
    expect(teacher.locator(".poll-count")).to_have_text("3 stemmen", timeout=3 * REFRESH_MS)
    expect(teacher.locator(".poll-over")).to_have_text(
        "Meer stemmen dan leerlingen in de klas (2). Misschien stemde iemand twee keer."
    )


def _another_site(lesson_server):
    """A page on another origin with a form that tries to start a poll on ours, as a hostile site would."""
    form = f'<form method="post" action="{lesson_server}/nl/les/peiling"><button>Win a prize</button></form>'

    def site(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [f"<!doctype html><html lang='en'><title>Prize</title>{form}</html>".encode()]

    return site


def test_a_form_on_another_site_cannot_start_a_poll(browser, lesson_server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    with serving(_another_site(lesson_server)) as other_origin:
        page.goto(other_origin + "/")
        page.get_by_role("button", name="Win a prize").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.url == lesson_server + "/nl/les/peiling"
        assert page.locator(".poll-code").count() == 0 and page.locator("input[name=geheim]").count() == 0
    response_status = page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    assert response_status == 403
    context.close()


def test_a_poll_left_alone_for_20_minutes_ends_and_frees_its_place(teacher, pupils, tmp_path):
    """The store's clock is the test's: 20 minutes pass in one step, and the phones see the poll end."""
    clock = Clock()
    app = create_app({**TEST_CONFIG, "LESSON_FOLLOW_MS": 200})
    app.extensions["checkje.polls"] = SQLitePollStore(tmp_path / "polls.db", clock=clock, max_open_polls=1)
    with serving(app) as server:
        code = start_poll(teacher, server)
        join_and_vote(pupils[0], server, code, "Eens")
        clock.now += IDLE_SECONDS + 1
        expect(pupils[0].get_by_role("heading", level=1)).to_have_text("Deze peiling is gestopt")
        # Its place is free again: the server holds one open poll in this test, and a new one starts.
        assert len(start_poll(teacher, server)) == 6
