"""`flask walkthrough-report`: every step with the date it was last checked, old ones flagged."""

import datetime

import click
from flask.cli import with_appcontext

from checkje.content import document
from checkje.walkthroughs.shapes import APPS

# About six months: apps change their menus often.
DEFAULT_MAX_AGE_DAYS = 183


def step_ages(today):
    """(app, step id, checked date, checked against, age in days, source) for every step, in walkthrough order."""
    for app in APPS:
        for step in document(f"walkthroughs/{app}", "en")["steps"]:
            checked = datetime.date.fromisoformat(step["checked"])
            against = "+".join(step["checked_against"])
            yield app, step["id"], checked, against, (today - checked).days, step["source"]


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
    """List every walkthrough step with its review date; flag the ones to check again."""
    today = datetime.date.today()
    rows = list(step_ages(today))
    width = max(len(f"{app}/{step_id}") for app, step_id, *_ in rows)
    wide = max(len(against) for _, _, _, against, *_ in rows)
    click.echo(f"Walkthrough steps on {today}; a step checked more than {max_age_days} days ago is flagged OLD.")
    old = 0
    for app, step_id, checked, against, age, source in rows:
        flag = "OLD" if age > max_age_days else "ok "
        old += flag == "OLD"
        click.echo(
            f"{flag}  {f'{app}/{step_id}':<{width}}  {checked}  {age:>5} days  against {against:<{wide}}  {source}"
        )
    click.echo(f"{len(rows)} steps, {old} to check again on a phone (see the fact sheet's checklist).")
