"""Content: YAML files in content/, checked against the areas' shapes, built into a read-only database.

Areas register their shapes with `register`; pages read a document with `content`.
"""

from flask import current_app, g

from checkje.content import catalogues
from checkje.content.commands import build_content_command, translation_report_command, update_translations_command
from checkje.content.registry import register, registry_of
from checkje.content.store import ContentError, ContentStore
from checkje.core.i18n import current_language
from checkje.core.settings import CATALOGUE_LANGUAGES

__all__ = ["ContentError", "content", "document", "init_app", "open_store", "register"]

_STORE = "checkje.content"
# Per catalogue language: is every interface word reviewed? They count as one, as the menu,
# the help bar and the footer are on every page.
_INTERFACE_REVIEWED = "checkje.interface_reviewed"


def document(name, lang):
    """The content document `name` in `lang` (for code that runs outside a request, like sitemap listers)."""
    return current_app.extensions[_STORE].get(name, lang)


def content(name):
    """The content document `name` in the language of the current request (noted for `all_reviewed`)."""
    lang = current_language()
    g.setdefault("documents_shown", set()).add(name)
    return document(name, lang)


def page_is_reviewed():
    """Is every text of this page so far written by the team or reviewed by a native speaker?

    False also where a text is missing or fuzzy and the Dutch one stands in."""
    lang = current_language()
    if lang not in CATALOGUE_LANGUAGES:
        return True
    store = current_app.extensions[_STORE]
    documents_reviewed = all(store.is_reviewed(name, lang) for name in g.get("documents_shown", ()))
    return documents_reviewed and current_app.extensions[_INTERFACE_REVIEWED][lang]


def _interface_reviewed(translations_dir):
    reviewed = {}
    for lang in CATALOGUE_LANGUAGES:
        path = catalogues.path_of(translations_dir, lang, catalogues.INTERFACE_DOMAIN)
        messages = catalogues.entries(catalogues.read(path, lang))
        reviewed[lang] = bool(messages) and all(catalogues.is_reviewed(message) for message in messages)
    return reviewed


def open_store(app):
    """Read content once, after every area registered its shapes: a page can never fail on it later.

    The files are checked and built again; a database that does not hold exactly that is written anew
    (checkje/content/store.py). Content that does not fit stops start-up.
    """
    try:
        app.extensions[_STORE] = ContentStore.open(
            app.config["CONTENT_DB"], app.config["CONTENT_DIR"], registry_of(app), app.config["TRANSLATIONS_DIR"]
        )
    except ContentError as error:
        raise SystemExit(f"Checkje cannot start: fix these content problems first.\n{error}") from None
    app.extensions[_INTERFACE_REVIEWED] = _interface_reviewed(app.config["TRANSLATIONS_DIR"])


def init_app(app):
    registry_of(app)
    app.jinja_env.globals["page_is_reviewed"] = page_is_reviewed
    app.cli.add_command(build_content_command)
    app.cli.add_command(update_translations_command)
    app.cli.add_command(translation_report_command)
