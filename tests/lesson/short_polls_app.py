"""Checkje whose class polls end after IDLE_SECONDS without a vote and are swept every SWEEP_SECONDS, so a test
against the real server sees a poll expire and leave the disk within seconds."""

import app as checkje
from checkje.lesson.poll_store import SQLitePollStore

IDLE_SECONDS = 3
SWEEP_SECONDS = 0.2


def create_app():
    app = checkje.create_app({"POLL_SWEEP_SECONDS": SWEEP_SECONDS})
    app.extensions["checkje.polls"] = SQLitePollStore(app.config["POLLS_DB"], idle=IDLE_SECONDS)
    return app
