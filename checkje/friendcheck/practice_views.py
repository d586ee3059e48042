"""Part 2 and the quick round: practice requests (friendcheck/requests.yaml), one form per request.

Both rounds show the same request card and result; each has its own progress and its own way on.
"""

from flask import request, url_for
from flask_babel import gettext

from checkje.content import document
from checkje.core import sequence, sitemap
from checkje.friendcheck import forms
from checkje.friendcheck.parts import check_text, next_part, part_urls, progress, requests_text
from checkje.friendcheck.picks import PickProblem
from checkje.friendcheck.views import bp


def answer_tone(answer, best):
    """How safe the youth's choice was: the best answer or declining is safe (declining always may);
    accepting a request that is not safe is risky; anything else needs care."""
    if answer in (best, "decline"):
        return "safe"
    return "risk" if (answer, best) == ("accept", "decline") else "warn"


def _answers():
    labels = requests_text()["answers"]
    return [{"id": answer, "label": labels[answer]} for answer in labels]


def _practice_position(request_id):
    """The request of part 2 with this id, where it is in the part, and the next one's address; 404 if unknown."""
    return sequence.position(requests_text()["requests"], request_id, "friendcheck.practice", argument="request_id")


def _quick_position(request_id):
    """The same for a request of the quick round, which asks a few of part 2's requests in its own order."""
    by_id = {practice["id"]: practice for practice in requests_text()["requests"]}
    requests = [by_id[quick_id] for quick_id in requests_text()["quick_round"]["requests"]]
    return sequence.position(requests, request_id, "friendcheck.quick", argument="request_id")


def _quick_progress(position):
    return {"text": requests_text()["quick_round"]["title"], "number": position["number"], "total": position["total"]}


def _request_form(question, position, round_progress, problem=None):
    part = requests_text()
    heading = gettext("Request %(number)s of %(total)s", number=position["number"], total=position["total"])
    return forms.form_page(
        "friendcheck/practice.html",
        question,
        _answers(),
        problem=problem,
        single=True,
        page=forms.page(f"{heading}: {part['title']}", part["description"]),
        heading=heading,
        progress=round_progress,
        legend=part["question"],
        intro=part["intro"],
        practice=position["step"],
    )


def _request_result(position, round_progress, answer, last_step):
    """How safe the answer was and why; then the next request, or after the last one `last_step`."""
    part = requests_text()
    practice = position["step"]
    verdict = part["verdicts"][practice["best"]]
    next_step = {"label": gettext("Next request"), "url": position["next_url"]} if position["next_url"] else last_step
    return forms.render_page(
        "friendcheck/practice_result.html",
        page=forms.page(verdict["title"], part["description"]),
        progress=round_progress,
        practice=practice,
        answer_tone=answer_tone(answer, practice["best"]),
        answer_label=part["answers"][answer],
        reply=verdict[f"after_{answer}"],
        show_check_first="check" in (answer, practice["best"]),
        check_first=part["check_first"],
        again_url=url_for(request.endpoint, **request.view_args),
        next=next_step,
    )


@bp.route("/vriendencheck/oefenen/<request_id>", methods=["GET", "POST"])
def practice(request_id):
    """Part 2: one practice request to answer; the result says how safe the answer was and why."""
    position = _practice_position(request_id)
    if request.method == "POST":
        try:
            (answer,) = forms.posted_picks("practice", _answers(), single=True)
        except PickProblem as problem:
            return _request_form("practice", position, progress("practice"), problem.reason)
        return _request_result(position, progress("practice"), answer, last_step=next_part("practice"))
    return _request_form("practice", position, progress("practice"))


@bp.get("/vriendencheck/oefenen/<request_id>/uitslag")
@sitemap.per_request
def practice_result_gone(request_id):
    """A practice request's old result address."""
    _practice_position(request_id)  # an unknown request is a 404 here too
    return forms.result_gone("friendcheck.practice", request_id=request_id)


sitemap.lists_pages("friendcheck.practice")(sequence.pages_of("friendcheck/requests", "requests", "request_id"))


@bp.route("/vriendencheck/snel/<request_id>", methods=["GET", "POST"])
def quick(request_id):
    """The quick round's request to answer: the same form and result as in part 2, ending on quick_done."""
    position = _quick_position(request_id)
    if request.method == "POST":
        try:
            (answer,) = forms.posted_picks("quick", _answers(), single=True)
        except PickProblem as problem:
            return _request_form("quick", position, _quick_progress(position), problem.reason)
        last_step = {"label": gettext("See my result"), "url": url_for("friendcheck.quick_done")}
        return _request_result(position, _quick_progress(position), answer, last_step)
    return _request_form("quick", position, _quick_progress(position))


@bp.get("/vriendencheck/snel/<request_id>/uitslag")
@sitemap.per_request
def quick_result_gone(request_id):
    """A quick-round request's old result address."""
    _quick_position(request_id)  # an unknown request is a 404 here too
    return forms.result_gone("friendcheck.quick", request_id=request_id)


@sitemap.lists_pages("friendcheck.quick")
def _quick_pages(lang):
    quick_round = document("friendcheck/requests", lang)["quick_round"]
    return [{"request_id": request_id} for request_id in quick_round["requests"]]


@bp.get("/vriendencheck/snel/klaar")
def quick_done():
    """The end of the quick round: a small reward, the rules that matter most, and the way to practise more.

    It shows no answers (those stayed on their own result pages); friendcheck.js keeps the reward on the phone.
    """
    quick_round = requests_text()["quick_round"]
    rules = {rule["id"]: rule for rule in check_text()["my_rules"]["rules"]}
    more = [practice for practice in requests_text()["requests"] if practice["id"] not in quick_round["requests"]]
    total = len(quick_round["requests"])
    return forms.render_page(
        "friendcheck/quick_done.html",
        has_answers=False,
        page=forms.page(quick_round["done_title"], quick_round["description"]),
        quick=quick_round,
        progress={"text": quick_round["title"], "number": total, "total": total},
        rules=[rules[rule_id] for rule_id in quick_round["rules"]],
        more_url=url_for("friendcheck.practice", request_id=more[0]["id"]) if more else part_urls()["practice"],
        more_count=len(more),
        whole_url=part_urls()["rules_now"],
    )
