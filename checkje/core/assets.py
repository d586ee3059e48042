"""Static files with a content hash in their URL, so browsers may keep them for a year."""

import hashlib
from functools import cache, lru_cache
from pathlib import Path

from flask import current_app, request, url_for

ONE_YEAR = 365 * 24 * 3600


@cache
def _fingerprint(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def static_url(filename):
    """URL of a static file with ?v=<hash of its bytes>; a changed file gets a new URL."""
    return _static_url(current_app._get_current_object(), request.script_root, filename)


@lru_cache(maxsize=256)
def _static_url(app, script_root, filename):
    # A page names the same few files many times (every icon uses the sprite): build each URL once.
    path = Path(app.static_folder) / filename
    return url_for("static", filename=filename, v=_fingerprint(str(path)))


def _names_this_version(filename):
    """True when the request's ?v= is the file's own hash: any other v could be kept for a year with old bytes."""
    path = Path(current_app.static_folder) / filename
    return request.args.get("v") == _fingerprint(str(path))


def _cache_fingerprinted(response):
    if (
        request.endpoint == "static"
        # Only a file that was sent: Flask answers OPTIONS for any name under /static/ with 200, file or not.
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and _names_this_version(request.view_args["filename"])
    ):
        # send_file asks for revalidation by default; a fingerprinted URL never changes, so never ask.
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
    return response


def init_app(app):
    app.after_request(_cache_fingerprinted)
    app.jinja_env.globals["static_url"] = static_url
