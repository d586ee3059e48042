"""Inside the sensitive flows moving on replaces the history entry: after quick exit, Back shows the page before."""

import pytest

from tests.browser_helpers import NEUTRAL_SITE, answer_for_neutral_site

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context()
    answer_for_neutral_site(context)
    yield context.new_page()
    context.close()


def _follow(page, link):
    before = page.url
    link.click()
    page.wait_for_url(lambda url: url != before)


def test_back_after_quick_exit_skips_every_page_of_it_already_happened(page, live_server):
    page.goto(live_server + "/nl/hulp")
    page.goto(live_server + "/nl/het-is-gebeurd")
    entries = page.evaluate("history.length")
    _follow(page, page.get_by_role("link", name="Begin bij stap 1"))
    _follow(page, page.locator('.step-nav a[rel="next"]'))
    _follow(page, page.locator(".site-header__home"))
    assert page.evaluate("history.length") == entries, "each move replaced the flow's one entry"
    page.get_by_role("link", name="Snel weg", exact=True).click()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url == live_server + "/nl/hulp"


def test_other_pages_keep_their_history(page, live_server):
    page.goto(live_server + "/nl/hulp")
    entries = page.evaluate("history.length")
    _follow(page, page.locator(".site-header__home"))
    assert page.evaluate("history.length") == entries + 1
