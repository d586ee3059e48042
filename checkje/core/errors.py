"""Friendly error pages in the visitor's language, with help and quick exit."""

from flask import current_app, make_response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

# Codes with their own wording; any other error reads as 400 or 500.
EXPLAINED_CODES = (400, 404, 405, 413, 500)


def _render_error(error):
    if not isinstance(error, HTTPException):
        current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        error = InternalServerError()
    explained = error.code if error.code in EXPLAINED_CODES else 500 if error.code >= 500 else 400
    response = make_response(render_template("core/error.html", code=explained), error.code)
    if getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def init_app(app):
    app.register_error_handler(HTTPException, _render_error)
    app.register_error_handler(Exception, _render_error)
