"""Content: YAML files in content/, checked against the areas' shapes, built into a read-only database.

Areas register their shapes with `register`; pages read a document with `content`.
"""

from flask import current_app

from checkje.content.commands import build_content_command
from checkje.content.registry import register, registry_of
from checkje.content.store import ContentError, ContentStore
from checkje.core.i18n import current_language

__all__ = ["ContentError", "content", "document", "init_app", "open_store", "register"]

_STORE = "checkje.content"


def document(name, lang):
    """The content document `name` in `lang` (for code that runs outside a request, like sitemap listers)."""
    return current_app.extensions[_STORE].get(name, lang)


def content(name):
    """The content document `name` in the language of the current request."""
    return document(name, current_language())


def open_store(app):
    """Read content once, after every area registered its shapes: a page can never fail on it later.

    A missing or stale database is built first; content that does not fit stops start-up.
    """
    try:
        app.extensions[_STORE] = ContentStore.open(
            app.config["CONTENT_DB"], app.config["CONTENT_DIR"], registry_of(app)
        )
    except ContentError as error:
        raise SystemExit(f"Checkje cannot start: fix these content problems first.\n{error}") from None


def init_app(app):
    registry_of(app)
    app.cli.add_command(build_content_command)
