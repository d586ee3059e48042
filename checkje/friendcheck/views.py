"""Friend check: a youth's own rules for accepting friend and follow requests.

Four parts, each a plain form: my rules now, practice requests, my profile
through a loverboy's eyes, and the rules I keep; and a quick round of a few
practice requests that comes first. A form posts option ids and the result is
the answer to that POST itself, kept by no cache (with htmx, swapped in place):
nothing a youth chose is ever in an address, so the browser's history holds no
answers. The server keeps nothing: every result is computed from the posted ids
and then forgotten. Saved rules live in the browser only (friendcheck.js); their
overview page is the same for everyone and shows them from there.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import redirect, request, url_for
from flask_babel import gettext
from werkzeug.exceptions import RequestEntityTooLarge

from checkje.content import document
from checkje.core import sequence, sitemap
from checkje.core.htmx import is_htmx_request, render
from checkje.core.i18n import language_blueprint
from checkje.friendcheck import fields
from checkje.friendcheck.parts import (
    check_text,
    next_part,
    part_titles,
    part_urls,
    progress,
    quick_round_link,
    requests_text,
)
from checkje.friendcheck.picks import PickProblem, read_picks
from checkje.friendcheck.shapes import PARTS
from checkje.together.way_back import talk_query

bp = language_blueprint("friendcheck", __name__)

PAGE_TEMPLATE = "friendcheck/page.html"


@dataclass(frozen=True)
class Question:
    """One form of the check: the ids it accepts, and what its form and result pages show."""

    name: str
    rule: str
    # Where results used to be, with the answers in the query; it now says to do the part again.
    old_result_rule: str | None
    options: Callable[..., list]
    form_context: Callable[..., dict]
    result_context: Callable[..., dict]
    single: bool = False
    required: bool = True
    form_template: str = "friendcheck/question.html"
    result_template: str = ""  # friendcheck/<name>_result.html when empty

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

    def answer(self, view_args, picks):
        """The result, as the answer to the POST: no-store, and its links lead on without the answers."""
        return _render_page(
            self.result_template or f"friendcheck/{self.name}_result.html",
            **self.result_context(picks, **view_args),
        )

    def receive(self, view_args):
        """A posted form: its result (200), or the form again with a 4xx."""
        try:
            form = request.form
            if form.get(fields.QUESTION) != self.name:
                raise PickProblem("unreadable")
            picks = read_picks(
                form, fields.PICKS, self.allowed(**view_args), single=self.single, required=self.required
            )
        except RequestEntityTooLarge:
            return self.ask(view_args, problem="too-large", status=413)
        except PickProblem as problem:
            return self.ask(view_args, problem=problem.reason, status=400)
        return self.answer(view_args, picks)

    def result_gone(self, view_args):
        """An old result address: results are no longer in addresses, so do the part again (410, kept nowhere)."""
        self.options(**view_args)  # an unknown practice request is a 404 here too
        response = _render_page(
            "friendcheck/result_gone.html",
            page=_page(gettext("Your result is not kept here"), check_text()["start"]["description"]),
            again_url=url_for(f"friendcheck.{self.name}", **view_args),
        )
        response.status_code = 410
        return response


def _render_page(fragment, *, has_answers=True, **context):
    """A friend-check page, or for htmx just its fragment; both stay out of every cache when they may hold answers."""
    # An htmx answer carries a <title>: htmx puts it in the tab, which then names the new step.
    return render(
        PAGE_TEMPLATE, fragment, has_answers=has_answers, fragment=fragment, fragment_title=is_htmx_request(), **context
    )


def _page(title, description):
    return {"title": title, "description": description}


# --- Parts 1, 3 and 4 live in friendcheck/check.yaml, each with a question, options and a result.


def _items(part, key):
    return check_text()[part][key]


def _check_question(part, key, label, *, rule, old_result_rule, extra=dict, required=True):
    """A question of parts 1, 3 and 4: pick items from a list; the result shows the picked ones in content order.

    `key` names the list in the part's content, `label` the text of an item that
    the form shows; `extra` adds what only this part's result needs.
    """

    def options():
        return [{"id": item["id"], "label": item[label]} for item in _items(part, key)]

    def form_context():
        text = check_text()[part]
        return {"page": text, "progress": progress(part), "legend": text["question"], "intro": text["intro"]}

    def result_context(picks):
        text = check_text()[part]
        return {
            "page": _page(text["result_title"], text["description"]),
            "text": text,
            "progress": progress(part),
            "intro": text["result_intro"],
            "chosen": [item for item in _items(part, key) if item["id"] in picks],
            "again_url": url_for(f"friendcheck.{part}"),
            "next": next_part(part) if part != PARTS[-1] else None,
            **extra(),
        }

    return Question(
        part,
        rule=rule,
        old_result_rule=old_result_rule,
        options=options,
        form_context=form_context,
        result_context=result_context,
        required=required,
    )


RULES_NOW = _check_question(
    "rules_now",
    "reasons",
    "label",
    rule="/vriendencheck/mijn-regels-nu",
    old_result_rule="/vriendencheck/mijn-regels-nu/uitslag",
    # A reason that is not safe names the safe rule to use instead.
    extra=lambda: {"rules": {rule["id"]: rule for rule in _items("my_rules", "rules")}},
)

PROFILE = _check_question(
    "profile",
    "items",
    "label",
    rule="/vriendencheck/mijn-profiel",
    old_result_rule="/vriendencheck/mijn-profiel/uitslag",
    # Nothing may fit a youth's profile: then there is nothing to change.
    required=False,
)

MY_RULES = _check_question(
    "my_rules",
    "rules",
    "text",
    rule="/vriendencheck/mijn-regels",
    # Its old result address is now the overview of the rules saved on this phone.
    old_result_rule=None,
)


# --- Part 2 and the quick round: practice requests in friendcheck/requests.yaml, one form per request.


def answer_tone(answer, best):
    """How safe the youth's choice was: the best answer or declining is safe (declining always may);
    accepting a request that is not safe is risky; anything else needs care."""
    if answer in (best, "decline"):
        return "safe"
    return "risk" if (answer, best) == ("accept", "decline") else "warn"


def _round_requests(round_name):
    """The requests of a round, in its order: all of them in part 2, a few in the quick round."""
    requests = requests_text()["requests"]
    if round_name == "practice":
        return requests
    by_id = {practice["id"]: practice for practice in requests}
    return [by_id[request_id] for request_id in requests_text()["quick_round"]["requests"]]


def _practice_request(round_name, request_id):
    """The request with this id, where it is in its round, and the address of the next one; 404 if unknown."""
    return sequence.position(
        _round_requests(round_name), request_id, f"friendcheck.{round_name}", argument="request_id"
    )


def _round_progress(round_name, position):
    if round_name == "practice":
        return progress("practice")
    title = requests_text()["quick_round"]["title"]
    return {"text": title, "number": position["number"], "total": position["total"]}


def _practice_questions(round_name):
    """The form and result of each request of a round: the same request card, the round's own way on."""

    def answers(request_id):
        _practice_request(round_name, request_id)  # an unknown request is a 404, also for its answers
        labels = requests_text()["answers"]
        return [{"id": answer, "label": labels[answer]} for answer in labels]

    def form_context(request_id):
        part = requests_text()
        position = _practice_request(round_name, request_id)
        heading = gettext("Request %(number)s of %(total)s", number=position["number"], total=position["total"])
        return {
            "page": _page(f"{heading}: {part['title']}", part["description"]),
            "heading": heading,
            "progress": _round_progress(round_name, position),
            "legend": part["question"],
            "intro": part["intro"],
            "practice": position["step"],
        }

    def result_context(picks, request_id):
        part = requests_text()
        position = _practice_request(round_name, request_id)
        practice = position["step"]
        (answer,) = picks
        verdict = part["verdicts"][practice["best"]]
        if position["next_url"]:
            next_step = {"label": gettext("Next request"), "url": position["next_url"]}
        elif round_name == "quick":
            next_step = {"label": gettext("See my result"), "url": url_for("friendcheck.quick_done")}
        else:
            next_step = next_part("practice")
        return {
            "page": _page(verdict["title"], part["description"]),
            "progress": _round_progress(round_name, position),
            "practice": practice,
            "answer_tone": answer_tone(answer, practice["best"]),
            "answer_label": part["answers"][answer],
            "reply": verdict[f"after_{answer}"],
            "show_check_first": "check" in (answer, practice["best"]),
            "check_first": part["check_first"],
            "again_url": url_for(f"friendcheck.{round_name}", request_id=request_id),
            "next": next_step,
        }

    prefix = "/vriendencheck/oefenen" if round_name == "practice" else "/vriendencheck/snel"
    return Question(
        round_name,
        rule=f"{prefix}/<request_id>",
        old_result_rule=f"{prefix}/<request_id>/uitslag",
        options=answers,
        form_context=form_context,
        result_context=result_context,
        single=True,
        form_template="friendcheck/practice.html",
        result_template="friendcheck/practice_result.html",
    )


