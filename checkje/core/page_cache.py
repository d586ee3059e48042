"""Each page is made once per worker and then served from memory.

A page that is not made per request (see sitemap.py) depends only on its address: the content
database is read-only while the app runs, and the static export proves the page
is the same every time. So a worker keeps the HTML its view made and skips
the view next time. Everything after the view still runs for every request:
headers, ETag, gzip, the access log.

Never cached: anything with a query string (answers), htmx fragments, other
methods than GET and HEAD, routes marked per_request, and responses marked no-store.
The host is part of the key, so a forged Host header cannot plant links in
pages that others get.
"""

from collections import OrderedDict

from flask import current_app, g, request

from checkje.core import sitemap
from checkje.core.delivery import is_private

# About 580 pages per host in five languages (tests/shared_app.py counts them); a forged Host header can
# only push out older entries.
MAX_PAGES = 1024


class PageCache:
    """A bounded least-recently-used map from (host, path) to (body, headers)."""

    def __init__(self, max_pages=MAX_PAGES):
        self.max_pages = max_pages
        self._pages = OrderedDict()

    def get(self, key):
        page = self._pages.get(key)
        if page is not None:
            self._pages.move_to_end(key)
        return page

    def put(self, key, page):
        self._pages[key] = page
        self._pages.move_to_end(key)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def clear(self):
        self._pages.clear()

    def __len__(self):
        return len(self._pages)


def _key():
    """The cache key of this request, or None when its answer may not be kept."""
    rule = request.url_rule
    if (
        request.method not in ("GET", "HEAD")
        or request.query_string
        or "HX-Request" in request.headers
        or rule is None
        or "lang" not in rule.arguments
        or sitemap.is_per_request(current_app.view_functions[rule.endpoint])
    ):
        return None
    return request.scheme, request.host, request.root_path, request.path


def _cache():
    return current_app.extensions["checkje.page_cache"]


def _serve_kept_page():
    g.page_key = key = _key()
    page = _cache().get(key) if key else None
    if page is None:
        return None
    g.page_key = None  # already kept
    body, headers = page
    return current_app.response_class(body, headers=headers)


def _keep_page(response):
    key = g.get("page_key")
    if (
        key
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not response.direct_passthrough
        and not is_private(response)
    ):
        _cache().put(key, (response.get_data(), list(response.headers)))
    return response


def init_app(app):
    """Register last: its after_request then runs first and keeps the view's own response."""
    app.extensions["checkje.page_cache"] = PageCache()
    # With the debugger on, templates change while the app runs: make every page anew.
    if app.debug:
        return
    app.before_request(_serve_kept_page)
    app.after_request(_keep_page)
