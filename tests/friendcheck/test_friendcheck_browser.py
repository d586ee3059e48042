"""Friend check in a real Chromium: the whole check by touch on a phone, with htmx and without JavaScript."""

import pytest
from playwright.sync_api import expect

from checkje.friendcheck.fields import PICKS
from tests.browser_helpers import PHONE, axe_violations
from tests.friendcheck.test_friendcheck import REQUEST_IDS, check, requests_doc

pytestmark = pytest.mark.browser

STORAGE_KEY = "checkje.friendcheck.rules"


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


def submit_in_place(page, heading):
    """Tap the form's button; htmx swaps the result into this same page, focused and announced."""
    url = page.url
    page.evaluate("window.pageBeforeSubmit = true")
    page.locator("form.choices button[type=submit]").tap()
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
    page.get_by_role("link", name="Begin de check").tap()
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
        tap_choices(page, [answer])
        submit_in_place(page, doc["verdicts"][practice["best"]]["title"])
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
    page.goto(f"{live_server}/en/vriendencheck/oefenen/{REQUEST_IDS[0]}")
    page.locator("form.choices button[type=submit]").tap()
    expect(page.locator("#choices-problem")).to_have_text("Choose one answer.")
    expect(page.locator("h1")).to_be_focused()
    assert page.url == f"{live_server}/en/vriendencheck/oefenen/{REQUEST_IDS[0]}"
    assert axe_violations(page) == []
    tap_choices(page, ["decline"])
    page.locator("form.choices button[type=submit]").tap()
    expect(page.locator("h1")).to_have_text(requests_doc("en")["verdicts"]["accept"]["title"])


def test_the_check_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/en/vriendencheck/mijn-regels-nu")
    page.locator('label[for="choice-leuke-foto"]').click()
    page.locator("form.choices button[type=submit]").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/mijn-regels-nu/uitslag?{PICKS}=leuke-foto")
    expect(page.locator("h1")).to_have_text(check("en")["rules_now"]["result_title"])
    page.locator(".onward .button").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/oefenen/{REQUEST_IDS[0]}")
    page.locator('label[for="choice-accept"]').click()
    page.locator("form.choices button[type=submit]").click()
    page.wait_for_url(f"{live_server}/en/vriendencheck/oefenen/{REQUEST_IDS[0]}/uitslag?{PICKS}=accept")
    expect(page.locator("h1")).to_have_text(requests_doc("en")["verdicts"]["accept"]["title"])
    page.goto(f"{live_server}/en/vriendencheck/mijn-regels/overzicht?{PICKS}=vertel-het")
    expect(page.locator(".rules-tools")).to_be_hidden()
    context.close()


def test_rules_are_remembered_only_when_asked_and_forgotten_with_one_tap(phone_page, live_server):
    page = phone_page
    page.goto(f"{live_server}/nl/vriendencheck/mijn-regels/overzicht?{PICKS}=alleen-in-het-echt&{PICKS}=vertel-het")
    assert page.evaluate("localStorage.length") == 0
    page.get_by_role("button", name="Onthoud op deze telefoon").tap()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == '"alleen-in-het-echt vertel-het"'
    forget = page.get_by_role("button", name="Vergeet mijn regels")
    expect(forget).to_be_focused()
    saved = "Je regels zijn bewaard: alleen op deze telefoon, nooit op onze server."
    expect(page.locator("[data-rules-status]")).to_have_text(saved)
    assert axe_violations(page) == []

    page.goto(f"{live_server}/nl/vriendencheck/mijn-regels")
    notice = page.locator("[data-rules-remembered]")
    expect(notice).to_be_visible()
    link = notice.get_by_role("link", name="Laat mijn bewaarde regels zien")
    assert link.get_attribute("href").endswith(
        f"/nl/vriendencheck/mijn-regels/overzicht?{PICKS}=alleen-in-het-echt&{PICKS}=vertel-het"
    )
    assert axe_violations(page) == []
    notice.get_by_role("button", name="Vergeet mijn regels").tap()
    expect(notice).to_be_hidden()
    assert page.evaluate("localStorage.length") == 0


@pytest.mark.parametrize(
    "url",
    [
        f"/nl/vriendencheck/oefenen/{REQUEST_IDS[4]}/uitslag?{PICKS}=accept",
        f"/en/vriendencheck/mijn-regels-nu/uitslag?{PICKS}=ken-in-het-echt&{PICKS}=bijna-iedereen",
        f"/nl/vriendencheck/mijn-profiel/uitslag?{PICKS}=profielfoto",
        f"/en/vriendencheck/mijn-regels/overzicht?{PICKS}=geen-naaktfotos",
    ],
)
def test_results_have_no_accessibility_violations_in_dark_mode(dark_phone, live_server, url):
    dark_phone.goto(live_server + url)
    assert axe_violations(dark_phone) == []


@pytest.mark.parametrize(
    "url",
    [
        "/nl/vriendencheck",
        "/nl/vriendencheck/mijn-regels-nu",
        f"/nl/vriendencheck/oefenen/{REQUEST_IDS[3]}",
        f"/en/vriendencheck/oefenen/{REQUEST_IDS[1]}/uitslag?{PICKS}=check",
        f"/nl/vriendencheck/mijn-regels/overzicht?{PICKS}=niets-aannemen&{PICKS}=geen-andere-app",
    ],
)
def test_readable_at_400_percent_zoom_without_sideways_scrolling(zoomed_window, live_server, url):
    """A 1280 x 1024 px window at 400 % zoom leaves 320 x 256 CSS pixels."""
    zoomed_window.goto(live_server + url)
    assert zoomed_window.evaluate("document.documentElement.scrollWidth") <= 320
