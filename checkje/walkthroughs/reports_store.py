"""Anonymous counts of "my screen looks different": per app, step, phone type and day. Nothing else.

`ReportStore` is what the views and `flask walkthrough-report` need.
`SQLiteReportStore` keeps the counts in the class polls' database (POLLS_DB), in
a table of its own; `RedisReportStore` (reports_redis.py) keeps them in the polls'
Redis when POLLS_URL is set, shared by every app server. Both pass one contract
suite (tests/walkthroughs/test_reports_store_contract.py).

A day's counts are deleted once they are KEEP_DAYS old. The flood limit counts per
step and day, never per person: once a step has MAX_REPORTS_PER_STEP_PER_DAY
reports on a day, more are not counted (the youth still gets the help).
"""

import abc
import datetime
import re
import time
from pathlib import Path

from checkje.core import sqlite

KEEP_DAYS = 180
# Far more than youths reporting a changed screen on one day; a script cannot push a step higher.
MAX_REPORTS_PER_STEP_PER_DAY = 100
# When the youth does not say which phone.
UNKNOWN_PHONE = "unknown"
# App and step ids come from content: short slugs, never free text.
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class FloodLimit(Exception):
    """This step has had the most reports a day takes."""


def check_report(app, step, phone, phones):
    if not all(isinstance(name, str) and _ID.fullmatch(name) for name in (app, step)):
        raise ValueError(f"not an app and step id: {app!r}, {step!r}")
    if phone not in phones:
        raise ValueError(f"not a phone type: {phone!r}")


def day_of(timestamp):
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date()


def _make_table(db):
    db.enable_wal()
    db["screen_reports"].create(
        {"app": str, "step": str, "phone": str, "day": str, "count": int},
        pk=("app", "step", "phone", "day"),
        not_null={"count"},
        if_not_exists=True,
    )
    db["screen_reports"].create_index(["day"], if_not_exists=True)


class ReportStore(abc.ABC):
    @abc.abstractmethod
    def add(self, app, step, phone):
        """Count one report today. Raises FloodLimit, ValueError (not an id or phone type)."""

    @abc.abstractmethod
    def totals(self):
        """{(app, step): {phone: count}} over the days kept."""

    @abc.abstractmethod
    def purge_expired(self):
        """Delete every day's counts that are KEEP_DAYS old; return how many rows."""


class SQLiteReportStore(ReportStore):
    def __init__(
        self,
        path,
        phones,
        *,
        clock=time.time,
        keep_days=KEEP_DAYS,
        max_per_step_per_day=MAX_REPORTS_PER_STEP_PER_DAY,
    ):
        self.path = Path(path)
        self.phones = (*phones, UNKNOWN_PHONE)
        self.clock = clock
        self.keep_days = keep_days
        self.max_per_step_per_day = max_per_step_per_day
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sqlite.prepare(self.path, _make_table)

    def _today(self):
        return day_of(self.clock())

    def _first_kept_day(self):
        return (self._today() - datetime.timedelta(days=self.keep_days - 1)).isoformat()

    def add(self, app, step, phone):
        check_report(app, step, phone, self.phones)
        today = self._today().isoformat()
        with sqlite.transaction(self.path) as db:
            self._delete_expired(db)
            (reports_today,) = db.execute(
                "SELECT coalesce(sum(count), 0) FROM screen_reports WHERE app = ? AND step = ? AND day = ?",
                [app, step, today],
            ).fetchone()
            if reports_today >= self.max_per_step_per_day:
                raise FloodLimit(f"{app}/{step}")
            db.execute(
                "INSERT INTO screen_reports (app, step, phone, day, count) VALUES (?, ?, ?, ?, 1)"
                " ON CONFLICT (app, step, phone, day) DO UPDATE SET count = count + 1",
                [app, step, phone, today],
            )

    def totals(self):
        totals = {}
        with sqlite.connect(self.path) as db:
            for app, step, phone, count in db.execute(
                "SELECT app, step, phone, sum(count) FROM screen_reports WHERE day >= ? GROUP BY app, step, phone",
                [self._first_kept_day()],
            ):
                totals.setdefault((app, step), {})[phone] = count
        return totals

    def purge_expired(self):
        with sqlite.transaction(self.path) as db:
            return self._delete_expired(db)

    def _delete_expired(self, db):
        return db.execute("DELETE FROM screen_reports WHERE day < ?", [self._first_kept_day()]).rowcount
