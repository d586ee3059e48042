"""Walkthrough steps as other areas name them ("instagram/private-account"): a link to one, and the build check."""

from flask import url_for

from checkje.content import content
from checkje.content.schema import Pattern, Problem


def step_reference(**kwargs):
    """The shape of a step named from another file; `unknown_steps` checks that it exists."""
    return Pattern(
        r"[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*", "should name an app and a step, like instagram/private-account", **kwargs
    )


def step_link(reference):
    """The app's name, the step's title and the step's address, for a reference like instagram/private-account."""
    app, step_id = reference.split("/")
    walkthrough = content(f"walkthroughs/{app}")
    step = next(step for step in walkthrough["steps"] if step["id"] == step_id)
    return {
        "app": walkthrough["name"],
        "title": step["title"],
        "url": url_for("walkthroughs.step", app=app, step_id=step_id),
    }


def known_steps(documents):
    """Every walkthrough step as other files name it, from the documents being built."""
    return {
        f"{name.split('/')[1]}/{step['id']}"
        for name, document in documents.items()
        if name.startswith("walkthroughs/") and "steps" in document
        for step in document["steps"]
    }


def unknown_steps(documents, name, references):
    """Yield (document name, Problem) for each (place, line, "app/step") that is not a walkthrough step."""
    known = known_steps(documents)
    for place, line, reference in references:
        if reference not in known:
            app = reference.split("/")[0]
            yield name, Problem(place, line, f"{reference!r} is not a step in content/walkthroughs/{app}.yaml")
