"""Checkje whose class polls end after IDLE_SECONDS without a vote or a look from the teacher's screen (20 minutes
in a classroom) and are swept every SWEEP_SECONDS, so a test against the real server sees a poll expire and leave
the disk, or an open screen keep its poll alive, within seconds. The store is the one the environment asks for
(SQLite, or Redis with CHECKJE_POLLS_URL)."""

import app as checkje

# Three times the teacher's screen's refresh (every second), so a busy test machine does not end an open one.
IDLE_SECONDS = 3
SWEEP_SECONDS = 0.2


def create_app():
    app = checkje.create_app({"POLL_SWEEP_SECONDS": SWEEP_SECONDS})
    app.extensions["checkje.polls"].idle = IDLE_SECONDS
    return app
