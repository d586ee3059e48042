"""Requests gunicorn cannot read get our page and headers; the server's log never says who asked or what they sent."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from checkje.core.rails import SECURITY_HEADERS
from tests.server.clients import CLIENT_ADDRESS, exchange, get, post
from tests.server.conftest import SHARED_SERVER
from tests.server.crashing_app import ANSWERED_BY_THE_APP, CRASH_PATH

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


def _chunked(base, method_and_path, content_type, chunks):
    head = (
        f"{method_and_path} HTTP/1.1\r\nHost: {urlsplit(base).netloc}\r\nTransfer-Encoding: chunked\r\n"
        f"Content-Type: {content_type}\r\n\r\n"
    )
    return head.encode() + chunks


# Bodies gunicorn reads only when the app asks for the form.
MALFORMED_CHUNKS = {
    "a chunk size that is not hexadecimal": b"5g\r\nhello\r\n0\r\n\r\n",
    "a chunk extension ended by a bare LF": b"5;x\nhello\r\n0\r\n\r\n",
    "a chunk without its CRLF": b"5\r\nhelloXY0\r\n\r\n",
}


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])
@pytest.mark.parametrize("chunks", MALFORMED_CHUNKS.values(), ids=MALFORMED_CHUNKS)
def test_a_malformed_chunked_body_gets_our_400_page_and_no_traceback(server, chunks, content_type):
    base, log, _ = server
    logged_before = len(log.read_text())
    status, headers, body = exchange(base, _chunked(base, "POST /nl/hulpzoeker", content_type, chunks))
    assert status == 400
    assert headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
    page = BeautifulSoup(body, "html.parser")
    assert page.html["lang"] == "nl"
    assert page.select_one("a.quick-exit, [data-quick-exit], #quick-exit") is not None
    assert b"HTTP/1.1" not in body, "one answer, then the connection closes"
    written = log.read_text()[logged_before:]
    assert "POST /nl/hulpzoeker 400" in written
    assert "Traceback" not in written and "ERROR" not in written


@pytest.mark.parametrize("chunks", MALFORMED_CHUNKS.values(), ids=MALFORMED_CHUNKS)
def test_a_malformed_chunked_body_a_page_never_reads_gets_one_answer(server, chunks):
    base, log, _ = server
    logged_before = len(log.read_text())
    status, _, body = exchange(base, _chunked(base, "GET /nl/", "text/plain", chunks))
    assert status == 200
    assert b"HTTP/1.1" not in body, "no second answer after the page: the connection closes"
    assert "Traceback" not in log.read_text()[logged_before:]


# Framings gunicorn reads as chunked; a proxy in front might read them another way.
AMBIGUOUS_FRAMINGS = {
    "identity, then chunked": ["Transfer-Encoding: identity, chunked"],
    "gzip, then chunked": ["Transfer-Encoding: gzip, chunked"],
    "the header twice": ["Transfer-Encoding: identity", "Transfer-Encoding: chunked"],
}


def _form_post_with(base, framing):
    head = [
        "POST /nl/hulpzoeker HTTP/1.1",
        f"Host: {urlsplit(base).netloc}",
        "Content-Type: application/x-www-form-urlencoded",
        *framing,
    ]
    return exchange(base, ("\r\n".join(head) + "\r\n\r\n").encode() + b"3\r\na=b\r\n0\r\n\r\n")


@pytest.mark.parametrize("framing", AMBIGUOUS_FRAMINGS.values(), ids=AMBIGUOUS_FRAMINGS)
def test_a_transfer_encoding_other_than_chunked_alone_gets_our_400_and_a_closed_connection(server, framing):
    base, _, _ = server
    status, headers, body = _form_post_with(base, framing)
    assert status == 400
    assert headers["connection"] == "close"
    assert headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
    assert BeautifulSoup(body, "html.parser").html["lang"] == "nl"
    # The same body, framed plainly, is read.
    assert _form_post_with(base, ["Transfer-Encoding: Chunked", "Connection: close"])[0] == 200


def test_no_answer_names_the_server(server):
    base, _, _ = server
    answers = [
        get(base, "/nl/"),
        get(base, "/static/css/core.css"),
        get(base, "/nl/bestaat-niet"),
        get(base, "/nl/", headers=["Host: evil.example"]),
        exchange(base, b"GET /nl/ HTTP/7.5\r\n\r\n"),
        _form_post_with(base, ["Transfer-Encoding: identity, chunked"]),
    ]
    assert [status for status, _, _ in answers] == [200, 200, 404, 400, 400, 400]
    assert [headers["server"] for _, headers, _ in answers if "server" in headers] == []


# A whole access-log line, sent as a path after a line break; then codes that would clear a terminal and a
# Unicode line separator.
FORGED_LINE = "2001-01-01 00:00:00,000 GET /nl/ 200 1.0ms"


def test_the_access_log_escapes_what_a_path_holds_and_names_no_poll(server):
    base, log, _ = server
    assert get(base, "/nl/%0a" + FORGED_LINE.replace(" ", "%20") + "%1b[2J%e2%80%a8")[0] == 404
    status, _, teacher_screen = post(base, "/nl/les/peiling")
    assert status == 200
    code = BeautifulSoup(teacher_screen, "html.parser").select_one(".poll-code").get_text()
    assert get(base, f"/nl/stem/{code}")[0] == 200
    assert post(base, f"/nl/stem/{code}", {"stelling": "1"})[0] == 400
    written = log.read_text()
    assert "\x1b" not in written and "\u2028" not in written
    lines = written.splitlines()
    assert not [line for line in lines if line.startswith(FORGED_LINE[:10])]
    assert [
        line
        for line in lines
        if r"GET /nl/\n2001-01-01\x2000:00:00,000\x20GET" in line and r"\x1b[2J\u2028 404 " in line
    ]
    # The kind of page and its language, never the code that names one class's poll.
    assert not [line for line in lines if code in line]
    assert [line for line in lines if " GET /nl/stem/<code> 200 " in line]
    assert [line for line in lines if " POST /nl/stem/<code> 400 " in line]
    assert [line for line in lines if " POST /nl/les/peiling 200 " in line]


def test_a_page_that_is_the_same_for_everyone_is_answered_again_without_the_app(server):
    """The worker keeps the answer as it went out; the same request again costs no routing, hooks or render, and
    is still in the access log. (Two workers: each answers its first request with the app.)"""
    base, log, _ = server
    before = len(log.read_text())
    answers = [get(base, "/nl/veiligheid", headers=["Accept-Encoding: gzip"]) for _ in range(6)]
    written = log.read_text()[before:]
    assert written.count(" GET /nl/veiligheid 200 ") == 6
    assert written.count(ANSWERED_BY_THE_APP.format(endpoint="pages.safety")) <= 2
    assert len({body for _, _, body in answers}) == 1
    assert (
        len(
            {
                tuple(sorted((name, value) for name, value in headers.items() if name != "date"))
                for _, headers, _ in answers
            }
        )
        == 1
    )
    _, headers, _ = answers[-1]
    assert headers["content-encoding"] == "gzip" and headers["etag"].startswith('W/"')
    assert all(headers[name.lower()] == value for name, value in SECURITY_HEADERS.items())
