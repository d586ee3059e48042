"""Trusted people and the help finder in a real Chromium on a phone: kept on the phone, one tap away."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser_helpers import PHONE, axe_violations, is_our_origin, on_first_screen

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(context):
    """Every request the pages make, with its body, so a test can prove what never left the phone."""
    requests = []
    context.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    return requests


@pytest.fixture(scope="module")
def phone_for_mistakes(browser):
    """One phone for all the mistakes: a context for each would cost more than the check itself."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def form_page(phone_for_mistakes):
    yield phone_for_mistakes
    # A mistake that was saved after all fails its own case; the next case starts empty again.
    phone_for_mistakes.evaluate("localStorage.clear()")


def add_person(page, name, phone):
    page.get_by_label("Naam of bijnaam").fill(name)
    page.get_by_label("Telefoonnummer").fill(phone)
    page.get_by_role("button", name="Toevoegen").tap()


def stored_people(page):
    return json.loads(page.evaluate("localStorage.getItem('checkje.trustedPeople') || '[]'"))


def test_trusted_people_stay_on_the_phone(context, watched, live_server):
    page = context.new_page()
    page.goto(live_server + "/nl/mijn-mensen")
    expect(page.get_by_text("Je hebt nog niemand toegevoegd.")).to_be_visible()

    add_person(page, "Mentor Sanne", "06-12 34 56 78")
    add_person(page, "Tante Fatima", "+32 470 12 34 56")
    assert [p["phone"] for p in stored_people(page)] == ["+31612345678", "+32470123456"]
    assert page.get_by_role("status").filter(has_text="Tante Fatima is toegevoegd.").count() == 1

    sanne = page.locator(".people__person").filter(has_text="Mentor Sanne")
    hrefs = [link.get_attribute("href") for link in sanne.locator(".people__actions a").all()]
    assert hrefs == ["tel:+31612345678", "sms:+31612345678", "https://wa.me/31612345678"]
    expect(sanne.get_by_role("link", name="Bel Mentor Sanne")).to_be_visible()
    assert axe_violations(page) == []

    # Change a number, then remove someone.
    sanne.get_by_role("button", name="Wijzig Mentor Sanne").tap()
    page.get_by_label("Telefoonnummer").fill("0031 6 87654321")
    page.get_by_role("button", name="Opslaan").tap()
    assert stored_people(page)[0]["phone"] == "+31687654321"
    page.locator(".people__person").filter(has_text="Tante Fatima").get_by_role(
        "button", name="Verwijder Tante Fatima"
    ).tap()
    assert [p["name"] for p in stored_people(page)] == ["Mentor Sanne"]

    # They are still there after a reload, and show in the help bar and on the help page.
    page.reload()
    assert page.locator(".people__person").count() == 1
    bar_person = page.locator("[data-help-bar-person]")
    expect(bar_person).to_be_visible()
    assert bar_person.get_attribute("href") == "tel:+31687654321"
    assert bar_person.inner_text().strip() == "Bel Mentor Sanne"
    page.goto(live_server + "/nl/hulp")
    expect(page.locator("[data-my-people] .people__person").filter(has_text="Mentor Sanne")).to_be_visible()
    page.goto(live_server + "/nl/hulpkaart")
    expect(page.locator(".help-card [data-my-people]").filter(has_text="Mentor Sanne")).to_be_visible()
    assert axe_violations(page) == []

    # One tap removes everything.
    page.goto(live_server + "/nl/mijn-mensen")
    page.get_by_role("button", name="Wis alles wat Checkje op deze telefoon bewaarde").tap()
    page.get_by_text("Alles wat Checkje op deze telefoon bewaarde, is gewist.").wait_for()
    assert page.evaluate("localStorage.length") == 0
    assert page.locator(".people__person").count() == 0
    assert page.locator("[data-help-bar-person]").is_hidden()

    for url, body in watched:
        assert is_our_origin(url, live_server), url
        for secret in ("Sanne", "Fatima", "612345678", "687654321", "470123456", "470 12"):
            assert secret not in url and secret not in body, (url, secret)


