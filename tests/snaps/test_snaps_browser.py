"""Snaps can be saved, in a real Chromium on a phone.

Play, pause, play again, reduced motion, no script, two taps to help."""

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from checkje.core.settings import ROOT
from checkje.snaps.views import COUNTDOWN_SECONDS
from tests.browser_helpers import PHONE, axe_violations
from tests.snaps.test_snaps import DEMO, document

pytestmark = pytest.mark.browser

# How long the player shows each moment, read from the player itself.
MOMENT_MS = int(re.search(r"var MOMENT_MS = (\d+);", (ROOT / "static/js/snaps.js").read_text()).group(1))

COUNTDOWN = DEMO["en"]["steps"][0]
SCREENSHOT = next(step for step in DEMO["en"]["steps"] if step.get("scene") == "screenshot")
CURRENT = "[data-moment][aria-current='step']"
HAPPENED_DOOR = {
    lang: next(door["text"] for door in document("pages/home", lang)["doors"] if door["to"] == "snaps.happened")
    for lang in ("nl", "en")
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def calm_phone(browser):
    context = browser.new_context(reduced_motion="reduce", **PHONE)
    yield context.new_page()
    context.close()


def hold_time(page):
    """Stop the page's clock, before the page loads: the player moves on only when the test runs
    the clock (page.clock.run_for), so no test waits for it in real time or races it."""
    start = datetime(2026, 1, 5, 9, 0)
    page.clock.install(time=start)
    page.clock.pause_at(start + timedelta(seconds=1))


def status(page):
    return page.locator("[data-snap-status]").text_content()


def current_moment(page):
    current = page.locator(CURRENT)
    return int(current.get_attribute("data-moment")) if current.count() else 0


def is_off(page, selector):
    return "is-off" in page.locator(selector).get_attribute("class")


def test_the_youth_sends_the_snap_and_sees_it_disappear(phone, live_server):
    hold_time(phone)
    phone.goto(f"{live_server}/en/snaps/{COUNTDOWN['id']}")
    phone.clock.run_for(3 * MOMENT_MS)
    assert current_moment(phone) == 0, "the countdown waits for the youth"
    start = phone.get_by_role("button", name="Start", exact=True)
    box = start.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    start.tap()
    assert status(phone) == COUNTDOWN["moments"][0]
    phone.clock.run_for(MOMENT_MS)
    assert status(phone) == COUNTDOWN["moments"][1]
    timer = phone.locator("[data-snap-timer]")
    assert timer.text_content() == str(COUNTDOWN_SECONDS)
    for seconds_left in range(COUNTDOWN_SECONDS - 1, 0, -1):
        phone.clock.run_for(999)
        assert timer.text_content() == str(seconds_left + 1), "not a moment too soon"
        phone.clock.run_for(1)
        assert timer.text_content() == str(seconds_left), "the timer counts down by the second"
    assert status(phone) == COUNTDOWN["moments"][1]
    assert axe_violations(phone, held_clock=True) == [], "while it plays"
    phone.clock.run_for(1000)
    assert status(phone) == COUNTDOWN["moments"][2], "at zero the snap is gone"
    assert is_off(phone, ".snap-art__snap") and not is_off(phone, ".snap-art__gone")
    assert phone.locator("[data-snap-play]").text_content() == "Play again"
    assert axe_violations(phone, held_clock=True) == [], "when it has played"


def test_each_moment_shows_for_the_same_time(phone, live_server):
    hold_time(phone)
    phone.goto(f"{live_server}/en/snaps/{SCREENSHOT['id']}")
    for moment in range(1, len(SCREENSHOT["moments"])):
        assert current_moment(phone) == moment
        phone.clock.run_for(MOMENT_MS - 1)
        assert current_moment(phone) == moment, "not a moment too soon"
        phone.clock.run_for(1)
    assert current_moment(phone) == len(SCREENSHOT["moments"])


def test_pause_holds_the_moment_and_continue_goes_on(phone, live_server):
    hold_time(phone)
    phone.goto(f"{live_server}/en/snaps/{SCREENSHOT['id']}")
    assert current_moment(phone) == 1, "the reveal plays by itself"
    phone.get_by_role("button", name="Pause").tap()
    phone.clock.run_for(5 * MOMENT_MS)
    assert current_moment(phone) == 1, "paused"
    phone.get_by_role("button", name="Continue").tap()
    phone.clock.run_for((len(SCREENSHOT["moments"]) - 1) * MOMENT_MS)
    assert phone.locator("[data-snap-play]").text_content() == "Play again"
    assert current_moment(phone) == len(SCREENSHOT["moments"])
    assert not is_off(phone, ".snap-art__copy") and not is_off(phone, ".snap-art__notice")


def test_play_again_starts_from_the_first_moment(phone, live_server):
    hold_time(phone)
    phone.goto(f"{live_server}/nl/snaps/{SCREENSHOT['id']}")
    phone.clock.run_for((len(SCREENSHOT["moments"]) - 1) * MOMENT_MS)
    phone.get_by_role("button", name="Nog een keer").tap()
    assert current_moment(phone) == 1
    assert is_off(phone, ".snap-art__copy") and is_off(phone, ".snap-art__notice")
    phone.clock.run_for(MOMENT_MS)
    assert current_moment(phone) == 2, "and plays on"
    phone.get_by_role("button", name="Pauze").tap()
    phone.get_by_role("button", name="Opnieuw beginnen").tap()
    assert current_moment(phone) == 1
    assert phone.locator("[data-snap-play]").text_content() == "Pauze"


def test_reduced_motion_waits_and_then_steps_without_moving(calm_phone, live_server):
    page = calm_phone
    hold_time(page)
    page.goto(f"{live_server}/en/snaps/{SCREENSHOT['id']}")
    page.clock.run_for(3 * MOMENT_MS)
    assert current_moment(page) == 0 and status(page) == "", "nothing starts by itself"
    assert not is_off(page, ".snap-art__copy"), "the still drawing shows what happened"
    transition = page.locator(".snap-art__copy").evaluate("element => getComputedStyle(element).transitionDuration")
    assert transition == "0s"
    page.get_by_role("button", name="Start", exact=True).tap()
    page.clock.run_for((len(SCREENSHOT["moments"]) - 1) * MOMENT_MS)
    assert page.locator("[data-snap-play]").text_content() == "Play again"
    assert current_moment(page) == len(SCREENSHOT["moments"])
    flash = page.locator(".snap-art__flash").evaluate("element => getComputedStyle(element).animationName")
    assert flash == "none", "no flash for those who asked for less motion"
    assert axe_violations(page, held_clock=True) == []


def test_keyboard_plays_and_pauses(phone, live_server):
    hold_time(phone)
    phone.goto(f"{live_server}/en/snaps/{COUNTDOWN['id']}")
    for _ in range(30):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.hasAttribute('data-snap-play')"):
            break
    else:
        pytest.fail("the play button cannot be reached with Tab")
    phone.keyboard.press("Enter")
    assert current_moment(phone) == 1
    phone.keyboard.press("Space")
    assert phone.locator("[data-snap-play]").text_content() == "Continue"
    phone.clock.run_for(3 * MOMENT_MS)
    assert current_moment(phone) == 1, "paused"


def test_without_javascript_the_demonstration_is_a_sequence_of_pages(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/nl/snaps")
    page.get_by_role("link", name="Probeer het zelf").tap()
    titles = []
    while True:
        titles.append(page.locator("h1").text_content())
        assert not page.locator("[data-snap-controls]").is_visible()
        next_link = page.locator(".step-nav a[rel=next]")
        if not next_link.count():
            break
        next_link.tap()
    assert titles == [step["title"] for step in DEMO["nl"]["steps"]]
    context.close()


@pytest.mark.parametrize(
    ("lang", "line", "href"),
    [
        ("nl", "helpwanted", "tel:0202615275"),
        ("nl", "fier", "https://www.fier.nl/"),
        ("en", "helpwanted", "tel:0202615275"),
    ],
)
def test_two_taps_from_home_reach_the_help_entry(phone, live_server, lang, line, href):
    """The door, then the line's own call or chat button: "Help now" calls, it does not send to /hulp first."""
    phone.goto(f"{live_server}/{lang}/")
    phone.get_by_role("link", name=HAPPENED_DOOR[lang]).tap()
    phone.wait_for_url(f"{live_server}/{lang}/het-is-gebeurd")
    action = phone.locator(f"#help-now-{line} a[href='{href}']")
    assert action.is_visible()
    assert action.bounding_box()["height"] >= 44


def test_a_way_to_say_no_is_copied_or_sent_with_one_tap_and_never_to_us(browser, live_server):
    """Without Web Share (this Chromium) each reply has a copy button that says it copied; with it, the button sends
    the reply to the phone's share sheet. Nothing is asked of the server on either tap."""
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.goto(live_server + "/nl/nee-zeggen")
    first = document("snaps/say-no", "nl")["situations"][0]["replies"][0]
    requests = []  # what the page asks of any server but our static files (the icon may load late)
    page.on("request", lambda request: "/static/" not in request.url and requests.append(request.url))
    button = page.locator("button[data-reply]").first
    expect(button).to_have_text("Kopiëren")
    button.tap()
    expect(page.locator("[data-reply-status]").first).to_have_text("Gekopieerd. Plak het in je chat.")
    assert page.evaluate("navigator.clipboard.readText()") == first
    assert requests == [], "the reply goes to the clipboard, not to us"
    assert axe_violations(page) == []
    # A phone with a share sheet: the same button sends the reply there.
    context.add_init_script("navigator.share = data => { window.shared = data; return Promise.resolve(); };")
    page.reload()
    requests.clear()
    button = page.locator("button[data-reply]").first
    expect(button).to_have_text("Versturen")
    button.tap()
    page.wait_for_function("window.shared")
    assert page.evaluate("window.shared") == {"text": first}
    assert requests == [], "the reply goes to the phone, not to us"
    context.close()
