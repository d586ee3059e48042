"""Anonymous class polls: the store contract (contract.py) and the stores that keep it (sqlite.py)."""

from checkje.lesson.poll_store.contract import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_CLASS_SIZE,
    IDLE_SECONDS,
    LIFETIME_SECONDS,
    MAX_CLASS_SIZE,
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
    normalize_code,
)
from checkje.lesson.poll_store.sqlite import SQLitePollStore

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DEFAULT_CLASS_SIZE",
    "IDLE_SECONDS",
    "LIFETIME_SECONDS",
    "MAX_CLASS_SIZE",
    "MAX_OPEN_POLLS",
    "MAX_VOTES_PER_SECOND",
    "Poll",
    "PollGone",
    "PollStore",
    "ResultsShown",
    "SQLitePollStore",
    "StatementClosed",
    "StoreDown",
    "TooMany",
    "WrongSecret",
    "normalize_code",
]
