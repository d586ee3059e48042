"""Cheap refreshes: the teacher's screen asks for the count every second, pupils' phones ask for the
open statement every few seconds. When nothing changed the answer is a 304 without a body.

Only htmx refreshes get a validator (a weak ETag of what the answer shows: the poll's version or
its open statement, never the secret) and `Cache-Control: no-cache`, so the browser keeps the last
answer and asks with If-None-Match. Whole pages stay no-store, so no cache or service worker keeps
a poll page; htmx requests are never kept by the service worker or the page cache anyway.
"""

import functools
import hashlib
from pathlib import Path

from flask import g, make_response, request

from checkje.core.htmx import is_htmx_request
from checkje.core.i18n import current_language
from checkje.core.settings import ROOT

# What a refresh's answer is made of besides the poll: a new release of any of them gives new tags,
# the same on every app server of that release.
_MADE_OF = ("templates/lesson/*.html", "translations/*/LC_MESSAGES/*.mo", "content/lesson/*.yaml")


@functools.cache
def _release():
    digest = hashlib.sha256()
    for path in sorted(path for pattern in _MADE_OF for path in Path(ROOT).glob(pattern)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _tag(state):
    # The language too: the same poll's answer in Dutch and in English are two answers.
    return hashlib.sha256("|".join(map(str, (_release(), current_language(), *state))).encode()).hexdigest()[:24]


def answer(state, make):
    """`make()` for anything but an htmx GET; for one, a 304 when the browser holds the answer for `state`,
    without making it: that is what keeps a class's refreshes cheap."""
    if request.method != "GET" or not is_htmx_request():
        return make()
    tag = _tag(state)
    response = make_response("", 304) if request.if_none_match.contains_weak(tag) else make_response(make())
    response.set_etag(tag, weak=True)
    g.poll_refresh = True
    return response


def kept_nowhere_but_refreshed(view):
    """No cache keeps the answer (no-store), except an htmx refresh, which the browser revalidates."""

    @functools.wraps(view)
    def answer_of(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        refreshable = g.pop("poll_refresh", False) and response.status_code in (200, 304)
        response.headers["Cache-Control"] = "no-cache" if refreshable else "no-store"
        return response

    return answer_of
