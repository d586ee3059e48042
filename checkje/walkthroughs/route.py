"""The short route first: a walkthrough's most important steps (`quick_steps`, in their order), then the rest.

Each part is a flow of its own (checkje.core.sequence): "step 2 of 5" counts within it.
After the short route comes a page that offers the rest; after the rest, the end.
"""

from checkje.core import sequence
from checkje.walkthroughs import fields

QUICK, REST = "quick", "rest"


def parts(walkthrough):
    """{QUICK: the short route's steps, REST: the other steps in file order}."""
    by_id = {step["id"]: step for step in walkthrough["steps"]}
    quick = walkthrough["quick_steps"]
    return {
        QUICK: [by_id[step_id] for step_id in quick],
        REST: [step for step in walkthrough["steps"] if step["id"] not in quick],
    }


def step_position(walkthrough, app, step_id, phone):
    """(the part the step is in, its sequence.position there); 404 for an unknown step.

    The rest starts where the short route ends: its first step leads back to that page.
    """
    split = parts(walkthrough)
    part = QUICK if any(step["id"] == step_id for step in split[QUICK]) else REST
    position = sequence.position(
        split[part],
        step_id,
        ".step",
        start_endpoint=".quick_done" if part == REST else None,
        app=app,
        **{fields.PHONE: phone},
    )
    return part, position
