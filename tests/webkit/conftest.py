"""WebKit, Safari's engine: Debian's WebKitGTK driven through its WebDriver, in a virtual X display.

One Xvfb and one browser serve the whole module set (they run in one xdist worker, see the
`webkit` group); each test starts from an empty browser: no storage, caches or service workers.
"""

import glob
import os
import shutil
import subprocess

import pytest

from app import create_app
from checkje.core.settings import LANGUAGES
from tests.conftest import NEUTRAL_PATH, TEST_CONFIG, serving_with_a_neutral_site

# Debian's WebKitGTK ships its small browser under the machine's own library folder.
MINIBROWSER = next(iter(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser")), "MiniBrowser")
WAIT_SECONDS = 10

# Leaves the browser as a new one would be: run on a page of ours before the next test.
FORGET_EVERYTHING = """
const done = arguments[arguments.length - 1];
localStorage.clear();
sessionStorage.clear();
Promise.all([
  caches.keys().then(names => Promise.all(names.map(name => caches.delete(name)))),
  navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))),
]).then(() => done(true), error => done(String(error)));
"""


def _no_service_worker(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Not here"]


@pytest.fixture(scope="session")
def webkit_server():
    """The real app, with quick exit pointing at a local stand-in (conftest.serving_with_a_neutral_site).
    No service worker here: it has a test with a server of its own. Elsewhere its install (every page of a
    language) would only keep the browser busy, and the clean-up after each test waiting for it."""
    no_worker = {path: _no_service_worker for path in ["/sw.js"] + [f"/{lang}/sw.js" for lang in LANGUAGES]}
    with serving_with_a_neutral_site(create_app(TEST_CONFIG), no_worker) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def neutral_site(webkit_server):
    return webkit_server + NEUTRAL_PATH + "/"


@pytest.fixture(scope="session")
def display():
    """A virtual X server on a free display number, which Xvfb picks and reports itself."""
    if not shutil.which("Xvfb") or not shutil.which("WebKitWebDriver") or not os.path.exists(MINIBROWSER):
        pytest.fail("The WebKit tests need Xvfb and WebKitWebDriver: run `make webkit` (or `make test`)")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=[write_end],
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    # Xvfb writes the number once it is ready, without a newline. The read end stays open while it
    # runs: Xvfb may write to it again, and a closed pipe would kill it with SIGPIPE.
    number = os.read(read_end, 32).decode().strip()
    yield ":" + number
    xvfb.terminate()
    os.close(read_end)
    xvfb.wait()


def start_webkit(display, *browser_args):
    """A WebKitGTK session; browser_args are MiniBrowser's own switches (--enable-javascript-markup=false)."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = MINIBROWSER
    # With its own arguments the driver starts the browser exactly so: automation mode must be asked for.
    for argument in ("--automation", *browser_args):
        options.add_argument(argument)
    service = Service(env={**os.environ, "DISPLAY": display}, log_output=os.devnull)
    driver = webdriver.WebKitGTK(options=options, service=service)
    driver.set_window_size(390, 844)
    return driver


@pytest.fixture(scope="session")
def webkit_browser(display):
    driver = start_webkit(display)
    yield driver
    driver.quit()


@pytest.fixture
def webkit(webkit_browser, webkit_server):
    """The shared WebKit, emptied after the test of everything our origin left in it."""
    yield webkit_browser
    webkit_browser.get(webkit_server + "/nl/")
    assert webkit_browser.execute_async_script(FORGET_EVERYTHING) is True


def wait(driver, seconds=WAIT_SECONDS):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds)


def wait_for_script(driver, script):
    """Wait until `script` (an expression, which may be a promise) gives something truthy."""
    poll = f"const done = arguments[arguments.length - 1]; Promise.resolve({script}).then(done, () => done(false));"
    return wait(driver).until(lambda d: d.execute_async_script(poll))
