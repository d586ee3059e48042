"""Structure of every page in every language: what a visitor and a screen reader rely on.

Dutch and English pages are also swept in a browser; the catalogue languages' pages here
only (BeautifulSoup), and a sample of them in a browser (tests/core/test_languages_browser.py)."""

from collections import Counter

import pytest

from checkje.core.i18n import LANGUAGE_NAMES
from checkje.core.settings import DEFAULTS, LANGUAGES, RIGHT_TO_LEFT, WRITTEN_LANGUAGES
from tests.conftest import ALL_PAGE_URLS, CATALOGUE_PAGE_URLS, PAGE_URLS
from tests.helpers import language_of, parse, twin

QUICK_EXIT_URL = DEFAULTS["QUICK_EXIT_URL"]


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


@pytest.fixture
def page(page_url, site):
    """The page, rendered and parsed once for all the checks below."""
    rendered = site(page_url)
    assert rendered.status_code == 200
    return page_url, rendered.soup


def test_page_has_language_title_and_one_heading(page):
    url, soup = page
    lang = language_of(url)
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == ("rtl" if lang in RIGHT_TO_LEFT else "ltr")
    assert len(soup.find_all("h1")) == 1
    assert soup.title.string.strip()
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()


def test_skip_link_leads_to_main(page):
    _, soup = page
    skip_targets = [a["href"] for a in soup.select("a.skip-link")]
    assert "#main-content" in skip_targets
    assert soup.find("main", id="main-content")


def test_ids_are_unique_and_inputs_labelled(page):
    _, soup = page
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [id_ for id_, count in ids.items() if count > 1] == []
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") in {"hidden", "submit"}:
            continue
        assert soup.find("label", attrs={"for": field.get("id")}), field


def test_quick_exit_is_early_and_visible(page):
    _, soup = page
    exits = soup.select("a[data-quick-exit]")
    assert len(exits) == 2, "a hidden link first in the tab order, and the visible button"
    assert soup.find("a") is exits[0], "the hidden exit link comes first"
    assert "quick-exit" in exits[1]["class"]
    for link in exits:
        assert link["href"] == QUICK_EXIT_URL
        assert set(link["rel"]) == {"noreferrer", "noopener"}


def test_help_bar_reaches_help_and_emergency(page):
    url, soup = page
    lang = language_of(url)
    bar = soup.find("nav", class_="help-bar")
    if is_slide(url):
        assert bar is None, "a slide on the projector has no help bar (tests/lesson); its last slide has the help lines"
        return
    hrefs = [a["href"] for a in bar.find_all("a") if not a.has_attr("hidden")]
    assert hrefs == [f"/{lang}/hulp", "tel:112"]
    person = bar.find("a", attrs={"data-help-bar-person": True})
    assert person.has_attr("hidden"), "filled from this phone's storage by script, never by the server"


def test_language_menu_offers_this_page_in_each_of_its_languages(page):
    url, soup = page
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


def test_no_element_is_left_empty(page):
    """A missing translation shows the Dutch text, never nothing."""
    _, soup = page
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


def test_everything_loads_from_our_origin(page):
    _, soup = page
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("use", "href")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value is None or (tag == "link" and element.get("rel") == ["alternate"]):
                continue
            assert value.startswith("/"), f"{tag} {value} is not from our origin"


def test_outbound_links_leak_no_referrer(page):
    _, soup = page
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
    # WATCH stays, one tap away, but says it shows no sign of life since 2018 (tests/pages/test_help.py).
    watch = soup.find("article", id="watch")
    assert watch.select_one(".helpline__actions a")["href"] == "https://www.watchnederland.nl/"
    assert watch.select_one(".helpline__note").get_text(strip=True), "WATCH says honestly what is known"
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


def test_htmx_always_comes_with_its_privacy_setup(site):
    """htmx writes addresses to sessionStorage; htmx-setup.js, right after it, removes them."""
    with_htmx = []
    for url in PAGE_URLS:
        sources = [script["src"].split("?")[0] for script in site(url).soup.find_all("script", src=True)]
        if "/static/vendor/htmx.min.js" in sources:
            with_htmx.append(url)
            assert sources[sources.index("/static/vendor/htmx.min.js") + 1] == "/static/js/htmx-setup.js", url
    # The pages that answer in place: every friend-check page, the help finder and every walkthrough
    # step ("my screen looks different"), in both languages.
    assert {"/nl/vriendencheck/mijn-regels-nu", "/en/hulpzoeker", "/nl/instellingen/instagram/restrict"} <= set(
        with_htmx
    )
    in_place = {"vriendencheck", "hulpzoeker", "instellingen"}
    assert all(url.split("/")[2] in in_place and not url.endswith("/instellingen") for url in with_htmx)
