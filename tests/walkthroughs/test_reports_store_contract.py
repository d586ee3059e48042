"""The "looks different" store contract, on SQLite and on Redis: day buckets that expire, and a flood
limit per step and day that holds under concurrency."""

import functools

import pytest

from checkje.walkthroughs.reports_store import KEEP_DAYS, FloodLimit, SQLiteReportStore
from checkje.walkthroughs.shapes import PHONES
from tests.helpers import Clock, all_at_once
from tests.walkthroughs.test_looks_different import DAY, NOON


@pytest.fixture
def clock():
    return Clock(NOON)


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path, clock):
    if request.param == "sqlite":
        return functools.partial(SQLiteReportStore, tmp_path / "polls.db", PHONES, clock=clock)
    from checkje.walkthroughs.reports_redis import RedisReportStore  # noqa: PLC0415 - skipped without redis-server

    return functools.partial(RedisReportStore, request.getfixturevalue("redis_client"), PHONES, clock=clock)


def test_counts_expire_after_180_days(make_store, clock):
    store = make_store()
    store.add("instagram", "restrict", "iphone")
    clock.now += DAY
    store.add("instagram", "restrict", "iphone")
    clock.now += (KEEP_DAYS - 2) * DAY
    assert store.totals() == {("instagram", "restrict"): {"iphone": 2}}, "179 days old: still kept"
    clock.now += DAY
    assert store.totals() == {("instagram", "restrict"): {"iphone": 1}}, "180 days old: gone from the totals"
    assert store.purge_expired() == 1
    clock.now += DAY
    assert store.purge_expired() == 1 and store.totals() == {}


def test_the_flood_limit_holds_per_step_and_day(make_store, clock):
    store = make_store(max_per_step_per_day=3)
    for phone in ("iphone", "android", "unknown"):
        store.add("instagram", "restrict", phone)
    with pytest.raises(FloodLimit):
        store.add("instagram", "restrict", "iphone")
    store.add("instagram", "messages", "iphone")
    assert store.totals()[("instagram", "restrict")] == {"iphone": 1, "android": 1, "unknown": 1}
    clock.now += DAY
    store.add("instagram", "restrict", "iphone")
    assert store.totals()[("instagram", "restrict")]["iphone"] == 2, "a new day counts again"


def test_the_flood_limit_holds_under_concurrency(make_store):
    store = make_store(max_per_step_per_day=40)
    refused = []

    def youth():
        for _ in range(10):
            try:
                store.add("tiktok", "private", "android")
            except FloodLimit:
                refused.append(1)

    all_at_once(*[youth] * 10)
    assert store.totals() == {("tiktok", "private"): {"android": 40}} and len(refused) == 60


@pytest.mark.parametrize(
    ("app_name", "step", "phone"),
    [("Instagram", "restrict", "iphone"), ("instagram", "a b", "iphone"), ("instagram", "restrict", "nokia")],
)
def test_the_store_takes_ids_only(make_store, app_name, step, phone):
    with pytest.raises(ValueError):
        make_store().add(app_name, step, phone)
