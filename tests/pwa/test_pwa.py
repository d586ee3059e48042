"""Installable and offline: manifest, service worker script, offline page (structure and headers)."""

import json
import re

import pytest

from checkje.core.settings import LANGUAGES
from tests.helpers import parse


def service_worker_config(client, lang):
    """The worker of a language, or (lang None) the site's worker, and its CONFIG."""
    response = client.get(f"/{lang}/sw.js" if lang else "/sw.js")
    match = re.search(r"^const CONFIG = (.*);$", response.get_data(as_text=True), re.M)
    return response, json.loads(match.group(1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_manifest_starts_and_stays_in_its_language(client, lang):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    assert response.headers["Cache-Control"] == "no-cache"
    manifest = response.get_json(force=True)
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == f"/{lang}/"
    assert manifest["lang"] == lang and manifest["display"] == "standalone"
    assert manifest["name"] == "Checkje" and manifest["description"]
    purposes = {icon["purpose"] for icon in manifest["icons"]}
    assert purposes == {"any", "maskable"}
    for icon in manifest["icons"]:
        icon_response = client.get(icon["src"])
        icon_response.close()
        assert icon_response.status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_service_worker_keeps_every_page_of_one_language(client, lang):
    from tests.conftest import ALL_PAGE_URLS as PAGE_URLS

    response, config = service_worker_config(client, lang)
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert config["pages"] == [url for url in PAGE_URLS if url.startswith(f"/{lang}/")]
    assert config["offline"] == {lang: f"/{lang}/offline"} and config["offline"][lang] in config["pages"]
    assert config["lang"] == lang and config["version"]
    assert all(url.startswith("/static/") and "?v=" in url for url in config["static"])
    assert any(url.startswith("/static/vendor/htmx.min.js?v=") for url in config["static"])


def test_the_site_worker_keeps_the_offline_page_of_every_language_and_nothing_more(client):
    """For a language not visited yet: its offline page, with the help lines, instead of the browser's error page."""
    response, config = service_worker_config(client, None)
    assert response.headers["Cache-Control"] == "no-cache"
    offline = {lang: f"/{lang}/offline" for lang in LANGUAGES}
    assert config["offline"] == offline and config["pages"] == list(offline.values())
    assert config["lang"] == "site" and config["static"] == service_worker_config(client, "nl")[1]["static"]


def test_there_is_no_worker_for_an_unknown_language(client):
    response = client.get("/xx/sw.js")
    assert response.status_code == 404


def test_offline_page_offers_help_numbers(client, lang):
    soup = parse(client.get(f"/{lang}/offline"))
    assert soup.select_one("a[href='tel:112']")
    assert len(soup.select(".help-card__lines li")) >= 3
    for line in soup.select(".help-card__lines li"):
        assert line.select_one("a[href^='tel:']"), "offline, only a call works: no chat-only line (Fier)"
