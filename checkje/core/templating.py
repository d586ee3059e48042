"""Jinja filters that turn content data into HTML the same way on every page."""

import datetime
import re

from babel.lists import format_list
from flask_babel import format_date, get_locale
from markupsafe import Markup, escape

from checkje.content import placeholders
from checkje.core.settings import SOURCE_LANGUAGE

# "112" as a number on its own: in a youth's text it is always the emergency number to call.
_EMERGENCY = re.compile(r"(?<![\w-])112(?![\w-])")
# A number in groups (0800-7000, 020-261 52 75): left to right in any text, so a right-to-left
# language does not reverse its groups. (An app's name is a run of Latin letters: the browser keeps
# it left to right by itself.)
_NUMBER_IN_GROUPS = re.compile(r"(?<![\w-])\+?[0-9]+(?:[ -][0-9]+)+(?![\w-])")
# A Dutch stand-in's paragraph: FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE (content/catalogues.isolated).
_STAND_IN = re.compile("\u2068([^\u2068\u2069]*)\u2069")


def call_links(text):
    """Escape content text and make every 112 in it a tap-to-call link: "Bel 112" must never be plain text.

    Numbers in groups are isolated left to right (see _NUMBER_IN_GROUPS); a Dutch stand-in in another
    language's page (isolated by content/catalogues.py) becomes a span in Dutch."""
    escaped = _NUMBER_IN_GROUPS.sub(lambda found: f'<bdi dir="ltr">{found[0]}</bdi>', str(escape(text)))
    escaped = _STAND_IN.sub(lambda found: f'<span lang="{SOURCE_LANGUAGE}" dir="ltr">{found[1]}</span>', escaped)
    return Markup(_EMERGENCY.sub('<a href="tel:112">112</a>', escaped))


def paragraphs(text):
    """Split content text on blank lines into <p> elements; single line breaks stay as spaces; 112 calls."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    return Markup("".join(f"<p>{call_links(block)}</p>" for block in blocks))


def checked_date(iso_date):
    """A content date (YYYY-MM-DD) as the visitor's language writes it: 9 januari 2017."""
    return format_date(datetime.date.fromisoformat(iso_date), "long")


def language_list(codes):
    """Languages named in the visitor's language, as it lists them: "Nederlands en Engels"."""
    locale = get_locale()
    return format_list([locale.languages.get(code, code) for code in codes], locale=locale)


def init_app(app):
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["call_links"] = call_links
    app.jinja_env.filters["checked_date"] = checked_date
    app.jinja_env.filters["language_list"] = language_list
    app.jinja_env.filters["filled"] = placeholders.fill
