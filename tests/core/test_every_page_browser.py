"""In a real Chromium: every page of every language on a small phone and one page of each kind on a
desktop (axe in light and dark, reflow, tap targets, what stays pinned, no request to anyone else,
nothing kept), quick exit and the language menu."""

import json

import pytest
from werkzeug.exceptions import NotFound

from checkje.core.settings import LANGUAGES
from tests.browser_helpers import (
    AXE_SOURCE,
    CHEAP_ANDROID,
    DESKTOP,
    MOST_PINNED,
    NEUTRAL_SITE,
    PHONE,
    PINNED_HEIGHT,
    SMALL_PHONE,
    SMALL_TAP_TARGETS,
    TAP,
    answer_for_neutral_site,
    axe_violations,
    dark_contrast_violations,
    is_our_origin,
)
from tests.conftest import APP, CATALOGUE_PAGE_URLS, CATALOGUE_SAMPLE, PAGE_URLS

pytestmark = pytest.mark.browser

SWEEP_DEVICES = {"small-phone": SMALL_PHONE, "desktop": DESKTOP}
NOT_FOUND_URLS = ["/nl/niet-hier", "/en/not-here"]
# A sample of the catalogue languages' pages (tests/shared_app.py), and one that is not there.
CATALOGUE_SAMPLE_URLS = [*CATALOGUE_SAMPLE, "/ar/niet-hier"]


def one_page_of_each_kind(urls):
    """The first page of each view, language and app: the pages of one kind share their template and
    differ in text only, so a wider screen lays them out alike. (A phone still visits every page.)"""
    adapter = APP.url_map.bind("localhost")
    kinds = {}
    for url in urls:
        try:
            endpoint, arguments = adapter.match(url)
        except NotFound:  # the error page is a kind of its own
            endpoint, arguments = "not found", {"lang": url.split("/")[1]}
        kinds.setdefault((endpoint, arguments["lang"], arguments.get("app")), url)
    return list(kinds.values())


PHONE_URLS = [*PAGE_URLS, *NOT_FOUND_URLS, *CATALOGUE_PAGE_URLS, "/ar/niet-hier"]
SWEEP = [("small-phone", url) for url in PHONE_URLS] + [
    ("desktop", url) for url in one_page_of_each_kind([*PAGE_URLS, *NOT_FOUND_URLS, *CATALOGUE_SAMPLE_URLS])
]


# For each visible radio button and checkbox: does its box cover any of its label's words? Right to left the
# control sits at the right, so its label's room for it must be at the right too.
CONTROLS_OVER_WORDS = """() => [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
  .filter(input => input.offsetParent && input.labels.length)
  .filter(input => {
    const box = input.getBoundingClientRect();
    const words = document.createRange();
    words.selectNodeContents(input.labels[0]);
    return [...words.getClientRects()].some(line => line.width && box.left < line.right && line.left < box.right
      && box.top < line.bottom && line.top < box.bottom);
  })
  .map(input => input.labels[0].textContent.trim())"""


class Sweep:
    """One browser context for a device, visiting page after page with axe loaded into each, and every
    request it makes recorded: a context of its own per page would start with cold caches every time."""

    def __init__(self, browser, device):
        self.context = browser.new_context(**device)
        self.context.add_init_script(AXE_SOURCE)
        self.page = self.context.new_page()
        self.width = device["viewport"]["width"]
        self.height = device["viewport"]["height"]
        self.requests = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        # Errors the page meets: a script that throws, and what the browser refuses (a CSP violation among them).
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)


@pytest.fixture(scope="module")
def sweeps(browser):
    """The Sweep of each device, made on first use and kept for every page this worker visits."""
    made = {}

    def sweep_for(device):
        if device not in made:
            made[device] = Sweep(browser, SWEEP_DEVICES[device])
        return made[device]

    yield sweep_for
    for sweep in made.values():
        sweep.context.close()


