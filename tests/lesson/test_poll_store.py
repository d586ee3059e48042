"""The poll store: what it keeps, votes under concurrency, limits, expiry, and a database audit after a lesson."""

import threading

import pytest
import sqlite_utils

from checkje.lesson import poll_store as polls
from checkje.lesson.poll_store import PollGone, SQLitePollStore, StatementClosed, TooMany, WrongSecret


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now=1_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    return SQLitePollStore(tmp_path / "polls.db", clock=clock)


def test_a_new_poll_opens_its_first_statement_hidden(store):
    poll, secret = store.create(5)
    assert len(poll.code) == polls.CODE_LENGTH and set(poll.code) <= set(polls.CODE_ALPHABET)
    assert (poll.statement, poll.statements, poll.revealed, poll.counts) == (0, 5, False, {})
    assert len(secret) >= 40


def test_codes_differ_and_avoid_look_alike_characters(store):
    codes = {store.create(3)[0].code for _ in range(50)}
    assert len(codes) == 50
    assert not set("".join(codes)) & set("0O1I")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("kx4-t7p", "KX4T7P"), (" KX4 T7P ", "KX4T7P"), ("KX4T7", None), ("KX4T70", None), ("", None), (None, None)],
)
def test_typed_codes_are_normalized(typed, expected):
    assert polls.normalize_code(typed) == expected


def test_votes_are_counted_per_statement_and_answer(store):
    poll, secret = store.create(3)
    for answer in ("agree", "agree", "unsure"):
        store.vote(poll.code, 0, answer)
    store.go_to(poll.code, secret, 1)
    store.vote(poll.code, 1, "disagree")
    assert store.get(poll.code).counts == {0: {"agree": 2, "unsure": 1}, 1: {"disagree": 1}}


def test_a_vote_for_a_statement_that_is_not_open_is_refused(store):
    poll, secret = store.create(3)
    with pytest.raises(StatementClosed):
        store.vote(poll.code, 1, "agree")
    store.go_to(poll.code, secret, 1)
    with pytest.raises(StatementClosed):
        store.vote(poll.code, 0, "agree")
    assert store.get(poll.code).counts == {}


@pytest.mark.parametrize("answer", ["", "Agree", "agree; DROP TABLE polls", "a" * 21, None, 3])
def test_only_answer_ids_are_stored(store, answer):
    poll, _ = store.create(3)
    with pytest.raises(ValueError):
        store.vote(poll.code, 0, answer)


def test_the_teacher_controls_need_the_secret(store):
    poll, secret = store.create(3)
    for wrong in ("", "x" * 43, None, secret[:-1]):
        with pytest.raises(WrongSecret):
            store.reveal(poll.code, wrong)
        with pytest.raises(WrongSecret):
            store.go_to(poll.code, wrong, 1)
        with pytest.raises(WrongSecret):
            store.end(poll.code, wrong)
    assert store.get(poll.code) == poll


def test_reveal_then_moving_on_hides_the_results_again(store):
    poll, secret = store.create(3)
    store.reveal(poll.code, secret)
    assert store.get(poll.code).revealed
    store.go_to(poll.code, secret, 2)
    assert (store.get(poll.code).statement, store.get(poll.code).revealed) == (2, False)
    with pytest.raises(StatementClosed):
        store.go_to(poll.code, secret, 3)


def test_ending_deletes_the_poll_and_its_counts(store, tmp_path):
    poll, secret = store.create(3)
    store.vote(poll.code, 0, "agree")
    store.end(poll.code, secret)
    with pytest.raises(PollGone):
        store.get(poll.code)
    with pytest.raises(PollGone):
        store.vote(poll.code, 0, "agree")
    db = sqlite_utils.Database(tmp_path / "polls.db")
    assert db["polls"].count == db["counts"].count == 0


def test_polls_expire_and_are_purged(store, clock, tmp_path):
    old, _ = store.create(3)
    store.vote(old.code, 0, "agree")
    clock.now += polls.LIFETIME_SECONDS - 1
    young, _ = store.create(3)
    assert store.get(old.code).code == old.code
    clock.now += 1
    with pytest.raises(PollGone):
        store.get(old.code)
    with pytest.raises(PollGone):
        store.vote(old.code, 0, "agree")
    assert store.purge_expired() == 1
    db = sqlite_utils.Database(tmp_path / "polls.db")
    assert [row["code"] for row in db["polls"].rows] == [young.code]
    assert db["counts"].count == 0


