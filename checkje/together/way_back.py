"""The way back from an activity to the step of the talk that opened it, carried in the address only.

A step links to its activities, and its mentor panel to the guide for mentors, with `?samen=<step number>`.
While a page of an activity has a valid number, every address Flask builds for a page of an activity keeps it
(url_defaults), so the plain-link flow, the forms (their actions) and the htmx requests all carry it on, and the
page shows the way back.
A number that is not one of the talk's steps is ignored, like a missing one.
"""

import re

from flask import g, has_request_context, request, url_for

from checkje.content import content
from checkje.together.fields import TALK_STEP
from checkje.together.shapes import ACTIVITY_PAGES

# Whole areas a step opens (the help finder belongs to the help page; the guide for mentors is opened from the
# step's mentor panel, and leads back to the step the pair left), and single pages of other areas.
ACTIVITY_AREAS = ("friendcheck", "walkthroughs", "snaps", "helpfinder", "mentor")
_DIGITS = re.compile(r"[1-9][0-9]?")


def is_activity(endpoint):
    """Whether the page of this endpoint is one a step of the talk may open."""
    return bool(endpoint) and (endpoint.split(".", 1)[0] in ACTIVITY_AREAS or endpoint in ACTIVITY_PAGES)


def talk_step_number():
    """The step number in this request's address, when it is one of the talk's steps and this is an activity page."""
    if not has_request_context():
        return None
    if "talk_step" not in g:
        g.talk_step = _read_talk_step() if is_activity(request.endpoint) else None
    return g.talk_step


def _read_talk_step():
    text = request.args.get(TALK_STEP, "")
    # ASCII digits, no leading zero: int() also reads "²", "١" or "02", which would give one step two addresses.
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= len(content("together/steps")["steps"]) else None


def talk_query():
    """The query that keeps the way back ({"samen": "2"}), or {} when this page has none."""
    number = talk_step_number()
    return {TALK_STEP: str(number)} if number else {}


def in_talk(url, number):
    """An activity's address as a step of the talk links to it: with the step's number."""
    return f"{url}{'&' if '?' in url else '?'}{TALK_STEP}={number}"


def keep_talk_step(endpoint, values):
    """url_defaults: on an activity page with a way back, every address of an activity page keeps it."""
    if is_activity(endpoint) and TALK_STEP not in values:
        number = talk_step_number()
        if number:
            values[TALK_STEP] = number


def way_back():
    """Context for every template: the address and number of the step to go back to, or None."""
    number = talk_step_number()
    if not number:
        return {"talk_way_back": None}
    step = content("together/steps")["steps"][number - 1]
    # On a walkthrough, its app: together.js notes it in this tab, for the checklist at the talk's end.
    app = (request.view_args or {}).get("app") if request.blueprint == "walkthroughs" else None
    return {"talk_way_back": {"number": number, "url": url_for("together.step", step_id=step["id"]), "app": app}}
