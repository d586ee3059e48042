"""Walkthroughs in a real Chromium on a phone: pick a phone, walk by touch, tick, reload, forget."""

import pytest

from tests.browser_helpers import PHONE, axe_violations

pytestmark = pytest.mark.browser

STORAGE_KEY = "checkje.walkthroughs"


def ticked(page):
    return page.eval_on_selector_all(
        ".step-list input[type=checkbox]", "boxes => boxes.filter(b => b.checked).map(b => b.dataset.step)"
    )


def test_walk_whatsapp_by_touch_tick_reload_and_forget(phone_page, live_server):
    page = phone_page
    page.goto(live_server + "/nl/instellingen")
    page.get_by_role("link", name="Android").tap()
    page.wait_for_url(live_server + "/nl/instellingen?telefoon=android")
    page.get_by_role("link", name="WhatsApp").tap()
    page.wait_for_url(live_server + "/nl/instellingen/whatsapp?telefoon=android")

    page.get_by_role("link", name="Kies wie je in een groep mag zetten").tap()
    page.wait_for_url("**/whatsapp/groups?telefoon=android")
    assert page.locator(".path").count() == 1, "only the Android path"
    assert page.locator(".path ol.taps li").first.inner_text().startswith("Tik op Meer opties")
    page.get_by_label("Deze stap heb ik gedaan").tap()
    page.get_by_role("link", name="Volgende: Laat onbekende bellers stil").tap()
    page.wait_for_url("**/whatsapp/silence-unknown-callers?telefoon=android")
    page.get_by_label("Deze stap heb ik gedaan").tap()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Alle stappen voor WhatsApp").tap()
    page.wait_for_url("**/whatsapp?telefoon=android#silence-unknown-callers")

    assert ticked(page) == ["whatsapp/groups", "whatsapp/silence-unknown-callers"]
    assert page.get_by_role("status").inner_text() == "2 van 10 stappen gedaan."
    page.get_by_label("Gedaan: Zet leesbevestigingen uit").tap()
    assert page.get_by_role("status").inner_text() == "3 van 10 stappen gedaan."
    assert axe_violations(page) == []

    # Without ?telefoon= in the address, the remembered phone and ticks still apply.
    page.goto(live_server + "/nl/instellingen/whatsapp")
    page.reload()
    assert ticked(page) == ["whatsapp/groups", "whatsapp/silence-unknown-callers", "whatsapp/read-receipts"]
    assert page.get_by_role("link", name="Android").get_attribute("aria-current") == "true"
    page.get_by_role("link", name="Kies wie je profielfoto ziet").tap()
    page.wait_for_url("**/whatsapp/profile-photo")
    assert page.locator('.path[data-phone="android"]').is_visible()
    assert page.locator('.path[data-phone="iphone"]').is_hidden()
    page.go_back()
    page.wait_for_url(live_server + "/nl/instellingen/whatsapp")

    page.get_by_role("button", name="Vergeet alles").tap()
    assert ticked(page) == []
    assert page.get_by_role("status").inner_text().startswith("Vergeten.")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.get_by_role("link", name="Android").get_attribute("aria-current") is None
    page.reload()
    assert ticked(page) == []
    assert page.get_by_role("status").inner_text() == "0 van 10 stappen gedaan."
    # The reload keeps the scroll position, where the sticky header covers a step; axe counts that as a small target.
    page.evaluate("window.scrollTo(0, 0)")
    assert axe_violations(page) == []


def test_unticking_removes_the_step(phone_page, live_server):
    page = phone_page
    page.goto(live_server + "/en/instellingen/snapchat/story")
    tick = page.get_by_label("I have done this step")
    tick.tap()
    page.reload()
    assert tick.is_checked()
    tick.tap()
    page.reload()
    assert not tick.is_checked()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}')).done") == []


def test_without_javascript_the_phone_choice_works_and_ticks_stay_away(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(live_server + "/en/instellingen/whatsapp/status")
    assert page.locator(".path").count() == 2
    assert page.get_by_label("I have done this step").is_hidden()
    assert (
        page.get_by_role("button", name="Forget everything").count() == 0
        or page.get_by_role("button", name="Forget everything").is_hidden()
    )
    page.get_by_role("link", name="iPhone").click()
    page.wait_for_url(live_server + "/en/instellingen/whatsapp/status?telefoon=iphone")
    assert page.locator(".path").count() == 1
    assert page.locator(".path ol.taps li").first.inner_text() == "Tap Settings (at the bottom, on the right)"
    page.get_by_role("link", name="Next: Turn off read receipts").click()
    page.wait_for_url(live_server + "/en/instellingen/whatsapp/read-receipts?telefoon=iphone")
    context.close()


def test_step_page_fits_a_phone_and_its_targets_are_big_enough(phone_page, live_server):
    page = phone_page
    page.goto(live_server + "/nl/instellingen/instagram/restrict")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    for selector in (".crumb a", ".step-nav a", ".different button", ".different__phone label", ".done-tick label"):
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 44, selector