PRACTICE = _practice_questions("practice")
QUICK = _practice_questions("quick")


@sitemap.lists_pages("friendcheck.practice")
def _practice_pages(lang):
    requests = document("friendcheck/requests", lang)["requests"]
    return [{"request_id": practice["id"]} for practice in requests]


@sitemap.lists_pages("friendcheck.quick")
def _quick_pages(lang):
    quick = document("friendcheck/requests", lang)["quick_round"]
    return [{"request_id": request_id} for request_id in quick["requests"]]


# --- Routes


@bp.get("/vriendencheck")
def start():
    """What the friend check is: the quick round first, then its four parts."""
    titles, urls = part_titles(), part_urls()
    parts = [{"title": titles[part], "url": urls[part]} for part in PARTS]
    return _render_page(
        "friendcheck/start.html",
        has_answers=False,
        page=check_text()["start"],
        parts=parts,
        quick=requests_text()["quick_round"],
        quick_url=quick_round_link()["url"],
    )


@bp.get("/vriendencheck/snel/klaar")
def quick_done():
    """The end of the quick round: a small reward, the rules that matter most, and the way to practise more.

    It shows no answers (those stayed on their own result pages); friendcheck.js keeps the reward on the phone.
    """
    quick = requests_text()["quick_round"]
    rules = {rule["id"]: rule for rule in check_text()["my_rules"]["rules"]}
    more = [practice for practice in requests_text()["requests"] if practice["id"] not in quick["requests"]]
    return _render_page(
        "friendcheck/quick_done.html",
        has_answers=False,
        page=_page(quick["done_title"], quick["description"]),
        quick=quick,
        progress={"text": quick["title"], "number": len(quick["requests"]), "total": len(quick["requests"])},
        rules=[rules[rule_id] for rule_id in quick["rules"]],
        more_url=url_for("friendcheck.practice", request_id=more[0]["id"]) if more else part_urls()["practice"],
        more_count=len(more),
        whole_url=part_urls()["rules_now"],
    )


