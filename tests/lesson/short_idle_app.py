"""Checkje whose class polls end after IDLE_SECONDS without a vote or a look from the teacher's screen (20
minutes in a classroom), so a test against the real server sees the screen keep its poll alive within seconds."""

import app as checkje

# Four times the screen's refresh (every second), so a busy test machine does not end an open screen's poll.
IDLE_SECONDS = 4


def create_app():
    app = checkje.create_app()
    app.extensions["checkje.polls"].idle = IDLE_SECONDS  # SQLite or Redis, as the environment asks
    return app
