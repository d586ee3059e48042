"""Polls in one SQLite file (sqlite-utils): the default, enough for one app server.

Nothing of an ended poll stays readable in the files: its rows are overwritten (secure_delete, see
checkje/core/sqlite.py) and the write-ahead log, which holds every version of every row with its time,
is emptied when a poll ends and at every sweep (an expired poll leaves at the next sweep).

Votes are counted with `count = count + 1` inside `BEGIN IMMEDIATE` transactions on a
WAL database, so votes arriving at the same moment are all counted, once. A vote is
committed before the view answers, so a server killed mid-lesson loses no accepted vote.
"""

import contextlib
import hmac
import secrets
import time
from pathlib import Path

from checkje.core import sqlite
from checkje.lesson.poll_store.contract import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_CLASS_SIZE,
    IDLE_SECONDS,
    LIFETIME_SECONDS,
    MAX_OPEN_POLLS,
    MAX_VOTES_PER_SECOND,
    Poll,
    PollGone,
    PollStore,
    ResultsShown,
    StatementClosed,
    StoreDown,
    TooMany,
    WrongSecret,
    check_answer,
    check_new_poll,
    hash_secret,
    most_votes,
)

POLL_COLUMNS = {
    "code": str,
    "secret_hash": str,
    "statement": int,
    # 1 while the screen shows no statement (the class waits), else 0.
    "waiting": int,
    "statements": int,
    "class_size": int,
    # The statements whose results are shown, one bit each (statement n is bit 2**n).
    "shown": int,
    "resets": int,
    "version": int,
    "created": float,
    "expires": float,
    # The per-second rate limit: which second, and how many votes in it.
    "window_second": int,
    "window_votes": int,
}


def _make_tables(db):
    db.enable_wal()
    if db["polls"].exists() and set(db["polls"].columns_dict) != set(POLL_COLUMNS):
        # Polls from before a change of shape: they live hours at most, so they simply end.
        db["counts"].drop(ignore=True)
        db["polls"].drop()
    db["polls"].create(POLL_COLUMNS, pk="code", not_null=set(POLL_COLUMNS) - {"code"}, if_not_exists=True)
    db["polls"].create_index(["expires"], if_not_exists=True)
    db["counts"].create(
        {"code": str, "statement": int, "answer": str, "count": int},
        pk=("code", "statement", "answer"),
        foreign_keys=[("code", "polls", "code")],
        not_null={"count"},
        if_not_exists=True,
    )


def _bits(statements):
    return frozenset(statement for statement in range(statements.bit_length()) if statements >> statement & 1)


