"""No request breaks Checkje: random and hostile requests to every route (Hypothesis).

Whatever comes in, the answer is never a 5xx, always carries the security
headers and no cookie, never redirects to another origin, and an error is our
own page in a language, with quick exit.
"""

import re
from urllib.parse import quote, unquote_to_bytes, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from checkje.core.rails import SECURITY_HEADERS
from checkje.core.settings import LANGUAGES
from checkje.friendcheck import fields as friendcheck_fields
from checkje.lesson import fields as lesson_fields
from checkje.walkthroughs import fields as walkthroughs_fields
from tests.conftest import TEST_CONFIG
from tests.helpers import parse

# How many examples: the Hypothesis profile decides (tests/conftest.py: fewer locally, more in CI).
FUZZ = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
ODD_TEXT = [
    "..",
    "%2e%2e",
    "%2f",
    "%5c",
    "%00",
    "%zz",
    "%",
    "//",
    "\u202e",
    "\u200b",
    "\ufeff",
    "😀",
    "Ω",
    "ﬁ",
    "a" * 3000,
    "<script>",
    "'\"",
    "${x}",
    "%0d%0aSet-Cookie:x=1",
]
KNOWN_IDS = ["private-account", "instagram", "klasgenoot", "ABC234", "1", "bewijs-bewaren", "snel-geld"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path_factory.mktemp("fuzz") / "polls.db")})


def _route_templates():
    """Every route of the app as a path with {placeholders}, e.g. /{lang}/instellingen/{app}/{step_id}."""
    probe = create_app(TEST_CONFIG)
    return sorted({re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule) for rule in probe.url_map.iter_rules()})


ROUTES = _route_templates()

segments = st.one_of(
    st.sampled_from(KNOWN_IDS + ODD_TEXT),
    st.text(min_size=1, max_size=40).map(lambda text: quote(text, safe="")),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._~%", min_size=1, max_size=30),
)
languages = st.one_of(st.sampled_from([*LANGUAGES, "xx", "NL", "de", "..", "%2e%2e", "nl%2f.."]), segments)


@st.composite
def paths(draw):
    """A real route with random values in its places, sometimes with odd segments added."""
    template = draw(st.sampled_from(ROUTES))
    path = re.sub(r"\{lang\}", lambda _: draw(languages), template)
    path = re.sub(r"\{[^}]+\}", lambda _: draw(segments), path)
    if draw(st.booleans()):
        path += "/" + "/".join(draw(st.lists(segments, min_size=1, max_size=4)))
    return path


# Numbers that are not [0-9]: superscript, Arabic-Indic, a fraction, full-width, a maths digit, a digit with a
# combining mark. `str.isdigit()` accepts most of them; Checkje must read none as a number.
OTHER_DIGITS = ["²", "١", "٣", "½", "１", "３", "𝟙", "1\u0301", "2\u20e3"]

# Every field name a page reads, from where each is defined.
FIELD_NAMES = [
    friendcheck_fields.PICKS,
    friendcheck_fields.QUESTION,
    lesson_fields.CODE,
    lesson_fields.SECRET,
    lesson_fields.ACTION,
    lesson_fields.STATEMENT,
    lesson_fields.ANSWER,
    walkthroughs_fields.PHONE,
    walkthroughs_fields.REPORT_APP,
    walkthroughs_fields.REPORT_STEP,
    walkthroughs_fields.SHOW_HELP,
    "asked",
]
field_values = st.sampled_from(
    [
        *lesson_fields.ACTIONS,
        *walkthroughs_fields.PHONES,
        walkthroughs_fields.HELP_SHOWN,
        "instagram",
        "1",
        "0",
        "-1",
        "999999",
        *OTHER_DIGITS,
        "accept",
        "KX4T7P",
    ]
)

query_strings = st.one_of(
    st.just(""),
    st.lists(st.tuples(segments, segments), max_size=30).map(
        lambda pairs: "&".join(f"{key}={value}" for key, value in pairs)
    ),
    st.sampled_from(
        [
            f"{friendcheck_fields.PICKS}=" + "x" * 20000,
            "&" * 5000,
            "%",
            "a=%zz",
            f"{friendcheck_fields.PICKS}=a&" * 400,
            "next=https://evil.example/",
        ]
    ),
    # The fields the pages read, with values that look almost right: digits of other scripts, huge numbers.
    st.lists(st.tuples(st.sampled_from(FIELD_NAMES), field_values), min_size=1, max_size=5).map(
        lambda pairs: "&".join(f"{key}={quote(value)}" for key, value in pairs)
    ),
)

