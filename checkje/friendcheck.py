"""Friend check: a youth's own rules for accepting friend and follow requests.

Four parts, each a plain form: my rules now, practice requests, my profile
through a loverboy's eyes, and the rules I keep. A form posts option ids; the
answer is a 303 to a result page whose query holds those ids (never typed text).
With htmx the form is answered in place instead. The server keeps nothing: every
result is computed from the ids in the request and then forgotten.
"""

from dataclasses import dataclass
from typing import Callable

from flask import abort, current_app, redirect, request, url_for
from flask_babel import gettext
from werkzeug.exceptions import RequestEntityTooLarge

from checkje import sitemap
from checkje.content import content
from checkje.htmx import is_htmx_request, render
from checkje.i18n import language_blueprint
from checkje.picks import PickProblem, read_picks
from checkje.settings import LANGUAGES

bp = language_blueprint("friendcheck", __name__)

PAGE_TEMPLATE = "friendcheck/page.html"
# The form field with the picked option ids, and the hidden field that names the
# question: a body without it is not one of our forms.
PICKS_FIELD = "keuze"
QUESTION_FIELD = "vraag"
PARTS = ("rules_now", "practice", "profile", "my_rules")


def _check():
    return content("friendcheck/check")


def _requests():
    return content("friendcheck/requests")


def _part_titles():
    check = _check()
    return {
        "rules_now": check["rules_now"]["title"],
        "practice": _requests()["title"],
        "profile": check["profile"]["title"],
        "my_rules": check["my_rules"]["title"],
    }


def _part_urls():
    first_request = _requests()["requests"][0]["id"]
    return {
        "rules_now": url_for("friendcheck.rules_now"),
        "practice": url_for("friendcheck.practice", request_id=first_request),
        "profile": url_for("friendcheck.profile"),
        "my_rules": url_for("friendcheck.my_rules"),
    }


def _next_part(part):
    """The "next" button under a part's result: its words and address."""
    following = PARTS[PARTS.index(part) + 1]
    return {"label": gettext("Next: %(step)s", step=_part_titles()[following]), "url": _part_urls()[following]}


def _progress(part):
    return {"number": PARTS.index(part) + 1, "total": len(PARTS), "title": _part_titles()[part]}


@dataclass(frozen=True)
class Question:
    """One form of the check: the ids it accepts, and what its form and result pages show."""

    name: str
    options: Callable[..., list]
    form_context: Callable[..., dict]
    result_context: Callable[..., dict]
    single: bool = False
    required: bool = True
    form_template: str = "friendcheck/question.html"

    def allowed(self, **view_args):
        return [option["id"] for option in self.options(**view_args)]

    def ask(self, view_args, problem=None, status=200):
        """The form; with a problem, the same form again with a message saying what to do."""
        response = _render_page(
            self.form_template,
            # A form shown again after an answer came in is part of that answer.
            has_answers=problem is not None,
            question=self.name,
            options=self.options(**view_args),
            single=self.single,
            action=url_for(f"friendcheck.{self.name}", **view_args),
            problem=problem,
            **self.form_context(**view_args),
        )
        response.status_code = status
        return response

    def result_url(self, view_args, picks, **language):
        """The result page's address: the picked ids in the query, nothing a youth typed."""
        return url_for(f"friendcheck.{self.name}_result", **language, **view_args, **{PICKS_FIELD: picks})

    def answer(self, view_args, picks):
        # The language switch keeps the picks, so the result reads the same in the other language.
        twins = {lang: self.result_url(view_args, picks, lang=lang) for lang in LANGUAGES}
        return _render_page(
            f"friendcheck/{self.name}_result.html",
            alternate_paths=twins,
            **self.result_context(picks, **view_args),
        )

    def receive(self, view_args):
        """A posted form: the result for htmx, else a 303 to the result page."""
        try:
            form = request.form
            if form.get(QUESTION_FIELD) != self.name:
                raise PickProblem("unreadable")
            picks = read_picks(form, PICKS_FIELD, self.allowed(**view_args), single=self.single, required=self.required)
        except RequestEntityTooLarge:
            return self.ask(view_args, problem="too-large", status=413)
        except PickProblem as problem:
            return self.ask(view_args, problem=problem.reason, status=400)
        if is_htmx_request():
            return self.answer(view_args, picks)
        return redirect(self.result_url(view_args, picks), code=303)

    def show(self, view_args):
        """The result page, from the ids in its query; bad ids get the form again."""
        try:
            picks = read_picks(request.args, PICKS_FIELD, self.allowed(**view_args), single=self.single, required=self.required)
        except PickProblem as problem:
            return self.ask(view_args, problem=problem.reason, status=400)
        return self.answer(view_args, picks)


