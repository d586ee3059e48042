"""Fixtures: one app built from the real content for every read-only test, a fresh one where state
changes, every page rendered and parsed once, and a real browser."""

import contextlib
import gzip
import os
import shutil

import pytest
from hypothesis import settings as hypothesis_settings

from app import create_app
from checkje.core.settings import WRITTEN_LANGUAGES
from tests.helpers import BROWSER_ENCODINGS, parse
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
    """A page as it was answered once to a phone's browser (gzip accepted, a cookie sent): status, headers,
    the bytes as sent, the text and the parsed tree."""

    def __init__(self, response):
        self.status_code = response.status_code
        self.headers = response.headers
        body = response.get_data()
        self.sent_bytes = len(body)
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.text = body.decode("utf-8")
        self.soup = parse(self.text)
        # A <template>'s content is inert, as in a browser: no part of the page the checks look at (a practice
        # request carries its result for offline use in one; tests/friendcheck checks that content itself).
        for template in self.soup.find_all("template"):
            template.clear()


@pytest.fixture(scope="session")
def site():
    """Each page of the site answered and parsed once, on first use, for every per-page check."""
    client = APP.test_client()
    pages = {}

    def get(url):
        if url not in pages:
            pages[url] = RenderedPage(client.get(url, headers={**BROWSER_ENCODINGS, "Cookie": "tracking=1"}))
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
    """Serve `app` on 127.0.0.1 with a free port, in a thread; yields its base URL.

    Checkje (alone, or first in a DispatcherMiddleware) gets that URL as its site address, as `make run` gives
    the real server its own: only that host and port are answered.
    """
    import threading

    from flask import Flask
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, _read_whole_response(app), threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    checkje = app if isinstance(app, Flask) else getattr(app, "app", None)
    if isinstance(checkje, Flask):
        checkje.config["SITE_URL"] = base_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        thread.join()
        # Close the socket too: a browser then finds no server at all, as when it is offline.
        server.server_close()


NEUTRAL_PATH = "/het-weer"


def _neutral_site(environ, start_response):
    """Stands in for the weather site quick exit goes to."""
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cross-Origin-Opener-Policy", "same-origin")]
    )
    return [b"<!doctype html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>"]


@contextlib.contextmanager
def serving_with_a_neutral_site(app, others=None):
    """Serve `app` with quick exit pointing at a stand-in at NEUTRAL_PATH, for drivers that cannot answer
    for another site themselves (WebKit, Gecko). The stand-in shares the app's origin and its
    Cross-Origin-Opener-Policy: WebKitWebDriver loses the page when Back switches browsing context group,
    and the history a test checks is the same either way. `others` maps more paths to WSGI apps."""
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    with serving(DispatcherMiddleware(app, {NEUTRAL_PATH: _neutral_site, **(others or {})})) as base_url:
        app.config["QUICK_EXIT_URL"] = base_url + NEUTRAL_PATH + "/"
        yield base_url


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
    # One renderer for our one site. On a busy machine Chromium started a new renderer process for nearly every
    # navigation (35 for 30 pages), which cost more than the page (0.43 s a visit against 0.18 s); on a quiet
    # one it makes no difference.
    "--process-per-site",
]


def chromium_executable():
    import shutil

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail(
            "The browser tests need Chromium: run `make test`, which installs it, or set CHROMIUM=/path/to/chromium"
        )
    return executable


class Browser:
    """Debian's Chromium, whose new contexts block service workers unless a test asks for one.

    A worker that runs fetches every page of a language to keep offline (about 130 pages, three times
    the work of the visit itself): only the tests of offline use and installing need it (`offline_context`).
    """

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield Browser(browser)
        browser.close()


@contextlib.contextmanager
def _phone_context(browser, **options):
    from tests.browser_helpers import PHONE

    context = browser.new_context(**PHONE, **options)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def context(browser):
    """A fresh phone-sized, touch-enabled browser context: its own storage and caches, no service worker."""
    with _phone_context(browser) as context:
        yield context


@pytest.fixture
def offline_context(browser):
    """A fresh phone context whose service worker runs: it keeps every page of a language offline."""
    with _phone_context(browser, service_workers="allow") as context:
        yield context


@pytest.fixture
def phone_page(context):
    """A fresh page in a phone context of its own."""
    return context.new_page()
