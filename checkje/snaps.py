""""Snaps can be saved": the demonstration, the "it already happened" flow, and ways to say no.

Both flows are a sequence of pages, one step each, so they work with plain links.
A script (static/js/snaps.js) only plays the drawings of the demonstration.
"""

from flask import abort, current_app, render_template, url_for

from checkje import sitemap
from checkje.content import content, help_lines
from checkje.documents import SCENE_MOMENTS
from checkje.i18n import language_blueprint

bp = language_blueprint("snaps", __name__)

# How long the pretend snap stays on screen in the demonstration.
COUNTDOWN_SECONDS = 5


def _position(document, step_id, start_endpoint, step_endpoint):
    """The step with this id, its number, and the pages before and after it; 404 for an unknown id."""
    steps = document["steps"]
    ids = [step["id"] for step in steps]
    if step_id not in ids:
        abort(404)
    index = ids.index(step_id)
    previous_url = url_for(step_endpoint, step_id=ids[index - 1]) if index else url_for(start_endpoint)
    next_url = url_for(step_endpoint, step_id=ids[index + 1]) if index + 1 < len(ids) else None
    return {"step": steps[index], "number": index + 1, "total": len(ids), "previous_url": previous_url, "next_url": next_url}


def _step_pages(document_name):
    """A sitemap lister: one page per step of a document, the same ids in every language."""

    def lister(lang):
        steps = current_app.extensions["checkje.content"].get(document_name, lang)["steps"]
        return [{"step_id": step["id"]} for step in steps]

    return lister


@bp.get("/snaps")
def demo():
    """Introduce the demonstration with the pretend snap."""
    page = content("snaps/demo")
    return render_template("snaps/demo.html", page=page, first_url=url_for(".demo_step", step_id=page["steps"][0]["id"]))


@bp.get("/snaps/<step_id>")
def demo_step(step_id):
    """One step of the demonstration: a scene that can play, or a page of text."""
    page = content("snaps/demo")
    position = _position(page, step_id, ".demo", ".demo_step")
    return render_template(
        "snaps/demo_step.html",
        page=page,
        position=position,
        moments_of_scene=SCENE_MOMENTS,
        countdown_seconds=COUNTDOWN_SECONDS,
    )


@bp.get("/het-is-gebeurd")
def happened():
    """Say first that it is not the youth's fault, and where help is."""
    page = content("snaps/happened")
    return render_template(
        "snaps/happened.html",
        page=page,
        help_lines=help_lines(page["help"]),
        first_url=url_for(".happened_step", step_id=page["steps"][0]["id"]),
    )


@bp.get("/het-is-gebeurd/<step_id>")
def happened_step(step_id):
    """One thing to do, with the help lines always one tap away."""
    page = content("snaps/happened")
    position = _position(page, step_id, ".happened", ".happened_step")
    return render_template("snaps/happened_step.html", page=page, position=position, help_lines=help_lines(page["help"]))


@bp.get("/nee-zeggen")
def say_no():
    """Short replies for when someone asks for a photo or a webcam session."""
    return render_template("snaps/say_no.html", page=content("snaps/say-no"))


sitemap.lists_pages("snaps.demo_step")(_step_pages("snaps/demo"))
sitemap.lists_pages("snaps.happened_step")(_step_pages("snaps/happened"))
