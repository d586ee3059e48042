"""Friend check in a real Chromium: the whole check by touch on a phone, with htmx and without JavaScript."""

import pytest
from playwright.sync_api import expect

from checkje.core.settings import LANGUAGES
from tests.browser_helpers import CHEAP_ANDROID, PHONE, axe_violations, on_first_screen
from tests.friendcheck.test_friendcheck import (
    QUICK_IDS,
    REQUEST_IDS,
    SAVED_RULES_PATH,
    _answers_in,
    check,
    requests_doc,
)

pytestmark = pytest.mark.browser

STORAGE_KEY = "checkje.friendcheck.rules"
REWARD_KEY = "checkje.friendcheck.reward"


# One context for each set of read-only page checks below: they change nothing a page shows.
@pytest.fixture(scope="module")
def dark_phone(browser):
    context = browser.new_context(color_scheme="dark", **PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def zoomed_window(browser):
    context = browser.new_context(viewport={"width": 320, "height": 256})
    yield context.new_page()
    context.close()


def tap_choices(page, ids):
    for choice_id in ids:
        label = page.locator(f'label[for="choice-{choice_id}"]')
        assert label.bounding_box()["height"] >= 44, "each choice is a big tap target"
        label.tap()
        expect(page.locator(f"#choice-{choice_id}")).to_be_checked()


def show_result(page, url, picks):
    """Open the form at `url`, tick `picks` and send it: the result is the answer to that POST."""
    page.goto(url)
    answer_here(page, picks)


def addresses_seen(page):
    """Every address the page's tab shows, collected after each navigation (to check none holds answers)."""
    seen = []
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    return seen


def submit_in_place(page, heading, button=None):
    """Tap the form's button (or `button`, a practice request's answer); htmx swaps the result into this same page,
    focused and announced."""
    url = page.url
    page.evaluate("window.pageBeforeSubmit = true")
    (button or page.locator("form.choices button[type=submit]")).tap()
    expect(page.locator("h1")).to_have_text(heading)
    assert page.evaluate("window.pageBeforeSubmit === true"), "swapped in place, not a new page"
    assert page.url == url, "no answer in the address bar"
    expect(page.locator("h1")).to_be_focused()
    expect(page.locator("#friendcheck-status")).to_have_text(heading)
    assert page.title().startswith(heading)
    assert axe_violations(page) == []


def test_whole_check_by_touch_with_htmx_keeps_nothing(phone_page, live_server):
    page, lang = phone_page, "nl"
    rules_now, profile, my_rules = check(lang)["rules_now"], check(lang)["profile"], check(lang)["my_rules"]
    doc = requests_doc(lang)

    page.goto(f"{live_server}/{lang}/vriendencheck")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Doe de hele check").tap()
    page.wait_for_url(f"{live_server}/{lang}/vriendencheck/mijn-regels-nu")
    assert axe_violations(page) == []

    tap_choices(page, ["ken-in-het-echt", "complimenten", "iets-aangeboden"])
    submit_in_place(page, rules_now["result_title"])
    assert page.locator(".feedback").count() == 3

    for index, request_id in enumerate(REQUEST_IDS):
        page.locator(".onward .button").tap()
        page.wait_for_url(f"{live_server}/{lang}/vriendencheck/oefenen/{request_id}")
        expect(page.locator("h1")).to_have_text(f"Verzoek {index + 1} van {len(REQUEST_IDS)}")
        practice = doc["requests"][index]
        answer = ["accept", "decline", "check"][index % 3]
        submit_in_place(page, doc["verdicts"][practice["best"]]["title"], answer_button(page, answer))
        expect(page.locator(".verdict")).to_contain_text(doc["answers"][answer])

    page.locator(".onward .button").tap()
    page.wait_for_url(f"{live_server}/{lang}/vriendencheck/mijn-profiel")
    assert axe_violations(page) == []
    tap_choices(page, ["open-account", "leeftijd-in-naam"])
    submit_in_place(page, profile["result_title"])
    assert page.locator("section.feedback").count() == 2

    page.locator(".onward .button").tap()
    page.wait_for_url(f"{live_server}/{lang}/vriendencheck/mijn-regels")
    assert axe_violations(page) == []
    tap_choices(page, ["alleen-in-het-echt", "geen-andere-app", "vertel-het"])
    submit_in_place(page, my_rules["result_title"])
    texts = page.locator(".my-rules__text").all_inner_texts()
    rules = {rule["id"]: rule["text"] for rule in my_rules["rules"]}
    assert texts == [rules["alleen-in-het-echt"], rules["geen-andere-app"], rules["vertel-het"]]

    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("localStorage.getItem('htmx-history-cache')") is None
    assert page.evaluate("sessionStorage.getItem('htmx-history-cache')") is None, "htmx 2 keeps its history here"
    assert page.evaluate("sessionStorage.length") == 0
    assert page.context.cookies() == []


def test_a_missing_answer_with_htmx_shows_the_step_again(phone_page, live_server):
    page = phone_page
    page.goto(f"{live_server}/en/vriendencheck/mijn-regels-nu")
    page.locator("form.choices button[type=submit]").tap()
    expect(page.locator("#choices-problem")).to_have_text("Choose at least one answer.")
    expect(page.locator("h1")).to_be_focused()
    assert page.url == f"{live_server}/en/vriendencheck/mijn-regels-nu"
    assert axe_violations(page) == []
    tap_choices(page, ["ken-in-het-echt"])
    page.locator("form.choices button[type=submit]").tap()
    expect(page.locator("h1")).to_have_text(check("en")["rules_now"]["result_title"])


def test_the_check_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/en/vriendencheck/mijn-regels-nu")
    answer_here(page, ["leuke-foto"])
    expect(page.locator("h1")).to_have_text(check("en")["rules_now"]["result_title"])
    page.locator(".onward .button").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/oefenen/{REQUEST_IDS[0]}")
    answer_here(page, ["accept"])
    expect(page.locator("h1")).to_have_text(requests_doc("en")["verdicts"]["accept"]["title"])
    context.close()


def answer_button(page, answer):
    """A practice request's answer: a button on the card that sends it with one tap."""
    return page.locator(f"form.answers button.answer--{answer}")


def answer_here(page, picks):
    """Tick `picks` on the form shown and send it (a practice request: tap its one answer); the result shows at the
    form's own address."""
    url = page.url
    if page.locator("form.answers").count():
        (answer,) = picks
        answer_button(page, answer).click()
    else:
        for choice_id in picks:
            page.locator(f'label[for="choice-{choice_id}"]').click()
        page.locator("form.choices button[type=submit]").click()
    expect(page.locator("#friendcheck form")).to_have_count(0)
    assert page.url == url, "the result answers the POST"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_no_address_in_the_history_holds_an_answer(browser, live_server, javascript):
    """The quick round, one more practice request and two parts, the way a youth goes: no address holds an answer."""
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    seen = addresses_seen(page)
    blank = page.evaluate("history.length")  # the new tab's own about:blank
    picked = set()
    page.goto(f"{live_server}/nl/vriendencheck")
    page.get_by_role("link", name="Begin de snelle ronde").click()
    for request_id in QUICK_IDS:
        page.wait_for_url(f"{live_server}/nl/vriendencheck/snel/{request_id}")
        answer_here(page, ["accept"])
        page.locator(".onward .button").click()
    picked.add("accept")
    page.wait_for_url(f"{live_server}/nl/vriendencheck/snel/klaar")
    page.locator(".onward .button").first.click()  # practise more
    page.wait_for_url(f"{live_server}/nl/vriendencheck/oefenen/*")
    answer_here(page, ["check"])
    picked.add("check")
    for part, picks in [("mijn-regels-nu", ["leuke-foto", "ken-in-het-echt"]), ("mijn-regels", ["vertel-het"])]:
        page.goto(f"{live_server}/nl/vriendencheck/{part}")
        answer_here(page, picks)
        picked |= set(picks)
    entries = page.evaluate("history.length")
    assert entries >= len(QUICK_IDS) + 3 and len(seen) >= entries - blank, "every page in the history was seen"
    assert [url for url in seen if "?" in url or _answers_in(url, picked)] == []
    context.close()


def test_rules_are_remembered_only_when_asked_and_forgotten_with_one_tap(phone_page, live_server):
    page = phone_page
    rules = {rule["id"]: rule["text"] for rule in check("nl")["my_rules"]["rules"]}
    show_result(page, f"{live_server}/nl/vriendencheck/mijn-regels", ["alleen-in-het-echt", "vertel-het"])
    assert page.evaluate("localStorage.length") == 0
    page.get_by_role("button", name="Onthoud op deze telefoon").tap()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == '"alleen-in-het-echt vertel-het"'
    forget = page.get_by_role("button", name="Vergeet mijn regels")
    expect(forget).to_be_focused()
    expect(page.locator("[data-rules-status]")).to_have_text(
        "Je regels staan nu alleen op deze telefoon, nooit op onze server."
    )
    assert axe_violations(page) == []

    page.goto(f"{live_server}/nl/vriendencheck/mijn-regels")
    notice = page.locator("[data-rules-remembered]")
    expect(notice).to_be_visible()
    notice.get_by_role("link", name="Laat mijn bewaarde regels zien").tap()
    page.wait_for_url(f"{live_server}/nl{SAVED_RULES_PATH}")
    # The overview shows the rules from this phone's storage: the address holds none of them.
    expect(page.locator("[data-saved-rules-empty]")).to_be_hidden()
    expect(page.locator("[data-saved-rules] .my-rules__text:visible")).to_have_text(
        [rules["alleen-in-het-echt"], rules["vertel-het"]]
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Vergeet mijn regels").tap()
    expect(page.locator("[data-saved-rules]")).to_be_hidden()
    expect(page.locator("[data-saved-rules-empty]")).to_be_visible()
    expect(page.locator("[data-rules-status]")).to_have_text("Je regels zijn weg van deze telefoon.")
    expect(page.locator("h1")).to_be_focused()
    assert page.evaluate("localStorage.length") == 0

    page.goto(f"{live_server}/nl/vriendencheck/mijn-regels")
    expect(notice).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_saved_rules_overview_without_saved_rules_says_so_kindly(browser, live_server, javascript):
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    response = page.goto(f"{live_server}/en{SAVED_RULES_PATH}")
    assert response.status == 200
    empty = page.locator("[data-saved-rules-empty]")
    expect(empty).to_contain_text("You have no saved rules yet.")
    expect(page.locator("[data-saved-rules]")).to_be_hidden()
    empty.get_by_role("link", name="Make my rules").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/mijn-regels")
    context.close()


class TapCounter:
    """Taps on a page, counted: every tap a youth makes on the way to the result."""

    def __init__(self, page):
        self.page, self.taps = page, 0

    def tap(self, locator):
        assert locator.bounding_box()["height"] >= 44, "a big tap target"
        locator.tap()
        self.taps += 1


def test_the_quick_round_reaches_a_result_in_at_most_ten_taps(phone_page, live_server):
    page, lang = phone_page, "nl"
    doc = requests_doc(lang)
    counter = TapCounter(page)
    page.goto(f"{live_server}/{lang}/vriendencheck")
    expect(page.locator("[data-reward-shown]")).to_be_hidden()
    counter.tap(page.get_by_role("link", name="Begin de snelle ronde"))
    for index, request_id in enumerate(QUICK_IDS):
        page.wait_for_url(f"{live_server}/{lang}/vriendencheck/snel/{request_id}")
        expect(page.locator("progress.progress")).to_have_attribute("value", str(index + 1))
        practice = next(p for p in doc["requests"] if p["id"] == request_id)
        counter.tap(answer_button(page, "decline"))
        expect(page.locator("h1")).to_have_text(doc["verdicts"][practice["best"]]["title"])
        expect(page.locator(".request-card .is-sign").first).to_be_visible()
        counter.tap(page.locator(".onward .button"))
    page.wait_for_url(f"{live_server}/{lang}/vriendencheck/snel/klaar")
    expect(page.locator(".reward__text")).to_have_text(f"Je hebt {len(QUICK_IDS)} verzoeken goed bekeken.")
    assert counter.taps <= 10, f"{counter.taps} taps to the first result"
    assert axe_violations(page) == []

    # Nothing is kept unasked. One tap keeps the reward on this phone (never in a cookie), the start
    # page then remembers it, and one tap forgets it.
    assert page.evaluate("localStorage.length") == 0 and page.context.cookies() == []
    page.get_by_role("button", name="Bewaar mijn beloning op deze telefoon").tap()
    assert page.evaluate(f"localStorage.getItem('{REWARD_KEY}')") == f'{{"requests":{len(QUICK_IDS)}}}'
    kept = "Je beloning staat nu alleen op deze telefoon, nooit op onze server."
    expect(page.locator("[data-reward-status]")).to_have_text(kept)
    forget = page.get_by_role("button", name="Vergeet mijn beloning")
    expect(forget).to_be_focused()
    assert page.context.cookies() == []
    page.goto(f"{live_server}/{lang}/vriendencheck")
    expect(page.locator("[data-reward-shown]")).to_be_visible()
    page.goto(f"{live_server}/{lang}/vriendencheck/snel/klaar")
    page.get_by_role("button", name="Vergeet mijn beloning").tap()
    expect(page.locator("[data-reward-status]")).to_have_text("Je beloning is weg van deze telefoon.")
    assert page.evaluate(f"localStorage.getItem('{REWARD_KEY}')") is None
    expect(page.get_by_role("button", name="Bewaar mijn beloning op deze telefoon")).to_be_focused()


def test_the_quick_round_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/en/vriendencheck")
    page.get_by_role("link", name="Start the quick round").click()
    for request_id in QUICK_IDS:
        page.wait_for_url(f"{live_server}/en/vriendencheck/snel/{request_id}")
        answer_here(page, ["check"])
        expect(page.locator(".request-card .is-sign").first).to_be_visible()
        page.locator(".onward .button").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/snel/klaar")
    expect(page.locator(".reward__text")).to_have_text(f"You looked closely at {len(QUICK_IDS)} requests.")
    expect(page.locator(".reward-tools")).to_be_hidden()
    context.close()


ANSWER_BOXES = """() => [...document.querySelectorAll("form.answers .answer")].map(answer => {
    const box = answer.getBoundingClientRect();
    return [box.top + scrollY, box.bottom + scrollY, box.height];
})"""


def test_a_request_is_answered_on_its_first_screen_of_a_cheap_phone_in_every_language(browser, live_server):
    """Issue 28: at 360 x 640 the three answers of the quick round's first request are on the first screen in each
    language (one context, a visit each); in Dutch the title starts at most 150 px down, and after one tap on an
    answer the next request is right under the verdict, on the first screen too."""
    context = browser.new_context(**CHEAP_ANDROID)
    page = context.new_page()
    try:
        for lang in sorted(LANGUAGES, key=lambda lang: lang == "nl"):  # Dutch last: it goes on to answer
            page.goto(f"{live_server}/{lang}/vriendencheck/snel/{QUICK_IDS[0]}")
            # Each answer's box, read in one go at the top of the page: [top, bottom, height].
            boxes = page.evaluate(ANSWER_BOXES)
            assert len(boxes) == 3 and all(
                top >= 0 and bottom <= CHEAP_ANDROID["viewport"]["height"] for top, bottom, _ in boxes
            ), (lang, boxes)
            assert all(height >= 44 for _, _, height in boxes), "big tap targets"
        assert page.locator("h1").bounding_box()["y"] <= 150
        answer_button(page, "decline").tap()
        verdict, next_request = page.locator(".verdict"), page.locator(".verdict + .onward .button")
        expect(next_request).to_have_attribute("href", f"/nl/vriendencheck/snel/{QUICK_IDS[1]}")
        assert page.locator("h1").bounding_box()["y"] <= 150
        gap = next_request.bounding_box()["y"] - (verdict.bounding_box()["y"] + verdict.bounding_box()["height"])
        assert 0 <= gap <= 24 and on_first_screen(page, next_request), gap
    finally:
        context.close()


def test_each_tone_has_its_own_icon_beside_its_words(phone_page, live_server):
    page = phone_page
    show_result(page, f"{live_server}/en/vriendencheck/oefenen/videobellen", ["accept"])
    icons = {}
    for tone in ("safe", "warn", "risk"):
        tag = page.locator(f".request-card .tone--{tone}").first
        expect(tag).to_be_visible()
        assert tag.inner_text().strip(), "words beside the icon"
        icons[tone] = tag.evaluate(
            """tag => {
                const icon = getComputedStyle(tag, "::before");
                return [icon.content, icon.clipPath, icon.borderRadius, icon.width];
            }"""
        )
        assert icons[tone][0] not in ("none", "normal", '""') and icons[tone][3] != "0px", tone
    assert len({tuple(icon[:3]) for icon in icons.values()}) == 3, "three different icons, not only colours"


def open_page(page, live_server, url, picks):
    """The page at `url`, or with `picks` the result of its form."""
    if picks is None:
        page.goto(live_server + url)
    else:
        show_result(page, live_server + url, picks)


@pytest.mark.parametrize(
    ("url", "picks"),
    [
        (f"/nl/vriendencheck/oefenen/{REQUEST_IDS[4]}", ["accept"]),
        (f"/en/vriendencheck/snel/{QUICK_IDS[0]}", ["decline"]),
        (f"/ar/vriendencheck/snel/{QUICK_IDS[0]}", None),
        ("/nl/vriendencheck/snel/klaar", None),
        ("/en/vriendencheck/mijn-regels-nu", ["ken-in-het-echt", "bijna-iedereen"]),
        ("/nl/vriendencheck/mijn-profiel", ["profielfoto"]),
        ("/nl/vriendencheck/mijn-profiel", None),
        ("/en/vriendencheck/mijn-regels", ["geen-naaktfotos"]),
        (f"/nl{SAVED_RULES_PATH}", None),
        ("/en/vriendencheck/mijn-profiel/uitslag", None),
    ],
)
def test_results_have_no_accessibility_violations_in_dark_mode(dark_phone, live_server, url, picks):
    open_page(dark_phone, live_server, url, picks)
    assert axe_violations(dark_phone) == []


@pytest.mark.parametrize(
    ("url", "picks"),
    [
        ("/nl/vriendencheck", None),
        ("/nl/vriendencheck/mijn-regels-nu", None),
        ("/nl/vriendencheck/mijn-profiel", None),
        (f"/nl/vriendencheck/oefenen/{REQUEST_IDS[3]}", None),
        (f"/en/vriendencheck/oefenen/{REQUEST_IDS[1]}", ["check"]),
        (f"/nl/vriendencheck/oefenen/{REQUEST_IDS[2]}", ["accept"]),
        ("/en/vriendencheck/snel/klaar", None),
        ("/nl/vriendencheck/mijn-regels", ["niets-aannemen", "geen-andere-app"]),
        (f"/nl{SAVED_RULES_PATH}", None),
        ("/nl/vriendencheck/mijn-regels-nu/uitslag", None),
    ],
)
def test_readable_at_400_percent_zoom_without_sideways_scrolling(zoomed_window, live_server, url, picks):
    """A 1280 x 1024 px window at 400 % zoom leaves 320 x 256 CSS pixels."""
    open_page(zoomed_window, live_server, url, picks)
    assert zoomed_window.evaluate("document.documentElement.scrollWidth") <= 320
