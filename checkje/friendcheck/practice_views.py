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
from checkje.friendcheck.shapes import ANSWERS
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


def _request_form(question, position, round_progress, last_step, problem=None):
    """The request to answer. It carries its result for every answer (a <template>): offline, friendcheck.js shows
    the one for the answer tapped, as the server would have (issue 28). Nothing in it is the youth's."""
    part = requests_text()
    heading = gettext("Request %(number)s of %(total)s", number=position["number"], total=position["total"])
    offline_result = forms.render_fragment(
        "friendcheck/practice_result.html", **_result(position, round_progress, ANSWERS, last_step)
    )
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
        offline_result=offline_result,
    )


def _verdict(practice, answer):
    """How safe `answer` was for this request, in words for the youth."""
    part = requests_text()
    return {
        "answer": answer,
        "tone": answer_tone(answer, practice["best"]),
        "label": part["answers"][answer],
        "reply": part["verdicts"][practice["best"]][f"after_{answer}"],
    }


def _result(position, round_progress, answers, last_step):
    """A result page: the verdict on each of `answers` (the one posted, or offline all of them to choose from),
    the next request right under it (after the last one `last_step`), then the marked card and why."""
    part = requests_text()
    practice = position["step"]
    return {
        "page": forms.page(part["verdicts"][practice["best"]]["title"], part["description"]),
        "progress": round_progress,
        "practice": practice,
        "verdicts": [_verdict(practice, answer) for answer in answers],
        "offline": len(answers) > 1,
        # How to check first: for who chose to check, and wherever checking first was the best answer.
        "check_first_for": [answer for answer in answers if "check" in (answer, practice["best"])],
        "check_first": part["check_first"],
        "again_url": url_for(request.endpoint, **request.view_args),
        "next": {"label": gettext("Next request"), "url": position["next_url"]} if position["next_url"] else last_step,
    }


def _answered(question, position, round_progress, last_step):
    """The answer to a posted request: its result, or the form again with what to do."""
    try:
        (answer,) = forms.posted_picks(question, _answers(), single=True)
    except PickProblem as problem:
        return _request_form(question, position, round_progress, last_step, problem.reason)
    return forms.render_page(
        "friendcheck/practice_result.html", **_result(position, round_progress, [answer], last_step)
    )


@bp.route("/vriendencheck/oefenen/<request_id>", methods=["GET", "POST"])
def practice(request_id):
    """Part 2: one practice request to answer; the result says how safe the answer was and why."""
    # "Part 2 of 4" alone: one line over "Request 3 of 13" even on a 320 px phone.
    position = _practice_position(request_id)
    if request.method == "POST":
        return _answered("practice", position, progress("practice", named=False), next_part("practice"))
    return _request_form("practice", position, progress("practice", named=False), next_part("practice"))


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
    last_step = {"label": gettext("See my result"), "url": url_for("friendcheck.quick_done")}
    if request.method == "POST":
        return _answered("quick", position, _quick_progress(position), last_step)
    return _request_form("quick", position, _quick_progress(position), last_step)


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
