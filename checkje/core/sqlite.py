"""SQLite for the small stores of anonymous counts (class polls, "my screen looks different").

Each process keeps the connections it opened and hands each to one caller at a time: opening one
(connect, PRAGMAs, sqlite-utils' set-up) cost more than a teacher's refresh itself. Under gevent a
greenlet keeps its connection from checkout to return, and no code between those yields, so two
greenlets never share one; a thread that finds none idle opens another. A worker forked from a
process with connections opens its own (a connection must not cross a fork), and a file replaced
on disk (another inode) is opened anew. Writes take SQLite's write lock from their first statement
on, so read-then-write is atomic.

The files are for the server alone (0600), whoever makes them first: a flask command runs with the
shell's umask, the server with its own. Deleted rows are overwritten (secure_delete), and `wipe_journal`
empties the write-ahead log, which still holds every version of a deleted row until then.

A fault of the file (deleted, replaced by something else, a full disk, no permission, locked too long)
raises StoreDown, as a shared store that cannot be reached does, and the views answer with their own page.
The connections are dropped; the next caller opens the file anew and makes its tables (`prepare`), so a
store recovers without a restart once the fault is gone. Errors of our own SQL (IntegrityError and the
like) stay errors.
"""

import logging
import os
import sqlite3
import time
from contextlib import contextmanager

import sqlite_utils

from checkje.core.shared_store import StoreDown

# Idle connections kept per file and process: a gevent worker needs one at a time, threads a few.
MAX_IDLE = 4
FILE_MODE = 0o600
# After a fault, `failing` says so this long (the Retry-After of the pages that say it), unless a write
# succeeds first: a page that offers a vote must not promise what the store cannot keep.
FAULT_SECONDS = 30
# The file's faults, not our SQL's: the exact classes, as IntegrityError and ProgrammingError are subclasses.
FAULTS = (sqlite3.OperationalError, sqlite3.DatabaseError)

log = logging.getLogger(__name__)

# Per file: the functions that make its tables when they are missing (each store registers its own).
_setups = {}


class _Process:
    """What one process keeps: idle connections and made tables per file, and when a file last failed."""

    def __init__(self):
        self.pid = os.getpid()
        self.idle = {}
        self.ready = {}  # path: the inode whose tables this process made
        self.failed = {}  # path: time.monotonic() of the last fault


_process = _Process()


def _here():
    global _process  # noqa: PLW0603 - the pool belongs to this process
    if _process.pid != os.getpid():
        # Forked: the parent's connections are not ours to use (nor to close).
        _process = _Process()
    return _process


def _inode(path):
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def _keep_private(path):
    """Make the file 0600 if nobody has, and narrow a file an older version (or a flask command) made wider.
    SQLite gives its -wal and -shm files the database file's mode."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
    for name in (path, f"{path}-wal", f"{path}-shm"):
        try:
            found = os.stat(name)
        except FileNotFoundError:
            continue
        if found.st_mode & 0o077 and found.st_uid == os.getuid():
            os.chmod(name, FILE_MODE)


def _open(path):
    _keep_private(path)
    # check_same_thread off: a connection may be handed to another thread later, never to two at once.
    connection = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    # In WAL mode NORMAL still keeps every committed write when the app's process is killed; only a
    # power cut may lose the last ones. FULL would wait for the disk (an fsync) on every vote, and a
    # gevent worker can do nothing else meanwhile.
    connection.execute("PRAGMA synchronous = NORMAL")
    # Deleted rows are overwritten with zeros, not left in free space (some builds do this by default).
    connection.execute("PRAGMA secure_delete = ON")
    return sqlite_utils.Database(connection)


def prepare(path, setup):
    """Register `setup(db)`, which makes a store's tables if they are missing, and run it now. It runs again
    whenever this process opens the file anew (deleted and made again). A file that cannot be opened now
    does not stop the app: the store's pages say so until it can."""
    _setups.setdefault(str(path), {})[setup.__qualname__] = setup
    try:
        with connect(path) as db:
            # The file may be open already, made ready for another store of it.
            setup(db)
    except StoreDown:
        pass


def _checkout(path):
    state = _here()
    idle = state.idle.setdefault(path, [])
    inode = _inode(path)
    replaced = inode is None
    while idle:
        db, opened_inode = idle.pop()
        if opened_inode == inode:
            return db, inode
        db.conn.close()
        replaced = True
    if replaced:
        # Deleted or replaced: the new file needs its tables, even if it got the old file's inode number.
        state.ready.pop(path, None)
    db = _open(path)
    try:
        inode = os.stat(path).st_ino
        if state.ready.get(path) != inode:
            for setup in _setups.get(path, {}).values():
                setup(db)
            state.ready[path] = inode
    except BaseException:
        db.conn.close()
        raise
    return db, inode


def _give_back(path, db, inode):
    if db.conn.in_transaction:
        # Only after an error: the next caller must not find half-done work.
        try:
            db.conn.execute("ROLLBACK")
        except sqlite3.Error:
            db.conn.close()
            return
    idle = _here().idle.setdefault(path, [])
    if len(idle) < MAX_IDLE:
        idle.append((db, inode))
    else:
        db.conn.close()


def _down(path, fault):
    """Forget every connection and made table of the file in this process, say it once in the log, and
    return the StoreDown to raise."""
    state = _here()
    for db, _ in state.idle.pop(path, []):
        db.conn.close()
    state.ready.pop(path, None)
    if not failing(path):
        # The kind and SQLite's own words (never a value of a row), so whoever runs the server can act.
        log.warning("The counts store %s failed: %s: %s", path, type(fault).__name__, fault)
    state.failed[path] = time.monotonic()
    return StoreDown(path)


def failing(path):
    """A fault of this file came less than FAULT_SECONDS ago in this process, and no write succeeded since."""
    failed = _here().failed.get(str(path))
    return failed is not None and time.monotonic() - failed < FAULT_SECONDS


def _is_fault(error):
    return isinstance(error, OSError) or type(error) in FAULTS


@contextmanager
def connect(path):
    path = str(path)
    try:
        db, inode = _checkout(path)
    except (sqlite3.Error, OSError) as error:
        if not _is_fault(error):
            raise
        raise _down(path, error) from error
    try:
        yield db
    except (sqlite3.Error, OSError) as error:
        if not _is_fault(error):
            _give_back(path, db, inode)
            raise
        db.conn.close()
        raise _down(path, error) from error
    except BaseException:
        _give_back(path, db, inode)
        raise
    _give_back(path, db, inode)


@contextmanager
def transaction(path):
    """A write under `BEGIN IMMEDIATE`: counts that arrive at the same moment are all counted, once."""
    with connect(path) as db:
        changes = db.conn.total_changes
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        wrote = db.conn.total_changes > changes
    if wrote:
        # Only a write that changed something proves the file takes writes again (a full disk takes none).
        _here().failed.pop(str(path), None)


def wipe_journal(path):
    """Copy the write-ahead log into the database and empty it (a truncating checkpoint): it holds every
    version of the rows written since the last one, deleted rows too. Waits for readers (busy timeout);
    returns False if one still held it, so the caller tries again later."""
    with connect(path) as db:
        (busy, _, _) = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
