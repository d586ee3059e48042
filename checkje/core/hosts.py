"""The site's own address. Links, QR codes and redirects never take the host a visitor sent.

With SITE_URL set (it must be, outside development: checkje/server/config.py), only its host and
port are answered; a request that names another (in Host, or in an absolute request target) or
none gets our 400 page. Without it, links that would need a host are written relative (the static
export too), and only the teacher's own QR code uses the host the teacher's browser asked for.
"""

from functools import cache
from urllib.parse import urlsplit

from flask import abort, current_app, request

# A site served on this machine answers to both names of it.
LOOPBACK = ("127.0.0.1", "localhost")


def site_url():
    """The public address without a trailing slash, or "" when none is set (links are then relative)."""
    return current_app.config["SITE_URL"].rstrip("/")


def address_for_phones():
    """The address a pupil's phone opens: the site's own, or the host of the teacher's own request."""
    return site_url() or request.host_url.rstrip("/")


DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def trusted_hosts(site):
    """The Host headers that name `site`: its host with its port, and without it where the port is the scheme's own.

    Another port would be another site, and every host a visitor can make up is a new key in the page cache.
    """
    address = urlsplit(site)
    name = f"[{address.hostname}]" if ":" in address.hostname else address.hostname
    names = LOOPBACK if address.hostname in LOOPBACK else (name,)
    port = address.port or DEFAULT_PORTS[address.scheme]
    named = {f"{each}:{port}" for each in names}
    if port == DEFAULT_PORTS[address.scheme]:
        named.update(names)
    return frozenset(named)


def _named_hosts(environ):
    """Every host a request names, as sent: its Host header (never werkzeug's request.host, which falls back to the
    server's own address without one), and the host of an absolute target (`GET http://host/…`) if it has one."""
    named = [environ.get("HTTP_HOST", "")]
    target = environ.get("RAW_URI", "")
    if "://" in target and not target.startswith("/"):
        named.append(urlsplit(target).netloc)
    return [host.lower() for host in named]


def _refuse_foreign_host():
    # Checked here rather than by Flask's TRUSTED_HOSTS, which leaves the error page without a way to make links.
    named = _named_hosts(request.environ)
    site = current_app.config["SITE_URL"]
    if site and any(host not in trusted_hosts(site) for host in named):
        abort(400)
    # HTTP/1.1 requires a Host header (RFC 9112, 3.2); with a site address no request goes without it.
    if not named[0] and request.environ.get("SERVER_PROTOCOL") != "HTTP/1.0":
        abort(400)


def _redirect_within_the_site(response):
    """A redirect werkzeug makes (a missing slash, 308 and cached for good) names no host, only the path."""
    location = response.headers.get("Location")
    if 300 <= response.status_code < 400 and location:
        parts = urlsplit(location)
        if parts.netloc == request.host:
            response.headers["Location"] = parts.path + (f"?{parts.query}" if parts.query else "")
    return response


def init_app(app):
    app.before_request(_refuse_foreign_host)
    app.after_request(_redirect_within_the_site)
