"""Jinja filters that turn content data into HTML the same way on every page."""

import datetime
import re

from flask_babel import format_date
from markupsafe import Markup, escape

# "112" as a number on its own: in a youth's text it is always the emergency number to call.
_EMERGENCY = re.compile(r"(?<![\w-])112(?![\w-])")


def call_links(text):
    """Escape content text and make every 112 in it a tap-to-call link: "Bel 112" must never be plain text."""
    return Markup(_EMERGENCY.sub('<a href="tel:112">112</a>', str(escape(text))))


def paragraphs(text):
    """Split content text on blank lines into <p> elements; single line breaks stay as spaces; 112 calls."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    return Markup("".join(f"<p>{call_links(block)}</p>" for block in blocks))


def checked_date(iso_date):
    """A content date (YYYY-MM-DD) as the visitor's language writes it: 9 januari 2017."""
    return format_date(datetime.date.fromisoformat(iso_date), "long")


def init_app(app):
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["call_links"] = call_links
    app.jinja_env.filters["checked_date"] = checked_date
