"""Firefox (Gecko): Debian's firefox-esr driven over WebDriver BiDi by npm puppeteer-core (driver.mjs), which
needs no downloaded driver. One Firefox serves every Gecko test (they run in one xdist worker, see the
`gecko` group); each test gets a browser context of its own, so storage, caches and workers start empty."""

import base64
import contextlib
import itertools
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from app import create_app
from checkje.core.settings import ROOT
from tests.browser_helpers import PHONE
from tests.conftest import TEST_CONFIG, serving_with_a_neutral_site

DRIVER = Path(__file__).with_name("driver.mjs")
# Puppeteer's own waits end after 30 s; a call that has not answered after this has hung.
CALL_SECONDS = 60
WAIT_SECONDS = 20


class GeckoError(AssertionError):
    """What Firefox or puppeteer said went wrong in a call."""


class Firefox:
    """The driver process, with Firefox behind it."""

    def __init__(self, executable):
        self._home = tempfile.mkdtemp(prefix="checkje-gecko-")
        self._process = subprocess.Popen(
            ["node", str(DRIVER)],
            cwd=ROOT,
            env={**os.environ, "FIREFOX": executable, "HOME": self._home},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self._ids = itertools.count()

    def request(self, **message):
        message_id = next(self._ids)
        self._process.stdin.write(json.dumps({"id": message_id, **message}) + "\n")
        self._process.stdin.flush()
        ready, _, _ = select.select([self._process.stdout], [], [], CALL_SECONDS)
        if not ready:
            raise GeckoError(f"Firefox did not answer within {CALL_SECONDS} s: {message}")
        line = self._process.stdout.readline()
        if not line:
            raise GeckoError(f"the Firefox driver stopped (exit {self._process.poll()})")
        answer = json.loads(line)
        assert answer["id"] == message_id
        if "error" in answer:
            raise GeckoError(answer["error"])
        return answer["result"]

    def new_page(self, viewport):
        return GeckoPage(self, self.request(call={"on": "own", "method": "newPage", "args": [{"viewport": viewport}]}))

    def quit(self):
        try:
            self._process.stdin.write(json.dumps({"id": "quit"}) + "\n")
            self._process.stdin.close()
            self._process.wait(20)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        shutil.rmtree(self._home, ignore_errors=True)


def call(method, *args, on="page", functions=()):
    """One call of a puppeteer method, to send alone or with others at once (GeckoPage.at_once)."""
    return {"on": on, "method": method, "args": list(args), "functions": list(functions)}


class GeckoPage:
    """A tab of its own in Firefox: the few puppeteer methods the tests use, by their own names."""

    def __init__(self, firefox, page_id):
        self._firefox = firefox
        self._id = page_id

    def run(self, one_call):
        return self._firefox.request(call={**one_call, "page": self._id})

    def at_once(self, *calls):
        """Start every call, then wait for all: a click and the navigation it starts, say."""
        return self._firefox.request(all=[{**one_call, "page": self._id} for one_call in calls])

    def goto(self, url):
        return self.run(call("goto", url, {"waitUntil": "load"}))

    def evaluate(self, function, *args):
        """The value of `function` (JavaScript source of a function) run in the page with `args`."""
        return self.run(call("evaluate", function, *args, functions=[0]))

    def wait_for(self, function, *args):
        """Wait until `function` (JavaScript source) gives something truthy in the page."""
        self.run(call("waitForFunction", function, {"timeout": 20_000}, *args, functions=[0]))

    def click(self, selector):
        self.run(call("click", selector))

    def click_and_wait_for_navigation(self, selector):
        self.at_once(call("waitForNavigation", {"waitUntil": "load"}), call("click", selector))

    def wait_for_url(self, url):
        """Wait until the tab shows `url`. Asked again and again from here: a page that leaves by script
        (location.replace) or is shown again from the back-forward cache fires no event to wait for."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            with contextlib.suppress(GeckoError):  # asked while the page changes
                if self.url() == url:
                    return
            assert time.monotonic() < deadline, f"the tab did not reach {url}"
            time.sleep(0.05)

    def press(self, key):
        self.run(call("press", key, on="keyboard"))

    def url(self):
        return self.evaluate("() => location.href")

    def go_back(self):
        """Back, as the phone's own button: wait_for_url tells where it went."""
        self.evaluate("() => history.back()")

    def set_offline(self, offline):
        self.run(call("setOfflineMode", offline))

    def screenshot(self, clip=None):
        """PNG bytes of the viewport, or of the `clip` {x, y, width, height} in CSS pixels."""
        options = {"encoding": "base64", **({"clip": clip} if clip else {})}
        return base64.b64decode(self.run(call("screenshot", options)))

    def close(self):
        self._firefox.request(call={"on": "own", "method": "closePage", "args": [{"page": self._id}]})


def firefox_executable():
    executable = os.environ.get("FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
    if not executable:
        pytest.fail("The Gecko tests need Firefox: run `make test`, which installs firefox-esr, or set FIREFOX=…")
    if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
        pytest.fail("The Gecko tests need npm puppeteer-core: run `make test`, which installs it")
    return executable


@pytest.fixture(scope="session")
def firefox():
    browser = Firefox(firefox_executable())
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def gecko_server():
    """The real app with its service worker, and quick exit pointing at a local stand-in."""
    with serving_with_a_neutral_site(create_app(TEST_CONFIG)) as base_url:
        yield base_url


@pytest.fixture
def gecko(firefox):
    """A fresh phone-sized Firefox tab in a browser context of its own."""
    page = firefox.new_page(PHONE["viewport"])
    yield page
    page.close()
