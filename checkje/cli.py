"""`flask` commands for maintainers."""

import click
from flask import current_app

from checkje.content import ContentError, build


@click.command("build-content")
def build_content_command():
    """Check every file in content/ and build the content database."""
    config = current_app.config
    try:
        count = build(config["CONTENT_DIR"], config["CONTENT_DB"])
    except ContentError as error:
        click.echo(f"Content has {len(error.problems)} problem(s):\n{error}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Built {count} content files into {config['CONTENT_DB']}")


@click.command("purge-polls")
def purge_polls_command():
    """Delete every class poll older than its lifetime (the app also does this as it goes)."""
    count = current_app.extensions["checkje.polls"].purge_expired()
    click.echo(f"Deleted {count} expired poll(s)")


def init_app(app):
    app.cli.add_command(build_content_command)
    app.cli.add_command(purge_polls_command)
