"""Friendly error pages in the visitor's language, with help and quick exit."""

from flask import current_app, make_response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, default_exceptions

from checkje.core.rails import not_a_visit

# Codes with their own wording; any other error reads as 400 or 500.
EXPLAINED_CODES = (400, 403, 404, 405, 413, 500)


def _render_error(error):
    if not isinstance(error, HTTPException):
        # The endpoint, not the path: a path or query can say who asked or what they typed.
        current_app.logger.error("Unhandled %s in %s", type(error).__name__, request.endpoint, exc_info=error)
        error = InternalServerError()
    explained = error.code if error.code in EXPLAINED_CODES else 500 if error.code >= 500 else 400
    response = make_response(render_template("core/error.html", code=explained), error.code)
    if getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def http_error_response(app, code):
    """The whole HTTP answer, as bytes, for a request the server could not read: our page and our headers.

    The HTTP server sends it itself, so the connection closes after it.
    """
    with app.test_request_context("/", base_url=app.config["SITE_URL"] or None), not_a_visit():
        response = app.process_response(_render_error(default_exceptions[code]()))
    response.headers["Connection"] = "close"
    response.headers["Cache-Control"] = "no-store"
    body = response.get_data()
    response.headers["Content-Length"] = str(len(body))
    head = [f"HTTP/1.1 {response.status}"] + [f"{name}: {value}" for name, value in response.headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def init_app(app):
    app.register_error_handler(HTTPException, _render_error)
    app.register_error_handler(Exception, _render_error)