def test_votes_per_second_are_limited_per_poll(tmp_path, clock):
    store = SQLitePollStore(tmp_path / "polls.db", clock=clock, max_votes_per_second=3)
    poll, _ = store.create(2)
    other, _ = store.create(2)
    for _ in range(3):
        store.vote(poll.code, 0, "agree")
    with pytest.raises(TooMany) as refused:
        store.vote(poll.code, 0, "agree")
    assert refused.value.limit == "second"
    store.vote(other.code, 0, "agree")  # another class is not held up
    clock.now += 1
    store.vote(poll.code, 0, "agree")
    assert store.get(poll.code).counts == {0: {"agree": 4}}


def test_votes_per_statement_are_limited(tmp_path, clock):
    store = SQLitePollStore(tmp_path / "polls.db", clock=clock, max_votes_per_statement=2, max_votes_per_second=100)
    poll, secret = store.create(2)
    store.vote(poll.code, 0, "agree")
    store.vote(poll.code, 0, "unsure")
    with pytest.raises(TooMany) as refused:
        store.vote(poll.code, 0, "agree")
    assert refused.value.limit == "statement"
    store.go_to(poll.code, secret, 1)
    store.vote(poll.code, 1, "agree")


def test_open_polls_are_limited(tmp_path, clock):
    store = SQLitePollStore(tmp_path / "polls.db", clock=clock, max_open_polls=2)
    store.create(1)
    store.create(1)
    with pytest.raises(TooMany) as refused:
        store.create(1)
    assert refused.value.limit == "polls"
    clock.now += polls.LIFETIME_SECONDS
    store.create(1)  # the old ones expired and were purged


def _vote_from_threads(store, code, answers, threads):
    errors = []

    def voter(share):
        for answer in share:
            try:
                store.vote(code, 0, answer)
            except Exception as error:  # noqa: BLE001 - the tests below look at every error
                errors.append(error)

    workers = [threading.Thread(target=voter, args=(answers[index::threads],)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return errors


def test_500_votes_from_20_threads_all_land_exactly(tmp_path):
    store = SQLitePollStore(tmp_path / "polls.db", max_votes_per_statement=1000, max_votes_per_second=1000)
    poll, _ = store.create(1)
    answers = ["agree"] * 250 + ["disagree"] * 150 + ["unsure"] * 100
    assert _vote_from_threads(store, poll.code, answers, threads=20) == []
    assert store.get(poll.code).counts == {0: {"agree": 250, "disagree": 150, "unsure": 100}}


def test_the_statement_limit_holds_under_concurrency(tmp_path):
    store = SQLitePollStore(tmp_path / "polls.db", max_votes_per_statement=200, max_votes_per_second=1000)
    poll, _ = store.create(1)
    errors = _vote_from_threads(store, poll.code, ["agree"] * 300, threads=20)
    assert sum(store.get(poll.code).counts[0].values()) == 200
    assert len(errors) == 100 and all(isinstance(error, TooMany) for error in errors)


def test_the_database_uses_wal(store, tmp_path):
    db = sqlite_utils.Database(tmp_path / "polls.db")
    assert db.journal_mode == "wal"


def test_after_a_full_lesson_the_database_holds_only_codes_counts_and_timestamps(store, tmp_path):
    """Every table and column, and every value in them: nothing about any pupil or teacher."""
    poll, secret = store.create(6)
    for statement in range(6):
        store.go_to(poll.code, secret, statement)
        for answer in ("agree", "disagree", "unsure", "agree"):
            store.vote(poll.code, statement, answer)
        store.reveal(poll.code, secret)
    db = sqlite_utils.Database(tmp_path / "polls.db")
    assert {table.name: set(table.columns_dict) for table in db.tables} == {
        "polls": {
            "code",
            "secret_hash",
            "statement",
            "statements",
            "revealed",
            "created",
            "expires",
            "window_second",
            "window_votes",
        },
        "counts": {"code", "statement", "answer", "count"},
    }
    (row,) = db["polls"].rows
    assert row["code"] == poll.code
    assert row["secret_hash"] != secret and secret not in row["secret_hash"] and len(row["secret_hash"]) == 64
    assert all(
        isinstance(row[name], int) for name in ("statement", "statements", "revealed", "window_second", "window_votes")
    )
    assert all(isinstance(row[name], float) for name in ("created", "expires"))
    for count in db["counts"].rows:
        assert count["code"] == poll.code and count["answer"] in {"agree", "disagree", "unsure"}
        assert isinstance(count["statement"], int) and isinstance(count["count"], int)
    assert db.views == [] and not [
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    ]
    store.end(poll.code, secret)
    assert db["polls"].count == db["counts"].count == 0