def _render_page(fragment, *, has_answers=True, **context):
    """A friend-check page, or for htmx just its fragment; both stay out of every cache when they may hold answers."""
    # An htmx answer carries a <title>: htmx puts it in the tab, which then names the new step.
    return render(PAGE_TEMPLATE, fragment, has_answers=has_answers, fragment=fragment, fragment_title=is_htmx_request(), **context)


def _page(title, description):
    return {"title": title, "description": description}


# --- Part 1: my rules now


def _reasons():
    return _check()["rules_now"]["reasons"]


def _rules_now_form():
    part = _check()["rules_now"]
    return {"page": part, "progress": _progress("rules_now"), "legend": part["question"], "intro": part["intro"]}


def _rules_now_result(picks):
    part = _check()["rules_now"]
    return {
        "page": _page(part["result_title"], part["description"]),
        "progress": _progress("rules_now"),
        "intro": part["result_intro"],
        "chosen": [reason for reason in _reasons() if reason["id"] in picks],
        "rules": {rule["id"]: rule for rule in _check()["my_rules"]["rules"]},
        "again_url": url_for("friendcheck.rules_now"),
        "next": _next_part("rules_now"),
    }


RULES_NOW = Question(
    "rules_now",
    options=lambda: [{"id": reason["id"], "label": reason["label"]} for reason in _reasons()],
    form_context=_rules_now_form,
    result_context=_rules_now_result,
)


# --- Part 2: practice requests


def _practice_request(request_id):
    """The request with this id, its place in the list, and the one after it (or None)."""
    requests = _requests()["requests"]
    for index, practice in enumerate(requests):
        if practice["id"] == request_id:
            following = requests[index + 1] if index + 1 < len(requests) else None
            return practice, index + 1, len(requests), following
    abort(404)


def _answers(request_id):
    _practice_request(request_id)  # an unknown request is a 404, also for its answers
    labels = _requests()["answers"]
    return [{"id": answer, "label": labels[answer]} for answer in labels]


def _practice_form(request_id):
    part = _requests()
    practice, number, total, _ = _practice_request(request_id)
    heading = gettext("Request %(number)s of %(total)s", number=number, total=total)
    return {
        "page": _page(f"{heading}: {part['title']}", part["description"]),
        "heading": heading,
        "progress": _progress("practice"),
        "legend": part["question"],
        "intro": part["intro"],
        "practice": practice,
    }


def _practice_result(picks, request_id):
    part = _requests()
    practice, number, total, following = _practice_request(request_id)
    (answer,) = picks
    verdict = part["verdicts"][practice["best"]]
    if following:
        next_step = {"label": gettext("Next request"), "url": url_for("friendcheck.practice", request_id=following["id"])}
    else:
        next_step = _next_part("practice")
    return {
        "page": _page(verdict["title"], part["description"]),
        "progress": _progress("practice"),
        "practice": practice,
        "number": number,
        "total": total,
        "answer_label": part["answers"][answer],
        "reply": verdict[f"after_{answer}"],
        "show_check_first": "check" in (answer, practice["best"]),
        "check_first": part["check_first"],
        "again_url": url_for("friendcheck.practice", request_id=request_id),
        "next": next_step,
    }


PRACTICE = Question(
    "practice",
    options=_answers,
    form_context=_practice_form,
    result_context=_practice_result,
    single=True,
    form_template="friendcheck/practice.html",
)


# --- Part 3: my profile through a loverboy's eyes


def _profile_items():
    return _check()["profile"]["items"]


