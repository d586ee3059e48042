"""In Chromium: installable, every page of a language offline after one visit, wipe, and updates."""

import contextlib
import json
import re

import pytest
from playwright.sync_api import expect

from checkje.friendcheck.fields import PICKS
from checkje.pwa import views as pwa
from checkje.together.fields import TALK_STEP
from tests.browser_helpers import CACHED_PAGES, PHONE, offline_sample
from tests.conftest import APP, PAGE_URLS

# One worker runs them all, so the phone that installed Checkje once (`installed`) serves each test that only reads.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]

WAIT_FOR_WORKER = "navigator.serviceWorker.ready.then(r => !!r.active)"
CACHE_NAMES = "caches.keys()"


def visit_once(context, live_server, lang):
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    assert page.evaluate(WAIT_FOR_WORKER)
    # The worker controls pages opened after it took over.
    page.reload()
    assert page.evaluate("!!navigator.serviceWorker.controller")
    return page


def test_chromium_finds_checkje_installable(browser, live_server, tmp_path):
    """Chromium never offers to install from a private window, so this test uses a real profile."""
    from tests.conftest import CHROMIUM_ARGS, chromium_executable

    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=chromium_executable(), args=CHROMIUM_ARGS, **PHONE
    )
    try:
        page = visit_once(context, live_server, "nl")
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        assert session.send("Page.getAppManifest")["errors"] == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def installed(browser, live_server):
    """A phone that visited Checkje once in Dutch and once in English: each worker keeps its language offline.
    Tests here only read from it, and go offline only within a `while_offline` block."""
    context = browser.new_context(service_workers="allow", **PHONE)
    pages = {lang: visit_once(context, live_server, lang) for lang in ("nl", "en")}
    yield context, pages
    context.close()


@contextlib.contextmanager
def while_offline(context):
    context.set_offline(True)
    try:
        yield
    finally:
        context.set_offline(False)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_opens_offline_after_one_visit(installed, live_server, lang):
    context, pages = installed
    page = pages[lang]
    urls = [url for url in PAGE_URLS if url.startswith(f"/{lang}/")]
    found = page.evaluate(CACHED_PAGES, [live_server + url for url in urls])
    assert {url: kept for url, kept in found.items() if kept != [200, 1, lang]} == {}
    with while_offline(context):
        for url in offline_sample(urls):
            response = page.goto(live_server + url, wait_until="domcontentloaded")
            assert response.ok, url
            assert page.locator("h1").count() == 1, url
            assert page.locator("html").get_attribute("lang") == lang


SITE_WORKER_ACTIVE = """navigator.serviceWorker.getRegistrations().then(registrations => registrations.some(
    registration => new URL(registration.scope).pathname === "/" && registration.active?.state === "activated"))"""


def test_a_language_not_visited_opens_offline_with_checkjes_offline_page(installed, live_server):
    """The site's worker keeps every language's offline page: Arabic, never visited, opened offline, shows it in
    Arabic with help lines to call, not the browser's error page."""
    context, pages = installed
    page = pages["nl"]
    page.wait_for_function(SITE_WORKER_ACTIVE)
    offline = APP.extensions["checkje.content"].get("pwa/offline", "ar")
    with while_offline(context):
        response = page.goto(live_server + "/ar/hulp", wait_until="domcontentloaded")
        assert response.ok
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("h1").inner_text() == offline["title"]
        assert page.locator(".help-card__lines a[href^='tel:']").count() >= 3


def test_choosing_a_phone_on_a_settings_step_works_offline(installed, live_server):
    """The address with the phone is not kept: offline the worker answers with the step as kept, for any phone, and
    the page shows the way for the phone in the address."""
    context, pages = installed
    page = pages["nl"]
    with while_offline(context):
        page.goto(live_server + "/nl/instellingen/whatsapp/privacy-checkup", wait_until="load")
        page.get_by_role("link", name="iPhone").tap()
        page.wait_for_url("**telefoon=iphone")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Doe de privacycontrole", "the step, not 'no internet'"
        assert page.locator('.path[data-phone="iphone"]').is_visible()
        assert page.locator('.path[data-phone="android"]').is_hidden()
        assert page.locator('[data-phone-choice="iphone"]').get_attribute("aria-current") == "true"


