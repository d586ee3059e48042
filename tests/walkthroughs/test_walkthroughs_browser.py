"""Walkthroughs in a real Chromium on a phone: pick a phone, walk by touch, tick, reload, forget."""

import pytest
from playwright.sync_api import expect

from tests.browser_helpers import PHONE, axe_violations

pytestmark = pytest.mark.browser

STORAGE_KEY = "checkje.walkthroughs"


def done_button(page, name, **state):
    return page.get_by_role("button", name=name, exact=True, **state)


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
    done_button(page, "Deze stap heb ik gedaan").tap()
    expect(done_button(page, "Deze stap heb ik gedaan", pressed=True)).to_be_visible()
    page.get_by_role("link", name="Volgende: Kies wie je profielfoto ziet").tap()
    page.wait_for_url("**/whatsapp/profile-photo?telefoon=android")
    done_button(page, "Deze stap heb ik gedaan").tap()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Alle stappen voor WhatsApp").tap()
    page.wait_for_url("**/whatsapp?telefoon=android#profile-photo")

    assert ticked(page) == ["whatsapp/groups", "whatsapp/profile-photo"]
    assert page.get_by_role("status").inner_text() == "2 van 10 stappen gedaan."
    page.get_by_label("Gedaan: Zet leesbevestigingen uit").tap()
    assert page.get_by_role("status").inner_text() == "3 van 10 stappen gedaan."
    assert axe_violations(page) == []

    # Without ?telefoon= in the address, the remembered phone and ticks still apply.
    page.goto(live_server + "/nl/instellingen/whatsapp")
    page.reload()
    assert ticked(page) == ["whatsapp/groups", "whatsapp/profile-photo", "whatsapp/read-receipts"]
    assert page.get_by_role("link", name="Android").get_attribute("aria-current") == "true"
    page.get_by_role("link", name="Kies wie je profielfoto ziet").tap()
    page.wait_for_url("**/whatsapp/profile-photo")
    expect(done_button(page, "Deze stap heb ik gedaan", pressed=True)).to_be_visible()
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
    done_button(page, "I have done this step").tap()
    page.reload()
    expect(done_button(page, "I have done this step", pressed=True)).to_be_visible()
    done_button(page, "I have done this step").tap()
    page.reload()
    expect(done_button(page, "I have done this step", pressed=False)).to_be_visible()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}')).done") == []


def test_without_javascript_the_phone_choice_works_and_ticks_stay_away(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(live_server + "/en/instellingen/whatsapp/status")
    assert page.locator(".path").count() == 2
    assert done_button(page, "I have done this step").is_hidden()
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
    assert page.locator(".step-count").inner_text() == "Extra step 4 of 6"
    context.close()


@pytest.mark.parametrize("path", ["/nl/instellingen/instagram/restrict", "/nl/instellingen/instagram/snel-klaar"])
def test_step_and_end_pages_fit_a_phone_and_their_targets_are_big_enough(phone_page, live_server, path):
    page = phone_page
    page.goto(live_server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    targets = page.locator(
        ".crumb a, .step-nav a, .done-button, .different button, .different__phone label, .route-choice__options a"
    )
    assert targets.count() >= 2
    for target in targets.all():
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, target.inner_text()
    way_on = page.locator(".step-nav a:not([rel=prev]), .route-choice__options a").first
    assert way_on.evaluate("link => getComputedStyle(link).backgroundColor") != "rgba(0, 0, 0, 0)", (
        "the way on is a filled button, not a text link"
    )


def test_the_reward_says_how_many_settings_this_phone_ticked(phone_page, live_server):
    page = phone_page
    page.goto(live_server + "/nl/instellingen/instagram/snel-klaar")
    general = page.locator("[data-reward]").inner_text()
    assert general.startswith("Goed gedaan!")
    for step in ("private-account", "messages"):
        page.goto(live_server + f"/nl/instellingen/instagram/{step}")
        done_button(page, "Deze stap heb ik gedaan").tap()
    page.goto(live_server + "/nl/instellingen/snapchat/story")
    done_button(page, "Deze stap heb ik gedaan").tap()
    page.goto(live_server + "/nl/instellingen/instagram/block-report")
    page.get_by_role("link", name="Volgende: klaar met de belangrijkste stappen").tap()
    page.wait_for_url("**/instagram/snel-klaar")
    expect(page.locator("[data-reward]")).to_have_text("Je hebt 2 instellingen veiliger gemaakt.")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Doe de andere 7 stappen").tap()
    page.wait_for_url("**/instagram/location-posts")
    expect(page.locator(".step-count")).to_have_text("Extra stap 1 van 7")
    page.goto(live_server + "/nl/instellingen/snapchat/klaar")
    expect(page.locator("[data-reward]")).to_have_text("Je hebt 1 instelling veiliger gemaakt.")
