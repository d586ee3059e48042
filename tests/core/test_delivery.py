"""Responses travel light: gzip from the app itself, 304s for unchanged pages, static files kept a year."""

import gzip

import pytest

from checkje.core.assets import ONE_YEAR
from checkje.lesson import fields as lesson_fields
from tests.helpers import BROWSER_ENCODINGS, parse

GZIP = BROWSER_ENCODINGS


def _static_urls(client, page="/nl/"):
    soup = parse(client.get(page))
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")] + [
        s["src"] for s in soup.find_all("script", src=True)
    ]


def test_page_is_gzipped_when_the_browser_accepts_it(client):
    plain = client.get("/nl/hulp").get_data()
    response = client.get("/nl/hulp", headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.vary
    assert gzip.decompress(response.get_data()) == plain
    assert int(response.headers["Content-Length"]) == len(response.get_data()) < len(plain) / 2


def test_page_is_plain_when_the_browser_does_not_accept_gzip(client):
    response = client.get("/nl/hulp", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers
    assert "Accept-Encoding" in response.vary
    assert parse(response).find("h1")


def test_static_files_are_gzipped_and_kept_for_a_year_without_asking_again(client):
    for url in _static_urls(client):
        response = client.get(url, headers=GZIP)
        assert response.status_code == 200, url
        assert response.headers["Content-Encoding"] == "gzip", url
        assert gzip.decompress(response.get_data()), url
        cache = response.cache_control
        assert cache.max_age == ONE_YEAR and cache.immutable and cache.public, url
        assert not cache.no_cache, url
        response.close()


def test_small_responses_stay_plain(client):
    response = client.get("/", headers=GZIP)
    assert response.status_code == 302
    assert "Content-Encoding" not in response.headers


def test_error_pages_are_gzipped_too(client):
    response = client.get("/nl/bestaat-niet", headers=GZIP)
    assert response.status_code == 404
    assert response.headers["Content-Encoding"] == "gzip"
    assert parse(gzip.decompress(response.get_data())).find("h1")


@pytest.mark.parametrize("encoding", [{}, GZIP])
def test_unchanged_page_answers_304_without_a_body(client, encoding):
    first = client.get("/nl/vriendencheck", headers=encoding)
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    assert first.cache_control.no_cache
    again = client.get("/nl/vriendencheck", headers={**encoding, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_a_changed_page_has_another_etag(client):
    assert client.get("/nl/hulp").headers["ETag"] != client.get("/en/hulp").headers["ETag"]
    stale = client.get("/nl/hulp", headers={"If-None-Match": client.get("/en/hulp").headers["ETag"]})
    assert stale.status_code == 200


def test_answers_for_one_visitor_get_no_etag_but_are_gzipped(client):
    """An answer computed from what a youth picked is no-store: no validator; it holds no secret, so it is gzipped."""
    response = client.post("/nl/hulpzoeker", data={"danger": "no", "asked": "danger"}, headers=GZIP)
    assert response.status_code == 200
    assert response.cache_control.no_store
    assert "ETag" not in response.headers
    assert response.headers["Content-Encoding"] == "gzip"
    assert parse(response).find("form")


def test_the_teachers_screen_with_its_secret_is_never_compressed(client):
    """Compressing a secret next to text from the request can leak it (BREACH)."""
    response = client.post("/nl/les/peiling", headers=GZIP)
    assert response.cache_control.no_store
    assert "Content-Encoding" not in response.headers
    assert parse(response).find("input", type="hidden", attrs={"name": lesson_fields.SECRET})
