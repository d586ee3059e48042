"""Safety and privacy rails on every response: headers, no cookies, an access log without people in it."""

import base64
import hashlib
import logging
import re
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from flask import Request, current_app, g, request
from markupsafe import Markup
from werkzeug.exceptions import RequestEntityTooLarge

# Marks the page as scripted (and able to speak) before the first paint, so script-only
# controls take their place at once instead of flashing in or pushing the page down.
# Allowed by its hash in the CSP: no 'unsafe-inline' needed.
INLINE_SCRIPT = (
    "var c=document.documentElement.classList;c.add('js');"
    "if(window.speechSynthesis&&window.SpeechSynthesisUtterance)c.add('speech')"
)


def _hash_source(text):
    """A CSP source that allows exactly `text` as an inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        f"script-src 'self' {_hash_source(INLINE_SCRIPT)}",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "payment",
            "usb",
        )
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

access_log = logging.getLogger("checkje.access")


@contextmanager
def not_a_visit():
    """Keep pages the app makes for itself (the static export, the server's error pages) out of the access log."""
    access_log.disabled = True
    try:
        yield
    finally:
        access_log.disabled = False


def _start_timer():
    g.request_started = time.perf_counter()


class LimitedRequest(Request):
    """A request whose form may have at most MAX_FORM_PARTS fields, however it is encoded.

    Werkzeug counts the parts of multipart forms only. Too many fields raise the same
    RequestEntityTooLarge (413) as a body that is too big, so a view that catches it
    can ask again; the form then reads as empty.
    """

    def _load_form_data(self):
        super()._load_form_data()
        limit = self.max_form_parts
        if limit is not None and sum(len(values) for values in self.form.listvalues()) > limit:
            self.__dict__["form"] = self.parameter_storage_class()
            raise RequestEntityTooLarge()


# Our SVG drawings colour their shapes with the page's colours (light and dark) in style attributes.
# Firefox applies a drawing's own policy inside <use>, and the site's (no inline styles) would leave
# black shapes: a drawing allows exactly the style attributes it has, by hash, and nothing else.
_STYLE_ATTRIBUTE = re.compile(r'\bstyle="([^"]*)"')


def _drawing_policies(static_folder):
    """{static file name: its policy} for each of our SVG drawings with style attributes, read once at start-up:
    a request never makes the server read a file, nor names one it does not have."""
    policies = {}
    for path in Path(static_folder).rglob("*.svg"):
        hashes = sorted({_hash_source(style) for style in _STYLE_ATTRIBUTE.findall(path.read_text("utf-8"))})
        if hashes:
            name = path.relative_to(static_folder).as_posix()
            policies[name] = f"default-src 'none'; style-src 'unsafe-hashes' {' '.join(hashes)}; frame-ancestors 'none'"
    return policies


def _add_rails(response):
    headers = response.headers
    if request.endpoint == "static":
        drawing_policy = current_app.extensions["checkje.drawing_policies"].get(request.view_args["filename"])
        if drawing_policy:
            headers["Content-Security-Policy"] = drawing_policy
    # Nothing we serve sets a cookie; this makes sure nothing ever slips through.
    if "Set-Cookie" in headers:
        del headers["Set-Cookie"]
    present = {name.lower() for name, _ in headers}
    headers.extend((name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present)
    if current_app.config["HTTPS"]:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def not_logged(view):
    """Mark a view whose request alone tells something (a count of one): the access log leaves it out."""
    view.not_logged = True
    return view


def _is_not_logged():
    rule = request.url_rule
    return rule is not None and getattr(current_app.view_functions[rule.endpoint], "not_logged", False)


# A route's argument in its rule: `<code>`, `<lang(nl, en):lang>`, `<any(instagram, …):app>`.
_RULE_ARGUMENT = re.compile(r"<(?:[^<>]*:)?(\w+)>")


@cache
def _page_kind(rule, lang):
    """The rule with only its language filled in: `/<lang(nl, en):lang>/stem/<code>` is `/nl/stem/<code>`.

    The other arguments (a poll's code above all) would tie log lines to one class or one visitor.
    """
    return _RULE_ARGUMENT.sub(lambda found: lang if found[1] == "lang" and lang else f"<{found[1]}>", rule)


def _escape(char):
    return "\\x20" if char == " " else char.encode("unicode_escape").decode("ascii")


def _escaped(text):
    """`text` on one log line: control characters, other unprintables, spaces and backslashes as escapes.

    A path is what the visitor typed: `%0a` would start a forged log line, ESC codes would steer a terminal,
    a space would shift the fields after it. A backslash is escaped too, so no escape can be faked.
    """
    if text.isprintable() and " " not in text and "\\" not in text:
        return text
    return "".join(char if char.isprintable() and char not in " \\" else _escape(char) for char in text)


def _logged_path():
    rule = request.url_rule
    if rule is None:  # no page of ours (a 404 or 405): the path is all there is to say
        return _escaped(request.path)
    return _page_kind(rule.rule, g.get("lang"))


# Where a request's log line puts the kind of page, for a layer that answers the same request again without the
# app (checkje/core/page_cache.py): absent when the request is not logged.
LOGGED_AS = "checkje.logged_as"


def log_access(method, kind, status, started):
    """One line of the access log: method, the kind of page (never its query string or a poll's code), status
    and time since `started` (time.perf_counter): nothing that points to a person."""
    duration_ms = (time.perf_counter() - started) * 1000
    access_log.info("%s %s %s %.1fms", method, kind, status, duration_ms)


def _log_request(response):
    if _is_not_logged():
        return response
    kind = request.environ[LOGGED_AS] = _logged_path()
    log_access(_escaped(request.method), kind, response.status_code, g.get("request_started", time.perf_counter()))
    return response


def init_app(app):
    if not access_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False
    # The development server logs client addresses at INFO; keep only its warnings.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app.request_class = LimitedRequest
    app.extensions["checkje.drawing_policies"] = _drawing_policies(app.static_folder)
    app.before_request(_start_timer)
    app.after_request(_add_rails)
    app.after_request(_log_request)

    @app.context_processor
    def rails_context():
        return {"inline_script": Markup(INLINE_SCRIPT), "quick_exit_url": app.config["QUICK_EXIT_URL"]}