@pytest.mark.parametrize(("device", "url"), SWEEP)
def test_page_is_accessible_fits_and_keeps_and_sends_nothing(sweeps, live_server, device, url):
    """One visit per page and device: axe (WCAG 2.2 AA) in light and dark mode, no sideways scrolling
    (at 320 px this is reflow at 400 % zoom), every standalone link and button a tap target, no choice over
    its own words, little pinned while scrolling, no script error or refusal (CSP) in the console, no request to
    anyone else, no cookie and no web storage."""
    sweep = sweeps(device)
    page = sweep.page
    sweep.requests.clear()
    sweep.errors.clear()
    response = page.goto(live_server + url)  # returns after the load event
    layout = page.evaluate(LAYOUT, TAP)
    problems = layout_problems(layout, sweep.width, sweep.height)
    dutch = device == "small-phone" and url.startswith("/nl/")
    if dutch and layout["title"] > MOST_ABOVE_TITLE:
        problems["title"] = f"starts {layout['title']:.0f} px from the top, more than {MOST_ABOVE_TITLE}"
    problems.update(axe_problems(page))
    # Read after axe, so what the page's scripts do just after the load event counts too.
    cookies = [cookie["name"] for cookie in sweep.context.cookies()]
    storage = page.evaluate("({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})")
    # Cleared so that a leak fails this page only, not every page after it.
    sweep.context.clear_cookies()
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    if cookies:
        problems["cookies"] = cookies
    if storage["local"] or storage["session"]:
        problems["storage"] = storage
    # A page that is not there is answered with a 404, which the browser reports as an error: that one is meant.
    expected = {"Failed to load resource: the server responded with a status of 404 (NOT FOUND)"}
    errors = [error for error in sweep.errors if not (response.status == 404 and error in expected)]
    if errors:
        problems["errors in the console"] = errors
    assert live_server + url in sweep.requests, "requests are recorded"
    elsewhere = [request for request in sweep.requests if not is_our_origin(request, live_server)]
    if elsewhere:
        problems["requests to another origin"] = elsewhere
    assert problems == {}


def axe_problems(page):
    problems = {}
    violations = axe_violations(page)
    if violations:
        problems["axe"] = violations
    dark = dark_contrast_violations(page)
    if dark:
        problems["axe in dark mode"] = dark
    return problems


# Every Dutch page starts its title at most this far from the top of a small phone (issue 28: header, help row, then the
# title).
MOST_ABOVE_TITLE = 150

# What the sweep reads of a page's layout, in one round trip: its width, where the title starts, the links and buttons
# too small to tap, the choices whose box covers their own words, and, scrolled to the end, what stays pinned and where
# quick exit is.
LAYOUT = f"""(tap) => {{
  const width = document.documentElement.scrollWidth;
  const title = document.querySelector("h1").getBoundingClientRect().top + scrollY;
  const small = ({SMALL_TAP_TARGETS})(tap);
  const covered = ({CONTROLS_OVER_WORDS})();
  window.scrollTo(0, document.documentElement.scrollHeight);
  const pinned = ({PINNED_HEIGHT})();
  const box = document.querySelector("a.quick-exit").getBoundingClientRect();
  return {{width, title, small, covered, pinned, exit: {{x: box.x, y: box.y, width: box.width, height: box.height}}}};
}}"""


def layout_problems(layout, viewport_width, viewport_height):
    """No sideways scrolling, tap targets, no choice over its words; scrolled to the end, what stays pinned takes at
    most MOST_PINNED of the height, and quick exit is on screen and a tap target."""
    problems = {}
    if layout["width"] > viewport_width:
        problems["sideways scrolling"] = f"{layout['width']} px wide in a {viewport_width} px viewport"
    if layout["small"]:
        problems["smaller than a tap target"] = layout["small"]
    if layout["covered"]:
        problems["a choice covers its own words"] = layout["covered"]
    if layout["pinned"]["height"] > MOST_PINNED * viewport_height:
        problems["pinned"] = f"{layout['pinned']['height']:.0f} px of {viewport_height} px stay on screen"
    exit_box = layout["exit"]
    on_screen = exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= viewport_height
    if not (on_screen and exit_box["width"] >= TAP and exit_box["height"] >= TAP):
        problems["quick exit"] = exit_box
    return problems


