""" "Snaps can be saved": the demonstration, the "it already happened" flow, and ways to say no.

Both flows are a sequence of pages, one step each, so they work with plain links.
A script (static/js/snaps.js) only plays the drawings of the demonstration.
"""

from flask import render_template, url_for

from checkje.content import content
from checkje.core import sequence, sitemap
from checkje.core.i18n import language_blueprint
from checkje.helpfinder.lines import named_help_lines
from checkje.snaps.shapes import SCENE_MOMENTS
from checkje.walkthroughs.shapes import APPS

bp = language_blueprint("snaps", __name__)

# The step of a walkthrough that shows how to block and report someone in that app.
BLOCK_REPORT_STEP = "block-report"

# How long the pretend snap stays on screen in the demonstration.
COUNTDOWN_SECONDS = 5


@bp.get("/snaps")
def demo():
    """Introduce the demonstration with the pretend snap."""
    page = content("snaps/demo")
    return render_template(
        "snaps/demo.html", page=page, first_url=url_for(".demo_step", step_id=page["steps"][0]["id"])
    )


@bp.get("/snaps/<step_id>")
def demo_step(step_id):
    """One step of the demonstration: a scene that can play, or a page of text."""
    page = content("snaps/demo")
    position = sequence.position(page["steps"], step_id, ".demo_step", start_endpoint=".demo")
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
        help_lines=named_help_lines(page["help"]),
        first_url=url_for(".happened_step", step_id=page["steps"][0]["id"]),
    )


@bp.get("/het-is-gebeurd/<step_id>")
def happened_step(step_id):
    """One thing to do, with the help lines always one tap away."""
    page = content("snaps/happened")
    position = sequence.position(page["steps"], step_id, ".happened_step", start_endpoint=".happened")
    return render_template(
        "snaps/happened_step.html", page=page, position=position, help_lines=named_help_lines(page["help"])
    )


@bp.get("/nee-zeggen")
def say_no():
    """Short replies for when someone asks for a photo or a webcam session; how to block and report in each app,
    and a help line."""
    page = content("snaps/say-no")
    walkthroughs = {app: content(f"walkthroughs/{app}") for app in APPS}
    block_report = [
        (document["name"], url_for("walkthroughs.step", app=app, step_id=BLOCK_REPORT_STEP))
        for app, document in walkthroughs.items()
        if any(step["id"] == BLOCK_REPORT_STEP for step in document["steps"])
    ]
    return render_template(
        "snaps/say_no.html", page=page, block_report=block_report, help_lines=named_help_lines(page["help"])
    )


sitemap.lists_pages("snaps.demo_step")(sequence.pages_of("snaps/demo"))
sitemap.lists_pages("snaps.happened_step")(sequence.pages_of("snaps/happened"))
