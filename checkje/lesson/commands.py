"""`flask purge-polls`: delete expired class polls now (the app also does this as it goes)."""

import click
from flask import current_app


@click.command("purge-polls")
def purge_polls_command():
    """Delete every class poll older than its lifetime."""
    count = current_app.extensions["checkje.polls"].purge_expired()
    click.echo(f"Deleted {count} expired poll(s)")
