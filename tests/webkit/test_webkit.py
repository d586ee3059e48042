"""Checkje in WebKit, the engine of every browser on an iPhone: quick exit, no other origins,
trusted people, offline, the friend check with and without JavaScript, and read aloud."""

import json
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as seen

from app import create_app
from tests.browser_helpers import CACHED_PAGES, offline_sample
from tests.conftest import PAGE_URLS, TEST_CONFIG, serving
from tests.friendcheck.test_friendcheck import check
from tests.webkit.conftest import start_webkit, wait, wait_for_script

pytestmark = [
    pytest.mark.webkit,
    pytest.mark.xdist_group("webkit"),
]

WIPE = "Wis alles wat Checkje op deze telefoon bewaarde"
WIPED = "Alles wat Checkje op deze telefoon bewaarde, is gewist."
# How long a service worker may take to keep a whole language (about 160 files) before it is active.
INSTALL_SECONDS = 45
RESOURCE_URLS = "return [location.href, ...performance.getEntriesByType('resource').map(entry => entry.name)]"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def button(driver, name):
    """The button once it can be pressed, in the middle of the screen: script shows some forms only after the
    page has loaded, which on a busy machine comes after WebDriver's page load, and WebKitWebDriver does not
    scroll a button that a growing list pushed down back into view (Playwright does both by itself)."""
    named = (By.XPATH, f"//button[normalize-space()={json.dumps(name)}]")
    found = wait(driver).until(seen.element_to_be_clickable(named))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", found)
    return found


def stored_people(driver):
    return json.loads(driver.execute_script("return localStorage.getItem('checkje.trustedPeople') || '[]'"))


def test_quick_exit_button_leaves_and_back_skips_the_page_it_left(webkit, webkit_server, neutral_site):
    webkit.get(webkit_server + "/nl/")
    webkit.get(webkit_server + "/nl/hulp")
    # Help is sensitive: the help finder takes its place in the history.
    webkit.find_element(By.CSS_SELECTOR, 'main a[href="/nl/hulpzoeker"]').click()
    wait(webkit).until(seen.url_to_be(webkit_server + "/nl/hulpzoeker"))
    webkit.find_element(By.CSS_SELECTOR, "header .quick-exit").click()
    wait(webkit).until(seen.url_to_be(neutral_site))
    assert webkit.find_element(By.TAG_NAME, "h1").text == "Het weer"
    # The exit replaced the finder in the history: Back shows the page from before help.
    webkit.back()
    wait(webkit).until(seen.url_to_be(webkit_server + "/nl/"))


def test_three_shift_presses_leave_and_back_skips_the_page_they_left(webkit, webkit_server, neutral_site):
    webkit.get(webkit_server + "/en/")
    webkit.get(webkit_server + "/en/veiligheid")
    keys = ActionChains(webkit)
    for _ in range(3):
        keys.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    keys.perform()
    wait(webkit).until(seen.url_to_be(neutral_site))
    webkit.back()
    wait(webkit).until(seen.url_to_be(webkit_server + "/en/"))


def test_two_shift_presses_stay(webkit, webkit_server):
    webkit.get(webkit_server + "/nl/hulp")
    keys = ActionChains(webkit)
    for _ in range(2):
        keys.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    keys.perform()
    # A third, harmless key proves the first two were handled and did not leave.
    keys.send_keys("a").perform()
    assert webkit.current_url == webkit_server + "/nl/hulp"
    assert "is-leaving" not in webkit.find_element(By.TAG_NAME, "html").get_attribute("class")


def test_no_request_goes_to_another_origin(webkit, webkit_server):
    paths = ["/nl/", "/nl/hulp", "/nl/veiligheid", "/nl/vriendencheck", "/nl/snaps", "/en/mijn-mensen"]
    seen_urls = []
    for path in paths:
        webkit.get(webkit_server + path)
        seen_urls += webkit.execute_script(RESOURCE_URLS)
    assert len(seen_urls) > len(paths) * 3, "the pages' styles, scripts and drawings are counted"
    assert {origin(url) for url in seen_urls if not url.startswith(("data:", "blob:"))} == {webkit_server}


def test_trusted_people_are_saved_on_the_phone_and_wiped(webkit, webkit_server):
    webkit.get(webkit_server + "/nl/mijn-mensen")
    for name, phone in (("Mentor Sanne", "06-12 34 56 78"), ("Tante Fatima", "+32 470 12 34 56")):
        # The form shows once its script has run, which on a busy machine comes after WebDriver's page load.
        wait(webkit).until(seen.element_to_be_clickable((By.ID, "person-name"))).send_keys(name)
        webkit.find_element(By.ID, "person-phone").send_keys(phone)
        button(webkit, "Toevoegen").click()
        wait(webkit).until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-people-list]"), name))
    assert [person["phone"] for person in stored_people(webkit)] == ["+31612345678", "+32470123456"]

    webkit.refresh()
    names = [node.text for node in webkit.find_elements(By.CSS_SELECTOR, ".people__person .people__name")]
    assert names == ["Mentor Sanne", "Tante Fatima"]
    bar_person = webkit.find_element(By.CSS_SELECTOR, "[data-help-bar-person]")
    assert bar_person.is_displayed() and bar_person.get_attribute("href") == "tel:+31612345678"

    button(webkit, WIPE).click()
    wait(webkit).until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-wipe-status]"), WIPED))
    assert webkit.execute_script("return localStorage.length") == 0
    assert webkit.find_elements(By.CSS_SELECTOR, ".people__person") == []
    assert not webkit.find_element(By.CSS_SELECTOR, "[data-help-bar-person]").is_displayed()


