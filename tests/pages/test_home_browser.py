"""The home page on a phone: the crisis entry is on the first screen, without scrolling."""

import pytest

from tests.browser_helpers import PHONE, SMALL_PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_crisis_entry_is_whole_on_the_first_screen(browser, live_server, lang, color_scheme):
    context = browser.new_context(color_scheme=color_scheme, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    entry = page.locator(".tile--crisis")
    box = entry.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"], box
    assert page.evaluate("window.scrollY") == 0
    link = entry.locator(".tile__link")
    link.tap()
    page.wait_for_url(f"{live_server}/{lang}/het-is-gebeurd")
    context.close()


def test_crisis_entry_title_is_on_the_first_screen_of_a_small_phone(browser, live_server, lang):
    context = browser.new_context(**SMALL_PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    title = page.locator(".tile--crisis .tile__title").bounding_box()
    assert title["y"] >= 0 and title["y"] + title["height"] <= SMALL_PHONE["viewport"]["height"], title
    context.close()
