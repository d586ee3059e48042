"""Every page in every language, answered once and parsed once, without a browser: what a visitor and a
screen reader rely on, the rails (headers, no cookie, our origin only) and the page's weight. Every check
is a function of the page (PAGE_CHECKS) and `test_every_page` runs them all on each page.
In a real browser, tests/core/test_every_page_browser.py visits each page once per device."""

import functools
from collections import Counter

import pytest

from checkje.core.i18n import LANGUAGE_NAMES
from checkje.core.rails import SECURITY_HEADERS
from checkje.core.settings import DEFAULTS, LANGUAGES, RIGHT_TO_LEFT, WRITTEN_LANGUAGES
from tests.conftest import ALL_PAGE_URLS, APP, CATALOGUE_PAGE_URLS, PAGE_URLS
from tests.helpers import language_of, parse, sent_size, twin, unlinked_calls_to_112

QUICK_EXIT_URL = DEFAULTS["QUICK_EXIT_URL"]
HTMX = "/static/vendor/htmx.min.js"
# Bytes as sent: HTML and stylesheets within the first round trip of a slow phone, everything within 50 KB.
FIRST_ROUND_TRIP = 14 * 1024
WHOLE_PAGE = 50 * 1024


def is_slide(url):
    """The lesson's slides are a presentation for the class: only quick exit of the site's own parts."""
    return "/les/dia/" in url


def test_every_page_is_listed_in_each_of_its_languages():
    assert {"/nl/", "/en/", "/nl/hulp", "/en/hulp", "/nl/veiligheid", "/en/veiligheid"} <= set(PAGE_URLS)
    for url in PAGE_URLS:
        for lang in WRITTEN_LANGUAGES:
            assert twin(url, lang) in PAGE_URLS
    # A youth's page is in every language, the talk with a mentor too; the mentor guide and the lesson
    # stay Dutch and English.
    staff_only = {url for url in PAGE_URLS if url.split("/")[2] in {"mentor", "les", "stem"}}
    assert {twin("/nl/samen", lang) for lang in LANGUAGES} <= set(ALL_PAGE_URLS)
    assert staff_only and {"/nl/mentor", "/nl/les", "/nl/stem"} <= staff_only
    for url in set(PAGE_URLS) - staff_only:
        for lang in LANGUAGES:
            assert twin(url, lang) in ALL_PAGE_URLS, twin(url, lang)
    assert not {twin(url, lang) for url in staff_only for lang in LANGUAGES} & set(CATALOGUE_PAGE_URLS)


def page_has_language_title_and_one_heading(url, page):
    soup = page.soup
    lang = language_of(url)
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == ("rtl" if lang in RIGHT_TO_LEFT else "ltr")
    assert len(soup.find_all("h1")) == 1
    assert soup.title.string.strip()
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()


def skip_link_leads_to_main(_url, page):
    soup = page.soup
    skip_targets = [a["href"] for a in soup.select("a.skip-link")]
    assert "#main-content" in skip_targets
    assert soup.find("main", id="main-content")


def ids_are_unique_and_inputs_labelled(_url, page):
    soup = page.soup
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [id_ for id_, count in ids.items() if count > 1] == []
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") in {"hidden", "submit"}:
            continue
        assert soup.find("label", attrs={"for": field.get("id")}), field


def quick_exit_is_early_and_visible(_url, page):
    soup = page.soup
    exits = soup.select("a[data-quick-exit]")
    assert len(exits) == 2, "a hidden link first in the tab order, and the visible button"
    assert soup.find("a") is exits[0], "the hidden exit link comes first"
    assert "quick-exit" in exits[1]["class"]
    for link in exits:
        assert link["href"] == QUICK_EXIT_URL
        assert set(link["rel"]) == {"noreferrer", "noopener"}


def help_bar_reaches_help_and_emergency(url, page):
    soup = page.soup
    lang = language_of(url)
    bar = soup.find("nav", class_="help-bar")
    if is_slide(url):
        assert bar is None, "a slide on the projector has no help bar (tests/lesson); its last slide has the help lines"
        return
    hrefs = [a["href"] for a in bar.find_all("a") if not a.has_attr("hidden")]
    assert hrefs == [f"/{lang}/hulp", "tel:112"]
    person = bar.find("a", attrs={"data-help-bar-person": True})
    assert person.has_attr("hidden"), "filled from this phone's storage by script, never by the server"


def language_menu_offers_this_page_in_each_of_its_languages(url, page):
    soup = page.soup
    lang = language_of(url)
    if is_slide(url):
        # A slide has no site header: its bar links to the same slide in the other written language.
        links = soup.select(".deck__language a")
        assert [(link["hreflang"], link["href"]) for link in links] == [
            (code, twin(url, code)) for code in WRITTEN_LANGUAGES if code != lang
        ]
        return
    links = soup.select(".site-header .language-menu__list a")
    offered = [link["hreflang"] for link in links]
    assert offered in (list(LANGUAGES), list(WRITTEN_LANGUAGES))
    assert lang in offered
    for link in links:
        code = link["hreflang"]
        assert link["href"] == twin(url, code) and link["lang"] == code
        assert link.get_text(strip=True) == LANGUAGE_NAMES[code], "every language named in itself"
        assert link.has_attr("aria-current") == (code == lang)
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert sorted(alternates) == sorted(offered)
    for code, href in alternates.items():
        assert href.startswith("http") and href.endswith(twin(url, code))