def test_the_service_worker_fetches_only_from_our_origin(browser, live_server):
    """The worker fetches every page of a language to keep offline; none of that may go elsewhere."""
    context = browser.new_context(service_workers="allow", **PHONE)
    requests = []
    context.on("request", lambda request: requests.append((request.url, request.service_worker is not None)))
    page = context.new_page()
    for lang in ("nl", "en"):
        page.goto(f"{live_server}/{lang}/")
        # The worker is active once it has fetched everything it keeps.
        assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
    context.close()
    by_worker = {url for url, from_worker in requests if from_worker}
    assert {live_server + url for url in PAGE_URLS} <= by_worker, "the worker fetched every page"
    assert [url for url, _ in requests if not is_our_origin(url, live_server)] == []


@pytest.fixture
def page(browser):
    context = browser.new_context(**PHONE)
    answer_for_neutral_site(context)
    yield context.new_page()
    context.close()


def quick_exit_then_back(page, label):
    page.get_by_role("link", name=label, exact=True).tap()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()


def test_quick_exit_button_leaves_and_cannot_go_back(page, live_server):
    page.goto(live_server + "/nl/hulp")
    quick_exit_then_back(page, "Snel weg")
    assert not page.url.startswith(live_server + "/nl/hulp")


def test_quick_exit_takes_only_the_current_page_out_of_history(page, live_server):
    """What the safety page says: earlier pages stay in the history."""
    page.goto(live_server + "/en/")
    page.goto(live_server + "/en/hulp")
    quick_exit_then_back(page, "Quick exit")
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
    # Any navigation the page starts is noted and stopped: that happens within the key's handler,
    # so there is nothing to wait for after press().
    page.evaluate(
        "navigation.addEventListener('navigate', event => { window.leavingFor = event.destination.url;"
        " event.preventDefault(); })"
    )
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.evaluate("window.leavingFor") is None
    page.keyboard.press("Shift")
    assert page.evaluate("window.leavingFor") == NEUTRAL_SITE, "the third press leaves"


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
    page.wait_for_function("window.scrollY >= 2000")
    button = page.locator(".site-header .quick-exit")
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"]
    assert box["height"] >= 44 and box["width"] >= 44


def _choose_language(page, name):
    page.locator(".site-header .language-menu summary").tap()
    page.locator(".site-header .language-menu__list").get_by_role("link", name=name).tap()


def test_language_menu_keeps_the_same_page(page, live_server):
    page.goto(live_server + "/nl/veiligheid")
    assert not page.locator(".language-menu__list").is_visible(), "closed until asked"
    _choose_language(page, "العربية")
    page.wait_for_url(live_server + "/ar/veiligheid")
    assert page.locator("html").get_attribute("dir") == "rtl"
    _choose_language(page, "Polski")
    page.wait_for_url(live_server + "/pl/veiligheid")
    assert page.locator("html").get_attribute("dir") == "ltr"
    _choose_language(page, "Nederlands")
    page.wait_for_url(live_server + "/nl/veiligheid")


def test_right_to_left_mirrors_the_layout_but_not_the_numbers(page, live_server):
    """Arabic: the header starts at the right, the exit icon points the other way, a number reads left to right."""
    page.goto(live_server + "/ar/het-is-gebeurd")
    home = page.locator(".site-header__home").bounding_box()
    exit_button = page.locator(".site-header .quick-exit").bounding_box()
    assert home["x"] > exit_button["x"], "Checkje's face at the start, on the right"
    transform = page.locator(".site-header .quick-exit .icon").evaluate("icon => getComputedStyle(icon).transform")
    assert transform.startswith("matrix(-1"), "the exit icon points the other way"
    phone = page.locator(".help-now .phone-number").first
    assert phone.evaluate("number => getComputedStyle(number).direction") == "ltr"
    page.goto(live_server + "/nl/het-is-gebeurd")
    transform = page.locator(".site-header .quick-exit .icon").evaluate("icon => getComputedStyle(icon).transform")
    assert transform == "none"


