"""Languages: the /nl/ and /en/ URL prefix, the root redirect, and Flask-Babel.

The language lives in the URL, never in a cookie, so every page can be shared,
cached and read offline in the language it was opened in.
"""

from flask import Blueprint, g, redirect, request, url_for
from flask_babel import Babel, get_translations
from werkzeug.routing import BaseConverter

from checkje.core import hosts
from checkje.core.settings import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class LanguageConverter(BaseConverter):
    regex = "|".join(LANGUAGES)


def language_blueprint(name, import_name):
    """A blueprint whose routes live under /<lang>/ and know their language as g.lang."""
    blueprint = Blueprint(name, import_name, url_prefix="/<lang:lang>")

    @blueprint.url_value_preprocessor
    def take_language(endpoint, values):
        g.lang = values.pop("lang")

    @blueprint.url_defaults
    def keep_language(endpoint, values):
        values.setdefault("lang", current_language())

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


def alternate_paths():
    """The same page in every language, for the language switch and hreflang links."""
    endpoint = request.endpoint
    if request.url_rule is None or "lang" not in request.url_rule.arguments:
        endpoint, args = "pages.home", {}
    else:
        args = {name: value for name, value in (request.view_args or {}).items() if name != "lang"}
    return {lang: url_for(endpoint, **args, lang=lang) for lang in LANGUAGES}


def _request_translations():
    """The catalogue of this request's language, looked up once: a page asks for it dozens of times."""
    if "translations" not in g:
        g.translations = get_translations()
    return g.translations


def init_app(app):
    app.url_map.converters["lang"] = LanguageConverter
    app.add_url_rule("/", "root", redirect_to_language)
    app.after_request(_vary_by_header_language)
    Babel(app, locale_selector=current_language)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.install_gettext_callables(
        gettext=lambda message: _request_translations().ugettext(message),
        ngettext=lambda singular, plural, n: _request_translations().ungettext(singular, plural, n),
        newstyle=True,
    )

    @app.context_processor
    def language_context():
        lang = current_language()
        return {
            "lang": lang,
            "other_languages": [other for other in LANGUAGES if other != lang],
            "language_names": LANGUAGE_NAMES,
            "alternate_paths": alternate_paths(),
            # hreflang links are absolute only with SITE_URL: never with a host the visitor sent.
            "site_url": hosts.site_url(),
        }
