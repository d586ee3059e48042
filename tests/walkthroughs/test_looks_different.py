"""'My screen looks different' on every step: the form, the count it adds, its expiry and flood limit,
the report that shows it, and that nothing else is kept or logged."""

import datetime
import logging
import sqlite3

import pytest

from app import create_app
from checkje.walkthroughs.fields import HELP_SHOWN, PHONE, REPORT_APP, REPORT_STEP, SHOW_HELP
from checkje.walkthroughs.reports_store import KEEP_DAYS, SQLiteReportStore
from checkje.walkthroughs.shapes import PHONES
from tests.conftest import TEST_CONFIG
from tests.helpers import Clock, parse
from tests.walkthroughs.test_walkthroughs import STEPS, WALKTHROUGHS, report, step_url, text_of

REPORT_PATH = "/{lang}/instellingen/scherm-anders"
DAY = 24 * 3600
HTMX = {"HX-Request": "true"}
# 2026-06-01, noon UTC.
NOON = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC).timestamp()


@pytest.fixture
def counting_app(tmp_path):
    """An app with a report database of its own, and its clock in the test's hands."""
    app = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")})
    app.extensions["checkje.screen_reports"].clock = Clock(NOON)
    return app


def reports_of(app):
    return app.extensions["checkje.screen_reports"]


def say_different(client, app_name, step_id, phone="", lang="nl", headers=None):
    return client.post(
        REPORT_PATH.format(lang=lang),
        data={REPORT_APP: app_name, REPORT_STEP: step_id, PHONE: phone},
        headers=headers,
    )


# --- Every step has the form: one button, the step in hidden fields, no text field.


@pytest.mark.parametrize(("name", "lang", "index"), STEPS)
def test_every_step_has_the_looks_different_form(client, name, lang, index):
    step = WALKTHROUGHS[(name, lang)]["steps"][index]
    soup = parse(client.get(step_url(name, lang, step["id"])))
    part = soup.find(id=HELP_SHOWN)
    form = part.form
    assert form["method"] == "post" and form["action"] == REPORT_PATH.format(lang=lang)
    assert (form["data-hx-post"], form["data-hx-target"]) == (form["action"], f"#{HELP_SHOWN}")
    assert part["data-focus-after-swap"] == "#different-heading" and part.find(id="different-heading")
    hidden = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert hidden == {REPORT_APP: name, REPORT_STEP: step["id"]}
    assert not form.select("textarea, input:not([type=hidden]):not([type=radio])"), "nothing to type"
    # Without a phone in the address, the youth may say which, or not.
    radios = form.select(f"input[type=radio][name={PHONE}]")
    assert [radio["value"] for radio in radios] == [*PHONES, ""]
    assert [radio.get("checked") is not None for radio in radios] == [False, False, True]
    for radio in radios:
        assert soup.find("label", attrs={"for": radio["id"]})
    (button,) = form.select("button")
    assert button.get("type") == "submit" and text_of(button)
    assert soup.find(id="different-status")["role"] == "status"
    # The help comes after the tap; the page holds it hidden only for a tap while offline.
    offline = part.select_one("[data-offline-help][hidden]")
    offline.extract()
    assert " ".join(step["if_missing"].split()) in text_of(offline)
    assert " ".join(step["if_missing"].split()) not in text_of(soup)


def test_a_phone_in_the_address_goes_with_the_form(client):
    form = parse(client.get(step_url("whatsapp", "en", "groups", "android"))).find(id=HELP_SHOWN).form
    assert {field["name"]: field["value"] for field in form.select("input[type=hidden]")} == {
        REPORT_APP: "whatsapp",
        REPORT_STEP: "groups",
        PHONE: "android",
    }
    assert not form.select("input[type=radio]")


# --- The tap: counted once, then a 303 to the step with its help; htmx gets only the help.


def test_the_tap_counts_once_and_answers_with_a_303_to_the_help(counting_app):
    client = counting_app.test_client()
    response = say_different(client, "whatsapp", "groups", "iphone", lang="en")
    assert response.status_code == 303
    assert response.headers["Location"] == (
        f"/en/instellingen/whatsapp/groups?{PHONE}=iphone&{SHOW_HELP}={HELP_SHOWN}#{HELP_SHOWN}"
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    assert reports_of(counting_app).totals() == {("whatsapp", "groups"): {"iphone": 1}}

    page = client.get(response.headers["Location"])
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    (step,) = [step for step in WALKTHROUGHS[("whatsapp", "en")]["steps"] if step["id"] == "groups"]
    part = parse(page).find(id=HELP_SHOWN)
    assert not part.form, "the help takes the button's place"
    assert step["look_for"] in text_of(part) and " ".join(step["if_missing"].split()) in text_of(part)
    assert part.find(id="different-heading")["tabindex"] == "-1"
    assert reports_of(counting_app).totals() == {("whatsapp", "groups"): {"iphone": 1}}, (
        "opening it again counts nothing"
    )


def test_without_a_phone_the_count_says_unknown(counting_app):
    client = counting_app.test_client()
    for _ in range(2):
        assert say_different(client, "instagram", "restrict").status_code == 303
    assert say_different(client, "instagram", "restrict", "android").status_code == 303
    assert reports_of(counting_app).totals() == {("instagram", "restrict"): {"unknown": 2, "android": 1}}


def test_htmx_gets_just_the_help_out_of_every_cache(counting_app):
    client = counting_app.test_client()
    location = say_different(client, "snapchat", "story", headers=HTMX).headers["Location"]
    response = client.get(location, headers={"HX-Request": "true"})
    soup = parse(response)
    assert not soup.find("html") and not soup.find("main")
    (part,) = soup.select(f"section#{HELP_SHOWN}")
    assert part.find(id="different-heading")
    assert response.headers["Cache-Control"] == "no-store" and "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    "form",
    [
        {REPORT_APP: "instagram", REPORT_STEP: "no-such-step"},
        {REPORT_APP: "myspace", REPORT_STEP: "private-account"},
        {REPORT_APP: "instagram", REPORT_STEP: "restrict", PHONE: "nokia"},
        {REPORT_STEP: "restrict"},
        {},
    ],
)
def test_a_form_that_names_no_step_counts_nothing(counting_app, form):
    response = counting_app.test_client().post(REPORT_PATH.format(lang="nl"), data=form)
    assert response.status_code == 400
    assert reports_of(counting_app).totals() == {}


