"""Lesson mode for teachers: the lesson plan, the slides and the teacher guide.

The slides are plain linked pages, so they work without JavaScript and offline;
static/js/teacher.js makes them a presentation: it swaps each slide in place (so full
screen stays on) and adds the keys of a projector and a clicker. With a class poll
running, the slides are the answers to POSTs that carry the poll (poll_views.py).
A slide names Checkje's own content by id (see checkje/lesson/shapes.py) and
this module looks it up, so the lesson always shows what the app shows.
"""

from flask import render_template, url_for
from flask_babel import gettext

from checkje.content import content
from checkje.core import sequence, sitemap
from checkje.core.htmx import render
from checkje.core.i18n import language_blueprint
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.friendcheck.parts import check_text, requests_text
from checkje.friendcheck.shapes import ANSWERS as FRIENDCHECK_ANSWERS
from checkje.helpfinder.lines import help_lines
from checkje.lesson.poll_store.contract import shown_times
from checkje.lesson.shapes import OPINIONS
from checkje.snaps.steps import demo_steps
from checkje.walkthroughs.steps import step_link

# In Dutch and English only, like every page for teachers and mentors.
bp = language_blueprint("lesson", __name__, languages=WRITTEN_LANGUAGES)


def questions():
    """The poll's statements, ready to show: words or a practice request, the answers to pick from, and the prompts."""
    statements = content("lesson/statements")
    practice = requests_text()
    requests = {request["id"]: request for request in practice["requests"]}
    shown = []
    for statement in statements["statements"]:
        if "request" in statement:
            labels, answers = practice["answers"], FRIENDCHECK_ANSWERS
            question = {"text": practice["question"], "request": requests[statement["request"]]}
        else:
            labels, answers = statements["answers"], OPINIONS
            question = {"text": statement["text"], "request": None}
        question.update(
            {
                "id": statement["id"],
                "prompts": statement["prompts"],
                "answers": [{"id": answer, "label": labels[answer]} for answer in answers],
            }
        )
        shown.append(question)
    return shown


def _slides():
    return content("lesson/slides")["slides"]


def _drawn_from(slide):
    """What a slide shows from the rest of Checkje, each with a link to it in the app."""
    profile = {item["id"]: item for item in check_text()["profile"]["items"]}
    snaps = {step["id"]: step for step in demo_steps()}
    settings = [step_link(reference) for reference in slide.get("settings", [])]
    poll = questions()
    numbered = {question["id"]: (number, question) for number, question in enumerate(poll, start=1)}
    return {
        "profile": [profile[item_id] for item_id in slide.get("profile", [])],
        "snaps": [
            {"title": snaps[step_id]["title"], "url": url_for("snaps.demo_step", step_id=step_id)}
            for step_id in slide.get("snaps", [])
        ],
        "settings": settings,
        "statement": numbered.get(slide.get("statement")),
        "statement_total": len(poll),
        "lines": help_lines(slide.get("lines", [])),
    }


def first_slide_id():
    return _slides()[0]["id"]


def first_slide_url():
    return url_for(".slide", slide_id=first_slide_id())


@bp.get("/les")
def start():
    """For the teacher: the lesson plan with timings, the slides, the guide, and the class poll."""
    slide_ids = [slide["id"] for slide in _slides()]
    titles = {slide["id"]: slide["title"] for slide in _slides()}
    plan = content("lesson/plan")
    parts = [
        {
            **part,
            "slides": [
                {
                    "title": titles[slide_id],
                    "url": url_for(".slide", slide_id=slide_id),
                    "number": slide_ids.index(slide_id) + 1,
                }
                for slide_id in part["slides"]
            ],
        }
        for part in plan["parts"]
    ]
    return render_template(
        "lesson/start.html", page=plan, parts=parts, first_url=first_slide_url(), poll_times=shown_times()
    )


def slide_context(slide_id):
    """What a slide shows and the way back and on; 404 for an unknown slide."""
    position = sequence.position(_slides(), slide_id, ".slide", start_endpoint=".start", argument="slide_id")
    return {"position": position, "slide": position["step"], "drawn": _drawn_from(position["step"])}


def render_slide(context, **extra):
    """The whole slide page, or only the slide itself when the presentation asks for the next one."""
    return render("lesson/slide.html", "lesson/_slide.html", **context, **extra)


@bp.get("/les/dia/<slide_id>")
def slide(slide_id):
    """One slide for the projector, with the way back and on."""
    return render_slide(slide_context(slide_id))


@bp.get("/les/presentator")
def presenter():
    """The presenter view: every slide's notes and questions for the talk, and back, next and "show the results",
    for a second window on the teacher's own screen while the projector shows the slide and the code alone.
    static/js/teacher.js shows the notes of the slide on the projector and sends the buttons there; without
    it, this is the notes of the whole lesson on one page."""
    slides = _slides()
    notes = [
        {
            "slide": slide,
            "number": number,
            "statement": _drawn_from(slide)["statement"],
            "next_title": slides[number]["title"] if number < len(slides) else None,
        }
        for number, slide in enumerate(slides, start=1)
    ]
    return render_template("lesson/presenter.html", page=_presenter_page(), notes=notes, total=len(slides))


def _presenter_page():
    title = gettext("Presenter view")
    return {"title": title, "description": gettext("The notes and the controls of the lesson's slides.")}


@bp.get("/les/gids")
def guide():
    """The teacher guide: goals, preparation, a pupil who tells you something, and a step plan after an incident."""
    page = content("lesson/guide")
    lines = {section["id"]: help_lines(section.get("lines", [])) for section in page["sections"]}
    goals = content("lesson/plan")["goals"]
    return render_template("lesson/guide.html", page=page, goals=goals, lines=lines, poll_times=shown_times())


sitemap.lists_pages("lesson.slide")(sequence.pages_of("lesson/slides", key="slides", argument="slide_id"))
