"""Checkje with one extra page that crashes, so a test can see what the server logs about a crash, and a log line
for each request the app itself answers (its endpoint, never the path), so a test can see which it did not."""

import logging

from flask import request, request_started

import app as checkje

CRASH_PATH = "/nl/kapot"


ANSWERED_BY_THE_APP = "the app answered {endpoint}"


def _note_request(sender, **extra):
    logging.getLogger("checkje.test").info(ANSWERED_BY_THE_APP.format(endpoint=request.endpoint))


def create_app():
    app = checkje.create_app()
    request_started.connect(_note_request, app)

    @app.get(CRASH_PATH)
    def crash():
        # The message quotes what the visitor sent, as a real bug's message might.
        raise ValueError(f"could not read {request.args.get('geheim')}")

    return app
