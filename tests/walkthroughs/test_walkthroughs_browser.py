"""Walkthroughs in a real Chromium on a phone: pick a phone, walk by touch, tick, reload, forget."""

import pytest
from playwright.sync_api import expect

from checkje.walkthroughs.shapes import APPS
from tests.browser_helpers import PHONE, axe_violations
from tests.conftest import APP

pytestmark = pytest.mark.browser

STORAGE_KEY = "checkje.walkthroughs"
_STORE = APP.extensions["checkje.content"]
WHATSAPP_STEPS = len(_STORE.get("walkthroughs/whatsapp", "nl")["steps"])
# One step per app, the first a youth meets: every app's pages get the same checks in a real browser.
FIRST_STEPS = {app: _STORE.get(f"walkthroughs/{app}", "en")["quick_steps"][0] for app in APPS}


def rest_of(app):
    """The app's other steps, in the order the route offers them after the short route."""
    document = _STORE.get(f"walkthroughs/{app}", "en")
    return [step["id"] for step in document["steps"] if step["id"] not in document["quick_steps"]]


INSTAGRAM_REST, WHATSAPP_REST = rest_of("instagram"), rest_of("whatsapp")


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
    assert page.get_by_role("status").inner_text() == f"2 van {WHATSAPP_STEPS} stappen gedaan."
    page.get_by_label("Gedaan: Zet leesbevestigingen uit").tap()
    assert page.get_by_role("status").inner_text() == f"3 van {WHATSAPP_STEPS} stappen gedaan."
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
    assert page.get_by_role("status").inner_text() == f"0 van {WHATSAPP_STEPS} stappen gedaan."
    # The reload keeps the scroll position, where the sticky header covers a step; axe counts that as a small target.
    page.evaluate("window.scrollTo(0, 0)")
    assert axe_violations(page) == []


@pytest.mark.parametrize("app", APPS)
def test_unticking_removes_the_step(phone_page, live_server, app):
    page = phone_page
    page.goto(live_server + f"/en/instellingen/{app}/{FIRST_STEPS[app]}")
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
    number = WHATSAPP_REST.index("read-receipts") + 1
    assert page.locator(".step-count").inner_text() == f"Extra step {number} of {len(WHATSAPP_REST)}"
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "instagram/restrict",
        *(f"{app}/{step}" for app, step in FIRST_STEPS.items()),
        *(f"{app}/snel-klaar" for app in APPS),
    ],
)
def test_step_and_end_pages_fit_a_phone_and_their_targets_are_big_enough(phone_page, live_server, path):
    page = phone_page
    page.goto(live_server + f"/nl/instellingen/{path}")
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
    assert axe_violations(page) == []


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
    page.get_by_role("link", name=f"Doe de andere {len(INSTAGRAM_REST)} stappen").tap()
    page.wait_for_url(f"**/instagram/{INSTAGRAM_REST[0]}")
    expect(page.locator(".step-count")).to_have_text(f"Extra stap 1 van {len(INSTAGRAM_REST)}")
    page.goto(live_server + "/nl/instellingen/snapchat/klaar")
    expect(page.locator("[data-reward]")).to_have_text("Je hebt 1 instelling veiliger gemaakt.")
