"""Error pages: friendly, in the visitor's language, with help and quick exit."""

import pytest
from werkzeug.exceptions import BadRequest

from app import create_app
from tests.helpers import parse
from tests.shared_app import TEST_CONFIG

TITLES = {
    "nl": {
        404: "Deze pagina bestaat niet",
        405: "Dat kan deze pagina niet",
        400: "Er ging iets mis met wat je stuurde",
        500: "Er ging bij ons iets mis",
    },
    "en": {
        404: "This page does not exist",
        405: "This page cannot do that",
        400: "Something went wrong with what was sent",
        500: "Something went wrong on our side",
    },
}


@pytest.fixture
def app(fresh_app):
    """These tests add routes or watch what is rendered: each gets an app of its own."""
    return fresh_app


@pytest.fixture
def app_with_failing_routes(app):
    """Routes that fail on purpose, only in this test's app."""

    def bad_request(lang):
        raise BadRequest()

    def crash(lang):
        raise RuntimeError("a bug")

    app.add_url_rule("/<lang:lang>/test-bad-request", "bad_request", bad_request)
    app.add_url_rule("/<lang:lang>/test-crash", "crash", crash)
    return app


def assert_friendly(response, lang, code):
    assert response.status_code == code
    soup = parse(response)
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == TITLES[lang][code]
    assert soup.select("a[data-quick-exit]")
    assert soup.select_one(".help-bar a[href='tel:112']")
    assert soup.select_one(f".help-bar a[href='/{lang}/hulp']")
    assert "Set-Cookie" not in response.headers
    assert "Content-Security-Policy" in response.headers


def test_not_found_speaks_the_language_of_the_address(client, lang):
    assert_friendly(client.get(f"/{lang}/no-such-page"), lang, 404)


@pytest.mark.parametrize(("accept_language", "lang"), [("en-US", "en"), ("nl", "nl"), ("", "nl")])
def test_not_found_outside_a_language_uses_the_browser_language(client, accept_language, lang):
    assert_friendly(client.get("/xx/whatever", headers={"Accept-Language": accept_language}), lang, 404)


def test_wrong_method_names_the_allowed_ones(client, lang):
    response = client.post(f"/{lang}/hulp")
    assert_friendly(response, lang, 405)
    assert "GET" in response.headers["Allow"]


def test_bad_request(app_with_failing_routes, lang):
    assert_friendly(app_with_failing_routes.test_client().get(f"/{lang}/test-bad-request"), lang, 400)


def test_crash_shows_a_calm_page_and_is_logged(app_with_failing_routes, lang, caplog):
    response = app_with_failing_routes.test_client().get(f"/{lang}/test-crash")
    assert_friendly(response, lang, 500)
    assert "a bug" not in response.get_data(as_text=True)
    (logged,) = [record for record in caplog.records if record.levelname == "ERROR"]
    # What broke and where in the code; not the address asked for.
    assert logged.getMessage() == "Unhandled RuntimeError in crash"
    assert logged.exc_info[0] is RuntimeError


def test_missing_trailing_slash_redirects_home(client):
    response = client.get("/nl")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/nl/")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"keuze=" + b"x" * (17 * 1024), "application/x-www-form-urlencoded"),  # over MAX_CONTENT_LENGTH
        (
            "&".join(f"f{number}=1" for number in range(150)).encode(),
            "application/x-www-form-urlencoded",
        ),  # over MAX_FORM_PARTS
        (b"--b\r\nContent-Disposition: form-data; name=" + b"x" * 20000, "multipart/form-data; boundary=b"),
    ],
    ids=["body-too-big", "too-many-fields", "huge-multipart"],
)
def test_request_limits_give_a_friendly_413(client, lang, body, content_type):
    response = client.post(f"/{lang}/hulpzoeker", data=body, content_type=content_type)
    assert response.status_code == 413
    soup = parse(response)
    assert soup.html["lang"] == lang and soup.h1 and soup.select("a[data-quick-exit]")


def test_a_broken_form_body_is_a_friendly_400_or_ignored(client, lang):
    """A multipart body without its closing boundary never breaks the page."""
    response = client.post(
        f"/{lang}/hulpzoeker",
        data=b'--b\r\nContent-Disposition: form-data; name="asked"\r\n\r\nx',
        content_type="multipart/form-data; boundary=b",
    )
    assert response.status_code in (200, 400)
    assert parse(response).h1


def test_redirects_and_links_never_carry_a_host_the_visitor_sent(client):
    response = client.get("/nl", headers={"Host": "localhost"})
    assert response.headers["Location"] == "/nl/"
    refused = client.get("/nl/", headers={"Host": "evil.example"})
    assert refused.status_code == 400
    assert "evil.example" not in refused.get_data(as_text=True)


def test_without_a_site_address_alternate_links_are_relative():
    app = create_app({**TEST_CONFIG, "SITE_URL": ""})
    page = parse(app.test_client().get("/nl/", headers={"Host": "evil.example"}))
    links = [link["href"] for link in page.select('link[rel="alternate"][hreflang]')]
    assert links and all(href.startswith("/") for href in links)


def test_a_page_whose_language_came_from_the_browser_says_so_to_caches(client):
    guessed = client.get("/niet-hier", headers={"Accept-Language": "en"})
    assert guessed.status_code == 404
    assert "Accept-Language" in guessed.vary
    assert "Accept-Language" not in client.get("/nl/niet-hier").vary