def test_the_help_finder_asks_and_answers_offline(installed, live_server):
    """Offline the browser takes the finder's steps itself, as the server would (the page carries them), and shows the
    result with the lines' cards from the help page as kept: one tap calls."""
    context, pages = installed
    page = pages["en"]
    page.goto(live_server + "/en/hulpzoeker")
    # Not in danger, nothing sexual against your will, 18 or older, a photo: then home, anonymous and wish.
    answers = ("No", "No", "18 or older", "Yes", "No", "No, that is fine", "Talk to someone")
    with while_offline(context):
        for number, answer in enumerate(answers, start=1):
            if number == 2:
                # "Next" with nothing chosen: the problem is said on this question, as the server says it.
                page.get_by_role("button", name="Next").click()
                assert page.locator("#finder .error-message").inner_text() == "Choose one answer."
                assert page.get_by_role("alert").get_by_role("heading").inner_text() == "There is a problem"
                assert page.get_by_text(f"Question 2 of {len(answers)}").is_visible()
            page.get_by_label(answer, exact=True).check()
            page.get_by_role("button", name="Next").click()
            if number < len(answers):
                page.get_by_text(f"Question {number + 1} of {len(answers)}").wait_for()
                assert page.evaluate("document.activeElement.id") == "finder-heading"
        page.get_by_role("heading", name="Help with a photo or video").wait_for()
        cards = page.locator("#finder .helpline h3").all_inner_texts()
        assert cards == ["Helpwanted", "StopNCII", "Take It Down"], "the result for 18 and older, as online"
        assert page.locator("#finder a[href='tel:0202615275']").count() == 1
        assert page.evaluate("document.activeElement.id") == "finder-heading"
    assert page.url == live_server + "/en/hulpzoeker", "no answer in the address"


def test_an_activity_opened_from_the_talk_opens_offline_too(installed, live_server):
    context, pages = installed
    with while_offline(context):
        response = pages["nl"].goto(f"{live_server}/nl/snaps?{TALK_STEP}=4", wait_until="domcontentloaded")
        assert response.ok
        demo = APP.extensions["checkje.content"].get("snaps/demo", "nl")
        assert pages["nl"].locator("h1").inner_text() == demo["title"], "the demonstration as kept, no way back"


def test_a_page_that_needs_the_network_says_so_kindly(installed, live_server):
    context, pages = installed
    with while_offline(context):
        pages["en"].goto(live_server + "/en/vriendencheck/mijn-regels-nu/uitslag")
        assert pages["en"].locator("h1").inner_text() == "No internet"
        assert pages["en"].locator("a[href='tel:112']").count() >= 1


def test_a_practice_request_is_answered_offline_too(installed, live_server):
    """Issue 28: offline after one visit, tapping an answer shows its verdict (from the result the request's page
    carries), never nothing or "no internet"; the next request opens and is answered the same way."""
    context, pages = installed
    page = pages["nl"]
    requests = APP.extensions["checkje.content"].get("friendcheck/requests", "nl")
    by_id = {practice["id"]: practice for practice in requests["requests"]}
    first, second = requests["quick_round"]["requests"][:2]
    with while_offline(context):
        page.goto(f"{live_server}/nl/vriendencheck/snel/{first}", wait_until="domcontentloaded")
        for request_id, answer in ((first, "accept"), (second, "check")):
            page.wait_for_function("!!window.htmx")
            page.locator(f"form.answers .answer--{answer}").click()
            expect(page.locator("h1")).to_have_text(requests["verdicts"][by_id[request_id]["best"]]["title"])
            expect(page.locator("h1")).to_be_focused()
            best = by_id[request_id]["best"]
            verdict = page.locator(".verdict")
            expect(verdict).to_have_count(1)
            expect(verdict).to_contain_text(requests["answers"][answer])
            expect(page.locator(".check-first")).to_have_count(1 if "check" in (answer, best) else 0)
            assert page.locator(".request-card .is-sign").count() >= 1, "the signs are marked on the card"
            assert page.locator("[data-for-answers]").count() == 0, "only the tapped answer's verdict"
            assert page.title().startswith(requests["verdicts"][best]["title"])
            if request_id == first:
                page.locator(".verdict + .onward .button").click()
                page.wait_for_url(f"{live_server}/nl/vriendencheck/snel/{second}")


def test_answers_are_never_kept_offline(offline_context, live_server):
    page = visit_once(offline_context, live_server, "nl")
    page.goto(live_server + "/nl/hulpzoeker")
    page.get_by_label("Nee", exact=True).check()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_text(re.compile(r"^Vraag 2 van \d+$")).wait_for()
    # A friend-check result, and an old result address with answers in it (it drops them).
    page.goto(live_server + "/nl/vriendencheck/mijn-regels-nu")
    page.locator('label[for="choice-leuke-foto"]').click()
    page.locator("form.choices button[type=submit]").click()
    page.locator(".feedback").first.wait_for()
    page.goto(live_server + f"/nl/vriendencheck/mijn-regels/overzicht?{PICKS}=vertel-het")
    page.wait_for_url(live_server + "/nl/vriendencheck/mijn-regels/overzicht")
    kept = page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
            }
            return urls;
        }"""
    )
    assert kept and not [url for url in kept if "uitslag" in url or PICKS in url]
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_the_wipe_form_alone_has_the_browser_clear_everything_and_checkje_installs_again(offline_context, live_server):
    """Without our script the form's answer does it: Clear-Site-Data empties storage, caches and the worker."""
    page = visit_once(offline_context, live_server, "nl")
    page.evaluate("localStorage.setItem('checkje.trustedPeople', '[]')")
    page.goto(live_server + "/nl/veiligheid")
    # form.submit() skips the submit event, so the plain form is sent as a browser without JavaScript sends it.
    with page.expect_navigation():
        page.evaluate("document.querySelector('form[data-wipe]').submit()")
    page.get_by_text("Alles wat Checkje op deze telefoon bewaarde, is gewist.").wait_for()
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    page.goto(live_server + "/nl/")
    assert page.evaluate(WAIT_FOR_WORKER), "going on installs the offline copy again"