def test_service_worker_installs_and_pages_open_offline(webkit):
    """WebKitGTK runs service workers on http://127.0.0.1; offline here is a server that is gone."""
    urls = [url for url in PAGE_URLS if url.startswith("/nl/")]
    with serving(create_app(TEST_CONFIG)) as base_url:
        webkit.get(base_url + "/nl/")
        assert wait_for_script(webkit, "navigator.serviceWorker.ready.then(r => !!r.active)")
        # The site-wide worker (only the offline pages) may be active before the language's own, which keeps the
        # whole language first: the page is the language worker's once a reload finds that one active.
        controlled = "const c = navigator.serviceWorker.controller; return !!c && c.scriptURL.endsWith('/nl/sw.js');"
        assert wait(webkit, INSTALL_SECONDS).until(lambda driver: driver.refresh() or driver.execute_script(controlled))
        found = webkit.execute_async_script(
            f"const done = arguments[arguments.length - 1]; ({CACHED_PAGES})(arguments[0]).then(done, String);",
            [base_url + url for url in urls],
        )
    assert {url: kept for url, kept in found.items() if kept != [200, 1, "nl"]} == {}
    for path in offline_sample(urls):
        webkit.get(base_url + path)
        assert len(webkit.find_elements(By.TAG_NAME, "h1")) == 1, path
        assert webkit.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", path


def choose_and_submit(driver, choice_ids):
    for choice_id in choice_ids:
        label = driver.find_element(By.CSS_SELECTOR, f'label[for="choice-{choice_id}"]')
        # WebKitWebDriver does not scroll a half-hidden element into view when the page's scripts are off.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
        assert driver.find_element(By.ID, f"choice-{choice_id}").is_selected()
    driver.find_element(By.CSS_SELECTOR, "form.choices button[type=submit]").click()


def test_friend_check_with_javascript_answers_in_place(webkit, webkit_server):
    result_title = check("nl")["rules_now"]["result_title"]
    webkit.get(webkit_server + "/nl/vriendencheck/mijn-regels-nu")
    webkit.execute_script("window.pageBeforeSubmit = true")
    choose_and_submit(webkit, ["ken-in-het-echt", "complimenten", "iets-aangeboden"])
    wait(webkit).until(seen.text_to_be_present_in_element((By.TAG_NAME, "h1"), result_title))
    assert webkit.execute_script("return window.pageBeforeSubmit === true"), "htmx swapped it into the same page"
    assert webkit.current_url == webkit_server + "/nl/vriendencheck/mijn-regels-nu", "no answer in the address"
    assert len(webkit.find_elements(By.CSS_SELECTOR, ".feedback")) == 3


@pytest.fixture(scope="module")
def webkit_without_javascript(display):
    """WebKit with the page's own scripts switched off (WebKitGTK's enable-javascript-markup setting)."""
    driver = start_webkit(display, "--enable-javascript-markup=false")
    yield driver
    driver.quit()


def test_friend_check_without_javascript_works_with_plain_forms(webkit_without_javascript, webkit_server):
    driver = webkit_without_javascript
    result_title = check("nl")["rules_now"]["result_title"]
    driver.get(webkit_server + "/nl/vriendencheck/mijn-regels-nu")
    html_class = driver.find_element(By.TAG_NAME, "html").get_attribute("class") or ""
    assert "js" not in html_class.split(), "the page's scripts really did not run"
    choose_and_submit(driver, ["ken-in-het-echt", "complimenten", "iets-aangeboden"])
    wait(driver).until(seen.text_to_be_present_in_element((By.TAG_NAME, "h1"), result_title))
    assert len(driver.find_elements(By.CSS_SELECTOR, ".feedback")) == 3


DEVICE_VOICES = """
const done = arguments[arguments.length - 1];
const count = () => done(speechSynthesis.getVoices().map(voice => voice.localService));
speechSynthesis.getVoices().length ? count() : (speechSynthesis.onvoiceschanged = count, setTimeout(count, 2000));
"""


def test_read_aloud_never_uses_a_voice_off_the_phone(webkit, webkit_server):
    """WebKitGTK's speech offers Flite voices but marks none as on the device: read aloud says it cannot."""
    webkit.get(webkit_server + "/nl/veiligheid")
    voices_local = webkit.execute_async_script(DEVICE_VOICES)
    assert voices_local and not any(voices_local), "this WebKit has voices, none of them marked local"
    toggle = webkit.find_element(By.CSS_SELECTOR, "[data-read-aloud-toggle]")
    # On a phone the button shows its icon; its word is read out (visually hidden).
    assert toggle.is_displayed() and toggle.get_attribute("textContent").strip() == "Voorlezen"
    notice = webkit.find_element(By.CSS_SELECTOR, "[data-read-aloud-notice]")
    assert not notice.is_displayed()
    toggle.click()
    wait(webkit).until(lambda d: notice.is_displayed())
    assert toggle.get_attribute("textContent").strip() == "Voorlezen" and toggle.get_attribute("aria-pressed") != "true"
    assert webkit.execute_script("return speechSynthesis.speaking || speechSynthesis.pending") is False


def test_read_aloud_is_hidden_without_javascript(webkit_without_javascript, webkit_server):
    webkit_without_javascript.get(webkit_server + "/nl/veiligheid")
    assert not webkit_without_javascript.find_element(By.CSS_SELECTOR, "[data-read-aloud]").is_displayed()
