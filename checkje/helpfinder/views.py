"""The help finder: plain questions, one per screen, that end at the help lines that fit. Keeps no answers."""

import datetime

from flask import request
from flask_babel import format_date

from checkje.content import content
from checkje.core import htmx
from checkje.core.i18n import language_blueprint
from checkje.helpfinder.lines import help_lines
from checkje.helpfinder.rules import DOCUMENT, next_question, read_answers, result_for

bp = language_blueprint("helpfinder", __name__)


@bp.app_template_filter("source_month")
def source_month(month):
    """A source's month (YYYY-MM) as the visitor's language writes it: oktober 2025."""
    return format_date(datetime.date.fromisoformat(f"{month}-01"), "LLLL yyyy")


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
