"""The Host header a visitor sends never reaches a link or a redirect."""

from bs4 import BeautifulSoup

from tests.server.clients import get
from tests.server.conftest import SHARED_SERVER

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
