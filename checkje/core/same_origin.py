"""Only our own pages may send a form: a POST that another website sent gets our 403 page, on every route.

A form on another website could make its visitors' browsers post to Checkje: start polls by the thousand,
press a teacher's buttons, vote, wipe a youth's phone, add to the "my screen looks different" counts.
Browsers say where a POST comes from in `Origin` and `Sec-Fetch-Site`; either naming another site is
enough to refuse. Our pages send no referrer, so Chromium sends `Origin: null` with their own forms: that
says nothing, and Sec-Fetch-Site (which every browser that has it sends too) decides. Old browsers send
neither header and are let through: telling them apart would take something personal. Nothing is kept.
"""

from urllib.parse import urlsplit

from flask import request
from werkzeug.exceptions import Forbidden

from checkje.core import hosts

# "none": the visitor did it themselves (typed or bookmarked), not another page.
OUR_OWN = ("same-origin", "none")
# Methods that change nothing; every other one must come from our own pages.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class FromAnotherSite(Forbidden):
    """A form another website sent. An area may answer it with a page of its own (`errorhandler`)."""


def _origin(url):
    """(scheme, host, port) of an origin, the port filled in; None when it cannot be read."""
    try:
        parts = urlsplit(url)
        return parts.scheme, parts.hostname, parts.port or hosts.DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port that is not a number, a broken IPv6 address
        return None


def _our_origin():
    # The host this request came to (checkje.core.hosts already refused any host or port not ours), with the
    # site's scheme: behind a proxy that ends TLS the request itself arrives over plain HTTP.
    scheme = urlsplit(hosts.site_url()).scheme or request.scheme
    return _origin(f"{scheme}://{request.host}")


def from_another_site():
    """True when the browser says another site's page sent this request."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in OUR_OWN:
        return True
    origin = request.headers.get("Origin")
    return origin not in (None, "null") and _origin(origin) != _our_origin()


def _refuse_forms_from_other_sites():
    if request.method not in SAFE_METHODS and from_another_site():
        raise FromAnotherSite()


def init_app(app):
    """Register after checkje.core.hosts: the origin is compared with a host that is already known to be ours."""
    app.before_request(_refuse_forms_from_other_sites)
