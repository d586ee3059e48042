"""The help finder: plain questions, one per screen, that end at the help lines that fit. Keeps no answers."""

import datetime

from flask import request, url_for
from flask_babel import format_date, gettext

from checkje.content import content
from checkje.core import htmx
from checkje.core.i18n import language_blueprint
from checkje.core.templating import call_links
from checkje.helpfinder.lines import help_lines
from checkje.helpfinder.rules import DOCUMENT, every_step, next_question, read_answers, result_for

bp = language_blueprint("helpfinder", __name__)


@bp.app_template_filter("source_month")
def source_month(month):
    """A source's month (YYYY-MM) as the visitor's language writes it: oktober 2025."""
    return format_date(datetime.date.fromisoformat(f"{month}-01"), "LLLL yyyy")


def _offline(finder):
    """What the page carries so that, offline, the browser asks the same questions and shows the same result: every
    step, the questions' words, and each result's words with its lines by id (their cards come from the help page as
    the service worker keeps it). No answer is in it: they stay in the page."""
    return {
        "steps": every_step(finder),
        # The questions in the order they are asked (the page writes its keys sorted).
        "order": [question["id"] for question in finder["questions"]],
        "questions": {
            question["id"]: {
                "text": question["text"],
                "hint": question.get("hint"),
                "answers": [[answer["id"], answer["label"]] for answer in question["answers"]],
            }
            for question in finder["questions"]
        },
        "results": {
            result["id"]: {
                "heading": str(call_links(result["heading"])),
                "text": str(call_links(result["text"])),
                "lines": result["lines"],
            }
            for result in finder["results"]
        },
        "count": gettext("Question %(number)s of %(count)s", number="{number}", count=len(finder["questions"])),
        "help": url_for("pages.help"),
        "all_lines": gettext("See all help lines"),
        "again": [url_for("helpfinder.finder"), gettext("Start again")],
        # Said as the server says it when "next" is pressed with nothing chosen.
        "problem": [gettext("There is a problem"), gettext("Choose one answer.")],
    }


def _render(answers, *, missing_answer=False):
    finder = content(DOCUMENT)
    result = result_for(finder, answers)
    questions = finder["questions"]
    question = None if result else next_question(finder, answers)
    return htmx.render(
        "helpfinder/page.html",
        "helpfinder/_finder.html",
        has_answers=bool(answers) or missing_answer,
        page=finder,
        answers=answers,
        question=question,
        question_number=questions.index(question) + 1 if question else None,
        question_count=len(questions),
        result=result,
        result_lines=help_lines(result["lines"]) if result else [],
        missing_answer=missing_answer,
        offline=_offline(finder),
    )


@bp.get("/hulpzoeker")
def finder():
    """Ask the first question."""
    return _render({})


@bp.post("/hulpzoeker")
def answer():
    """Take the answers so far and show the next question, or the help that fits."""
    answers = read_answers(content(DOCUMENT), request.form)
    asked = request.form.get("asked")
    missing_answer = bool(asked) and asked not in answers
    response = _render(answers, missing_answer=missing_answer)
    if missing_answer:
        response.status_code = 400  # the same question again, with its message
    return response
