"""The site a request names (Host) and comes from (Origin, Sec-Fetch-Site): only our own is answered, and the
Host header a visitor sends never reaches a link or a redirect."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.server.clients import exchange, get, post
from tests.server.conftest import SHARED_SERVER
from tests.shared_app import POST_PATHS

pytestmark = SHARED_SERVER

FOREIGN_HOST = "evil.example"


def test_a_foreign_host_gets_our_400_page(server):
    base, _, _ = server
    status, headers, body = get(base, "/nl/", headers=[f"Host: {FOREIGN_HOST}"])
    assert status == 400
    assert "content-security-policy" in headers
    assert FOREIGN_HOST.encode() not in body


def test_redirects_name_a_path_not_a_host(server):
    base, _, _ = server
    status, headers, _ = get(base, "/nl")
    assert status == 308
    assert headers["location"] == "/nl/"


def test_alternate_language_links_use_the_site_address(server):
    base, _, _ = server
    status, _, body = get(base, "/nl/")
    assert status == 200
    links = [link["href"] for link in BeautifulSoup(body, "html.parser").select('link[rel="alternate"][hreflang]')]
    assert links and all(href.startswith(base + "/") for href in links)


def _naming(base, how):
    """A request for /nl/ that names a site in the way `how` says; the server runs on 127.0.0.1:<port>."""
    port = urlsplit(base).port
    head = {
        "our name on another port": f"GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1:{port + 1}",
        "our other name on another port": f"GET /nl/ HTTP/1.1\r\nHost: localhost:{port + 1}",
        "our name without the port, so port 80": "GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1",
        "no Host in HTTP/1.1": "GET /nl/ HTTP/1.1",
        "no Host in HTTP/1.0": "GET /nl/ HTTP/1.0",
        "another host in an absolute target": f"GET http://{FOREIGN_HOST}/nl/ HTTP/1.1\r\nHost: 127.0.0.1:{port}",
        "another port in an absolute target": f"GET http://127.0.0.1:{port + 1}/nl/ HTTP/1.1\r\nHost: 127.0.0.1:{port}",
        "our other name on our port": f"GET /nl/ HTTP/1.1\r\nHost: LOCALHOST:{port}",
        "our absolute address": f"GET http://127.0.0.1:{port}/nl/ HTTP/1.1\r\nHost: 127.0.0.1:{port}",
    }[how]
    return exchange(base, f"{head}\r\nConnection: close\r\n\r\n".encode())


@pytest.mark.parametrize(
    "how",
    [
        "our name on another port",
        "our other name on another port",
        "our name without the port, so port 80",
        "no Host in HTTP/1.1",
        "no Host in HTTP/1.0",
        "another host in an absolute target",
        "another port in an absolute target",
    ],
)
def test_only_the_sites_own_host_and_port_are_answered(server, how):
    base, _, _ = server
    status, headers, body = _naming(base, how)
    assert status == 400
    assert "content-security-policy" in headers
    assert BeautifulSoup(body, "html.parser").html["lang"] == "nl"


@pytest.mark.parametrize("how", ["our other name on our port", "our absolute address"])
def test_the_site_is_answered_by_its_names(server, how):
    base, _, _ = server
    assert _naming(base, how)[0] == 200


def test_a_form_from_another_site_is_refused_on_every_route(server):
    base, _, _ = server
    another_port = f"http://127.0.0.1:{urlsplit(base).port + 1}"
    for path in POST_PATHS:
        for foreign in (
            [f"Origin: https://{FOREIGN_HOST}"],
            ["Origin: null", "Sec-Fetch-Site: cross-site"],
            [f"Origin: {another_port}"],
        ):
            status, headers, body = post(base, path, {"x": "y"}, foreign)
            assert status == 403, (path, foreign)
            assert "content-security-policy" in headers and BeautifulSoup(body, "html.parser").h1
        # Chromium's own form posts: our pages send no referrer, so the origin is null.
        for ours in (["Origin: null", "Sec-Fetch-Site: same-origin"], [f"Origin: {base}"]):
            assert post(base, path, {"x": "y"}, ours)[0] != 403, (path, ours)
