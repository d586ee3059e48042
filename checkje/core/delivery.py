"""How responses travel: validators so a repeat visit costs a few bytes, and gzip without a proxy.

Youths use Checkje on cheap phones with prepaid data. A page is revalidated
with its ETag (a 304 has no body), fingerprinted static files are not asked for
again at all (see assets.py), and every text response is gzipped by the app
itself, so a school can serve Checkje from gunicorn alone.
"""

import functools
import gzip
from functools import lru_cache

from flask import g, make_response, request

COMPRESSIBLE_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "text/plain",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
    }
)
# Below this a gzip header and checksum save next to nothing.
MIN_COMPRESS_BYTES = 512
# A good trade of bytes for time: level 9 saves about 1 % more at twice the cost.
GZIP_LEVEL = 6


def is_private(response):
    # "no-store" marks an answer to one visitor (results, a teacher's poll controls).
    # Read from the raw header: parsing it on every request costs more than the test.
    return "no-store" in response.headers.get("Cache-Control", "")


def kept_nowhere(view):
    """For answers that hold state (a class poll, a report): no cache, service worker or page cache keeps them."""

    @functools.wraps(view)
    def answer(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "no-store"
        return response

    return answer


def holds_a_secret(view):
    """For answers with a secret in them (the teacher's poll screen): kept nowhere, and never compressed.

    Compressing a secret next to text from the request can leak it through the compressed size (BREACH).
    """
    kept = kept_nowhere(view)

    @functools.wraps(view)
    def answer(*args, **kwargs):
        g.holds_a_secret = True
        return kept(*args, **kwargs)

    return answer


def _add_validator(response):
    """Pages get a weak ETag and must be revalidated; an unchanged page then answers 304."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    response.add_etag(weak=True)
    response.headers["Cache-Control"] = "no-cache"
    if "If-None-Match" not in request.headers:
        return response
    return response.make_conditional(request)


@lru_cache(maxsize=512)
def _gzip_once(etag, data):
    # Keyed by the ETag: the same bytes are compressed once, not for every visitor.
    return gzip.compress(data, GZIP_LEVEL, mtime=0)


def _compress(response):
    """Gzip text the browser accepts."""
    if "Accept-Encoding" not in response.headers.get("Vary", ""):
        response.headers.add("Vary", "Accept-Encoding")
    if (
        response.status_code in (204, 304)
        or response.mimetype not in COMPRESSIBLE_TYPES
        or "Content-Encoding" in response.headers
        or not request.accept_encodings["gzip"]
    ):
        return response
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < MIN_COMPRESS_BYTES:
        return response
    etag, _ = response.get_etag()
    response.set_data(_gzip_once(etag, data) if etag else gzip.compress(data, GZIP_LEVEL, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    if etag:
        # The gzipped bytes differ from the plain ones: the same ETag may only be a weak one.
        response.set_etag(etag, weak=True)
    return response


def _deliver(response):
    # A private answer gets no validator, as no cache may keep it; one with a secret is not compressed either.
    if is_private(response):
        return response if g.get("holds_a_secret") else _compress(response)
    return _compress(_add_validator(response))


def init_app(app):
    app.after_request(_deliver)
