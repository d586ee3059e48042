"""Fixtures: the app built from the real content, a test client, and every page URL."""

import contextlib
import tempfile
from pathlib import Path

import pytest

from app import create_app
from checkje.content import build
from checkje.settings import DEFAULTS, LANGUAGES
from checkje.sitemap import page_paths

# The real content, built once per test run into a database of the run's own.
_CONTENT_DB = Path(tempfile.mkdtemp(prefix="checkje-tests-")) / "content.db"
build(DEFAULTS["CONTENT_DIR"], _CONTENT_DB)
TEST_CONFIG = {"TESTING": True, "CONTENT_DB": str(_CONTENT_DB), "POLLS_DB": str(_CONTENT_DB.parent / "polls.db")}


def _page_urls():
    """Every page a visitor can open, in every language (see checkje.sitemap)."""
    app = create_app(TEST_CONFIG)
    with app.test_request_context():
        return [path for lang in LANGUAGES for path in page_paths(lang)]


PAGE_URLS = _page_urls()


def pytest_generate_tests(metafunc):
    if "page_url" in metafunc.fixturenames:
        metafunc.parametrize("page_url", PAGE_URLS)


@pytest.fixture
def app():
    return create_app(TEST_CONFIG)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def content_copy(tmp_path):
    """A copy of content/ that a test may break."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(DEFAULTS["CONTENT_DIR"], target)
    return target


@pytest.fixture(params=LANGUAGES)
def lang(request):
    return request.param


# --- Real browser: the app served on a free port, and Debian's Chromium driven by Playwright.


def _read_whole_response(app):
    """Read each response whole and close it before the server sends it.

    The development server skips closing a response when the browser drops the
    connection early (Chromium does, with favicons), which leaves a static file open.
    """

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


@contextlib.contextmanager
def serving(app):
    """Serve `app` on 127.0.0.1 with a free port, in a thread; yields its base URL."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, _read_whole_response(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="session")
def live_server():
    with serving(create_app(TEST_CONFIG)) as base_url:
        yield base_url


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these, Chromium keeps calling Google's servers, which this network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_executable():
    import os
    import shutil

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("The browser tests need Chromium: run `make test`, which installs it, or set CHROMIUM=/path/to/chromium")
    return executable


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh phone-sized, touch-enabled browser context: its own storage, caches and workers."""
    from tests.browser_helpers import PHONE

    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def phone_page(context):
    """A fresh page in a phone context of its own."""
    return context.new_page()
