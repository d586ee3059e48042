"""Per page: the bytes a phone downloads, and how long the app takes to make the page in-process."""

import statistics
import time
from dataclasses import dataclass

from bs4 import BeautifulSoup

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
WARM_UP = 3
RENDERS = 40


@dataclass
class PageFigures:
    path: str
    html: int
    first_render: int
    whole: int
    render_median_ms: float
    render_p99_ms: float


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


def _render_times(client, path):
    """Milliseconds for the whole request in-process (routing, template, headers, gzip), no network."""
    for _ in range(WARM_UP):
        client.get(path, headers=BROWSER).close()
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        response = client.get(path, headers=BROWSER)
        response.get_data()
        response.close()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=100)[98]


def measure(app, paths):
    client = app.test_client()
    return [PageFigures(path, *_weights(client, path), *_render_times(client, path)) for path in paths]
