"""Checkje with one extra page that crashes, so a test can see what the server logs about a crash."""

from flask import request

import app as checkje

CRASH_PATH = "/nl/kapot"


def create_app():
    app = checkje.create_app()

    @app.get(CRASH_PATH)
    def crash():
        # The message quotes what the visitor sent, as a real bug's message might.
        raise ValueError(f"could not read {request.args.get('geheim')}")

    return app