def _profile_form():
    part = _check()["profile"]
    return {"page": part, "progress": _progress("profile"), "legend": part["question"], "intro": part["intro"]}


def _profile_result(picks):
    part = _check()["profile"]
    return {
        "page": _page(part["result_title"], part["description"]),
        "progress": _progress("profile"),
        "intro": part["result_intro"],
        "nothing_chosen": part["nothing_chosen"],
        "chosen": [item for item in _profile_items() if item["id"] in picks],
        "again_url": url_for("friendcheck.profile"),
        "next": _next_part("profile"),
    }


PROFILE = Question(
    "profile",
    options=lambda: [{"id": item["id"], "label": item["label"]} for item in _profile_items()],
    form_context=_profile_form,
    result_context=_profile_result,
    # Nothing may fit a youth's profile: then there is nothing to change.
    required=False,
)


# --- Part 4: my rules


def _rules():
    return _check()["my_rules"]["rules"]


def _my_rules_form():
    part = _check()["my_rules"]
    return {
        "page": part,
        "progress": _progress("my_rules"),
        "legend": part["question"],
        "intro": part["intro"],
        "summary_url": url_for("friendcheck.my_rules_result"),
    }


def _my_rules_result(picks):
    part = _check()["my_rules"]
    return {
        "page": _page(part["result_title"], part["description"]),
        "progress": _progress("my_rules"),
        "intro": part["result_intro"],
        "outro": part["result_outro"],
        "chosen": [rule for rule in _rules() if rule["id"] in picks],
        "again_url": url_for("friendcheck.my_rules"),
    }


MY_RULES = Question(
    "my_rules",
    options=lambda: [{"id": rule["id"], "label": rule["text"]} for rule in _rules()],
    form_context=_my_rules_form,
    result_context=_my_rules_result,
)


# --- Routes


@bp.get("/vriendencheck")
def start():
    """What the friend check is, and its four parts."""
    titles, urls = _part_titles(), _part_urls()
    parts = [{"title": titles[part], "url": urls[part]} for part in PARTS]
    return _render_page("friendcheck/start.html", has_answers=False, page=_check()["start"], parts=parts)


@bp.route("/vriendencheck/mijn-regels-nu", methods=["GET", "POST"])
def rules_now():
    """Part 1: which reasons the youth really uses to accept someone."""
    return RULES_NOW.receive({}) if request.method == "POST" else RULES_NOW.ask({})


@bp.get("/vriendencheck/mijn-regels-nu/uitslag")
@sitemap.unlisted
def rules_now_result():
    return RULES_NOW.show({})


@bp.route("/vriendencheck/oefenen/<request_id>", methods=["GET", "POST"])
def practice(request_id):
    """Part 2: one practice request, to accept, decline or check first."""
    view_args = {"request_id": request_id}
    return PRACTICE.receive(view_args) if request.method == "POST" else PRACTICE.ask(view_args)


@bp.get("/vriendencheck/oefenen/<request_id>/uitslag")
@sitemap.unlisted
def practice_result(request_id):
    return PRACTICE.show({"request_id": request_id})


@sitemap.lists_pages("friendcheck.practice")
def _practice_pages(lang):
    requests = current_app.extensions["checkje.content"].get("friendcheck/requests", lang)["requests"]
    return [{"request_id": practice["id"]} for practice in requests]


@bp.route("/vriendencheck/mijn-profiel", methods=["GET", "POST"])
def profile():
    """Part 3: what a loverboy would see on the youth's profile, and one step for each."""
    return PROFILE.receive({}) if request.method == "POST" else PROFILE.ask({})


@bp.get("/vriendencheck/mijn-profiel/uitslag")
@sitemap.unlisted
def profile_result():
    return PROFILE.show({})


@bp.route("/vriendencheck/mijn-regels", methods=["GET", "POST"])
def my_rules():
    """Part 4: the safe rules the youth chooses to keep."""
    return MY_RULES.receive({}) if request.method == "POST" else MY_RULES.ask({})


@bp.get("/vriendencheck/mijn-regels/overzicht")
@sitemap.unlisted
def my_rules_result():
    """The youth's rules on one screen, to screenshot or print."""
    return MY_RULES.show({})