def test_the_report_address_is_a_form_only(client):
    assert client.get(REPORT_PATH.format(lang="nl")).status_code == 405


# --- The store: day buckets that expire, a flood limit per step and day.


def test_adding_drops_expired_days(tmp_path):
    clock = Clock(NOON)
    store = SQLiteReportStore(tmp_path / "polls.db", PHONES, clock=clock)
    store.add("snapchat", "story", "android")
    clock.now += KEEP_DAYS * DAY
    store.add("whatsapp", "groups", "unknown")
    with sqlite3.connect(tmp_path / "polls.db") as db:
        assert db.execute("SELECT app, step, phone, count FROM screen_reports").fetchall() == [
            ("whatsapp", "groups", "unknown", 1)
        ]


def test_past_the_flood_limit_the_youth_still_gets_the_help(counting_app):
    reports_of(counting_app).max_per_step_per_day = 2
    client = counting_app.test_client()
    responses = [say_different(client, "whatsapp", "about", "android") for _ in range(5)]
    assert {response.status_code for response in responses} == {303}
    assert reports_of(counting_app).totals() == {("whatsapp", "about"): {"android": 2}}


# --- The maintainers' report: counts beside each step's age, most-reported first.


def test_the_report_shows_the_counts_most_reported_first(counting_app):
    client = counting_app.test_client()
    for phone in ("iphone", "iphone", "android"):
        say_different(client, "whatsapp", "status", phone)
    say_different(client, "snapchat", "snap-map")
    rows = report(counting_app, "--max-age-days", "100000")[1:-1]
    assert [row.split()[1] for row in rows[:3]] == ["whatsapp/status", "snapchat/snap-map", "instagram/private-account"]
    assert "   3 reports (iphone 2, android 1, unknown 0)" in rows[0]
    assert "   1 reports (iphone 0, android 0, unknown 1)" in rows[1]
    assert "   0 reports" in rows[2]
    everything = {row.split()[1] for row in rows}
    assert everything == {
        f"{name}/{step['id']}" for (name, lang), doc in WALKTHROUGHS.items() if lang == "en" for step in doc["steps"]
    }


def test_purge_command_deletes_old_days(counting_app):
    say_different(counting_app.test_client(), "whatsapp", "status")
    reports_of(counting_app).clock.now += KEEP_DAYS * DAY
    result = counting_app.test_cli_runner().invoke(args=["purge-screen-reports"])
    assert result.output == "Deleted 1 expired day count(s)\n"


# --- Nothing else is kept or logged.


class _AllRecords(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def logged_while(do):
    loggers = [logging.getLogger(), logging.getLogger("checkje.access"), logging.getLogger("werkzeug")]
    records = _AllRecords()
    for logger in loggers:
        logger.addHandler(records)
    try:
        do()
    finally:
        for logger in loggers:
            logger.removeHandler(records)
    # Without the time each request took.
    return [line.rsplit(" ", 1)[0] for line in records.lines]


def test_no_log_line_tells_of_the_report(counting_app):
    client = counting_app.test_client()
    url = step_url("instagram", "nl", "restrict")

    def report_and_follow():
        for headers in ({}, {"HX-Request": "true"}):
            response = say_different(client, "instagram", "restrict", "iphone", headers=headers)
            client.get(response.headers["Location"], headers=headers)

    lines = logged_while(report_and_follow)
    plain_visits = logged_while(lambda: [client.get(url), client.get(url, headers={"HX-Request": "true"})])
    assert lines == plain_visits == ["GET /nl/instellingen/<app>/<step_id> 200"] * 2, (
        "the report itself is in no log; the help looks like any visit of the step"
    )


def test_the_database_holds_only_app_step_phone_day_and_count(counting_app, tmp_path):
    client = counting_app.test_client()
    say_different(client, "instagram", "restrict", "android", headers=HTMX)
    say_different(client, "whatsapp", "two-step")
    with sqlite3.connect(tmp_path / "polls.db") as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"polls", "counts", "screen_reports"}
        assert db.execute("SELECT count(*) FROM polls").fetchone() == (0,)
        columns = [row[1] for row in db.execute("PRAGMA table_info(screen_reports)")]
        assert columns == ["app", "step", "phone", "day", "count"]
        assert sorted(db.execute("SELECT * FROM screen_reports")) == [
            ("instagram", "restrict", "android", "2026-06-01", 1),
            ("whatsapp", "two-step", "unknown", "2026-06-01", 1),
        ]
