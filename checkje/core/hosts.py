"""The site's own address. Links, QR codes and redirects never take the host a visitor sent.

With SITE_URL set (it must be, outside development: checkje/server/config.py), only its host
is answered; any other Host header gets our 400 page. Without it, links that would need a host
are written relative (the static export too), and only the teacher's own QR code uses the host
the teacher's browser asked for.
"""

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


def trusted_hosts(site):
    host = urlsplit(site).hostname
    return set(LOOPBACK) if host in LOOPBACK else {host}


def _refuse_foreign_host():
    # Checked here rather than by Flask's TRUSTED_HOSTS, which leaves the error page without a way to make links.
    trusted = current_app.extensions["checkje.trusted_hosts"]
    if trusted and urlsplit(f"//{request.host}").hostname not in trusted:
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
    app.extensions["checkje.trusted_hosts"] = trusted_hosts(app.config["SITE_URL"]) if app.config["SITE_URL"] else set()
    app.before_request(_refuse_foreign_host)
    app.after_request(_redirect_within_the_site)
