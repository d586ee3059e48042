"""Helpers for the browser tests: devices, a stand-in neutral site, and axe."""

from checkje.core.settings import DEFAULTS, ROOT

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

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


def axe_violations(page):
    """Run axe-core (from npm, ours) on the page; return the violations as (rule, targets).

    Scrolls to the top first: axe's target-size rule counts a button passing under the sticky
    header as "obscured", which depends only on where the test happened to scroll.
    """
    page.evaluate("window.scrollTo(0, 0)")
    # A context may load axe into every page itself (context.add_init_script(AXE_SOURCE)).
    if not page.evaluate("!!window.axe"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        # Only violations are needed; skipping the other result types makes axe much faster.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"]]


def is_our_origin(url, base_url):
    return url.startswith(base_url + "/") or url.startswith(("data:", "blob:", "about:"))