def test_trusted_people_work_offline(offline_context, live_server):
    page = visit_once(offline_context, live_server, "nl")
    page.goto(live_server + "/nl/mijn-mensen")
    page.get_by_label("Naam of bijnaam").fill("Mentor Sanne")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_role("button", name="Toevoegen").click()
    offline_context.set_offline(True)
    page.reload()
    assert page.locator(".people__person").filter(has_text="Mentor Sanne").is_visible()
    page.goto(live_server + "/nl/hulp")
    assert page.locator("[data-help-bar-person]").inner_text().strip() == "Bel Mentor Sanne"


def test_wipe_leaves_no_storage_caches_or_worker(offline_context, live_server):
    page = visit_once(offline_context, live_server, "nl")
    page.evaluate("localStorage.setItem('checkje.trustedPeople', '[]')")
    assert page.evaluate(CACHE_NAMES)
    page.goto(live_server + "/nl/veiligheid")
    page.get_by_role("button", name="Wis alles wat Checkje op deze telefoon bewaarde").click()
    page.get_by_text("Alles wat Checkje op deze telefoon bewaarde, is gewist.").wait_for()
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_new_version_replaces_the_old_and_its_caches(offline_context, live_server, monkeypatch):
    page = visit_once(offline_context, live_server, "nl")
    old_caches = page.evaluate(CACHE_NAMES)
    assert old_caches and all(name.startswith("checkje-") for name in old_caches)
    page.evaluate("caches.open('someone-elses-cache')")
    monkeypatch.setattr(pwa, "_version", lambda *files: "changed")
    page.reload()
    page.locator("[data-update-notice]").wait_for()
    page.get_by_role("button", name="Opnieuw laden").click()
    page.wait_for_function(
        "navigator.serviceWorker.controller && caches.keys().then(k => k.includes('checkje-nl-pages-changed'))"
    )
    page.wait_for_function(f"caches.keys().then(k => !k.some(n => n.endsWith({old_caches[0][-16:]!r})))")
    names = [name for name in page.evaluate(CACHE_NAMES) if not name.startswith("checkje-site-")]
    assert sorted(names) == ["checkje-nl-pages-changed", "checkje-nl-static-changed", "someone-elses-cache"]


def test_each_language_keeps_its_own_worker_and_caches(installed):
    """A youth who reads both languages has both offline: one worker never removes the other's caches."""
    _, pages = installed
    page = pages["en"]
    scopes = page.evaluate(
        "navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => new URL(r.scope).pathname))"
    )
    assert sorted(scopes) == ["/", "/en/", "/nl/"], "and the site's worker, for the languages not visited"
    prefixes = {name.rsplit("-", 1)[0] for name in page.evaluate(CACHE_NAMES)}
    languages = {"checkje-nl-pages", "checkje-nl-static", "checkje-en-pages", "checkje-en-static"}
    assert prefixes == languages | {"checkje-site-pages", "checkje-site-static"}


def test_quick_exit_leaves_the_app_window_the_service_worker_controls(offline_context, live_server):
    """The installed app is a window whose pages the service worker serves, with no address bar
    or back button. The exit replaces that window's page with the neutral site (headless Chromium
    cannot show a standalone window, so this checks the same page under the worker's control)."""
    from tests.browser_helpers import NEUTRAL_SITE, answer_for_neutral_site

    answer_for_neutral_site(offline_context)
    page = visit_once(offline_context, live_server, "nl")
    page.goto(live_server + "/nl/hulp")
    assert page.evaluate("!!navigator.serviceWorker.controller")
    page.get_by_role("link", name="Snel weg", exact=True).tap()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert not page.url.startswith(live_server + "/nl/hulp")


WIPE_CONFIRMS_WITHIN_MS = 3000


def test_wipe_on_a_first_visit_confirms_within_three_seconds_every_time(browser, live_server):
    """On a first visit the worker is still installing, and unregistering it then can fail: the wipe goes on,
    the person leaves the screen at once and the page confirms in time, five fresh phones out of five."""
    person = [{"name": "Tante Fatima", "phone": "+31612345678"}]
    for visit in range(5):
        context = browser.new_context(service_workers="allow", **PHONE)
        try:
            page = context.new_page()
            page.add_init_script(f"localStorage.setItem('checkje.trustedPeople', {json.dumps(json.dumps(person))})")
            page.goto(live_server + "/nl/veiligheid")
            assert page.locator("[data-help-bar-person]").is_visible(), visit
            page.get_by_role("button", name="Wis alles wat Checkje op deze telefoon bewaarde").click()
            assert page.locator("[data-help-bar-person]").is_hidden(), f"visit {visit}: the person is gone at once"
            page.get_by_text("Alles wat Checkje op deze telefoon bewaarde, is gewist.").wait_for(
                timeout=WIPE_CONFIRMS_WITHIN_MS
            )
            assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        finally:
            context.close()
