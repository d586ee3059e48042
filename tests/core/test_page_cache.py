"""Pages are made once per worker; answers, fragments and other hosts never share a kept page."""

import pytest
from flask import template_rendered

from app import create_app
from checkje.core.page_cache import PageCache
from tests.conftest import TEST_CONFIG
from tests.helpers import parse


@pytest.fixture
def app(fresh_app):
    """These tests add routes or watch what is rendered: each gets an app of its own."""
    return fresh_app


@pytest.fixture
def renders(app):
    """The templates the app renders while the test runs."""
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(record, app)
    yield rendered
    template_rendered.disconnect(record, app)


def test_a_page_is_made_once_then_served_as_it_was(client, renders):
    first = client.get("/nl/hulp")
    assert renders
    renders.clear()
    second = client.get("/nl/hulp")
    assert renders == []
    assert second.get_data() == first.get_data()
    assert second.headers["Content-Security-Policy"] and second.headers["ETag"] == first.headers["ETag"]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/nl/hulpzoeker?vraag=1", {}),
        ("/nl/vriendencheck", {"HX-Request": "true"}),
        ("/nl/vriendencheck/mijn-profiel/uitslag", {}),
    ],
)
def test_answers_and_fragments_are_made_every_time(client, renders, path, headers):
    for _ in range(2):
        renders.clear()
        client.get(path, headers=headers).close()
        assert renders, path


def test_posts_are_never_kept(client, renders):
    for _ in range(2):
        renders.clear()
        assert client.post("/nl/hulpzoeker", data={"danger": "no", "asked": "danger"}).status_code == 200
        assert renders


def test_a_forged_host_cannot_plant_links_for_others(client):
    assert client.get("/nl/hulp", headers={"Host": "evil.example"}).status_code == 400
    honest = parse(client.get("/nl/hulp"))
    assert not any("evil.example" in str(tag) for tag in honest.find_all(["link", "a"]))


def test_the_debugger_makes_every_page_anew():
    app = create_app({**TEST_CONFIG, "DEBUG": True})
    app.test_client().get("/nl/hulp").close()
    assert len(app.extensions["checkje.page_cache"]) == 0


def test_the_cache_keeps_the_most_recently_used_pages():
    cache = PageCache(max_pages=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_a_kept_answer_goes_out_again_only_for_the_very_same_request(client, renders):
    gzipped = {"Accept-Encoding": "gzip"}
    first = client.get("/nl/hulp", headers=gzipped)
    renders.clear()
    again = client.get("/nl/hulp", headers=gzipped)
    assert renders == [] and again.get_data() == first.get_data()
    assert sorted(again.headers.items()) == sorted(first.headers.items())
    assert client.get("/nl/hulp", headers={**gzipped, "If-None-Match": first.headers["ETag"]}).status_code == 304
    assert "Content-Encoding" not in client.get("/nl/hulp").headers
    assert client.head("/nl/hulp", headers=gzipped).get_data() == b""
    assert client.get("/nl/hulp", headers={**gzipped, "Host": "evil.example"}).status_code == 400
    absolute = {"RAW_URI": "http://evil.example/nl/hulp", "REQUEST_URI": "http://evil.example/nl/hulp"}
    assert client.get("/nl/hulp", headers=gzipped, environ_overrides=absolute).status_code == 400