@pytest.mark.parametrize(
    ("name", "phone", "field", "message"),
    [
        ("", "0612345678", "Naam of bijnaam", "Vul een naam of bijnaam in."),
        ("Sam", "", "Telefoonnummer", "Vul een telefoonnummer in."),
        ("Sam", "06-1234", "Telefoonnummer", "Een Nederlands nummer heeft 10 cijfers, zoals 06 12345678."),
        ("Sam", "06 1234 abcd", "Telefoonnummer", "Gebruik alleen cijfers. Een + aan het begin mag ook."),
        ("Sam", "612345678", "Telefoonnummer", "Begin met 0, of met + en de landcode, zoals +32."),
        ("Sam", "+3212", "Telefoonnummer", "Dit nummer is te kort of te lang."),
        ("S" * 41, "0612345678", "Naam of bijnaam", "Gebruik 40 tekens of minder."),
    ],
)
def test_mistakes_get_a_clear_message(form_page, live_server, name, phone, field, message):
    page = form_page
    page.goto(live_server + "/nl/mijn-mensen")
    add_person(page, name, phone)
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert summary.get_by_role("link", name=message).is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    field_input = page.get_by_label(field)
    assert field_input.get_attribute("aria-invalid") == "true"
    assert message in page.locator(f"#{field_input.get_attribute('aria-describedby').split()[-1]}").inner_text()
    assert stored_people(page) == []
    assert axe_violations(page) == []


