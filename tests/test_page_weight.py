"""Every page renders in one round trip on a slow phone: HTML + CSS ≤ 14 KB as sent, all ≤ 50 KB."""

from tests.helpers import parse

FIRST_ROUND_TRIP = 14 * 1024
WHOLE_PAGE = 50 * 1024
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def sent_size(client, url):
    """The bytes that travel for `url` to a browser that accepts gzip (the app compresses itself)."""
    response = client.get(url, headers=BROWSER)
    size = len(response.get_data())
    response.close()
    assert response.status_code == 200, url
    return size


def test_page_weight(client, page_url):
    soup = parse(client.get(page_url))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    first_render = sent_size(client, page_url) + sum(sent_size(client, href) for href in stylesheets)
    whole = first_render + sum(sent_size(client, src) for src in scripts)
    assert stylesheets and first_render <= FIRST_ROUND_TRIP, f"{page_url}: first render {first_render} bytes"
    assert whole <= WHOLE_PAGE, f"{page_url}: whole page {whole} bytes"
