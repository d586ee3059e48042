"""The home page on a phone: the ways out of trouble are on the first screen, without scrolling (at 360×640 in
every language: tests/core/test_every_page_browser.py)."""

import pytest

from tests.browser_helpers import PHONE, SMALL_PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_crisis_entry_is_whole_on_the_first_screen(browser, live_server, lang, color_scheme):
    context = browser.new_context(color_scheme=color_scheme, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    entry = page.locator(f".door--crisis[href='/{lang}/het-is-gebeurd']")
    box = entry.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"], box
    assert page.evaluate("window.scrollY") == 0
    entry.tap()
    page.wait_for_url(f"{live_server}/{lang}/het-is-gebeurd")
    context.close()


def test_the_ways_out_of_trouble_are_on_the_first_screen_of_a_small_phone(browser, live_server, lang):
    context = browser.new_context(**SMALL_PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    doors = page.locator(".door--crisis")
    assert doors.count() == 2
    for index in range(doors.count()):
        box = doors.nth(index).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["viewport"]["height"], box
    context.close()