def no_element_is_left_empty(_url, page):
    """A missing translation shows the Dutch text, never nothing."""
    soup = page.soup
    for tag in soup.find_all(["h1", "h2", "h3", "p", "li", "a", "button", "label", "summary", "dt", "dd", "th", "td"]):
        scripted = tag.has_attr("role") or tag.has_attr("aria-live")  # live regions that script fills
        decorative = tag.find_parent(attrs={"aria-hidden": "true"}) is not None
        if (
            scripted
            or decorative
            or tag.find_parent(hidden=True)
            or tag.has_attr("hidden")
            or tag.find(["svg", "input", "img"])
        ):
            continue
        assert tag.get_text(strip=True), tag


def everything_loads_from_our_origin(_url, page):
    soup = page.soup
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("use", "href")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value is None or (tag == "link" and element.get("rel") == ["alternate"]):
                continue
            assert value.startswith("/"), f"{tag} {value} is not from our origin"


# What a visitor types: these inputs (and <textarea>) send it as written.
TYPED_INPUTS = ("text", "tel", "email", "search", "url", "number", "password")
# GET forms whose typed field belongs in an address: the pupil's join form takes the code on the class's screen,
# no one's own data, and the poll's page has that code in its own address anyway.
TYPED_INTO_AN_ADDRESS = ("join-form",)


def no_form_can_send_what_was_typed_in_an_address(_url, page):
    """A form with a typed field posts it, or is for its script alone: hidden until the script shows it, and its
    fields without names, so nothing typed can be sent whatever happens (issue 31, #1: without pages.js the add-a-
    person form sent ?name=…&phone=… into the history and the offline copy)."""
    for form in page.soup.find_all("form"):
        typed = [
            field
            for field in form.find_all(["input", "textarea"])
            if field.name == "textarea" or field.get("type", "text").lower() in TYPED_INPUTS
        ]
        if (
            not typed
            or form.get("method", "get").lower() == "post"
            or set(form.get("class", [])) & set(TYPED_INTO_AN_ADDRESS)
        ):
            continue
        assert form.has_attr("hidden"), f"a GET form for typed words is shown before its script: {form.attrs}"
        assert not [field for field in typed if field.get("name")], (
            f"a script-only form's fields have names: {form.attrs}"
        )


def outbound_links_leak_no_referrer(_url, page):
    soup = page.soup
    for link in soup.find_all("a", href=True):
        if link["href"].startswith("http"):
            assert {"noreferrer", "noopener"} <= set(link.get("rel", [])), link


def test_home_leads_to_existing_pages(client, lang):
    soup = parse(client.get(f"/{lang}/"))
    targets = [a["href"] for a in soup.select(".tile__link")]
    assert f"/{lang}/hulp" in targets
    for target in targets:
        assert client.get(target).status_code == 200


def test_every_tile_target_is_a_page_without_arguments(app):
    from checkje.pages.shapes import TILE_PAGES as PAGES

    rules = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    for endpoint in PAGES:
        assert rules[endpoint].arguments == {"lang"} and "GET" in rules[endpoint].methods


def test_help_page_lists_every_line_with_one_tap_contact(client, lang):
    soup = parse(client.get(f"/{lang}/hulp"))
    lines = soup.select("article.helpline")
    names = [line.h3.get_text(strip=True) for line in lines]
    for required in ("WATCH Nederland", "Fier", "Meld Misdaad Anoniem", "Politie", "De Kindertelefoon", "Helpwanted"):
        assert required in names
    for line in lines:
        actions = [a["href"] for a in line.select(".helpline__actions a")]
        assert any(href.startswith(("tel:", "https://")) for href in actions)
        assert line.find("time")["datetime"]
    # WATCH stays named, says it stopped, and offers the lines that do its work now (tests/pages/test_help.py).
    watch = soup.find("article", id="watch")
    assert watch.select_one(".helpline__stopped").get_text(strip=True), "WATCH says it stopped"
    assert not [a for a in watch.find_all("a") if "watchnederland" in a["href"]]
    police = soup.find("article", id="politie")
    assert {"tel:112", "tel:09008844"} <= {a["href"] for a in police.find_all("a")}
    mma = soup.find("article", id="meld-misdaad-anoniem")
    assert "tel:08007000" in {a["href"] for a in mma.find_all("a")}


