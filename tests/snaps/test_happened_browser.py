"""'It already happened' on a phone: what to do first and one-tap Helpwanted, both without scrolling."""

import pytest

from tests.browser_helpers import axe_violations, on_first_screen
from tests.shared_app import document

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_first_screen_says_do_not_pay_and_calls_helpwanted(phone_page, live_server, lang):
    page = phone_page
    page.goto(f"{live_server}/{lang}/het-is-gebeurd")
    first = document("snaps/happened", lang)["first"]["text"]
    assert on_first_screen(page, page.locator(".first-do").get_by_text(first, exact=True))
    helpwanted = page.locator("#help-now-helpwanted")
    call = helpwanted.locator("a[href='tel:0202615275']")
    lines = {line["id"]: line for line in document("helpfinder/lines", lang)["lines"]}
    chat = helpwanted.locator(f"a[href='{lines['helpwanted']['chat']}']")
    assert on_first_screen(page, call), "one tap calls Helpwanted"
    assert chat.count() == 1
    assert call.bounding_box()["height"] >= 44
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_step_calls_helpwanted_before_the_way_on(phone_page, live_server, lang):
    page = phone_page
    page.goto(f"{live_server}/{lang}/het-is-gebeurd/hulp")
    call = page.locator("#help-now-helpwanted a[href='tel:0202615275']")
    assert call.bounding_box()["y"] < page.locator(".step-nav").bounding_box()["y"]
    assert page.locator("#help-now-take-it-down a[href='https://takeitdown.ncmec.org/nl/']").count() == 1
