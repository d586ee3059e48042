"""Every page renders in one round trip on a slow phone: HTML + CSS ≤ 14 KB gzipped, all ≤ 50 KB."""

import gzip

from tests.helpers import parse

FIRST_ROUND_TRIP = 14 * 1024
WHOLE_PAGE = 50 * 1024


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=9))


def fetch(client, url):
    response = client.get(url)
    data = response.get_data()
    response.close()
    assert response.status_code == 200, url
    return data


def test_page_weight(client, page_url):
    html = client.get(page_url).get_data()
    soup = parse(client.get(page_url))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    first_render = gzipped_size(html) + sum(gzipped_size(fetch(client, href)) for href in stylesheets)
    whole = first_render + sum(gzipped_size(fetch(client, src)) for src in scripts)
    assert stylesheets and first_render <= FIRST_ROUND_TRIP, f"{page_url}: first render {first_render} bytes"
    assert whole <= WHOLE_PAGE, f"{page_url}: whole page {whole} bytes"
