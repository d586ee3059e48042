"""The app that read-only tests share, built from the real content, and what tests read from it."""

import os
import tempfile
from pathlib import Path

from app import create_app
from checkje.content.registry import registry_of
from checkje.content.store import build
from checkje.core.settings import CATALOGUE_LANGUAGES, DEFAULTS, TRANSLATIONS_DIR, WRITTEN_LANGUAGES
from checkje.core.sitemap import page_paths

# The real content, built once per test run into a database of the run's own: the first process builds it, and
# xdist's workers inherit its place (CHECKJE_TEST_RUN_DIR) and find it built. Each process keeps its own polls.
_RUN_DIR = Path(os.environ.setdefault("CHECKJE_TEST_RUN_DIR", tempfile.mkdtemp(prefix="checkje-tests-")))
_PROCESS_DIR = Path(tempfile.mkdtemp(prefix="checkje-test-process-"))
TEST_CONFIG = {
    "TESTING": True,
    "CONTENT_DB": str(_RUN_DIR / "content.db"),
    "POLLS_DB": str(_PROCESS_DIR / "polls.db"),
    # As in production: a public address (the test client and the live server are on this machine).
    "SITE_URL": "http://localhost",
    # Every test client is one address, and hundreds of tests start polls: the limits per client are tested
    # against the real server (tests/server/test_client_limits.py).
    "CLIENT_LIMITS": False,
}

# The app that read-only tests share: making one costs about 60 ms, and it changes nothing.
APP = create_app(TEST_CONFIG)
REGISTRY = registry_of(APP)
CONTENT_DIR = Path(DEFAULTS["CONTENT_DIR"])


def document(name, lang):
    """A built content document, as the pages read it."""
    return APP.extensions["checkje.content"].get(name, lang)


with APP.test_request_context():
    # Every page a visitor can open (see checkje.core.sitemap): in Dutch and English (PAGE_URLS), and in the
    # catalogue languages. Both sweeps visit every one: without a browser (tests/core/test_every_page.py) and on
    # a small phone in Chromium (tests/core/test_every_page_browser.py).
    PAGE_URLS = [path for lang in WRITTEN_LANGUAGES for path in page_paths(lang)]
    CATALOGUE_PAGE_URLS = [path for lang in CATALOGUE_LANGUAGES for path in page_paths(lang)]
    ALL_PAGE_URLS = PAGE_URLS + CATALOGUE_PAGE_URLS

# One address for every route that takes a POST: Dutch, any other argument made up (checkje/core/same_origin.py
# checks where a form came from before any view reads it).
POST_PATHS = sorted(
    APP.url_map.bind("localhost").build(
        rule.endpoint, {name: "nl" if name == "lang" else "x" for name in rule.arguments}
    )
    for rule in APP.url_map.iter_rules()
    if "POST" in rule.methods
)

# The catalogue languages' pages that the HTML checker and the desktop sweep visit: the youths' most
# important pages in Arabic (right to left), a walkthrough and the friend check in Arabic, and a page
# each in Ukrainian and Polish.
CATALOGUE_SAMPLE = [
    "/ar/",
    "/ar/hulp",
    "/ar/het-is-gebeurd",
    "/ar/veiligheid",
    "/ar/instellingen/instagram",
    "/ar/vriendencheck",
    "/uk/hulp",
    "/pl/het-is-gebeurd",
]
assert set(CATALOGUE_SAMPLE) <= set(CATALOGUE_PAGE_URLS)


def build_content(content_dir, db_path):
    """Build `content_dir` with the shapes every area registered; raises ContentError."""
    return build(content_dir, db_path, REGISTRY, translations_dir=TRANSLATIONS_DIR)
