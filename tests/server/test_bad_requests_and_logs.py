"""Requests gunicorn cannot read get our page and headers; the server's log never says who asked or what they sent."""

import pytest
from bs4 import BeautifulSoup

from checkje.core.rails import SECURITY_HEADERS
from tests.server.clients import CLIENT_ADDRESS, exchange, get
from tests.server.conftest import SHARED_SERVER
from tests.server.crashing_app import CRASH_PATH

pytestmark = SHARED_SERVER

# Words a visitor sent; none may reach the log.
CANARIES = ("GEHEIMQUERY", "CANARYHEADER", "CANARYLINE", "GEHEIMCRASH")

BAD_REQUESTS = {
    "a request line that is not HTTP": (b"CANARYLINE /nl/?GEHEIMQUERY\r\n\r\n", 400),
    "a request line that is far too long": (
        b"GET /nl/?GEHEIMQUERY=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        414,
    ),
    "a header line without a colon": (b"GET /nl/?GEHEIMQUERY HTTP/1.1\r\nHost: x\r\nCANARYHEADER here\r\n\r\n", 400),
    "a header far too big": (b"GET /nl/ HTTP/1.1\r\nHost: x\r\nX-Big: CANARYHEADER" + b"b" * 9000 + b"\r\n\r\n", 431),
    "an HTTP version that does not exist": (b"GET /nl/?GEHEIMQUERY HTTP/7.5\r\nHost: x\r\n\r\n", 400),
}


@pytest.mark.parametrize("raw, status", BAD_REQUESTS.values(), ids=BAD_REQUESTS)
def test_a_request_the_server_cannot_read_gets_our_page_and_headers(server, raw, status):
    base, _, _ = server
    answered, headers, body = exchange(base, raw)
    assert answered == status
    for name, value in SECURITY_HEADERS.items():
        assert headers[name.lower()] == value
    assert headers["cache-control"] == "no-store"
    page = BeautifulSoup(body, "html.parser")
    assert page.html["lang"] == "nl"
    assert page.select_one("a.quick-exit, [data-quick-exit], #quick-exit") is not None
    assert not any(canary.encode() in body for canary in CANARIES)


def test_the_log_keeps_the_kind_of_crash_and_nothing_about_the_visitor(server):
    base, log, _ = server
    for raw, _ in BAD_REQUESTS.values():
        exchange(base, raw)
    status, _, _ = get(base, f"{CRASH_PATH}?geheim=GEHEIMCRASH", headers=["X-Canary: CANARYHEADER"])
    assert status == 500
    assert get(base, "/nl/hulp?zoek=GEHEIMQUERY", headers=["User-Agent: CANARYHEADER"])[0] == 200
    written = log.read_text()
    # The crash is there, with where it happened: the log works.
    assert "ValueError" in written
    assert "crashing_app.py" in written
    assert CLIENT_ADDRESS not in written
    for canary in CANARIES:
        assert canary not in written
    assert "HTTP/1.1" not in written  # no request line
    assert "?" not in "".join(line for line in written.splitlines() if " GET " in line or " POST " in line)
