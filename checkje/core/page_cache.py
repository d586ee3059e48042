"""Each page is made once per worker and then served from memory, in two layers.

A page that is not made per request (see sitemap.py) depends only on its address: the content
database is read-only while the app runs, and the static export proves the page
is the same every time. So a worker keeps the HTML its view made and skips
the view next time; everything after the view still runs: headers, ETag, gzip, the access log.

In front of the app, a second layer keeps the whole answer as it went out (headers, ETag and gzip
included) for exactly that request (method, address, host, protocol and accepted encodings),
and answers the same request again without the app: routing, the request context and every
hook cost more than the page itself. It still writes the access log line. Anything that could
make the answer differ (a query string, a body, htmx, a conditional or range request, another
method than GET) goes through the app.

Never cached: anything with a query string (answers), htmx fragments, other
methods than GET and HEAD, routes marked per_request, and responses marked no-store.
The host is part of the key, so a forged Host header cannot plant links in
pages that others get; a host is only kept after the app answered it with a page.
"""

import time
from collections import OrderedDict

from flask import current_app, g, request

from checkje.core import sitemap
from checkje.core.delivery import is_private
from checkje.core.rails import LOGGED_AS, log_access

# About 580 pages per host in five languages (tests/shared_app.py counts them), each kept as made and as
# delivered (gzipped, and for the odd client that takes no gzip, plain); a made-up Host or Accept-Encoding
# header can only push out older entries.
MAX_PAGES = 3072
# Set on a request whose page is the same for everyone: the answer may be kept as it went out.
SAME_FOR_EVERYONE = "checkje.same_for_everyone"
# Request headers that can make an answer differ from the kept one (or ask for part of it).
_DIFFERING_HEADERS = (
    "HTTP_HX_REQUEST",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
    "HTTP_TRANSFER_ENCODING",
)


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
    request.environ[SAME_FOR_EVERYONE] = True
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
        request.environ[SAME_FOR_EVERYONE] = True
    return response


def _delivered_key(environ):
    """The key of a request the layer in front of the app may answer, or None."""
    if (
        environ["REQUEST_METHOD"] != "GET"
        or environ.get("QUERY_STRING")
        or environ.get("CONTENT_LENGTH", "0") not in ("", "0")
        or not environ.get("HTTP_HOST")
        or any(name in environ for name in _DIFFERING_HEADERS)
    ):
        return None
    return (
        "delivered",
        environ["wsgi.url_scheme"],
        environ["HTTP_HOST"],
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        # The request target as sent: an absolute one (`GET http://host/…`) is checked by the app.
        environ.get("RAW_URI"),
        environ.get("SERVER_PROTOCOL"),
        environ.get("HTTP_ACCEPT_ENCODING"),
    )


def _can_go_out_again(status, headers):
    if status != "200 OK":
        return False
    named = {name.lower(): value for name, value in headers}
    return "set-cookie" not in named and "no-store" not in named.get("cache-control", "")


class DeliveredPages:
    """WSGI middleware: answers a request the app already answered with a page that is the same for everyone,
    byte for byte as then, and logs it as the app would."""

    def __init__(self, wsgi_app, cache):
        self.wsgi_app = wsgi_app
        self.cache = cache

    def __call__(self, environ, start_response):
        key = _delivered_key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        kept = self.cache.get(key)
        if kept is not None:
            headers, body, logged_as = kept
            start_response("200 OK", list(headers))
            if logged_as:
                log_access("GET", logged_as, 200, started)
            return [body]
        answered = []

        def noting_start_response(status, headers, exc_info=None):
            answered[:] = [status, headers]
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, noting_start_response)
        if not environ.get(SAME_FOR_EVERYONE) or not answered or not _can_go_out_again(*answered):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.cache.put(key, (list(answered[1]), body, environ.get(LOGGED_AS)))
        return [body]


def init_app(app):
    """Register last: its after_request then runs first and keeps the view's own response."""
    app.extensions["checkje.page_cache"] = PageCache()
    # With the debugger on, templates change while the app runs: make every page anew.
    if app.debug:
        return
    app.before_request(_serve_kept_page)
    app.after_request(_keep_page)
    app.wsgi_app = DeliveredPages(app.wsgi_app, app.extensions["checkje.page_cache"])
