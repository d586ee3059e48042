"""Every POST route takes forms from our own pages only (checkje/core/same_origin.py)."""

import pytest

from app import create_app
from tests.helpers import parse
from tests.shared_app import POST_PATHS, TEST_CONFIG

# What browsers send with a form from another site. The test client's site is http://localhost.
FOREIGN = {
    "another origin": {"Origin": "https://evil.example"},
    "a look-alike origin": {"Origin": "http://localhost.evil.example"},
    "our host on another port": {"Origin": "http://localhost:8080"},
    "our host over another scheme": {"Origin": "https://localhost"},
    "an origin that cannot be read": {"Origin": "http://[localhost"},
    "cross-site": {"Sec-Fetch-Site": "cross-site"},
    "same-site (a neighbouring subdomain)": {"Sec-Fetch-Site": "same-site"},
    "Origin null from another site": {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
}
# What our own pages send (Origin null: our pages send no referrer), and old browsers that send neither.
OUR_OWN = {
    "an old browser": {},
    "our origin": {"Origin": "http://localhost"},
    "our origin with its port": {"Origin": "http://localhost:80"},
    "same-origin": {"Sec-Fetch-Site": "same-origin"},
    "Origin null from our page": {"Origin": "null", "Sec-Fetch-Site": "same-origin"},
    "typed or bookmarked": {"Sec-Fetch-Site": "none"},
}


def test_every_post_route_is_checked():
    # The nine kinds of form of issue 31, #12, and the rest of the poll's.
    assert (
        len(POST_PATHS) >= 9
        and "/nl/veiligheid/wissen" in POST_PATHS
        and "/nl/instellingen/scherm-anders" in POST_PATHS
    )


@pytest.fixture
def client(tmp_path):
    # Forms that are let through may start a poll or count a report: in a store of this test's own.
    return create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")}).test_client()


@pytest.mark.parametrize("headers", FOREIGN.values(), ids=FOREIGN)
def test_a_form_from_another_site_gets_our_403_page_on_every_route(client, headers):
    for path in POST_PATHS:
        response = client.post(path, data={"name": "x"}, headers=headers)
        assert response.status_code == 403, path
        page = parse(response)
        assert page.html["lang"] == "nl" and page.h1, path
        assert "Clear-Site-Data" not in response.headers


@pytest.mark.parametrize("headers", OUR_OWN.values(), ids=OUR_OWN)
def test_a_form_from_our_own_pages_or_an_old_browser_is_let_through(client, headers):
    for path in POST_PATHS:
        assert client.post(path, data={"name": "x"}, headers=headers).status_code != 403, path


def test_a_get_is_never_refused(client):
    assert (
        client.get("/nl/hulp", headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}).status_code
        == 200
    )
