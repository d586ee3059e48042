"""Jinja filters that turn content data into HTML the same way on every page."""

import datetime

from flask_babel import format_date
from markupsafe import Markup, escape


def paragraphs(text):
    """Split content text on blank lines into <p> elements; single line breaks stay as spaces."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    return Markup("".join(f"<p>{escape(block)}</p>" for block in blocks))


def checked_date(iso_date):
    """A content date (YYYY-MM-DD) as the visitor's language writes it: 9 januari 2017."""
    return format_date(datetime.date.fromisoformat(iso_date), "long")


def init_app(app):
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["checked_date"] = checked_date
