"""Fixtures: one app built from the real content for every read-only test, a fresh one where state
changes, every page rendered and parsed once, and a real browser."""

import contextlib
import os
import shutil

import pytest
from hypothesis import settings as hypothesis_settings

from app import create_app
from checkje.core.settings import WRITTEN_LANGUAGES
from tests.helpers import parse
from tests.redis_server import redis_client, redis_server  # noqa: F401 - fixtures for the shared stores
from tests.shared_app import (
    ALL_PAGE_URLS,
    APP,
    CATALOGUE_PAGE_URLS,
    CATALOGUE_SAMPLE,
    CONTENT_DIR,
    PAGE_URLS,
    TEST_CONFIG,
)

__all__ = ["ALL_PAGE_URLS", "APP", "CATALOGUE_PAGE_URLS", "CATALOGUE_SAMPLE", "PAGE_URLS", "TEST_CONFIG"]

# Fewer random examples in the inner loop, more in CI (HYPOTHESIS_PROFILE=ci).
hypothesis_settings.register_profile("dev", max_examples=40, deadline=None)
hypothesis_settings.register_profile("ci", max_examples=200, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_generate_tests(metafunc):
    if "page_url" in metafunc.fixturenames:
        metafunc.parametrize("page_url", ALL_PAGE_URLS)


@pytest.fixture(scope="session")
def app():
    """The shared app: never change its settings or extensions (use fresh_app for that)."""
    return APP


@pytest.fixture
def fresh_app():
    """An app of this test's own, for tests that change settings, stores or caches."""
    return create_app(TEST_CONFIG)


@pytest.fixture
def client(app):
    return app.test_client()


class RenderedPage:
    """A page as it was answered once: status, headers, body and the parsed tree."""

    def __init__(self, response):
        self.status_code = response.status_code
        self.headers = response.headers
        self.text = response.get_data(as_text=True)
        self.soup = parse(self.text)


@pytest.fixture(scope="session")
def site():
    """Each page of the site rendered and parsed once, on first use, for every per-page check."""
    client = APP.test_client()
    pages = {}

    def get(url):
        if url not in pages:
            pages[url] = RenderedPage(client.get(url))
        return pages[url]

    return get


@pytest.fixture
def content_copy(tmp_path):
    """A copy of content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture(params=WRITTEN_LANGUAGES)
def lang(request):
    """Dutch and English, whose texts the tests know; tests/core/test_languages.py covers the others."""
    return request.param


# --- Real browser: the app served on a free port, and Debian's Chromium driven by Playwright.
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
        # Close the socket too: a browser then finds no server at all, as when it is offline.
        server.server_close()


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
    import shutil

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail(
            "The browser tests need Chromium: run `make test`, which installs it, or set CHROMIUM=/path/to/chromium"
        )
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
