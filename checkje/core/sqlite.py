"""SQLite for the small stores of anonymous counts (class polls, "my screen looks different").

Each process keeps the connections it opened and hands each to one caller at a time: opening one
(connect, PRAGMAs, sqlite-utils' set-up) cost more than a teacher's refresh itself. Under gevent a
greenlet keeps its connection from checkout to return, and no code between those yields, so two
greenlets never share one; a thread that finds none idle opens another. A worker forked from a
process with connections opens its own (a connection must not cross a fork), and a file replaced
on disk (another inode) is opened anew. Writes take SQLite's write lock from their first statement
on, so read-then-write is atomic.
"""

import os
import sqlite3
from contextlib import contextmanager

import sqlite_utils

# Idle connections kept per file and process: a gevent worker needs one at a time, threads a few.
MAX_IDLE = 4

_idle = {}
_idle_pid = None


def _open(path):
    # check_same_thread off: a connection may be handed to another thread later, never to two at once.
    connection = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    # In WAL mode NORMAL still keeps every committed write when the app's process is killed; only a
    # power cut may lose the last ones. FULL would wait for the disk (an fsync) on every vote, and a
    # gevent worker can do nothing else meanwhile.
    connection.execute("PRAGMA synchronous = NORMAL")
    return sqlite_utils.Database(connection)


def _idle_of(path):
    global _idle, _idle_pid  # noqa: PLW0603 - the pool belongs to this process
    if _idle_pid != os.getpid():
        # Forked: the parent's connections are not ours to use (nor to close).
        _idle, _idle_pid = {}, os.getpid()
    return _idle.setdefault(str(path), [])


def _checkout(path):
    idle = _idle_of(path)
    inode = os.stat(path).st_ino if os.path.exists(path) else None
    while idle:
        db, opened_inode = idle.pop()
        if opened_inode == inode:
            return db, inode
        db.conn.close()
    db = _open(path)
    return db, os.stat(path).st_ino


def _give_back(path, db, inode):
    if db.conn.in_transaction:
        # Only after an error: the next caller must not find half-done work.
        try:
            db.conn.execute("ROLLBACK")
        except sqlite3.Error:
            db.conn.close()
            return
    idle = _idle_of(path)
    if len(idle) < MAX_IDLE:
        idle.append((db, inode))
    else:
        db.conn.close()


@contextmanager
def connect(path):
    db, inode = _checkout(path)
    try:
        yield db
    finally:
        _give_back(path, db, inode)


@contextmanager
def transaction(path):
    """A write under `BEGIN IMMEDIATE`: counts that arrive at the same moment are all counted, once."""
    with connect(path) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
