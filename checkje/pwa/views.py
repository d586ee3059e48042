"""Installable and offline: the web app manifest, the service worker and the offline page.

Each language has its own service worker at /<lang>/sw.js, whose scope is that
language's pages. It keeps every page of its language, and every static file,
so Checkje opens without a network once visited. Its version is a hash of
everything it keeps, so any change to a page or file installs a new one. All of
these are plain files for one language, so a static export can hold them too.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from flask import Blueprint, current_app, g, render_template, url_for
from flask_babel import gettext

from checkje.content import content
from checkje.core import sitemap
from checkje.core.assets import static_url
from checkje.core.i18n import is_right_to_left, language_blueprint
from checkje.core.settings import LANGUAGES, ROOT
from checkje.helpfinder.lines import named_help_lines
from checkje.together.fields import TALK_STEP
from checkje.walkthroughs.fields import PHONE

PWA_DIR = ROOT / "pwa"

bp = language_blueprint("pwa", __name__)


def _static_files():
    folder = Path(current_app.static_folder)
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


@cache
def _version(static_folder, content_db):
    """A hash of every file the pages are made of: any change gives a new service worker."""
    digest = hashlib.sha256()
    for folder in (Path(static_folder), ROOT / "templates", ROOT / "translations", PWA_DIR):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".po":
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    digest.update(Path(content_db).read_bytes())
    return digest.hexdigest()[:16]


def _no_cache(response):
    response.headers["Cache-Control"] = "no-cache"
    return response


def _worker(name, pages, offline):
    """The service worker script, `name` its caches' name, keeping `pages` and every static file; offline, a page it
    does not keep gets the offline page of its language (`offline`: language → path), or of the first one."""
    config = {
        "lang": name,
        "version": _version(current_app.static_folder, current_app.config["CONTENT_DB"]),
        "pages": pages,
        "static": [static_url(file) for file in _static_files()],
        "offline": offline,
        # Offline, an address with these falls back to its page as kept without them: an activity opened from the
        # together talk (without the way back), a settings step for one phone (walkthroughs.js shows that phone).
        "choices": [TALK_STEP, PHONE],
    }
    script = (PWA_DIR / "sw.js").read_text(encoding="utf-8").replace('"__CHECKJE_CONFIG__"', json.dumps(config))
    response = current_app.response_class(script, mimetype="text/javascript")
    return _no_cache(response)


@bp.get("/sw.js")
@sitemap.unlisted
def service_worker():
    """The service worker of this language's pages."""
    return _worker(g.lang, sitemap.page_paths(g.lang), {g.lang: url_for("pwa.offline")})


# The worker of the whole site, for the languages not visited yet (a language's own worker, whose scope is narrower,
# answers for its pages once visited): it keeps only the offline page of every language, so that a language opened
# offline for the first time shows Checkje's offline page with the help lines, never the browser's error page.
root_bp = Blueprint("pwa_root", __name__)


@root_bp.get("/sw.js")
def offline_worker():
    """The service worker of every language not visited yet: their offline pages."""
    offline = {lang: url_for("pwa.offline", lang=lang) for lang in LANGUAGES}
    return _worker("site", list(offline.values()), offline)


@bp.get("/manifest.webmanifest")
@sitemap.unlisted
def manifest():
    """The web app manifest, starting and staying in this language."""
    manifest = json.loads((PWA_DIR / "manifest.webmanifest").read_text(encoding="utf-8"))
    home = url_for("pages.home", lang=g.lang)
    manifest.update(
        {
            "id": home,
            "lang": g.lang,
            "dir": "rtl" if is_right_to_left(g.lang) else "ltr",
            "start_url": home,
            "scope": home,
            "description": gettext(
                "Stay safe on Instagram, Snapchat and WhatsApp."
                " What you fill in stays on this phone only, never on our server."
            ),
        }
    )
    response = current_app.response_class(
        json.dumps(manifest, ensure_ascii=False), mimetype="application/manifest+json"
    )
    return _no_cache(response)


@bp.get("/offline")
def offline():
    """What a page that needs the network shows when there is none."""
    page = content("pwa/offline")
    return render_template("pwa/offline.html", page=page, lines=named_help_lines(page["lines"]))
