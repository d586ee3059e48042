"""Per page: the bytes a phone downloads, and how long the app takes to make the page in-process."""

import statistics
import time
from dataclasses import dataclass

from tests.helpers import BROWSER_ENCODINGS, page_weight

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


def _time_requests(client, path, before_each):
    times = []
    for _ in range(REQUESTS):
        before_each()
        started = time.perf_counter()
        response = client.get(path, headers=BROWSER_ENCODINGS)
        response.get_data()
        response.close()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _render_times(app, client, path):
    """Milliseconds for the whole request in-process (routing, headers, gzip), no network:
    with the page made anew each time, and served from the worker's page cache."""
    cache = app.extensions["checkje.page_cache"]
    for _ in range(WARM_UP):
        client.get(path, headers=BROWSER_ENCODINGS).close()
    made = _time_requests(client, path, cache.clear)
    served = _time_requests(client, path, lambda: None)
    return statistics.median(made), statistics.quantiles(made, n=100)[98], statistics.median(served)


def measure(app, paths):
    client = app.test_client()
    figures = []
    for path in paths:
        weight = page_weight(client, path)
        figures.append(
            PageFigures(path, weight.html, weight.first_render, weight.whole, *_render_times(app, client, path))
        )
    return figures
