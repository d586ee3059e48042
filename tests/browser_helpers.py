"""Helpers for the browser tests: devices, a stand-in neutral site, and axe."""

import time
import weakref

from checkje.core.settings import DEFAULTS, ROOT

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# The smallest phone we support; 320 CSS px is also a 1280 px screen at 400 % zoom (WCAG reflow).
SMALL_PHONE = {
    "viewport": {"width": 320, "height": 568},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

# A common cheap Android: what a youth's first screen is measured on (issue 28).
CHEAP_ANDROID = {
    "viewport": {"width": 360, "height": 640},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

NEUTRAL_SITE = DEFAULTS["QUICK_EXIT_URL"]
AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# What the worker answers offline for every page of a language, read from its cache in one go:
# the status, the number of h1 elements and the document's language.
CACHED_PAGES = """async (urls) => {
    const parser = new DOMParser();
    const found = {};
    for (const url of urls) {
        const kept = await caches.match(url, { ignoreVary: true });
        if (!kept) { found[url] = null; continue; }
        const doc = parser.parseFromString(await kept.text(), "text/html");
        found[url] = [kept.status, doc.querySelectorAll("h1").length, doc.documentElement.lang];
    }
    return found;
}"""


def offline_sample(urls, count=6):
    """Pages to open for real with the network off: the worker's navigation path is the same for every page."""
    return urls[:: max(1, len(urls) // count)]


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
    "axe.run(document, {runOnly: runOnly, resultTypes: ['violations']})"
    ".then(result => result.violations.map(v => [v.id, v.nodes.map(node => node.target)]))"
)
# Only these rules depend on the colour scheme: the second, dark run needs no others.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, held_clock=False, rules=None):
    """Run axe-core (from npm, ours) on the page; return the violations as [rule, targets].

    Scrolls to the top first: axe's target-size rule counts a button passing under the sticky
    header as "obscured", which depends only on where the test happened to scroll.
    `rules` runs only those axe rules instead of every WCAG 2.2 AA one.
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
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    if not held_clock:
        return page.evaluate(f"runOnly => {RUN_AXE}", run_only)
    page.evaluate(
        f"runOnly => {{ window.axeViolations = null; {RUN_AXE}.then(found => {{ window.axeViolations = found; }}); }}",
        run_only,
    )
    deadline = time.monotonic() + 30
    while (violations := page.evaluate("window.axeViolations")) is None:
        assert time.monotonic() < deadline, "axe did not finish"
        page.clock.run_for(1)
    return violations


def dark_contrast_violations(page):
    """axe's colour rules with the page in dark mode (prefers-color-scheme: dark); light again after."""
    page.emulate_media(color_scheme="dark")
    try:
        return axe_violations(page, rules=COLOUR_RULES)
    finally:
        page.emulate_media(color_scheme="light")


def is_our_origin(url, base_url):
    return url.startswith(base_url + "/") or url.startswith(("data:", "blob:", "about:"))


def on_first_screen(page, locator):
    """Whether the element is visible without scrolling: wholly inside the viewport of a page at its top."""
    assert page.evaluate("window.scrollY") == 0
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


# What stays on screen while scrolling (sticky header, quick exit, help bar) may take at most this
# share of a small phone's height: 85 px of 568.
MOST_PINNED = 0.15
TAP = 44

# The height of the viewport that pinned elements (position sticky or fixed) cover now: the union
# of their boxes, cut to the viewport, so overlapping and nested ones count once.
PINNED_HEIGHT = """() => {
  const spans = [];
  for (const element of document.querySelectorAll("body *")) {
    const position = getComputedStyle(element).position;
    if (position !== "sticky" && position !== "fixed") continue;
    const box = element.getBoundingClientRect();
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
    if (box.width > 0 && bottom > top) spans.push([top, bottom]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0, end = -Infinity;
  for (const [top, bottom] of spans) {
    if (bottom <= end) continue;
    covered += bottom - Math.max(top, end);
    end = bottom;
  }
  return {height: covered, pinned: spans.length};
}"""

# Links and buttons smaller than a tap target, as [text, width, height]. A link inside running text
# is exempt (WCAG 2.5.8 "inline"): one whose paragraph has other words on its lines, that is its
# nearest block ancestor has text outside the link that is reached through inline elements only
# (text in a block child, like a tile's description under its link, is another paragraph).
# Hidden and visually hidden (1 px) elements are skipped.
SMALL_TAP_TARGETS = """(tap) => {
  const isInline = (element) => getComputedStyle(element).display.startsWith("inline");
  function inRunningText(target) {
    let block = target.parentElement;
    while (block && isInline(block)) block = block.parentElement;
    let words = "";
    (function collect(node) {
      for (const child of node.childNodes) {
        if (child === target) continue;
        if (child.nodeType === Node.TEXT_NODE) words += child.textContent;
        else if (child.nodeType === Node.ELEMENT_NODE && isInline(child)) collect(child);
      }
    })(block);
    return words.trim() !== "";
  }
  const small = [];
  for (const element of document.querySelectorAll("a[href], button, summary, input[type=submit], input[type=button]")) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === "hidden") continue;
    if ((box.width < tap || box.height < tap) && !inRunningText(element)) {
      small.push([(element.textContent || element.value).trim(), Math.round(box.width), Math.round(box.height)]);
    }
  }
  return small;
}"""
