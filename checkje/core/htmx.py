"""Full pages for plain links and forms; just the changed part when htmx asks.

A page template includes its fragment template, so both always show the same
thing. Responses say they vary on HX-Request, so no cache mixes them up.

The one rule for forms, with and without htmx: a form POSTs, and an answer built
from what the visitor chose (the friend check's results, the help finder's, the
teacher's poll controls) is the reply to the POST itself, kept by no cache, so it
never ends up in an address or the browser's history. Bad input gets the form
again with its message and a 4xx status, which htmx swaps in like any answer
(base.html's htmx-config: responseHandling).
"""

from flask import make_response, render_template, request


def is_htmx_request():
    # htmx sends HX-History-Restore-Request when it restores history; that needs the full page.
    return request.headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in request.headers


def render(page_template, fragment_template, *, has_answers=False, **context):
    """Render the page, or only its fragment for htmx; `has_answers` keeps the response out of every cache."""
    template = fragment_template if is_htmx_request() else page_template
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    if has_answers:
        response.headers["Cache-Control"] = "no-store"
    return response
