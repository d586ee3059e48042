"""The "looks different" counts in Redis, shared by every app server (POLLS_URL=redis://...).

One hash per day, "<app>/<step>/<phone>" -> count, and one per day with each step's total for the
flood limit. Both expire when the day is KEEP_DAYS old, so no count outlives its time even if
nobody purges. Counting is one Lua script: the flood limit holds across servers.
"""

import datetime
import time

from checkje.core.shared_store import KEY_PREFIX, StoreDown
from checkje.walkthroughs.reports_store import (
    KEEP_DAYS,
    MAX_REPORTS_PER_STEP_PER_DAY,
    UNKNOWN_PHONE,
    FloodLimit,
    ReportStore,
    check_report,
    day_of,
)

# KEYS: the day's counts, the day's totals per step. ARGV: step, step/phone, limit, time to live (ms).
_ADD = """
if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') >= tonumber(ARGV[3]) then return 'flood' end
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 'ok'
"""


class RedisReportStore(ReportStore):
    def __init__(
        self,
        client,
        phones,
        *,
        prefix=KEY_PREFIX,
        clock=time.time,
        keep_days=KEEP_DAYS,
        max_per_step_per_day=MAX_REPORTS_PER_STEP_PER_DAY,
    ):
        import redis  # noqa: PLC0415 - only deployments with POLLS_URL need the package

        self.redis = client
        self.phones = (*phones, UNKNOWN_PHONE)
        self.prefix = f"{prefix}reports:"
        self.clock = clock
        self.keep_days = keep_days
        self.max_per_step_per_day = max_per_step_per_day
        self._add = client.register_script(_ADD)
        self._down = (redis.ConnectionError, redis.TimeoutError)

    def _kept_days(self):
        today = day_of(self.clock())
        return [today - datetime.timedelta(days=back) for back in range(self.keep_days)]

    def _ask(self, work):
        try:
            return work()
        except self._down as down:
            raise StoreDown from down

    def add(self, app, step, phone):
        check_report(app, step, phone, self.phones)
        today = day_of(self.clock())
        gone = datetime.datetime.combine(today + datetime.timedelta(days=self.keep_days), datetime.time(), datetime.UTC)
        ttl_ms = max(1, int((gone.timestamp() - self.clock()) * 1000))
        keys = [f"{self.prefix}{today.isoformat()}", f"{self.prefix}{today.isoformat()}:steps"]
        answer = self._ask(
            lambda: self._add(
                keys=keys, args=[f"{app}/{step}", f"{app}/{step}/{phone}", self.max_per_step_per_day, ttl_ms]
            )
        )
        if answer == "flood":
            raise FloodLimit(f"{app}/{step}")

    def totals(self):
        def read():
            with self.redis.pipeline(transaction=False) as days:
                for day in self._kept_days():
                    days.hgetall(f"{self.prefix}{day.isoformat()}")
                return days.execute()

        totals = {}
        for counts in self._ask(read):
            for field, count in counts.items():
                app, step, phone = field.split("/")
                by_phone = totals.setdefault((app, step), {})
                by_phone[phone] = by_phone.get(phone, 0) + int(count)
        return totals

    def purge_expired(self):
        first_kept = self._kept_days()[-1].isoformat()

        def purge():
            rows = 0
            for key in self.redis.scan_iter(match=f"{self.prefix}*", count=500):
                day = key.removeprefix(self.prefix).split(":")[0]
                if day < first_kept:
                    rows += 0 if key.endswith(":steps") else self.redis.hlen(key)
                    self.redis.delete(key)
            return rows

        return self._ask(purge)
