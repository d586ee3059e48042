"""Privacy and safety rails on every response: headers, no cookies, a log without people in it."""

import logging

import pytest

from checkje.core.rails import SECURITY_HEADERS

# Every page is checked in tests/core/test_every_page.py; these are the other kinds of response.
OTHER_KINDS_OF_RESPONSE = [
    "/",
    "/nl/does-not-exist",
    "/static/css/core.css",
    "/xx/",
    "/nl/sw.js",
    "/nl/manifest.webmanifest",
]


@pytest.mark.parametrize("url", OTHER_KINDS_OF_RESPONSE)
def test_every_response_has_security_headers_and_no_cookie(client, url):
    response = client.get(url, headers={"Cookie": "tracking=1"})
    response.close()
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "Set-Cookie" not in response.headers
    assert "Strict-Transport-Security" not in response.headers


def test_content_security_policy_allows_only_our_origin(client):
    policy = client.get("/nl/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    for name, sources in directives.items():
        for source in sources.split():
            assert source in {"'self'", "'none'"} or source.startswith("'sha256-"), (name, source)


def test_inline_script_matches_its_hash(client):
    """The one inline script runs only because the CSP names its hash."""
    import base64
    import hashlib

    from tests.helpers import parse

    response = client.get("/nl/")
    inline = [s.string for s in parse(response).find_all("script") if not s.get("src")]
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]


def test_hsts_only_when_served_over_https(fresh_app):
    fresh_app.config["HTTPS"] = True
    response = fresh_app.test_client().get("/nl/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-NL,nl;q=0.9,en;q=0.8", "/nl/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,fr;q=0.5", "/nl/"),
        ("", "/nl/"),
        ("en;q=0.4,nl;q=0.9", "/nl/"),
    ],
)
def test_root_redirects_by_browser_language_without_cookie(client, accept_language, expected):
    response = client.get("/", headers={"Accept-Language": accept_language})
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]
    assert "Set-Cookie" not in response.headers


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


def test_access_log_has_no_address_agent_or_query(client):
    logger = logging.getLogger("checkje.access")
    records = _Records()
    logger.addHandler(records)
    try:
        client.get(
            "/nl/hulp?name=Sanne&phone=0612345678",
            headers={"User-Agent": "SecretPhone/1.0", "X-Forwarded-For": "203.0.113.7"},
            environ_base={"REMOTE_ADDR": "198.51.100.23"},
        )
    finally:
        logger.removeHandler(records)
    assert len(records.lines) == 1
    method, path, status, duration = records.lines[0].split(" ")
    assert (method, path, status) == ("GET", "/nl/hulp", "200")
    assert duration.endswith("ms")
    for secret in ("Sanne", "0612345678", "SecretPhone", "203.0.113.7", "198.51.100.23"):
        assert secret not in records.lines[0]


def test_a_path_that_is_no_page_is_logged_with_its_unprintables_escaped(client):
    """tests/server/test_bad_requests_and_logs.py sends line breaks and terminal codes; these are the rest."""
    records = _Records()
    logging.getLogger("checkje.access").addHandler(records)
    try:
        client.get("/nl/a%7Fb%5Cc%C2%A0d%E2%80%AEe%09f")
    finally:
        logging.getLogger("checkje.access").removeHandler(records)
    assert records.lines[0].split(" ")[:3] == ["GET", r"/nl/a\x7fb\\c\xa0d\u202ee\tf", "404"]


def test_fingerprinted_static_files_are_kept_for_a_year(client):
    from tests.helpers import parse

    stylesheet = parse(client.get("/nl/")).find("link", rel="stylesheet")["href"]
    assert "?v=" in stylesheet
    response = client.get(stylesheet)
    response.close()
    assert response.status_code == 200
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert response.cache_control.immutable


def test_a_made_up_version_is_not_kept_for_a_year(client):
    from tests.helpers import parse

    stylesheet = parse(client.get("/nl/")).find("link", rel="stylesheet")["href"]
    response = client.get(stylesheet.split("?")[0] + "?v=000000000000")
    response.close()
    assert response.status_code == 200
    assert not response.cache_control.immutable
    assert response.cache_control.max_age != 365 * 24 * 3600


def test_a_drawing_allows_exactly_its_own_style_attributes(client):
    """Firefox applies a drawing's own policy inside <use>: the sprite allows its style attributes by hash, and
    nothing else (no script, no other style). tests/gecko checks the colours by their pixels."""
    import base64
    import hashlib
    import re

    from checkje.core.settings import ROOT

    response = client.get("/static/img/icons.svg")
    response.close()
    directives = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert directives.pop("default-src") == "'none'" and directives.pop("frame-ancestors") == "'none'"
    styles = set(re.findall(r'\bstyle="([^"]*)"', (ROOT / "static" / "img" / "icons.svg").read_text()))
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'" for style in styles}
    assert styles and directives == {"style-src": " ".join(["'unsafe-hashes'", *sorted(hashes)])}


def test_a_drawing_we_do_not_have_is_not_found(client):
    """The drawings' policies are read at start-up: a request for another .svg reads no file and gets our 404."""
    for url in ("/static/img/not-here.svg", "/static/../app.svg"):
        response = client.get(url)
        response.close()
        assert response.status_code == 404, url
        assert response.headers["Content-Security-Policy"] == SECURITY_HEADERS["Content-Security-Policy"]


def test_options_for_a_static_name_that_is_no_file_is_answered(client):
    """Flask answers OPTIONS for any name under /static/; the year-long cache check must not read a missing file
    (the fuzz test found `OPTIONS /static/private-account` raising FileNotFoundError)."""
    response = client.open("/static/private-account?v=000000000000", method="OPTIONS")
    assert response.status_code < 500
    assert not response.cache_control.immutable
