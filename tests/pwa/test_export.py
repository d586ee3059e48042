"""The static export: the pages the server sends, byte for byte, with every link inside it working."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from flask import template_rendered

from app import create_app
from checkje.core.rails import SECURITY_HEADERS
from checkje.core.settings import LANGUAGES
from checkje.pwa.export import HEADERS_FILE, export_site, file_for, needs_server
from tests.conftest import PAGE_URLS, TEST_CONFIG
from tests.helpers import parse

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "use": "href"}


pytestmark = pytest.mark.xdist_group("export")
# As `make export` runs without CHECKJE_SITE_URL: links stay relative.
EXPORT_CONFIG = {**TEST_CONFIG, "SITE_URL": ""}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The site exported once for every test here (they run in one xdist worker: the `export` group)."""
    app = create_app(EXPORT_CONFIG)
    target = tmp_path_factory.mktemp("export") / "site"
    export_site(app, target)
    return app, target


def _local_target(url):
    """The exported file a same-origin link leads to, or None for other origins and schemes."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return file_for(parts.path)


def _links(html):
    soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer([*LINK_ATTRIBUTES, "form"]))
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            if element.get(attribute):
                yield element[attribute]
    for form in soup.find_all("form"):
        if form.get("method", "get").lower() == "get" and form.get("action"):
            yield form["action"]


@pytest.fixture(scope="module")
def server():
    """Another app, that makes each page itself: the exporting app has kept every page it exported."""
    return create_app(EXPORT_CONFIG)


def test_every_exported_page_is_the_served_page(exported, server):
    _, target = exported
    client = server.test_client()
    differ, rendered = [], []
    with template_rendered.connected_to(lambda sender, template, **extra: rendered.append(template), server):
        for url in PAGE_URLS:
            rendered.clear()
            served = client.get(url, headers={"Accept-Encoding": "identity"})
            assert served.status_code == 200, url
            assert rendered, f"{url}: the page was made for this request, not taken from a cache"
            if (target / file_for(url)).read_bytes() != served.get_data():
                differ.append(url)
    assert differ == []


def test_file_names_are_what_static_hosts_serve():
    assert file_for("/nl/") == "nl/index.html"
    assert file_for("/nl/hulp") == "nl/hulp.html"
    assert file_for("/en/instellingen/instagram") == "en/instellingen/instagram.html"
    assert file_for("/nl/sw.js") == "nl/sw.js"


def test_every_link_inside_the_export_works(exported):
    """A link leads to an exported file, or to an answer page that only the app server can compute."""
    app, target = exported
    pages = sorted(target.rglob("*.html"))
    assert len(pages) >= len(PAGE_URLS)
    broken, to_server = set(), set()
    for page in pages:
        for link in _links(page.read_bytes()):
            local = _local_target(link)
            if local and not (target / local).is_file():
                (to_server if needs_server(app, urlsplit(link).path) else broken).add(link)
    assert not broken
    # No page links to an answer: answers come only from forms (the saved rules' overview is a page too).
    assert to_server == set()


def test_pages_are_exported_and_answers_are_not(exported):
    app, _ = exported
    assert not any(needs_server(app, url) for url in PAGE_URLS)
    assert "/nl/vriendencheck/mijn-regels/overzicht" in PAGE_URLS, "the saved rules' overview is exported"
    assert needs_server(app, "/nl/vriendencheck/mijn-profiel/uitslag"), "an old result address is not"
    assert not needs_server(app, "/nl/bestaat-niet")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_files_name_only_exported_files(exported, lang):
    """The service worker precaches, and the manifest points to, files that are in the export."""
    _, target = exported
    script = (target / lang / "sw.js").read_text()
    config = json.loads(re.search(r"^const CONFIG = (.*);$", script, re.M).group(1))
    manifest = json.loads((target / lang / "manifest.webmanifest").read_text())
    named = [
        *config["pages"],
        *config["static"],
        *config["offline"].values(),
        manifest["start_url"],
        *(icon["src"] for icon in manifest["icons"]),
    ]
    assert [url for url in named if not (target / _local_target(url)).is_file()] == []


def test_root_and_not_found_pages(exported):
    app, target = exported
    assert (target / "index.html").read_bytes() == (target / "nl" / "index.html").read_bytes()
    not_found = parse((target / "404.html").read_bytes())
    assert not_found.html["lang"] == "nl" and not_found.find("h1")


def test_headers_file_asks_hosts_for_the_same_rails(exported):
    _, target = exported
    text = (target / HEADERS_FILE).read_text()
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}" in text
    assert "immutable" in text
    # Each language's service worker is checked anew on every visit, so an update reaches every language.
    lines = text.splitlines()
    for lang in LANGUAGES:
        assert lines[lines.index(f"/{lang}/sw.js") + 1].strip() == "Cache-Control: no-cache"


def test_without_a_site_address_the_export_names_no_host(exported):
    """`make export` without CHECKJE_SITE_URL: links stay relative, never the export's own stand-in host."""
    _, target = exported
    pages = list(target.rglob("*.html"))
    assert pages
    assert [page for page in pages if "//localhost" in page.read_text(encoding="utf-8")] == []
