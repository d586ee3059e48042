"""In a real Chromium: the whole "together" talk on a tablet and a phone, the mentor panel, the checklist,
and the mentor guide printed on one A4 page."""

import re

import pytest

from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.together.fields import TALK_STEP
from tests.browser_helpers import PHONE, axe_violations
from tests.conftest import APP

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
    boxes = page.locator(".done-list .choice:not([hidden]) input[type=checkbox]")
    for index in range(boxes.count()):
        page.locator(f"label[for='{boxes.nth(index).get_attribute('id')}']").click()
    assert all(boxes.nth(index).is_checked() for index in range(boxes.count()))
    on_phone = page.viewport_size["width"] < 600
    assert page.locator("[data-keep-on=phone]").is_visible() == on_phone, "a screenshot on her own phone only"
    assert page.locator("[data-keep-on=shared]").is_visible() != on_phone, "print or the code on a tablet"
    assert sent == [], "the checklist sends nothing"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0, "and keeps nothing"


# A tap further into an activity, as a youth goes on: the next step, the next request, the demonstration.
ONWARD = "main .step-nav a[rel=next], main .onward a.button, main .lead + p > a.button[href*='/snaps/']"
WAY_BACK = {"nl": "Terug naar het gesprek", "en": "Back to the talk"}
STEP_IDS = ["apps", "vrienden", "instellingen", "snaps", "mensen"]


@pytest.fixture(scope="module")
def talk_pages(browser):
    """One phone page with JavaScript and one without, each reused by every journey."""
    contexts = {script: browser.new_context(java_script_enabled=script, **PHONE) for script in (True, False)}
    yield {script: context.new_page() for script, context in contexts.items()}
    for context in contexts.values():
        context.close()


def go_on(page):
    """One answer or one tap further into the activity; False where the activity has one page only."""
    question = page.locator("#friendcheck form")
    if question.count():
        # A practice request is answered with one tap on the card; a list of choices is ticked, then sent.
        if question.locator(".answer").count():
            question.locator(".answer").first.click()
        else:
            question.locator(".choice__label").first.click()
            question.locator("button[type=submit]").click()
        # Wait for the answer itself: without JavaScript the old form is gone as soon as the next page
        # commits, before that page has its links, and the next tap would find none (a lost tap).
        page.locator("#friendcheck .onward").wait_for()
        return True
    onward = page.locator(ONWARD)
    if not onward.count():
        return False
    before = page.url
    onward.first.click()
    page.wait_for_url(lambda url: url != before)
    return True


def back_to_the_talk(page, live_server, lang, step_id, activity, taps):
    """From the step, open the activity, go `taps` answers or pages in, tap the way back: there is the step."""
    step_url = f"{live_server}/{lang}/samen/{step_id}"
    if page.url != step_url:  # after a way back, the page is on the step already
        page.goto(step_url)
    page.locator(".together-activities a").nth(activity).click()
    page.wait_for_url(lambda url: url != step_url)
    gone = sum(go_on(page) for _ in range(taps))
    back = page.get_by_role("link", name=WAY_BACK[lang], exact=True)
    box = back.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, "a tap target of at least 44 px"
    back.click()
    page.wait_for_url(step_url)
    return gone


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_every_activity_of_every_step_leads_back_to_its_step_in_one_tap(talk_pages, live_server, lang):
    page = talk_pages[True]
    journeys = 0
    for step_id in STEP_IDS:
        page.goto(f"{live_server}/{lang}/samen/{step_id}")
        for activity in range(page.locator(".together-activities a").count()):
            back_to_the_talk(page, live_server, lang, step_id, activity, taps=2)
            journeys += 1
    assert journeys >= 10
    page.goto(f"{live_server}/{lang}/vriendencheck/snel/snel-geld?{TALK_STEP}=2")
    assert axe_violations(page) == [], "the way back keeps the page accessible"


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_without_javascript_the_friend_check_and_a_walkthrough_lead_back_too(talk_pages, live_server, lang):
    page = talk_pages[False]
    assert back_to_the_talk(page, live_server, lang, "vrienden", 0, taps=4) == 4, "answer, next request, answer..."
    assert back_to_the_talk(page, live_server, lang, "instellingen", 0, taps=3) == 3


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


# A laptop the group shares, at a usual laptop size; its service worker runs, so there are offline copies to remove.
SHARED_LAPTOP = {"viewport": {"width": 1366, "height": 768}, "service_workers": "allow"}
EVERYTHING_KEPT = """async () => localStorage.length + sessionStorage.length + (await caches.keys()).length"""