def test_at_most_five_people(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/en/mijn-mensen")
    for number in range(5):
        page.get_by_label("Name or nickname").fill(f"Person {number}")
        page.get_by_label("Phone number").fill(f"061234567{number}")
        page.get_by_role("button", name="Add", exact=True).tap()
    assert page.locator("[data-person-form]").is_hidden()
    expect(page.get_by_text("You have 5 people. Remove someone to add another.")).to_be_visible()


def test_without_javascript_the_page_explains_and_help_still_works(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(live_server + "/en/mijn-mensen")
    expect(page.get_by_text("this page needs JavaScript")).to_be_visible()
    assert page.locator("[data-person-form]").is_hidden()
    page.get_by_role("link", name="Go to the help page").click()
    page.wait_for_url(live_server + "/en/hulp")
    context.close()


def test_without_javascript_or_its_stylesheet_nothing_typed_is_sent(browser, live_server):
    """Issue 31, #1: with neither scripts nor styles (an old or a slow phone), whatever can be typed into on the
    page and sent with Enter reaches no address and no request."""
    context = browser.new_context(java_script_enabled=False, **PHONE)
    context.route("**/*.css*", lambda route: route.abort())
    requested = []
    context.on("request", lambda request: requested.append(request.url + " " + (request.post_data or "")))
    page = context.new_page()
    page.goto(live_server + "/nl/mijn-mensen")
    expect(page.get_by_text("deze pagina JavaScript nodig")).to_be_visible()
    for field in page.locator("input[type=text], input[type=tel], input:not([type])").all():
        if field.is_visible():
            field.fill("Sanne 0612345678")
            field.press("Enter")
            page.wait_for_load_state()
    assert [url for url in requested if "Sanne" in url or "0612345678" in url] == []
    assert page.locator("[data-person-form]").is_hidden()
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_help_finder_by_touch(browser, live_server, javascript):
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    page.goto(live_server + "/en/hulp")
    page.get_by_role("link", name="Not sure where to go? Answer a few questions").tap()
    # Not in danger, nothing sexual against your will, under 18, a photo, not at home, anonymous, to talk.
    answers = ("No", "No", "Under 18", "Yes", "No", "Yes, I want to stay anonymous", "Talk to someone")
    for number, answer in enumerate(answers, start=1):
        page.get_by_label(answer, exact=True).tap()
        page.get_by_role("button", name="Next").tap()
        if number < len(answers):
            page.get_by_text(f"Question {number + 1} of {len(answers)}").wait_for()
    page.get_by_role("heading", name="Help with a photo or video").wait_for()
    assert page.locator("#finder .helpline h3").all_inner_texts() == ["Helpwanted", "Take It Down"]
    if javascript:
        assert page.evaluate("document.activeElement.id") == "finder-heading", "focus follows the swapped-in result"
        assert page.url == live_server + "/en/hulpzoeker"
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, "htmx keeps no copies of answers"
        # axe runs as a script in the page, so only where scripts may run.
        assert axe_violations(page) == []
    context.close()


def test_help_finder_asks_again_when_nothing_is_chosen(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/nl/hulpzoeker")
    page.get_by_role("button", name="Volgende").tap()
    page.get_by_role("alert").wait_for()
    expect(page.get_by_role("alert").get_by_role("link", name="Kies één antwoord.")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_page_shows_a_call_or_chat_button_on_the_first_screen(phone_page, live_server, lang):
    page = phone_page
    page.goto(f"{live_server}/{lang}/hulp")
    first_action = page.locator("main .talk-now .helpline__actions a").first
    assert on_first_screen(page, first_action)
    assert first_action.get_attribute("href") == "tel:08000432", "De Kindertelefoon, to talk now"
    assert first_action.bounding_box()["height"] >= 44
    assert on_first_screen(page, page.locator("main .doors .door").first), "the doors come next"
    # A door jumps to its answer: the loverboy door to Fier's chat, also without scripts.
    page.locator(".door[href='#loverboy']").tap()
    page.wait_for_url("**#loverboy")
    chat = page.locator("#loverboy .helpline__actions a").first
    chat.wait_for()
    assert chat.get_attribute("href") == "https://www.fier.nl/"
    assert chat.is_visible() and chat.bounding_box()["y"] < page.viewport_size["height"]
    assert axe_violations(page) == []


# Left edges of the first and the last piece of an element's text, as the browser lays them out.
_EDGES = """element => {
    const text = element.firstChild;
    const edge = (start, end) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, end);
        return range.getBoundingClientRect().left;
    };
    return [edge(0, 2), edge(text.length - 1, text.length)];
}"""


def test_a_trusted_number_reads_left_to_right_on_an_arabic_page(context, live_server):
    """06 12345678 on an Arabic page, not 12345678 06: a number read off a printed card is dialled as it reads."""
    page = context.new_page()
    page.goto(live_server + "/ar/mijn-mensen")
    page.locator("#person-name").fill("Youssef B.")
    page.locator("#person-phone").fill("06 12345678")
    page.locator("[data-submit]").tap()
    for url, people in (("/ar/mijn-mensen", ".people"), ("/ar/hulpkaart", ".help-card [data-my-people]")):
        if url != "/ar/mijn-mensen":
            page.goto(live_server + url)
        person = page.locator(f"{people} .people__person")
        expect(person).to_have_count(1)
        assert page.evaluate("document.documentElement.dir") == "rtl"
        number = person.locator(".people__phone bdi")
        assert number.get_attribute("dir") == "ltr"
        assert number.evaluate("element => getComputedStyle(element).direction") == "ltr", url
        assert number.inner_text() == "06 12345678", url
        first, last = number.evaluate(_EDGES)
        assert first < last, f"{url}: 06 stands left of 12345678"
        # A Latin name keeps its full stop at its end, not in front of the Y.
        name = person.locator(".people__name bdi")
        assert name.inner_text() == "Youssef B."
        assert name.evaluate("element => getComputedStyle(element).direction") == "ltr", url
        first, last = name.evaluate(_EDGES)
        assert first < last, f"{url}: the full stop stands after Youssef B"
