"""'My screen looks different' in a real Chromium against the real app: in place with htmx, and without
JavaScript by a POST and a 303; the count then shows in `flask walkthrough-report`."""

import pytest
from playwright.sync_api import expect

from app import create_app
from checkje.walkthroughs.fields import HELP_SHOWN, SHOW_HELP
from tests.browser_helpers import PHONE, axe_violations
from tests.conftest import TEST_CONFIG, serving
from tests.helpers import Clock
from tests.walkthroughs.test_looks_different import NOON, reports_of
from tests.walkthroughs.test_walkthroughs import report

pytestmark = pytest.mark.browser


@pytest.fixture
def reporting(tmp_path):
    """The real app with a report database of this test's own; yields (app, base URL)."""
    app = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")})
    reports_of(app).clock = Clock(NOON)
    with serving(app) as base_url:
        yield app, base_url


def report_row(app, place):
    (row,) = [row for row in report(app) if f" {place} " in row]
    return row


def test_with_javascript_the_help_comes_in_place_with_focus(phone_page, reporting):
    app, base_url = reporting
    page = phone_page
    page.goto(base_url + "/nl/instellingen/whatsapp/groups")
    page.wait_for_function("window.htmx")
    page.get_by_label("Android").tap()
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Mijn scherm ziet er anders uit").tap()
    assert posted.value.status == 303
    heading = page.get_by_role("heading", name="Zo vind je het toch")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    expect(page.locator("#different-status")).to_have_text("Zo vind je het toch")
    expect(page.locator(f"#{HELP_SHOWN}")).to_contain_text("Zoek naar dit woord")
    assert page.url == base_url + "/nl/instellingen/whatsapp/groups", "no page load: the help came in place"
    assert reports_of(app).totals() == {("whatsapp", "groups"): {"android": 1}}
    assert "   1 reports (iphone 0, android 1, unknown 0)" in report_row(app, "whatsapp/groups")
    assert axe_violations(page) == []


def test_a_remembered_phone_is_picked_already(phone_page, reporting):
    app, base_url = reporting
    page = phone_page
    page.goto(base_url + "/en/instellingen")
    page.get_by_role("link", name="iPhone").tap()
    page.wait_for_url(base_url + "/en/instellingen?telefoon=iphone")
    page.goto(base_url + "/en/instellingen/instagram/restrict")
    expect(page.get_by_label("iPhone")).to_be_checked()
    page.get_by_role("button", name="My screen looks different").tap()
    expect(page.get_by_role("heading", name="How to find it anyway")).to_be_focused()
    assert reports_of(app).totals() == {("instagram", "restrict"): {"iphone": 1}}


def test_without_javascript_a_post_then_a_303_shows_the_help(browser, reporting):
    app, base_url = reporting
    context = browser.new_context(java_script_enabled=False, **PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + "/en/instellingen/snapchat/story?telefoon=android")
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="My screen looks different").click()
        page.wait_for_url(f"**/en/instellingen/snapchat/story?telefoon=android&{SHOW_HELP}={HELP_SHOWN}#{HELP_SHOWN}")
        posted = navigation.value.request.redirected_from
        assert (posted.method, posted.response().status, navigation.value.status) == ("POST", 303, 200)
        expect(page.get_by_role("heading", name="How to find it anyway")).to_be_in_viewport()
        expect(page.locator(f"#{HELP_SHOWN}")).to_contain_text("Look for this word")
        assert page.get_by_role("button", name="My screen looks different").count() == 0
    finally:
        context.close()
    assert "   1 reports (iphone 0, android 1, unknown 0)" in report_row(app, "snapchat/story")


def test_offline_the_help_comes_from_the_page(phone_page, reporting):
    app, base_url = reporting
    page = phone_page
    page.goto(base_url + "/en/instellingen/instagram/messages")
    page.wait_for_function("window.htmx")
    page.context.set_offline(True)
    try:
        page.get_by_role("button", name="My screen looks different").tap()
        heading = page.get_by_role("heading", name="How to find it anyway")
        expect(heading).to_be_focused()
        expect(page.locator("#different-status")).to_have_text("How to find it anyway")
        expect(page.get_by_role("button", name="My screen looks different")).to_be_hidden()
    finally:
        page.context.set_offline(False)
    assert reports_of(app).totals() == {}, "offline nothing reaches the server"
