"""The poll store contract: every store (tests/lesson/stores.py) keeps polls the same way.

What a poll keeps, limits (class size, per second, open polls), the freeze after the reveal,
resets, expiry by lifetime and by idleness (on the store's injected clock), and votes under concurrency.
"""

import functools

import pytest

from checkje.lesson import poll_store as polls
from checkje.lesson.poll_store import PollGone, ResultsShown, StatementClosed, TooMany, WrongSecret
from tests.helpers import all_at_once


def test_a_new_poll_opens_its_first_statement_hidden(store):
    poll, secret = store.create(5, class_size=28)
    assert len(poll.code) == polls.CODE_LENGTH and set(poll.code) <= set(polls.CODE_ALPHABET)
    assert (poll.statement, poll.statements, poll.class_size, poll.revealed, poll.counts) == (0, 5, 28, False, {})
    assert poll.shown == frozenset() and poll.resets == 0 and not poll.waiting and poll.open_number == 1
    assert len(secret) >= 40


def test_while_the_screen_shows_no_statement_the_class_waits(store):
    """Issue 29: phones wait for the teacher to open a statement; a vote in between is refused, not counted."""
    poll, secret = store.create(3)
    store.vote(poll.code, 0, "agree")
    store.wait(poll.code, secret)
    waiting = store.get(poll.code)
    assert (waiting.waiting, waiting.open_number, waiting.statement) == (True, 0, 0)
    with pytest.raises(StatementClosed):
        store.vote(poll.code, 0, "agree")
    store.reopen(poll.code, secret)
    store.vote(poll.code, 0, "agree")
    assert (store.get(poll.code).open_number, store.get(poll.code).counts_of(0)) == (1, {"agree": 2})
    store.wait(poll.code, secret)
    store.go_to(poll.code, secret, 1)
    assert (store.get(poll.code).open_number, store.get(poll.code).waiting) == (2, False)
    with pytest.raises(WrongSecret):
        store.wait(poll.code, "not-the-secret")


def test_the_class_size_is_35_unless_the_teacher_says_otherwise(store):
    assert store.create(3)[0].class_size == polls.DEFAULT_CLASS_SIZE == 35


@pytest.mark.parametrize("class_size", [0, -1, polls.MAX_CLASS_SIZE + 1])
def test_a_class_size_outside_1_to_100_is_refused(store, class_size):
    with pytest.raises(ValueError):
        store.create(3, class_size=class_size)


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
        for control in (store.reveal, store.reset, store.end, store.refresh):
            with pytest.raises(WrongSecret):
                control(poll.code, wrong)
        with pytest.raises(WrongSecret):
            store.go_to(poll.code, wrong, 1)
    assert store.get(poll.code) == poll


def test_after_the_reveal_the_counts_never_change(store):
    poll, secret = store.create(3)
    store.vote(poll.code, 0, "agree")
    store.reveal(poll.code, secret)
    shown = store.get(poll.code)
    assert shown.revealed and shown.shown == {0}
    with pytest.raises(ResultsShown):
        store.vote(poll.code, 0, "disagree")
    store.go_to(poll.code, secret, 1)
    store.go_to(poll.code, secret, 0)
    with pytest.raises(ResultsShown):
        store.vote(poll.code, 0, "disagree")
    back = store.get(poll.code)
    assert back.revealed and back.counts == {0: {"agree": 1}}


def test_the_next_statement_opens_hidden(store):
    poll, secret = store.create(3)
    store.reveal(poll.code, secret)
    store.go_to(poll.code, secret, 2)
    assert (store.get(poll.code).statement, store.get(poll.code).revealed) == (2, False)
    store.vote(poll.code, 2, "agree")
    with pytest.raises(StatementClosed):
        store.go_to(poll.code, secret, 3)


def test_a_reset_deletes_the_open_statements_votes_and_hides_it_again(store):
    poll, secret = store.create(3, class_size=2)
    store.vote(poll.code, 0, "agree")
    store.vote(poll.code, 0, "agree")
    store.reveal(poll.code, secret)
    store.go_to(poll.code, secret, 1)
    store.vote(poll.code, 1, "unsure")
    store.go_to(poll.code, secret, 0)
    store.reset(poll.code, secret)
    reset = store.get(poll.code)
    assert (reset.revealed, reset.resets, reset.counts) == (False, 1, {1: {"unsure": 1}})
    store.vote(poll.code, 0, "disagree")
    store.vote(poll.code, 0, "disagree")
    assert store.get(poll.code).counts_of(0) == {"disagree": 2}


def test_every_change_raises_the_version_and_a_look_does_not(store):
    poll, secret = store.create(3)
    versions = [poll.version]
    for change in (
        lambda: store.vote(poll.code, 0, "agree"),
        lambda: store.reveal(poll.code, secret),
        lambda: store.go_to(poll.code, secret, 1),
        lambda: store.vote(poll.code, 1, "agree"),
        lambda: store.reset(poll.code, secret),
        lambda: store.wait(poll.code, secret),
        lambda: store.go_to(poll.code, secret, 1),
    ):
        change()
        versions.append(store.get(poll.code).version)
    assert versions == sorted(set(versions)), versions
    store.refresh(poll.code, secret)
    store.go_to(poll.code, secret, 1)
    assert store.get(poll.code).version == versions[-1], "opening the open statement again changes nothing"