form_bodies = st.dictionaries(
    st.sampled_from([*FIELD_NAMES, "x"]) | segments,
    field_values | segments | st.text(max_size=200),
    max_size=20,
)

raw_bodies = st.one_of(
    st.binary(max_size=2000),
    st.just(b"x" * 40000),
    st.just(
        f'--b\r\nContent-Disposition: form-data; name="{friendcheck_fields.PICKS}"\r\n\r\nx\r\n'.encode()
    ),  # no closing boundary
    st.just("&".join(f"f{i}=1" for i in range(500)).encode()),
)

content_types = st.sampled_from(
    [
        None,
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=b",
        "multipart/form-data",
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded; charset=utf-7",
        "image/png",
    ]
)

long_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200) | st.just("x" * 10000)
headers = st.fixed_dictionaries(
    {},
    optional={
        "Accept-Language": long_text | st.sampled_from(["nl", "en;q=0.1", "*", "zz-ZZ,;q=abc"]),
        "Accept-Encoding": long_text | st.just("gzip;q=0, br"),
        "HX-Request": st.sampled_from(["true", "false", "1", ""]),
        "HX-History-Restore-Request": st.just("true"),
        "If-None-Match": long_text | st.just('W/"x", *'),
        "Range": st.just("bytes=0-1,5-2"),
        "Cookie": st.just("session=1; tracking=2"),
        "Referer": st.just("https://evil.example/"),
        "X-Forwarded-For": st.just("203.0.113.9"),
    },
)


def _send(app, path, **request):
    """Send `path` as the server would pass it on: PATH_INFO decoded, whatever it holds.

    Set directly, so a path like //evil.example/ reaches the app as such, instead of
    the test client reading it as a host name.
    """
    path_info = unquote_to_bytes(path).decode("latin-1")
    return app.test_client().open(
        "/", environ_overrides={"PATH_INFO": path_info, "REQUEST_URI": path, "RAW_URI": path}, **request
    )


def _check_response(app, response, method, request_headers):
    status = response.status_code
    assert status < 500, f"{method} answered {status}"
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert "Set-Cookie" not in response.headers
    if 300 <= status < 400 and "Location" in response.headers:
        location = urlsplit(response.headers["Location"])
        assert location.netloc in ("", "localhost"), f"redirect to another origin: {response.headers['Location']}"
    full_page = method != "HEAD" and response.mimetype == "text/html" and "HX-Request" not in request_headers
    if status >= 400 and full_page:
        page = parse(response)
        assert page.html is not None and page.html.get("lang") in LANGUAGES
        exits = page.select("a[data-quick-exit]")
        assert exits and all(link["href"] == app.config["QUICK_EXIT_URL"] for link in exits)


@FUZZ
@given(method=st.sampled_from(METHODS), path=paths(), query=query_strings, request_headers=headers)
def test_any_path_method_and_query(app, method, path, query, request_headers):
    response = _send(app, path, method=method, query_string=query or None, headers=request_headers)
    _check_response(app, response, method, request_headers)
    response.close()


@FUZZ
@given(path=paths(), form=form_bodies, request_headers=headers)
def test_any_form(app, path, form, request_headers):
    response = _send(app, path, method="POST", data=form, headers=request_headers)
    _check_response(app, response, "POST", request_headers)
    response.close()


@FUZZ
@given(
    method=st.sampled_from(["POST", "PUT", "PATCH"]),
    path=paths(),
    body=raw_bodies,
    content_type=content_types,
    request_headers=headers,
)
def test_any_body_and_content_type(app, method, path, body, content_type, request_headers):
    response = _send(app, path, method=method, data=body, content_type=content_type, headers=request_headers)
    _check_response(app, response, method, request_headers)
    response.close()


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/nl", "/\\evil.example/", "//evil.example/%2e%2e/nl/hulp/"]
)
def test_no_redirect_to_another_origin_from_odd_slashes(app, path):
    response = _send(app, path)
    _check_response(app, response, "GET", {})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quick_exit_target_cannot_be_changed_by_a_request(app, lang):
    """No parameter, header or path makes the quick exit point anywhere else."""
    response = app.test_client().get(
        f"/{lang}/hulp",
        query_string="next=https://evil.example/&quick_exit=https://evil.example/",
        headers={"Referer": "https://evil.example/"},
    )
    links = parse(response).select("a[data-quick-exit]")
    assert links and {link["href"] for link in links} == {app.config["QUICK_EXIT_URL"]}
