"""Per page: the bytes a phone downloads, and how long the app takes to make the page in-process."""

import statistics
import time
from dataclasses import dataclass

from bs4 import BeautifulSoup

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
WARM_UP = 3
REQUESTS = 40


@dataclass
class PageFigures:
    path: str
    html: int
    first_render: int
    whole: int
    made_median_ms: float
    made_p99_ms: float
    served_median_ms: float


def _sent(client, url):
    response = client.get(url, headers=BROWSER)
    size = len(response.get_data())
    response.close()
    return size


def _weights(client, path):
    """Gzipped bytes as sent: the HTML, the HTML with its stylesheets, and everything with scripts."""
    soup = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    html = _sent(client, path)
    first_render = html + sum(_sent(client, link["href"]) for link in soup.find_all("link", rel="stylesheet"))
    whole = first_render + sum(_sent(client, script["src"]) for script in soup.find_all("script", src=True))
    return html, first_render, whole


def _time_requests(client, path, before_each):
    times = []
    for _ in range(REQUESTS):
        before_each()
        started = time.perf_counter()
        response = client.get(path, headers=BROWSER)
        response.get_data()
        response.close()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _render_times(app, client, path):
    """Milliseconds for the whole request in-process (routing, headers, gzip), no network:
    with the page made anew each time, and served from the worker's page cache."""
    cache = app.extensions["checkje.page_cache"]
    for _ in range(WARM_UP):
        client.get(path, headers=BROWSER).close()
    made = _time_requests(client, path, cache.clear)
    served = _time_requests(client, path, lambda: None)
    return statistics.median(made), statistics.quantiles(made, n=100)[98], statistics.median(served)


def measure(app, paths):
    client = app.test_client()
    return [PageFigures(path, *_weights(client, path), *_render_times(app, client, path)) for path in paths]
