"""Every page renders in one round trip on a slow phone: HTML + CSS ≤ 14 KB as sent, all ≤ 50 KB."""

from tests.helpers import page_weight

FIRST_ROUND_TRIP = 14 * 1024
WHOLE_PAGE = 50 * 1024


def test_page_weight(client, page_url):
    weight = page_weight(client, page_url)
    assert weight.stylesheets and weight.first_render <= FIRST_ROUND_TRIP, (
        f"{page_url}: first render {weight.first_render} bytes"
    )
    assert weight.whole <= WHOLE_PAGE, f"{page_url}: whole page {weight.whole} bytes"
