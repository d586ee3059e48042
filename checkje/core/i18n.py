"""Languages: the /<lang>/ URL prefix, the root redirect, the language menu, and Flask-Babel.

The language lives in the URL, never in a cookie, so every page can be shared,
cached and read offline in the language it was opened in. Youths' pages are in
every language; an area may keep to fewer (the mentor guide and the lesson are
in Dutch and English), and then its menu offers only those.
"""

from pathlib import Path

from babel.messages.pofile import read_po
from babel.support import Translations
from flask import Blueprint, current_app, g, redirect, request, url_for
from flask_babel import Babel, get_translations
from werkzeug.routing import BaseConverter

from checkje.core import hosts
from checkje.core.settings import CATALOGUE_LANGUAGES, DEFAULT_LANGUAGE, LANGUAGES, RIGHT_TO_LEFT, SOURCE_LANGUAGE

# Every language named in itself.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "uk": "Українська", "pl": "Polski"}
# The word "language" in English (in Dutch on an English page): a hint in small letters beside the menu's own word,
# for whoever cannot read this page's language. The same in every language, like the languages' names.
LANGUAGE_HINTS = {"en": ("nl", "Taal")}
LANGUAGE_HINT = ("en", "Language")

# Blueprint name -> the languages its pages are in (absent: every language).
_BLUEPRINT_LANGUAGES = {}


class LanguageConverter(BaseConverter):
    """`<lang:lang>` takes every language; `<lang(nl, en):lang>` only those."""

    def __init__(self, url_map, *languages):
        super().__init__(url_map)
        self.languages = languages or LANGUAGES
        self.regex = "|".join(self.languages)


def language_blueprint(name, import_name, languages=LANGUAGES):
    """A blueprint whose routes live under /<lang>/ (one of `languages`) and know their language as g.lang."""
    _BLUEPRINT_LANGUAGES[name] = tuple(languages)
    prefix = "/<lang:lang>" if tuple(languages) == LANGUAGES else f"/<lang({', '.join(languages)}):lang>"
    blueprint = Blueprint(name, import_name, url_prefix=prefix)

    @blueprint.url_value_preprocessor
    def take_language(endpoint, values):
        g.lang = values.pop("lang")

    @blueprint.url_defaults
    def keep_language(endpoint, values):
        # A link from a page in a language this area is not in leads to the Dutch page, never to a 404.
        lang = current_language()
        values.setdefault("lang", lang if lang in languages else DEFAULT_LANGUAGE)

    return blueprint


def guess_language():
    """The visitor's language for pages outside a language prefix (errors, the root)."""
    first_segment = request.path.lstrip("/").split("/", 1)[0]
    if first_segment in LANGUAGES:
        return first_segment
    # The answer now depends on a request header: caches must know (see _vary_by_header_language).
    g.language_from_header = True
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def _vary_by_header_language(response):
    if g.get("language_from_header"):
        response.vary.add("Accept-Language")
    return response


def current_language():
    return g.get("lang") or guess_language()


def redirect_to_language():
    """Send / to /nl/ or /en/, Dutch when the browser does not say."""
    return redirect(url_for("pages.home", lang=guess_language()), code=302)


def languages_of(endpoint):
    """The languages the pages of `endpoint` are in."""
    return _BLUEPRINT_LANGUAGES.get((endpoint or "").split(".", 1)[0], LANGUAGES)


def is_right_to_left(lang):
    return lang in RIGHT_TO_LEFT


def alternate_paths():
    """The same page in each of its languages, for the language menu and hreflang links."""
    endpoint = request.endpoint
    if request.url_rule is None or "lang" not in request.url_rule.arguments:
        endpoint, args = "pages.home", {}
    else:
        args = {name: value for name, value in (request.view_args or {}).items() if name != "lang"}
    return {lang: url_for(endpoint, **args, lang=lang) for lang in languages_of(endpoint)}


def _falling_back_to_source(translations):
    """A catalogue language's interface words, with the Dutch ones where a word is missing or fuzzy.

    Dutch, not the English msgid: Dutch is the source, the language of the youth's school and
    mentor, and the stand-in the content texts use too, so a page mixes two languages at most.
    Fuzzy entries are not compiled into the .mo, so they fall back as well.
    """
    if not getattr(translations, "falls_back_to_source", False):
        source = Translations.load(current_app.config["TRANSLATIONS_DIR"], [SOURCE_LANGUAGE])
        translations.add_fallback(source)
        translations.falls_back_to_source = True
    return translations


def _translated_words(lang):
    """The interface words that `lang`'s catalogue translates (not fuzzy), read once per worker."""
    known = current_app.extensions.setdefault("checkje.translated_words", {})
    if lang not in known:
        path = Path(current_app.config["TRANSLATIONS_DIR"]) / lang / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as file:
            known[lang] = {
                message.id for message in read_po(file) if message.id and message.string and not message.fuzzy
            }
    return known[lang]


def _interface_word(message):
    """A word of the page's language; a Dutch stand-in on a right-to-left page keeps its own direction.

    (FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, as for content texts: see content/catalogues.py.)"""
    word = _request_translations().ugettext(message)
    lang = current_language()
    if is_right_to_left(lang) and message not in _translated_words(lang):
        return f"\u2068{word}\u2069"
    return word


def _request_translations():
    """The catalogue of this request's language, looked up once: a page asks for it dozens of times."""
    if "translations" not in g:
        translations = get_translations()
        if current_language() in CATALOGUE_LANGUAGES:
            translations = _falling_back_to_source(translations)
        g.translations = translations
    return g.translations


def init_app(app):
    app.url_map.converters["lang"] = LanguageConverter
    app.add_url_rule("/", "root", redirect_to_language)
    app.after_request(_vary_by_header_language)

    @app.before_request
    def fall_back_from_the_start():
        # Before any view calls gettext in Python (the manifest does, without a template).
        if g.get("lang") in CATALOGUE_LANGUAGES:
            _request_translations()

    Babel(app, locale_selector=current_language, default_translation_directories=app.config["TRANSLATIONS_DIR"])
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.install_gettext_callables(
        gettext=_interface_word,
        ngettext=lambda singular, plural, n: _request_translations().ungettext(singular, plural, n),
        newstyle=True,
    )

    @app.context_processor
    def language_context():
        lang = current_language()
        paths = alternate_paths()
        return {
            "lang": lang,
            "text_direction": "rtl" if is_right_to_left(lang) else "ltr",
            "right_to_left": RIGHT_TO_LEFT,
            "other_languages": [other for other in paths if other != lang],
            "language_names": LANGUAGE_NAMES,
            "language_hint": LANGUAGE_HINTS.get(lang, LANGUAGE_HINT),
            "alternate_paths": paths,
            # hreflang links are absolute only with SITE_URL: never with a host the visitor sent.
            "site_url": hosts.site_url(),
        }