def test_htmx_is_ours_and_keeps_no_history(client):
    """htmx comes from npm at the pinned version, and is told to keep no page copies in localStorage."""
    import json

    from checkje.core.settings import ROOT

    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/htmx.org"]["version"]
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["htmx.org"] == pinned
    vendored = (ROOT / "static" / "vendor" / "htmx.min.js").read_bytes()
    assert vendored == (ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js").read_bytes()
    response = client.get("/static/vendor/htmx.min.js")
    response.close()
    assert response.status_code == 200
    config = json.loads(parse(client.get("/nl/")).find("meta", attrs={"name": "htmx-config"})["content"])
    assert config["historyCacheSize"] == 0
    assert config["allowEval"] is False
    assert config["selfRequestsOnly"] is True


def htmx_comes_with_its_privacy_setup(url, page):
    """htmx writes addresses to sessionStorage; htmx-setup.js, right after it, removes them. Only the pages that
    answer in place have htmx: the friend check, the help finder and each walkthrough step."""
    sources = [script["src"].split("?")[0] for script in page.soup.find_all("script", src=True)]
    if HTMX not in sources:
        return
    assert sources[sources.index(HTMX) + 1] == "/static/js/htmx-setup.js"
    assert url.split("/")[2] in {"vriendencheck", "hulpzoeker", "instellingen"} and not url.endswith("/instellingen")


def test_the_pages_that_answer_in_place_have_htmx(site):
    for url in ("/nl/vriendencheck/mijn-regels-nu", "/en/hulpzoeker", "/nl/instellingen/instagram/restrict"):
        assert HTMX in [script["src"].split("?")[0] for script in site(url).soup.find_all("script", src=True)], url


# Lines that stopped: their old addresses may now belong to anyone (WATCH Nederland: Terre des Hommes, 2022-09-09).
STOPPED_DOMAINS = ("watchnederland.nl",)


def links_nowhere_that_stopped(_url, page):
    """No page sends a youth to the old address of a line that stopped."""
    for link in page.soup.find_all("a", href=True):
        assert not any(domain in link["href"].lower() for domain in STOPPED_DOMAINS), link


def calls_to_112_are_tel_links(_url, page):
    """ "Call 112" anywhere on the site is a tel: link (the finder is tested in tests/pages/test_help.py)."""
    assert unlinked_calls_to_112(page.soup) == []


def links_its_manifest_and_worker(url, page):
    lang = language_of(url)
    assert page.soup.find("link", rel="manifest")["href"] == f"/{lang}/manifest.webmanifest"
    if url.split("/")[2] == "stem":
        # A pupil's poll page stays light: it does not fetch the whole site for offline (issue 29).
        assert not page.soup.body.has_attr("data-service-worker")
        return
    # The worker lives in the language's folder, so its scope is that language's pages.
    assert page.soup.body["data-service-worker"] == f"/{lang}/sw.js"


def has_security_headers_and_sets_no_cookie(_url, page):
    """The page was asked for with a cookie: it sets none back (tests/core/test_rails.py has other responses)."""
    for name, value in SECURITY_HEADERS.items():
        assert page.headers[name] == value
    assert "Set-Cookie" not in page.headers
    assert "Strict-Transport-Security" not in page.headers


def renders_in_one_round_trip(_url, page):
    """HTML and stylesheets as sent (gzip) fit the first round trip of a slow phone, scripts included the budget."""
    stylesheets = [link["href"] for link in page.soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in page.soup.find_all("script", src=True)]
    first_render = page.sent_bytes + sum(sent_size_of_static(href) for href in stylesheets)
    whole = first_render + sum(sent_size_of_static(src) for src in scripts)
    assert stylesheets and first_render <= FIRST_ROUND_TRIP, f"first render {first_render} bytes"
    assert whole <= WHOLE_PAGE, f"whole page {whole} bytes"


@functools.cache
def sent_size_of_static(url):
    return sent_size(APP.test_client(), url)


PAGE_CHECKS = [
    page_has_language_title_and_one_heading,
    skip_link_leads_to_main,
    ids_are_unique_and_inputs_labelled,
    quick_exit_is_early_and_visible,
    help_bar_reaches_help_and_emergency,
    language_menu_offers_this_page_in_each_of_its_languages,
    no_element_is_left_empty,
    everything_loads_from_our_origin,
    outbound_links_leak_no_referrer,
    no_form_can_send_what_was_typed_in_an_address,
    htmx_comes_with_its_privacy_setup,
    links_nowhere_that_stopped,
    calls_to_112_are_tel_links,
    links_its_manifest_and_worker,
    has_security_headers_and_sets_no_cookie,
    renders_in_one_round_trip,
]


@pytest.mark.parametrize("url", ALL_PAGE_URLS)
def test_every_page(url, site):
    """Every check above on the page as it was answered once; a failure names the page and each check that failed."""
    page = site(url)
    assert page.status_code == 200, url
    failures = []
    for check in PAGE_CHECKS:
        try:
            check(url, page)
        except Exception as error:  # an element a check needs that is missing fails that check too
            failures.append(f"{url} {check.__name__}: {type(error).__name__}: {error}")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