def drawn_screen(page):
    """Where the drawn screen's back arrow and switch are, and whether each is mirrored."""
    return {
        name: page.locator(f".screen__drawing--{name}").evaluate(
            "drawing => ({x: drawing.getBoundingClientRect().x, mirrored: getComputedStyle(drawing).transform"
            ".startsWith('matrix(-1')})"
        )
        for name in ("back", "switch-on")
    }


def test_right_to_left_the_drawn_screen_reads_as_the_app_shows_it(page, live_server):
    """An app in Arabic has its back arrow on the right pointing right, and its switches at the left, on to the
    left: the drawing mirrors with it, while the row's words stay real text."""
    page.goto(live_server + "/ar/instellingen/instagram/private-account")
    arabic = drawn_screen(page)
    label = page.locator(".screen__row--on .screen__label").bounding_box()
    assert arabic["back"]["mirrored"] and arabic["switch-on"]["mirrored"]
    assert arabic["switch-on"]["x"] < label["x"], "the switch at the row's end, on the left"
    page.goto(live_server + "/nl/instellingen/instagram/private-account")
    dutch = drawn_screen(page)
    assert not dutch["back"]["mirrored"] and not dutch["switch-on"]["mirrored"]
    assert dutch["back"]["x"] < arabic["back"]["x"], "the back arrow at the start of the bar"


# One page of each kind: every page shares the header and help bar of base.html.
PAGES_WITH_A_TRUSTED_PERSON = ["/nl/", "/en/hulp", "/nl/vriendencheck", "/nl/instellingen/instagram", "/nl/les"]
A_TRUSTED_PERSON = [{"name": "Mama Jansen-de Vries", "phone": "+31612345678", "shown": "06 12345678"}]


@pytest.fixture(scope="module")
def small_phone_with_a_person(browser):
    context = browser.new_context(service_workers="block", **SMALL_PHONE)
    people = json.dumps(A_TRUSTED_PERSON)
    context.add_init_script(f"localStorage.setItem('checkje.trustedPeople', JSON.stringify({people}))")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", PAGES_WITH_A_TRUSTED_PERSON)
def test_little_stays_pinned_with_a_trusted_person_in_the_help_bar(small_phone_with_a_person, live_server, url):
    page = small_phone_with_a_person
    page.goto(live_server + url)
    assert page.locator("[data-help-bar-person]").is_visible(), "the person's call button is in the help bar"
    layout = page.evaluate(LAYOUT, TAP)
    assert layout["pinned"]["pinned"] >= 1, "the header is pinned"
    assert layout_problems(layout, SMALL_PHONE["viewport"]["width"], SMALL_PHONE["viewport"]["height"]) == {}


# The pages a youth opens first; on each the title starts close to the top of a cheap Android.
FIRST_PAGES = ["", "hulp", "vriendencheck", "instellingen/instagram", "het-is-gebeurd"]
# Where the title starts (from the top of the page), how high the help row is (one line: a tap target high), how much
# room the translation notice takes (with its margin), where the page has one, how wide the language menu's words
# and the page are, and where the ways out of trouble end (home's crisis doors; the first call or chat button of a help
# line on the help page and the first crisis page).
ABOVE_TITLE = """() => {
  const notice = document.querySelector(".translation-notice");
  const line = document.querySelector("main :is(.talk-now, .help-now) .helpline__actions a");
  return {
    crisis: [...document.querySelectorAll(".door--crisis")].map(door => door.getBoundingClientRect().bottom + scrollY),
    line: line ? line.getBoundingClientRect().bottom + scrollY : null,
    title: document.querySelector("h1").getBoundingClientRect().top + scrollY,
    row: document.querySelector(".help-row").getBoundingClientRect().height,
    notice: notice ? notice.getBoundingClientRect().height + parseFloat(getComputedStyle(notice).marginTop) : 0,
    language: document.querySelector(".language-menu__words").getBoundingClientRect().width,
    width: document.documentElement.scrollWidth,
  };
}"""


