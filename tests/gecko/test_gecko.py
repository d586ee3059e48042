"""Checkje in Firefox (Gecko): the promises that differ between engines. The drawings are in colour, quick
exit leaves (button and Shift three times), a practice request is answered, wipe empties the phone, the site
works offline after one visit, nothing is asked of another origin, Arabic reads right to left, and a
walkthrough step shows the phone's own way."""

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.browser_helpers import offline_sample
from tests.conftest import NEUTRAL_PATH, PAGE_URLS

pytestmark = [pytest.mark.gecko, pytest.mark.xdist_group("gecko")]

BOX = (
    "selector => { const box = document.querySelector(selector).getBoundingClientRect();"
    " return {x: box.x, y: box.y, width: box.width, height: box.height}; }"
)
RESOURCE_URLS = "() => [location.href, ...performance.getEntriesByType('resource').map(entry => entry.name)]"
WIPE_BUTTON = "form[data-wipe] button"


def share_in_hues(png, hues):
    """The share of the picture's pixels that are bright and clearly coloured, of a hue in `hues` (degrees)."""
    hsv = Image.open(io.BytesIO(png)).convert("HSV").tobytes()
    pixels = [hsv[index : index + 3] for index in range(0, len(hsv), 3)]
    coloured = [hue * 360 / 255 for hue, saturation, value in pixels if saturation > 80 and value > 120]
    return sum(1 for hue in coloured if hues[0] <= hue <= hues[1]) / len(pixels)


# The mascot's yellow (--mascot-body, #ffd54a): a third of its box; the home drawing's pale tints and green tick,
# none of them the header's violet: about a tenth of its box. Drawn black, both have none.
YELLOW = (35, 60)
NOT_VIOLET = (0, 240)


@pytest.mark.parametrize(
    ("drawing", "hues", "least"), [(".site-header__home .mascot", YELLOW, 0.3), (".hero__art", NOT_VIOLET, 0.05)]
)
def test_the_drawings_are_in_colour(gecko, gecko_server, drawing, hues, least):
    """Firefox applies the sprite's own Content-Security-Policy inside <use>: colours set in a way it refuses
    leave a black shape. Read from the pixels, as a youth sees it."""
    gecko.goto(gecko_server + "/nl/")
    box = gecko.evaluate(BOX, drawing)
    assert box["width"] > 20 and box["height"] > 20, box
    share = share_in_hues(gecko.screenshot(clip=box), hues)
    assert share >= least, f"{drawing}: {share:.0%} of its pixels in its own colours"


def test_quick_exit_button_leaves_and_back_skips_the_page_it_left(gecko, gecko_server):
    gecko.goto(gecko_server + "/nl/")
    gecko.goto(gecko_server + "/nl/hulp")
    gecko.click(".site-header .quick-exit")
    gecko.wait_for_url(gecko_server + NEUTRAL_PATH + "/")
    gecko.go_back()
    gecko.wait_for_url(gecko_server + "/nl/")


def test_three_shift_presses_leave(gecko, gecko_server):
    gecko.goto(gecko_server + "/en/veiligheid")
    gecko.press("Shift")
    gecko.press("Shift")
    assert gecko.url() == gecko_server + "/en/veiligheid", "two presses stay"
    gecko.press("Shift")
    gecko.wait_for_url(gecko_server + NEUTRAL_PATH + "/")


def test_a_practice_request_is_answered_in_place(gecko, gecko_server):
    url = gecko_server + "/nl/vriendencheck/snel/snel-geld"
    gecko.goto(url)
    gecko.wait_for("() => !!window.htmx")
    gecko.evaluate("() => { window.pageBeforeAnswer = true; }")
    gecko.click("form.answers button.answer--decline")
    gecko.wait_for("() => !!document.querySelector('#friendcheck .onward')")
    assert gecko.evaluate("() => window.pageBeforeAnswer === true"), "htmx answered in the same page"
    assert gecko.url() == url, "no answer in the address"
    assert gecko.evaluate("() => document.querySelector('.verdict').textContent").strip(), "the verdict is shown"
    assert gecko.evaluate("() => document.querySelectorAll('.signs__list li').length") >= 1


def test_wipe_empties_storage_and_the_help_bar(gecko, gecko_server):
    gecko.goto(gecko_server + "/nl/mijn-mensen")
    person = {"name": "Tante Fatima", "phone": "+31612345678"}
    gecko.evaluate("person => localStorage.setItem('checkje.trustedPeople', JSON.stringify([person]))", person)
    gecko.goto(gecko_server + "/nl/veiligheid")
    assert gecko.evaluate("() => !document.querySelector('[data-help-bar-person]').hidden"), "the person is in the bar"
    gecko.click(WIPE_BUTTON)
    gecko.wait_for("() => document.querySelector('[data-wipe-status]').textContent.trim() !== ''")
    assert gecko.evaluate("() => localStorage.length + sessionStorage.length") == 0
    assert gecko.evaluate("() => caches.keys().then(names => names.length)") == 0
    assert gecko.evaluate("() => document.querySelector('[data-help-bar-person]').hidden")


def test_every_page_of_a_language_opens_offline_after_one_visit(gecko, gecko_server):
    urls = [url for url in PAGE_URLS if url.startswith("/nl/")]
    gecko.goto(gecko_server + "/nl/")
    gecko.wait_for("() => navigator.serviceWorker.ready.then(registration => !!registration.active)")
    gecko.goto(gecko_server + "/nl/")
    gecko.wait_for("() => !!navigator.serviceWorker.controller")
    gecko.set_offline(True)
    try:
        for url in offline_sample(urls):
            gecko.goto(gecko_server + url)
            assert gecko.evaluate("() => [document.documentElement.lang, document.querySelectorAll('h1').length]") == [
                "nl",
                1,
            ], url
    finally:
        gecko.set_offline(False)


def test_no_request_goes_to_another_origin(gecko, gecko_server):
    seen = []
    for path in ("/nl/", "/nl/hulp", "/nl/vriendencheck/snel/snel-geld", "/nl/snaps", "/ar/hulp"):
        gecko.goto(gecko_server + path)
        seen += gecko.evaluate(RESOURCE_URLS)
    assert len(seen) > 15, "the pages' styles, scripts and drawings are counted"
    origins = {
        f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in seen if not url.startswith(("data:", "blob:"))
    }
    assert origins == {gecko_server}


def test_arabic_reads_right_to_left_with_numbers_left_to_right(gecko, gecko_server):
    gecko.goto(gecko_server + "/ar/het-is-gebeurd")
    assert gecko.evaluate("() => document.documentElement.dir") == "rtl"
    home, exit_button = gecko.evaluate(BOX, ".site-header__home"), gecko.evaluate(BOX, ".site-header .quick-exit")
    assert home["x"] > exit_button["x"], "Checkje's face at the start, on the right"
    assert (
        gecko.evaluate("() => getComputedStyle(document.querySelector('.help-now .phone-number')).direction") == "ltr"
    )


def test_a_walkthrough_step_follows_the_chosen_phone(gecko, gecko_server):
    """The phone chosen once is remembered on this phone and chosen on every step (walkthroughs.js)."""
    gecko.goto(gecko_server + "/nl/instellingen")
    gecko.click_and_wait_for_navigation("a[data-phone-choice=iphone]")
    assert urlsplit(gecko.url()).query == "telefoon=iphone"
    gecko.goto(gecko_server + "/nl/instellingen/instagram/restrict")
    gecko.wait_for("() => document.getElementById('different-iphone').checked")
    assert gecko.evaluate("() => document.querySelectorAll('.screen .screen__row').length") >= 1, "the drawn screen"