class SQLitePollStore(PollStore):
    def __init__(
        self,
        path,
        *,
        clock=time.time,
        lifetime=LIFETIME_SECONDS,
        idle=IDLE_SECONDS,
        max_votes_per_second=MAX_VOTES_PER_SECOND,
        max_open_polls=MAX_OPEN_POLLS,
    ):
        self.path = Path(path)
        self.clock = clock
        self.lifetime = lifetime
        self.idle = idle
        self.max_votes_per_second = max_votes_per_second
        self.max_open_polls = max_open_polls
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sqlite.prepare(self.path, _make_tables)

    def _connect(self):
        return sqlite.connect(self.path)

    def _transaction(self):
        return sqlite.transaction(self.path)

    def _open_poll(self, db, code):
        cursor = db.execute("SELECT * FROM polls WHERE code = ? AND expires > ?", [code, self.clock()])
        row = cursor.fetchone()
        if row is None:
            raise PollGone(code)
        return dict(zip((column[0] for column in cursor.description), row, strict=True))

    def _controlled_poll(self, db, code, secret):
        poll = self._open_poll(db, code)
        if not isinstance(secret, str) or not hmac.compare_digest(poll["secret_hash"], hash_secret(secret)):
            raise WrongSecret(code)
        return poll

    def _change(self, db, poll, changes="", parameters=(), *, new_version=True):
        """Keep the poll alive for another idle period (never past its lifetime), with `changes` made."""
        expires = min(poll["created"] + self.lifetime, self.clock() + self.idle)
        version = ", version = version + 1" if new_version else ""
        db.execute(
            f"UPDATE polls SET expires = ?{version}{changes} WHERE code = ?",  # noqa: S608 - fixed texts only
            [expires, *parameters, poll["code"]],
        )

    def create(self, statements, class_size=DEFAULT_CLASS_SIZE):
        check_new_poll(statements, class_size)
        now = self.clock()
        secret = secrets.token_urlsafe(32)
        with self._transaction() as db:
            self._delete_expired(db, now)
            (open_polls,) = db.execute("SELECT count(*) FROM polls").fetchone()
            if open_polls >= self.max_open_polls:
                raise TooMany("polls")
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if db.execute("SELECT 1 FROM polls WHERE code = ?", [code]).fetchone() is None:
                    break
            db["polls"].insert(
                {
                    "code": code,
                    "secret_hash": hash_secret(secret),
                    "statement": 0,
                    "waiting": 0,
                    "statements": statements,
                    "class_size": class_size,
                    "shown": 0,
                    "resets": 0,
                    "version": 0,
                    "created": now,
                    "expires": min(now + self.lifetime, now + self.idle),
                    "window_second": 0,
                    "window_votes": 0,
                }
            )
        return self.get(code), secret

    def get(self, code):
        if sqlite.failing(self.path):
            # A write failed a moment ago: a page that offers a vote would promise what the store cannot keep.
            raise StoreDown(self.path)
        with self._connect() as db:
            poll = self._open_poll(db, code)
            counts = {}
            for statement, answer, count in db.execute(
                "SELECT statement, answer, count FROM counts WHERE code = ?", [code]
            ):
                counts.setdefault(statement, {})[answer] = count
        return Poll(
            code=poll["code"],
            statement=poll["statement"],
            waiting=bool(poll["waiting"]),
            statements=poll["statements"],
            class_size=poll["class_size"],
            shown=_bits(poll["shown"]),
            resets=poll["resets"],
            version=poll["version"],
            expires=poll["expires"],
            counts=counts,
        )

    def vote(self, code, statement, answer):
        check_answer(answer)
        second = int(self.clock())
        with self._transaction() as db:
            poll = self._open_poll(db, code)
            if poll["waiting"] or poll["statement"] != statement:
                raise StatementClosed(statement)
            if poll["shown"] >> statement & 1:
                raise ResultsShown(statement)
            votes_this_second = poll["window_votes"] if poll["window_second"] == second else 0
            if votes_this_second >= self.max_votes_per_second:
                raise TooMany("second")
            (votes,) = db.execute(
                "SELECT coalesce(sum(count), 0) FROM counts WHERE code = ? AND statement = ?", [code, statement]
            ).fetchone()
            if votes >= most_votes(poll["class_size"]):
                raise TooMany("statement")
            self._change(db, poll, ", window_second = ?, window_votes = ?", [second, votes_this_second + 1])
            db.execute(
                "INSERT INTO counts (code, statement, answer, count) VALUES (?, ?, ?, 1)"
                " ON CONFLICT (code, statement, answer) DO UPDATE SET count = count + 1",
                [code, statement, answer],
            )

    def refresh(self, code, secret):
        with self._transaction() as db:
            self._change(db, self._controlled_poll(db, code, secret), new_version=False)

    def reveal(self, code, secret):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            self._change(db, poll, ", shown = shown | ?", [1 << poll["statement"]])

    def reset(self, code, secret):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            self._change(db, poll, ", shown = shown & ~?, resets = resets + 1", [1 << poll["statement"]])
            db.execute("DELETE FROM counts WHERE code = ? AND statement = ?", [code, poll["statement"]])

    def go_to(self, code, secret, statement):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            if not 0 <= statement < poll["statements"]:
                raise StatementClosed(statement)
            changed = poll["waiting"] or statement != poll["statement"]
            # Another statement starts its own second of votes: a quick class is not refused for the one before.
            fresh = ", window_votes = 0" if statement != poll["statement"] else ""
            self._change(db, poll, f", statement = ?, waiting = 0{fresh}", [statement], new_version=changed)

    def reopen(self, code, secret):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            self._change(db, poll, ", waiting = 0", new_version=bool(poll["waiting"]))

    def wait(self, code, secret):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            self._change(db, poll, ", waiting = 1", new_version=not poll["waiting"])

    def end(self, code, secret):
        with self._transaction() as db:
            self._controlled_poll(db, code, secret)
            db.execute("DELETE FROM counts WHERE code = ?", [code])
            db.execute("DELETE FROM polls WHERE code = ?", [code])
        # The log still holds every vote's row with its time: empty it now. If a reader holds it (or the file
        # fails now, which the log says), the next sweep does; the poll has ended all the same.
        with contextlib.suppress(StoreDown):
            sqlite.wipe_journal(self.path)

    def purge_expired(self):
        with self._transaction() as db:
            return self._delete_expired(db, self.clock())

    def sweep(self):
        purged = self.purge_expired()
        sqlite.wipe_journal(self.path)
        return purged

    @staticmethod
    def _delete_expired(db, now):
        db.execute("DELETE FROM counts WHERE code IN (SELECT code FROM polls WHERE expires <= ?)", [now])
        return db.execute("DELETE FROM polls WHERE expires <= ?", [now]).rowcount
