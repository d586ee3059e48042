"""What only the SQLite poll store promises: WAL, and a database that holds nothing about anyone."""

import sqlite_utils

from checkje.lesson.poll_store import SQLitePollStore
from tests.lesson.stores import KEPT_PER_POLL


def test_the_database_uses_wal(tmp_path):
    SQLitePollStore(tmp_path / "polls.db")
    assert sqlite_utils.Database(tmp_path / "polls.db").journal_mode == "wal"


def test_polls_of_an_older_shape_end_when_the_store_starts(tmp_path):
    old = sqlite_utils.Database(tmp_path / "polls.db")
    old["polls"].insert({"code": "KX4T7P", "revealed": 0}, pk="code")
    old["counts"].insert({"code": "KX4T7P", "statement": 0, "answer": "agree", "count": 3})
    store = SQLitePollStore(tmp_path / "polls.db")
    assert old["polls"].count == old["counts"].count == 0
    store.create(3)


def test_after_a_full_lesson_the_database_holds_only_codes_counts_and_timestamps(tmp_path):
    """Every table and column, and every value in them: nothing about any pupil or teacher."""
    store = SQLitePollStore(tmp_path / "polls.db")
    poll, secret = store.create(6)
    for statement in range(6):
        store.go_to(poll.code, secret, statement)
        for answer in ("agree", "disagree", "unsure", "agree"):
            store.vote(poll.code, statement, answer)
        store.reveal(poll.code, secret)
    store.reset(poll.code, secret)
    db = sqlite_utils.Database(tmp_path / "polls.db")
    assert {table.name: set(table.columns_dict) for table in db.tables} == {
        "polls": KEPT_PER_POLL | {"code"},
        "counts": {"code", "statement", "answer", "count"},
    }
    (row,) = db["polls"].rows
    assert row["code"] == poll.code
    assert row["secret_hash"] != secret and secret not in row["secret_hash"] and len(row["secret_hash"]) == 64
    numbers = ("statement", "statements", "class_size", "shown", "resets", "version", "window_second", "window_votes")
    assert all(isinstance(row[name], int) for name in numbers)
    assert all(isinstance(row[name], float) for name in ("created", "expires"))
    for count in db["counts"].rows:
        assert count["code"] == poll.code and count["answer"] in {"agree", "disagree", "unsure"}
        assert isinstance(count["statement"], int) and isinstance(count["count"], int)
    assert db.views == [] and not [
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    ]
    store.end(poll.code, secret)
    assert db["polls"].count == db["counts"].count == 0
