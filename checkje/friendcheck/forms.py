"""How every friend-check page answers: the page (or its htmx fragment), a form and its picks, and an old
result address."""

from flask import render_template, request, url_for
from flask_babel import gettext
from markupsafe import Markup
from werkzeug.exceptions import RequestEntityTooLarge

from checkje.core.htmx import is_htmx_request, render
from checkje.friendcheck import fields
from checkje.friendcheck.parts import check_text
from checkje.friendcheck.picks import PickProblem, read_picks

PAGE_TEMPLATE = "friendcheck/page.html"


def render_page(fragment, *, has_answers=True, status=200, **context):
    """A friend-check page, or for htmx just its fragment; both stay out of every cache when they may hold answers."""
    # An htmx answer carries a <title>: htmx puts it in the tab, which then names the new step.
    response = render(
        PAGE_TEMPLATE, fragment, has_answers=has_answers, fragment=fragment, fragment_title=is_htmx_request(), **context
    )
    response.status_code = status
    return response


def render_fragment(fragment, **context):
    """A friend-check fragment as htmx gets it (its <title> first), as a string to carry in a page."""
    return Markup(render_template(fragment, fragment=fragment, fragment_title=True, **context))


def page(title, description):
    return {"title": title, "description": description}


def posted_picks(question, options, *, single=False, required=True):
    """The option ids picked in the posted form of `question`, in the order of `options`; raises PickProblem."""
    try:
        form = request.form
    except RequestEntityTooLarge:
        raise PickProblem("too-large") from None
    if form.get(fields.QUESTION) != question:
        raise PickProblem("unreadable")
    allowed = [option["id"] for option in options]
    return read_picks(form, fields.PICKS, allowed, single=single, required=required)


def form_page(template, question, options, *, problem=None, single=False, **context):
    """The form, posting to this page; with a problem, the same form again with a message saying what to do."""
    return render_page(
        template,
        # A form shown again after an answer came in is part of that answer.
        has_answers=problem is not None,
        status=_status(problem),
        question=question,
        options=options,
        single=single,
        action=url_for(request.endpoint, **request.view_args),
        problem=problem,
        **context,
    )


def _status(problem):
    """200 for the form itself, 413 for a body too big to read, 400 for any other problem with the picks."""
    if problem is None:
        return 200
    return 413 if problem == "too-large" else 400


def result_gone(form_endpoint, **view_args):
    """An old result address: results are no longer in addresses, so do the part again (410, kept nowhere)."""
    return render_page(
        "friendcheck/result_gone.html",
        status=410,
        page=page(gettext("Your result is not kept here"), check_text()["start"]["description"]),
        again_url=url_for(form_endpoint, **view_args),
    )
