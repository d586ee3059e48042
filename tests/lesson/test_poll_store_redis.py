"""What only the Redis poll store promises: every key expires with its poll, nothing personal in any
key or value, and two app servers on one Redis share every poll."""

import pytest
import redis

from app import create_app
from checkje.lesson import poll_store as polls
from checkje.lesson.poll_store.redis import RedisPollStore
from tests.conftest import TEST_CONFIG
from tests.helpers import parse
from tests.lesson.stores import KEPT_PER_POLL


def a_full_lesson(store):
    poll, secret = store.create(6)
    for statement in range(6):
        store.go_to(poll.code, secret, statement)
        for answer in ("agree", "disagree", "unsure", "agree"):
            store.vote(poll.code, statement, answer)
        store.reveal(poll.code, secret)
    store.reset(poll.code, secret)
    return poll, secret


def test_every_key_has_a_time_to_live_no_longer_than_the_poll(redis_client, clock):
    store = RedisPollStore(redis_client, clock=clock)
    a_full_lesson(store)
    keys = redis_client.keys("*")
    assert len(keys) == 3
    for key in keys:
        assert 0 < redis_client.pttl(key) <= polls.LIFETIME_SECONDS * 1000, key
    poll_ttls = [redis_client.pttl(key) for key in keys if key.startswith("checkje:poll:")]
    assert all(ttl <= polls.IDLE_SECONDS * 1000 for ttl in poll_ttls)


def test_keys_and_values_hold_only_codes_counts_and_timestamps(redis_client, clock):
    store = RedisPollStore(redis_client, clock=clock)
    poll, secret = a_full_lesson(store)
    assert set(redis_client.keys("*")) == {
        f"checkje:poll:{poll.code}",
        f"checkje:poll:{poll.code}:counts",
        "checkje:polls",
    }
    kept = redis_client.hgetall(f"checkje:poll:{poll.code}")
    assert set(kept) == KEPT_PER_POLL
    assert kept["secret_hash"] == polls.contract.hash_secret(secret) and secret not in str(kept)
    assert all(float(value) >= 0 for name, value in kept.items() if name != "secret_hash")
    for field, count in redis_client.hgetall(f"checkje:poll:{poll.code}:counts").items():
        statement, answer = field.split(":")
        assert int(statement) in range(6) and answer in {"agree", "disagree", "unsure"} and int(count) > 0
    assert redis_client.zrange("checkje:polls", 0, -1) == [poll.code]
    store.end(poll.code, secret)
    assert redis_client.keys("*") == [], "an empty set of open polls is no key at all"


def test_two_app_servers_share_every_poll(redis_client, redis_server, clock):
    other_client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    here, there = RedisPollStore(redis_client, clock=clock), RedisPollStore(other_client, clock=clock)
    poll, secret = here.create(3, class_size=1)  # at most 3 votes a statement
    there.vote(poll.code, 0, "agree")
    here.vote(poll.code, 0, "agree")
    there.vote(poll.code, 0, "unsure")
    with pytest.raises(polls.TooMany):
        here.vote(poll.code, 0, "agree")
    there.reveal(poll.code, secret)
    with pytest.raises(polls.ResultsShown):
        here.vote(poll.code, 0, "agree")
    assert here.get(poll.code) == there.get(poll.code)
    assert here.get(poll.code).counts == {0: {"agree": 2, "unsure": 1}}
    other_client.close()


def test_polls_url_puts_the_polls_and_the_walkthrough_counts_in_redis(redis_client, redis_server, tmp_path):
    app = create_app({**TEST_CONFIG, "POLLS_URL": redis_server.url, "POLLS_DB": str(tmp_path / "unused.db")})
    assert type(app.extensions["checkje.polls"]).__name__ == "RedisPollStore"
    assert type(app.extensions["checkje.screen_reports"]).__name__ == "RedisReportStore"
    code = parse(app.test_client().post("/nl/les/peiling")).select_one(".poll-code").get_text()
    assert redis_client.exists(f"checkje:poll:{code}")
    assert not (tmp_path / "unused.db").exists()


def test_without_polls_url_sqlite_stays_the_default(tmp_path):
    app = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")})
    assert type(app.extensions["checkje.polls"]).__name__ == "SQLitePollStore"
    assert type(app.extensions["checkje.screen_reports"]).__name__ == "SQLiteReportStore"