@bp.get("/vriendencheck/mijn-regels/overzicht")
def my_rules_saved():
    """The rules saved on this phone: the page holds every rule, friendcheck.js shows the saved ones.

    It is the same page for everyone (so it can be kept offline and exported); without saved rules, or
    without JavaScript, it says none are saved here yet and leads to making them.
    """
    my_rules = check_text()["my_rules"]
    return _render_page(
        "friendcheck/saved_rules.html",
        has_answers=False,
        page=_page(gettext("My saved rules"), my_rules["description"]),
        rules=my_rules["rules"],
        make_url=url_for("friendcheck.my_rules"),
    )


@bp.before_request
def _no_query():
    """No friend-check page reads a query: an address with one (an old result's) loses it, answers and all.

    Only the way back to the together talk stays (checkje/together/way_back.py): url_for keeps it.
    """
    if request.method in ("GET", "HEAD") and request.query_string != urlencode(talk_query()).encode():
        response = redirect(url_for(request.endpoint, **request.view_args), code=303)
        response.headers["Cache-Control"] = "no-store"
        return response
    return None


def _add_routes(question):
    """The question's form: GET shows it, POST answers it; its old result address says to do it again."""

    def form(**view_args):
        return question.receive(view_args) if request.method == "POST" else question.ask(view_args)

    def result_gone(**view_args):
        return question.result_gone(view_args)

    bp.add_url_rule(question.rule, question.name, form, methods=["GET", "POST"])
    if question.old_result_rule:
        bp.add_url_rule(question.old_result_rule, f"{question.name}_result_gone", sitemap.per_request(result_gone))


for _question in (RULES_NOW, PRACTICE, QUICK, PROFILE, MY_RULES):
    _add_routes(_question)
