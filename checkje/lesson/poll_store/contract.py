"""What lesson mode needs from wherever polls are kept: one interface, its errors and its limits.

A poll is a code, a hash of the teacher's secret, the open statement (or none: the class waits) and vote
counts. Nothing else. Limits count per poll, never per person. Every store passes the same contract suite
(tests/lesson/test_poll_store_contract.py).
"""

import abc
import hashlib
import re
from dataclasses import dataclass

# Raised by a shared store that cannot be reached; it lives in core, as the walkthroughs' counts raise it too.
from checkje.core.shared_store import StoreDown  # noqa: F401

# Easy to read from a projector and type on a phone: no 0/O, 1/I.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# A lesson is 50 minutes; a poll lives a school morning at most, then it is deleted.
LIFETIME_SECONDS = 4 * 3600
# A poll with no vote and no control for this long is over (the lesson ended without "stop").
IDLE_SECONDS = 20 * 60
# The teacher says how many pupils the class has, up to a large class. It is a guide, not a limit: a pupil
# who votes again from a second browser must not lock out an honest one, so a statement takes more votes,
# and the teacher's screen says when they pass the class size. Only a flood is refused (`most_votes`).
DEFAULT_CLASS_SIZE = 35
MAX_CLASS_SIZE = 100
# Against a script, not against pupils: a statement takes at most this many votes per pupil of the class.
VOTES_PER_PUPIL_AT_MOST = 3
MAX_VOTES_PER_SECOND = 50
# The revealed statements are kept as bits of one number.
MAX_STATEMENTS = 30
# Open polls at once: far more than classes running the lesson at the same moment, fewer than a script
# creating polls would need to fill the store. Idle polls leave after IDLE_SECONDS, so a flood
# of polls nobody uses blocks nobody for long. Measured in BENCHMARKS.md ("How many polls the store holds").
MAX_OPEN_POLLS = 20_000
# How often each server worker sweeps expired polls away (poll_store/sweep.py), so an expired poll leaves the
# disk within this time even when nobody uses lesson mode.
SWEEP_SECONDS = 30
# Answer ids come from content (agree, check, ...): short words, never free text.
ANSWER = re.compile(r"[a-z]{1,20}")


class PollGone(Exception):
    """No poll with this code: never made, ended or expired."""


class StatementClosed(Exception):
    """The vote is for a statement that is not open now, or the statement does not exist."""


class ResultsShown(Exception):
    """The teacher has shown this statement's results: its counts no longer change."""


class WrongSecret(Exception):
    """The teacher's secret does not fit this poll."""


class TooMany(Exception):
    """A limit: `limit` is "statement" (`most_votes`, far above the class size), "second" or "polls"."""

    def __init__(self, limit):
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class Poll:
    code: str
    statement: int  # the open statement, counted from 0 (while waiting: the last one the screen showed)
    waiting: bool  # the screen shows no statement: phones say "look at the screen" and take no vote
    statements: int  # how many statements the lesson has
    class_size: int  # how many pupils the class has: a guide, the screen says when votes pass it
    shown: frozenset  # the statements whose results the teacher has shown: they take no more votes
    resets: int  # how often the teacher reset a statement, so phones may vote on it again
    version: int  # goes up with every change: a refresh with the same version has nothing new
    expires: float
    counts: dict  # {statement: {answer: count}}

    @property
    def open_number(self):
        """What a pupil's phone shows, as a number: the open statement counted from 1, or 0 while it waits."""
        return 0 if self.waiting else self.statement + 1

    @property
    def revealed(self):
        """The open statement's results are shown."""
        return self.statement in self.shown

    def counts_of(self, statement):
        return self.counts.get(statement, {})

    def votes_on(self, statement):
        return sum(self.counts_of(statement).values())

    def over_class_size(self, statement):
        """More votes on this statement than the class has pupils: someone voted twice (the teacher is told)."""
        return self.votes_on(statement) > self.class_size


def most_votes(class_size):
    """The most votes a statement takes: abuse protection only, far above what an honest class casts."""
    return VOTES_PER_PUPIL_AT_MOST * class_size


def normalize_code(typed):
    """A code as typed on a phone (any case, spaces, dashes) in its stored form, or None if it cannot be one."""
    code = re.sub(r"[\s-]", "", typed or "").upper()
    if len(code) == CODE_LENGTH and all(letter in CODE_ALPHABET for letter in code):
        return code
    return None


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def check_new_poll(statements, class_size):
    if not 1 <= statements <= MAX_STATEMENTS:
        raise ValueError(f"a lesson has 1 to {MAX_STATEMENTS} statements, not {statements}")
    if not 1 <= class_size <= MAX_CLASS_SIZE:
        raise ValueError(f"a class has 1 to {MAX_CLASS_SIZE} pupils, not {class_size}")


def shown_times():
    """The two time limits as pages say them (content and interface words: {idle_minutes}, {lifetime_hours})."""
    return {"idle_minutes": IDLE_SECONDS // 60, "lifetime_hours": LIFETIME_SECONDS // 3600}


def check_answer(answer):
    if not isinstance(answer, str) or not ANSWER.fullmatch(answer):
        raise ValueError(f"not an answer id: {answer!r}")


class PollStore(abc.ABC):
    """Every vote or control keeps a poll IDLE_SECONDS longer, never past LIFETIME_SECONDS from its start."""

    @abc.abstractmethod
    def create(self, statements, class_size=DEFAULT_CLASS_SIZE):
        """Start a poll over `statements` statements, the first one open; return (Poll, secret).
        Raises TooMany("polls")."""

    @abc.abstractmethod
    def get(self, code):
        """The poll with this code. Raises PollGone."""

    @abc.abstractmethod
    def vote(self, code, statement, answer):
        """Count one vote. Raises PollGone, StatementClosed (also while the poll waits), ResultsShown, TooMany,
        ValueError (not an answer id).

        It returns only once the vote is kept: an app server killed after it loses no vote."""

    @abc.abstractmethod
    def refresh(self, code, secret):
        """The teacher looks again: check the secret and keep the poll alive. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def reveal(self, code, secret):
        """Show the open statement's results; from now on it takes no votes. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def reset(self, code, secret):
        """Delete the open statement's votes and hide its results, so the class votes on it again.
        Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def go_to(self, code, secret, statement):
        """Open a statement (also the one open last, after `wait`).
        Raises PollGone, WrongSecret, StatementClosed (no such statement)."""

    @abc.abstractmethod
    def reopen(self, code, secret):
        """Open again the statement open last (after `wait`), and keep the poll alive: the poll screen always
        shows a statement. A write, so it also tells a store that failed a moment ago that it works again.
        Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def wait(self, code, secret):
        """The screen shows no statement (a slide between statements): no statement is open until `go_to`.
        Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def end(self, code, secret):
        """Delete the poll and its counts now. Raises PollGone, WrongSecret."""

    @abc.abstractmethod
    def purge_expired(self):
        """Delete every expired poll; return how many."""

    def sweep(self):
        """Every SWEEP_SECONDS in each server worker: delete every expired poll, and anything of a deleted poll
        still kept elsewhere (a store's log); return how many polls."""
        return self.purge_expired()
