"""Only our own pages may start or steer a class poll.

A form on another website could make its visitors' browsers start polls by the thousand, or
press a teacher's buttons. Browsers say where a POST comes from in `Origin` and
`Sec-Fetch-Site`; either naming another site is enough to refuse. Old browsers send
neither, and are let through. Nothing personal is read or kept.
"""

import functools
from urllib.parse import urlsplit

from flask import request

from checkje.core import hosts

# "none": the visitor did it themselves (typed or bookmarked), not another page.
OUR_OWN = ("same-origin", "none")


def _our_origin():
    # The host this request came to (checkje.core.hosts already refused any host not ours), with the site's
    # scheme: behind a proxy that ends TLS the request itself arrives over plain HTTP.
    scheme = urlsplit(hosts.site_url()).scheme or request.scheme
    return f"{scheme}://{request.host}".lower()


def from_another_site():
    """True when the browser says this request was sent by another site's page."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in OUR_OWN:
        return True
    origin = request.headers.get("Origin")
    # Our pages send no referrer, so browsers send "Origin: null" with their forms: it says nothing,
    # and Sec-Fetch-Site (sent with it by every browser that has it) has decided above.
    return origin not in (None, "null") and origin.rstrip("/").lower() != _our_origin()


def own_pages_only(refused):
    """Run the view only for requests from our own pages; otherwise answer `refused()`."""

    def decorate(view):
        @functools.wraps(view)
        def answer(*args, **kwargs):
            if request.method == "POST" and from_another_site():
                return refused()
            return view(*args, **kwargs)

        return answer

    return decorate