def visible_texts(page, selector):
    return [text.strip() for text in page.locator(selector).filter(visible=True).all_inner_texts()]


def next_step(page):
    before = page.url
    page.locator(".step-nav").get_by_role("link", name=NEXT["nl"], exact=True).click()
    page.wait_for_url(lambda url: url != before)


@pytest.mark.xdist_group("offline")
def test_on_a_shared_laptop_the_talk_ends_with_her_own_list_and_one_wipe(browser, live_server):
    """Issue 29, the talk: after the quick round the talk comes first (#3); the end shows the two rules she chose and
    the one app she went through, noted in this tab only, with print and the code for her own phone (#2); one tap
    wipes it all, and the next youth on the same laptop sees neither her list nor "Call Aunt Fatima" (#1)."""
    content = APP.extensions["checkje.content"]
    rules = content.get("friendcheck/check", "nl")["my_rules"]["rules"]
    general = [item for group in content.get("together/steps", "nl")["done"]["groups"][:2] for item in group["items"]]
    context = browser.new_context(**SHARED_LAPTOP)
    page = context.new_page()
    page.goto(f"{live_server}/nl/mijn-mensen")
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)"), "the offline copy is in place"
    page.get_by_label("Naam of bijnaam").fill("Tante Fatima")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_role("button", name="Toevoegen").click()
    page.locator(".people__person").filter(has_text="Tante Fatima").wait_for()
    page.goto(f"{live_server}/nl/samen/{STEP_IDS[0]}")
    next_step(page)

    page.locator(".together-activities a").nth(0).click()  # the quick round
    page.wait_for_url(re.compile(r"/vriendencheck/snel/"))
    while not page.url.endswith("/vriendencheck/snel/klaar?samen=2"):
        assert go_on(page), page.url
    first = page.locator("main .onward a.button").first
    assert first.inner_text().strip() == WAY_BACK["nl"], "after the quick round the talk comes first"
    first.click()
    page.wait_for_url(f"{live_server}/nl/samen/vrienden")
    page.locator(".together-activities a").nth(1).click()  # my rules: she picks the first and the third
    form = page.locator("#friendcheck form.choices")
    for index in (0, 2):
        form.locator(".choice__label").nth(index).click()
    form.locator("button[type=submit]").click()
    page.locator(".rules-tools").wait_for()
    page.get_by_role("link", name=WAY_BACK["nl"], exact=True).click()
    page.wait_for_url(f"{live_server}/nl/samen/vrienden")
    next_step(page)
    page.locator(".together-activities a").nth(1).click()  # Snapchat
    page.get_by_role("link", name=WAY_BACK["nl"], exact=True).click()
    page.wait_for_url(f"{live_server}/nl/samen/instellingen")
    for _ in STEP_IDS[2:]:
        next_step(page)
    page.wait_for_url(f"{live_server}/nl/samen/klaar")
    assert visible_texts(page, "[data-talk-own=rules] label") == [rules[0]["text"], rules[2]["text"]]
    assert visible_texts(page, "[data-talk-own=settings] label") == [
        "Snapchat: ik heb de belangrijkste instellingen veranderd"
    ]
    assert page.locator("[data-keep-on=phone]").is_hidden(), "no screenshot on a shared laptop"
    assert page.get_by_role("button", name="Printen").is_visible()
    assert page.locator("[data-keep-on=shared] svg.qr-code").is_visible()
    help_bar = page.locator("[data-help-bar-person]")
    assert "Tante Fatima" in help_bar.inner_text()
    # What else a session may keep on a shared screen (a teacher's running poll, say).
    page.evaluate("sessionStorage.setItem('checkje.example', '1')")
    assert page.evaluate("localStorage.length") and page.evaluate("caches.keys().then(k => k.length)")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Wis alles wat Checkje op deze telefoon bewaarde").click()
    page.wait_for_function(f"({EVERYTHING_KEPT})().then(n => n === 0)", timeout=5000)
    page.get_by_text("Alles wat Checkje op deze telefoon bewaarde, is gewist.").wait_for(timeout=5000)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert help_bar.is_hidden() and "Fatima" not in page.locator(".help-bar").inner_text()
    assert visible_texts(page, "[data-talk-own] label") == general, "her rules and apps are gone from the screen"
    page.reload()
    assert "Fatima" not in page.locator(".help-bar").inner_text(), "nor on the next page"
    assert visible_texts(page, "[data-talk-own] label") == general
    context.close()
