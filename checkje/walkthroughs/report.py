"""The maintainers' commands: `flask walkthrough-report` (every step's age, what it was checked against and
how often its screen looked different, most-reported first) and `flask purge-screen-reports`."""

import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from checkje.content import document
from checkje.walkthroughs.reports_store import KEEP_DAYS, UNKNOWN_PHONE
from checkje.walkthroughs.shapes import APPS, PHONES

# About six months: apps change their menus often.
DEFAULT_MAX_AGE_DAYS = 183


def step_ages(today):
    """(app, step id, checked date, checked against, age in days, source) for every step, in walkthrough order."""
    for app in APPS:
        for step in document(f"walkthroughs/{app}", "en")["steps"]:
            checked = datetime.date.fromisoformat(step["checked"])
            against = "+".join(step["checked_against"])
            yield app, step["id"], checked, against, (today - checked).days, step["source"]


def _reports():
    return current_app.extensions["checkje.screen_reports"]


def _by_phone(counts):
    return ", ".join(f"{phone} {counts.get(phone, 0)}" for phone in (*PHONES, UNKNOWN_PHONE))


@click.command("walkthrough-report")
@click.option(
    "--max-age-days",
    default=DEFAULT_MAX_AGE_DAYS,
    show_default=True,
    type=click.IntRange(min=0),
    help="Flag steps checked longer ago than this.",
)
@with_appcontext
def walkthrough_report_command(max_age_days):
    """List every walkthrough step with its review date and its "looks different" count; flag the ones to check."""
    today = datetime.date.today()
    totals = _reports().totals()
    rows = list(step_ages(today))
    # Most-reported first; a stable sort keeps the walkthrough order among equals.
    rows.sort(key=lambda row: -sum(totals.get(row[:2], {}).values()))
    width = max(len(f"{app}/{step_id}") for app, step_id, *_ in rows)
    wide = max(len(against) for _, _, _, against, *_ in rows)
    click.echo(
        f'Walkthrough steps on {today}, most-reported first ("my screen looks different", last {KEEP_DAYS} days);'
        f" a step checked more than {max_age_days} days ago is flagged OLD."
    )
    old = 0
    for app, step_id, checked, against, age, source in rows:
        flag = "OLD" if age > max_age_days else "ok "
        old += flag == "OLD"
        counts = totals.get((app, step_id), {})
        click.echo(
            f"{flag}  {f'{app}/{step_id}':<{width}}  {checked}  {age:>5} days  {sum(counts.values()):>4} reports"
            f" ({_by_phone(counts)})  against {against:<{wide}}  {source}"
        )
    click.echo(f"{len(rows)} steps, {old} to check again on a phone (see the fact sheet's checklist).")


@click.command("purge-screen-reports")
@with_appcontext
def purge_screen_reports_command():
    """Delete "my screen looks different" counts older than their lifetime (adding a report does it too)."""
    click.echo(f"Deleted {_reports().purge_expired()} expired day count(s)")
