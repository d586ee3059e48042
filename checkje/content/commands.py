"""`flask build-content`: check every content file and build the database."""

import click
from flask import current_app

from checkje.content.registry import registry_of
from checkje.content.store import ContentError, build


@click.command("build-content")
def build_content_command():
    """Check every file in content/ and build the content database."""
    config = current_app.config
    try:
        count = build(config["CONTENT_DIR"], config["CONTENT_DB"], registry_of(current_app))
    except ContentError as error:
        click.echo(f"Content has {len(error.problems)} problem(s):\n{error}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Built {count} content files into {config['CONTENT_DB']}")
