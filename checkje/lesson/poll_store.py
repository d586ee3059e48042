"""Anonymous class polls: a code, a secret for the teacher, the open statement and vote counts. Nothing else.

`PollStore` is what the views need. `SQLitePollStore` keeps polls in one SQLite
file through sqlite-utils, which is enough for one app server; several servers
sharing polls would need another store with the same methods. Votes are
counted with `count = count + 1` inside `BEGIN IMMEDIATE` transactions on a WAL
database, so votes arriving at the same moment are all counted, once.

Rate limits need no personal data: they count per poll, never per person.
"""

import abc
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from checkje.core import sqlite

# Easy to read from a projector and type on a phone: no 0/O, 1/I.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# A lesson is 50 minutes; a poll lives a school morning, then it is deleted.
LIFETIME_SECONDS = 4 * 3600
# Class-sized limits, per poll: enough for a class of 35 voting at once, not for a flood.
MAX_VOTES_PER_STATEMENT = 200
MAX_VOTES_PER_SECOND = 50
# Open polls at once on this server: enough for every school, not for a script creating them.
MAX_OPEN_POLLS = 2000
# Answer ids come from content (agree, check, ...): short words, never free text.
_ANSWER = re.compile(r"[a-z]{1,20}")


class PollGone(Exception):
    """No poll with this code: never made, ended or expired."""


class StatementClosed(Exception):
    """The vote is for a statement that is not open now."""


class WrongSecret(Exception):
    """The teacher's secret does not fit this poll."""


class TooMany(Exception):
    """A rate limit: `limit` is "statement", "second" or "polls"."""

    def __init__(self, limit):
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class Poll:
    code: str
    statement: int  # the open statement, counted from 0
    statements: int  # how many statements the lesson has
    revealed: bool  # the teacher has shown the results of the open statement
    expires: float
    counts: dict  # {statement: {answer: count}}

    def counts_of(self, statement):
        return self.counts.get(statement, {})


def normalize_code(typed):
    """A code as typed on a phone (any case, spaces, dashes) in its stored form, or None if it cannot be one."""
    code = re.sub(r"[\s-]", "", typed or "").upper()
    if len(code) == CODE_LENGTH and all(letter in CODE_ALPHABET for letter in code):
        return code
    return None


