"""Helpers for the browser tests: devices, a stand-in neutral site, and axe."""

import time
import weakref

from checkje.core.settings import DEFAULTS, ROOT

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# The smallest phone we support; 320 CSS px is also a 1280 px screen at 400 % zoom (WCAG reflow).
SMALL_PHONE = {
    "viewport": {"width": 320, "height": 640},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

NEUTRAL_SITE = DEFAULTS["QUICK_EXIT_URL"]
AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def answer_for_neutral_site(context):
    """Stand in for the neutral site, so quick-exit tests need no internet."""
    context.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Weer</title><p>Weer</p>"
        ),
    )


_AXE_CONTEXTS = weakref.WeakSet()
# Only violations are needed: skipping the other result types makes axe much faster, and only
# each rule and its targets cross over to Python.
RUN_AXE = (
    "axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
    ".then(result => result.violations.map(v => [v.id, v.nodes.map(node => node.target)]))"
)


def axe_violations(page, held_clock=False):
    """Run axe-core (from npm, ours) on the page; return the violations as [rule, targets].

    Scrolls to the top first: axe's target-size rule counts a button passing under the sticky
    header as "obscured", which depends only on where the test happened to scroll.
    With held_clock (the test paused page.clock), the clock is run a millisecond at a time until
    axe, which waits on zero-delay timers, has finished: the page moves on by a few milliseconds only.
    """
    page.evaluate("window.scrollTo(0, 0)")
    if not page.evaluate("!!window.axe"):
        # Later pages of this context get axe as an init script: Chromium compiles that once, while
        # evaluating the 550 KB source again costs a few tenths of a second on every page.
        if page.context not in _AXE_CONTEXTS:
            page.context.add_init_script(AXE_SOURCE)
            _AXE_CONTEXTS.add(page.context)
        page.evaluate(AXE_SOURCE)
    if not held_clock:
        return page.evaluate(f"tags => {RUN_AXE}", WCAG_TAGS)
    page.evaluate(
        f"tags => {{ window.axeViolations = null; {RUN_AXE}.then(found => {{ window.axeViolations = found; }}); }}",
        WCAG_TAGS,
    )
    deadline = time.monotonic() + 30
    while (violations := page.evaluate("window.axeViolations")) is None:
        assert time.monotonic() < deadline, "axe did not finish"
        page.clock.run_for(1)
    return violations


def is_our_origin(url, base_url):
    return url.startswith(base_url + "/") or url.startswith(("data:", "blob:", "about:"))


def on_first_screen(page, locator):
    """Whether the element is visible without scrolling: wholly inside the viewport of a page at its top."""
    assert page.evaluate("window.scrollY") == 0
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]
