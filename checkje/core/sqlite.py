"""SQLite for the small stores of anonymous counts (class polls, "my screen looks different").

One connection per operation: safe from any thread, and cheap for SQLite. Writes
take SQLite's write lock from their first statement on, so read-then-write is atomic.
"""

import sqlite3
from contextlib import contextmanager

import sqlite_utils


@contextmanager
def connect(path):
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    # In WAL mode NORMAL still keeps every committed write when the app's process is killed; only a
    # power cut may lose the last ones. FULL would wait for the disk (an fsync) on every vote, and a
    # gevent worker can do nothing else meanwhile.
    connection.execute("PRAGMA synchronous = NORMAL")
    try:
        yield sqlite_utils.Database(connection)
    finally:
        connection.close()


@contextmanager
def transaction(path):
    """A write under `BEGIN IMMEDIATE`: counts that arrive at the same moment are all counted, once."""
    with connect(path) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
