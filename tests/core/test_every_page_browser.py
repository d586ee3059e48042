"""In a real Chromium: accessibility, quick exit, language switch, and no request to anyone else."""

import pytest

from tests.browser_helpers import (
    AXE_SOURCE,
    DESKTOP,
    NEUTRAL_SITE,
    PHONE,
    answer_for_neutral_site,
    axe_violations,
    is_our_origin,
)
from tests.conftest import PAGE_URLS

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def device_page(request, browser):
    """One page per device for all the pages to check, with axe loaded into each: far faster than
    a new browser context per page. No service worker: it would fetch every page to keep offline."""
    context = browser.new_context(service_workers="block", **VIEWPORTS[request.param])
    context.add_init_script(AXE_SOURCE)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(**PHONE)
    answer_for_neutral_site(context)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", [*PAGE_URLS, "/nl/niet-hier", "/en/not-here"])
def test_no_accessibility_violations(device_page, live_server, url):
    device_page.goto(live_server + url)
    assert axe_violations(device_page) == []


def test_quick_exit_button_leaves_and_cannot_go_back(page, live_server):
    page.goto(live_server + "/nl/hulp")
    page.get_by_role("link", name="Snel weg", exact=True).tap()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert not page.url.startswith(live_server + "/nl/hulp")


def test_quick_exit_takes_only_the_current_page_out_of_history(page, live_server):
    """What the safety page says: earlier pages stay in the history."""
    page.goto(live_server + "/en/")
    page.goto(live_server + "/en/hulp")
    page.get_by_role("link", name="Quick exit", exact=True).tap()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url == live_server + "/en/"


def test_three_shift_presses_leave(page, live_server):
    page.goto(live_server + "/en/veiligheid")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert not page.url.startswith(live_server + "/en/veiligheid")


def test_two_shift_presses_do_not_leave(page, live_server):
    page.goto(live_server + "/nl/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == live_server + "/nl/"


def test_hidden_exit_link_is_first_for_keyboard_users(page, live_server):
    page.goto(live_server + "/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Snel weg: verlaat deze website nu"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0, "visible when focused"
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL_SITE)


def test_quick_exit_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    answer_for_neutral_site(context)
    page = context.new_page()
    page.goto(live_server + "/nl/hulp")
    page.get_by_role("link", name="Snel weg", exact=True).click()
    page.wait_for_url(NEUTRAL_SITE)
    context.close()


def test_quick_exit_button_stays_in_reach_while_scrolling(page, live_server):
    page.goto(live_server + "/nl/hulp")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    button = page.locator(".site-header .quick-exit")
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"]
    assert box["height"] >= 44 and box["width"] >= 44


def test_language_switch_keeps_the_same_page(page, live_server):
    page.goto(live_server + "/nl/veiligheid")
    page.get_by_role("link", name="English").tap()
    page.wait_for_url(live_server + "/en/veiligheid")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Nederlands").tap()
    page.wait_for_url(live_server + "/nl/veiligheid")


def test_no_request_leaves_our_origin(browser, live_server):
    context = browser.new_context(**PHONE)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for url in PAGE_URLS:
        page.goto(live_server + url)
        page.wait_for_load_state("networkidle")
    context.close()
    assert requests
    assert [url for url in requests if not is_our_origin(url, live_server)] == []


def test_page_sets_no_cookie_and_no_storage(page, live_server):
    for url in PAGE_URLS:
        page.goto(live_server + url)
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_every_page_reflows_at_400_percent_zoom(browser, live_server):
    """A 1280 px wide screen at 400 % zoom is 320 CSS px wide: nothing may need sideways scrolling."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for url in PAGE_URLS:
        page.goto(live_server + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append((url, width))
    context.close()
    assert too_wide == []