def test_ending_deletes_the_poll_and_its_counts(store):
    poll, secret = store.create(3)
    store.vote(poll.code, 0, "agree")
    store.end(poll.code, secret)
    with pytest.raises(PollGone):
        store.get(poll.code)
    with pytest.raises(PollGone):
        store.vote(poll.code, 0, "agree")
    with pytest.raises(PollGone):
        store.refresh(poll.code, secret)


def test_a_busy_poll_ends_after_its_lifetime(store, clock):
    poll, secret = store.create(3)
    for _ in range(polls.LIFETIME_SECONDS // 600 - 1):
        clock.now += 600
        store.refresh(poll.code, secret)
    clock.now += 599
    assert store.get(poll.code).code == poll.code
    clock.now += 1
    with pytest.raises(PollGone):
        store.get(poll.code)
    with pytest.raises(PollGone):
        store.vote(poll.code, 0, "agree")


def test_a_poll_nobody_uses_for_20_minutes_ends(store, clock):
    idle, _ = store.create(3)
    used, secret = store.create(3)
    clock.now += polls.IDLE_SECONDS - 1
    store.vote(used.code, 0, "agree")
    assert store.get(idle.code).code == idle.code, "looking is not using: the poll still ends on time"
    clock.now += 1
    with pytest.raises(PollGone):
        store.get(idle.code)
    clock.now += polls.IDLE_SECONDS - 2
    store.refresh(used.code, secret)
    clock.now += polls.IDLE_SECONDS - 1
    assert store.get(used.code).counts == {0: {"agree": 1}}


def test_expired_polls_are_purged(store, clock):
    old, _ = store.create(3)
    store.vote(old.code, 0, "agree")
    clock.now += polls.IDLE_SECONDS - 1
    young, _ = store.create(3)
    clock.now += 1
    assert store.purge_expired() == 1
    assert store.get(young.code).code == young.code
    assert store.purge_expired() == 0


def test_votes_per_second_are_limited_per_poll(make_store, clock):
    store = make_store(max_votes_per_second=3)
    poll, secret = store.create(2)
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
    # A statement the teacher opens starts its own second: a quick class is not refused for the one before.
    for _ in range(2):
        store.vote(poll.code, 0, "agree")
    store.go_to(poll.code, secret, 1)
    for _ in range(3):
        store.vote(poll.code, 1, "agree")
    assert store.get(poll.code).counts == {0: {"agree": 6}, 1: {"agree": 3}}


def test_the_class_size_is_a_guide_and_only_a_flood_is_refused(store):
    """Issue 29: one pupil voting twice from a second browser never locks out an honest one."""
    poll, secret = store.create(2, class_size=2)
    for answer in ("agree", "unsure", "agree"):
        store.vote(poll.code, 0, answer)
    over = store.get(poll.code)
    assert over.counts == {0: {"agree": 2, "unsure": 1}} and over.over_class_size(0) and not over.over_class_size(1)
    assert polls.most_votes(2) == 3 * 2
    for _ in range(polls.most_votes(2) - 3):
        store.vote(poll.code, 0, "disagree")
    with pytest.raises(TooMany) as refused:
        store.vote(poll.code, 0, "agree")
    assert refused.value.limit == "statement"
    store.go_to(poll.code, secret, 1)
    store.vote(poll.code, 1, "agree")
    assert store.get(poll.code).counts == {0: {"agree": 2, "unsure": 1, "disagree": 3}, 1: {"agree": 1}}


def test_open_polls_are_limited_and_idle_ones_stop_counting(make_store, clock):
    store = make_store(max_open_polls=2)
    store.create(1)
    store.create(1)
    with pytest.raises(TooMany) as refused:
        store.create(1)
    assert refused.value.limit == "polls"
    clock.now += polls.IDLE_SECONDS
    store.create(1)  # the idle ones expired and count no more


def _vote_from_threads(store, code, answers, threads):
    errors = []

    def voter(share):
        for answer in share:
            try:
                store.vote(code, 0, answer)
            except Exception as error:  # noqa: BLE001 - the tests below look at every error
                errors.append(error)

    all_at_once(*(functools.partial(voter, answers[index::threads]) for index in range(threads)))
    return errors


def test_votes_from_20_threads_all_land_exactly(make_store):
    store = make_store(max_votes_per_second=1000)
    poll, _ = store.create(1, class_size=100)
    answers = ["agree"] * 50 + ["disagree"] * 30 + ["unsure"] * 20
    assert _vote_from_threads(store, poll.code, answers, threads=20) == []
    assert store.get(poll.code).counts == {0: {"agree": 50, "disagree": 30, "unsure": 20}}


def test_the_most_votes_hold_under_concurrency(make_store):
    store = make_store(max_votes_per_second=1000)
    poll, _ = store.create(1, class_size=10)
    errors = _vote_from_threads(store, poll.code, ["agree"] * 50, threads=20)
    assert store.get(poll.code).votes_on(0) == polls.most_votes(10) == 30
    assert len(errors) == 20 and all(isinstance(error, TooMany) for error in errors)


def test_the_open_polls_limit_holds_under_concurrency(make_store):
    store = make_store(max_open_polls=10)
    made, refused = [], []

    def teacher():
        for _ in range(3):
            try:
                made.append(store.create(1))
            except TooMany:
                refused.append(1)

    all_at_once(*[teacher] * 8)
    assert (len(made), len(refused)) == (10, 14)