def _hash(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class PollStore(abc.ABC):
    """What lesson mode needs from wherever polls are kept."""

    @abc.abstractmethod
    def create(self, statements):
        """Start a poll over `statements` statements; return (Poll, secret). Raises TooMany("polls")."""

    @abc.abstractmethod
    def get(self, code):
        """The poll with this code. Raises PollGone."""

    @abc.abstractmethod
    def vote(self, code, statement, answer):
        """Count one vote. Raises PollGone, StatementClosed, TooMany, ValueError (not an answer id)."""

    @abc.abstractmethod
    def check_secret(self, code, secret):
        """Return quietly if `secret` controls this poll. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def reveal(self, code, secret):
        """Show the open statement's results. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def go_to(self, code, secret, statement):
        """Open another statement, results hidden. Raises PollGone, WrongSecret, StatementClosed (no such statement)."""

    @abc.abstractmethod
    def end(self, code, secret):
        """Delete the poll and its counts now. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def purge_expired(self):
        """Delete every expired poll; return how many."""


class SQLitePollStore(PollStore):
    def __init__(
        self,
        path,
        *,
        clock=time.time,
        lifetime=LIFETIME_SECONDS,
        max_votes_per_statement=MAX_VOTES_PER_STATEMENT,
        max_votes_per_second=MAX_VOTES_PER_SECOND,
        max_open_polls=MAX_OPEN_POLLS,
    ):
        self.path = Path(path)
        self.clock = clock
        self.lifetime = lifetime
        self.max_votes_per_statement = max_votes_per_statement
        self.max_votes_per_second = max_votes_per_second
        self.max_open_polls = max_open_polls
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.enable_wal()
            db["polls"].create(
                {
                    "code": str,
                    "secret_hash": str,
                    "statement": int,
                    "statements": int,
                    "revealed": int,
                    "created": float,
                    "expires": float,
                    # The per-second rate limit: which second, and how many votes in it.
                    "window_second": int,
                    "window_votes": int,
                },
                pk="code",
                not_null={
                    "secret_hash",
                    "statement",
                    "statements",
                    "revealed",
                    "created",
                    "expires",
                    "window_second",
                    "window_votes",
                },
                if_not_exists=True,
            )
            db["polls"].create_index(["expires"], if_not_exists=True)
            db["counts"].create(
                {"code": str, "statement": int, "answer": str, "count": int},
                pk=("code", "statement", "answer"),
                foreign_keys=[("code", "polls", "code")],
                not_null={"count"},
                if_not_exists=True,
            )

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
        if not isinstance(secret, str) or not hmac.compare_digest(poll["secret_hash"], _hash(secret)):
            raise WrongSecret(code)
        return poll

    def create(self, statements):
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
            db.execute(
                "INSERT INTO polls (code, secret_hash, statement, statements, revealed, created, expires,"
                " window_second, window_votes)"
                " VALUES (?, ?, 0, ?, 0, ?, ?, 0, 0)",
                [code, _hash(secret), statements, now, now + self.lifetime],
            )
        return self.get(code), secret

    def get(self, code):
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
            statements=poll["statements"],
            revealed=bool(poll["revealed"]),
            expires=poll["expires"],
            counts=counts,
        )

    def vote(self, code, statement, answer):
        if not isinstance(answer, str) or not _ANSWER.fullmatch(answer):
            raise ValueError(f"not an answer id: {answer!r}")
        now = self.clock()
        second = int(now)
        with self._transaction() as db:
            poll = self._open_poll(db, code)
            if poll["statement"] != statement:
                raise StatementClosed(statement)
            votes_this_second = poll["window_votes"] if poll["window_second"] == second else 0
            if votes_this_second >= self.max_votes_per_second:
                raise TooMany("second")
            (votes,) = db.execute(
                "SELECT coalesce(sum(count), 0) FROM counts WHERE code = ? AND statement = ?", [code, statement]
            ).fetchone()
            if votes >= self.max_votes_per_statement:
                raise TooMany("statement")
            db.execute(
                "UPDATE polls SET window_second = ?, window_votes = ? WHERE code = ?",
                [second, votes_this_second + 1, code],
            )
            db.execute(
                "INSERT INTO counts (code, statement, answer, count) VALUES (?, ?, ?, 1)"
                " ON CONFLICT (code, statement, answer) DO UPDATE SET count = count + 1",
                [code, statement, answer],
            )

    def check_secret(self, code, secret):
        with self._connect() as db:
            self._controlled_poll(db, code, secret)

    def reveal(self, code, secret):
        with self._transaction() as db:
            self._controlled_poll(db, code, secret)
            db.execute("UPDATE polls SET revealed = 1 WHERE code = ?", [code])

    def go_to(self, code, secret, statement):
        with self._transaction() as db:
            poll = self._controlled_poll(db, code, secret)
            if not 0 <= statement < poll["statements"]:
                raise StatementClosed(statement)
            if statement != poll["statement"]:
                db.execute("UPDATE polls SET statement = ?, revealed = 0 WHERE code = ?", [statement, code])

    def end(self, code, secret):
        with self._transaction() as db:
            self._controlled_poll(db, code, secret)
            db.execute("DELETE FROM counts WHERE code = ?", [code])
            db.execute("DELETE FROM polls WHERE code = ?", [code])

    def purge_expired(self):
        with self._transaction() as db:
            return self._delete_expired(db, self.clock())

    @staticmethod
    def _delete_expired(db, now):
        db.execute("DELETE FROM counts WHERE code IN (SELECT code FROM polls WHERE expires <= ?)", [now])
        return db.execute("DELETE FROM polls WHERE expires <= ?", [now]).rowcount