def test_the_top_of_a_cheap_android_says_language_and_starts_the_title_soon(browser, live_server):
    """At 360×640, in every language: the header says "language" in words, the help row (help, 112, read aloud) is
    one line, and the title starts at most 150 px from the top. Only the one-line notice of a translation a
    native speaker has not checked comes on top of that. On the first screen, with that notice: both ways out of trouble
    on home, and a help line's call or chat button on the help page and on the first crisis page."""
    context = browser.new_context(**CHEAP_ANDROID)
    page = context.new_page()
    problems = {}
    for lang in LANGUAGES:
        for path in FIRST_PAGES:
            page.goto(f"{live_server}/{lang}/{path}")
            found = page.evaluate(ABOVE_TITLE)
            if found["language"] <= 1 or found["width"] > CHEAP_ANDROID["viewport"]["width"]:
                problems[f"/{lang}/{path}: header"] = (
                    f"language words {found['language']:.0f} px, page {found['width']} px"
                )
            if found["row"] > TAP + 1:
                problems[f"/{lang}/{path}: help row"] = f"{found['row']:.0f} px high, more than one line"
            if found["title"] - found["notice"] > MOST_ABOVE_TITLE:
                problems[f"/{lang}/{path}: title"] = f"starts at {found['title']:.0f} px ({found['notice']:.0f} notice)"
            height = CHEAP_ANDROID["viewport"]["height"]
            if path == "" and (len(found["crisis"]) != 2 or any(bottom > height for bottom in found["crisis"])):
                problems[f"/{lang}/{path}: ways out of trouble"] = f"end at {found['crisis']} px"
            if path in ("hulp", "het-is-gebeurd") and not (found["line"] and found["line"] <= height):
                problems[f"/{lang}/{path}: a help line"] = f"its button ends at {found['line']} px"
    context.close()
    assert problems == {}


# Inside the sensitive pages (help, the help finder, "it already happened", ways to say no, my people, the help
# card) moving on replaces the history entry: after quick exit, Back shows the page from before the first of them.
def _follow(page, link):
    before = page.url
    link.click()
    page.wait_for_url(lambda url: url != before)


def test_back_after_quick_exit_skips_every_sensitive_page(page, live_server):
    page.goto(live_server + "/nl/")
    _follow(page, page.locator('main a[href="/nl/nee-zeggen"]'))
    entries = page.evaluate("history.length")
    _follow(page, page.locator('main a[href="/nl/het-is-gebeurd"]').first)
    _follow(page, page.get_by_role("link", name="Begin bij stap 1"))
    _follow(page, page.locator('.step-nav a[rel="next"]'))
    _follow(page, page.locator(".help-bar__link").first)
    _follow(page, page.locator('main a[href="/nl/hulpzoeker"]').first)
    page.locator("#finder .choice label").first.click()
    page.locator("#finder button[type=submit]").click()
    page.wait_for_function("!(document.querySelector('#finder .step-count')?.textContent || '').startsWith('Vraag 1 ')")
    assert page.evaluate("history.length") == entries, "each move replaced the one entry of the sensitive pages"
    quick_exit_then_back(page, "Snel weg")
    assert page.url == live_server + "/nl/"


def test_other_pages_keep_their_history(page, live_server):
    page.goto(live_server + "/nl/snaps")
    entries = page.evaluate("history.length")
    _follow(page, page.locator(".site-header__home"))
    assert page.evaluate("history.length") == entries + 1
