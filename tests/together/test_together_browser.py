"""In a real Chromium: the whole "together" talk on a tablet and a phone, the mentor panel, the checklist,
and the mentor guide printed on one A4 page."""

import re

import pytest

from checkje.core.settings import WRITTEN_LANGUAGES
from tests.browser_helpers import PHONE, axe_violations

pytestmark = pytest.mark.browser

TABLET = {"viewport": {"width": 820, "height": 1180}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DEVICES = {"tablet": TABLET, "phone": PHONE}
START = {"nl": "Samen beginnen", "en": "Start together"}
NEXT = {"nl": "Volgende", "en": "Next"}
MENTOR_PANEL = {"nl": "Voor de mentor", "en": "For the mentor"}
STEP_COUNT = 5


@pytest.fixture(params=list(DEVICES))
def device_page(request, browser):
    context = browser.new_context(**DEVICES[request.param])
    yield context.new_page()
    context.close()


def check_mentor_panel(page, lang):
    """The panel is closed at first, opens on a tap on its summary, and closes again."""
    panel = page.locator("details.mentor-panel")
    body = panel.locator(".mentor-panel__body")
    assert not body.is_visible()
    panel.get_by_text(MENTOR_PANEL[lang], exact=True).click()
    assert body.is_visible()
    assert axe_violations(page) == [], "no violations with the panel open either"
    panel.get_by_text(MENTOR_PANEL[lang], exact=True).click()
    assert not body.is_visible()


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_the_whole_talk_on_one_screen(device_page, live_server, lang):
    page = device_page
    sent = []
    page.on("request", lambda request: sent.append(request.method) if request.method != "GET" else None)
    page.goto(f"{live_server}/{lang}/samen")
    assert axe_violations(page) == []
    page.get_by_role("link", name=START[lang], exact=True).click()
    for number in range(1, STEP_COUNT + 1):
        page.wait_for_url(re.compile(rf"/{lang}/samen/[a-z-]+$"))
        assert (
            page.locator(".step-count")
            .inner_text()
            .endswith(f"{number} {'van' if lang == 'nl' else 'of'} {STEP_COUNT}")
        )
        assert axe_violations(page) == [], page.url
        check_mentor_panel(page, lang)
        page.locator(".step-nav").get_by_role("link", name=NEXT[lang], exact=True).click()
    page.wait_for_url(f"{live_server}/{lang}/samen/klaar")
    assert axe_violations(page) == []
    boxes = page.locator(".done-list input[type=checkbox]")
    for index in range(boxes.count()):
        page.locator(f"label[for='{boxes.nth(index).get_attribute('id')}']").click()
    assert all(boxes.nth(index).is_checked() for index in range(boxes.count()))
    assert sent == [], "the checklist sends nothing"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0, "and keeps nothing"


def test_activity_links_open_the_feature_and_the_back_button_returns(browser, live_server):
    context = browser.new_context(**TABLET)
    page = context.new_page()
    page.goto(f"{live_server}/nl/samen/instellingen")
    page.locator(".together-activities a").first.click()
    page.wait_for_url(f"{live_server}/nl/instellingen/instagram/private-account")
    page.go_back()
    page.wait_for_url(f"{live_server}/nl/samen/instellingen")
    context.close()


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_the_guide_prints_on_one_a4_page(browser, live_server, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/mentor/print")
    assert pdf_pages(page.pdf(format="A4")) == 1
    page.emulate_media(media="print")
    for hidden in (".site-header", ".help-bar", ".site-footer", ".guide-print__back"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".guide-print h2").count() >= 8
    context.close()
