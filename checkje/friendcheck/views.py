"""Friend check: a youth's own rules for accepting friend and follow requests.

Four parts, each a plain form: my rules now, practice requests (practice_views.py),
my profile through a loverboy's eyes, and the rules I keep; and a quick round of a
few practice requests that comes first. A form posts option ids and the result is
the answer to that POST itself, kept by no cache (with htmx, swapped in place):
nothing a youth chose is ever in an address, so the browser's history holds no
answers. The server keeps nothing: every result is computed from the posted ids
and then forgotten. Saved rules live in the browser only (friendcheck.js); their
overview page is the same for everyone and shows them from there.
"""

from urllib.parse import urlencode

from flask import redirect, request, url_for
from flask_babel import gettext

from checkje.core import sitemap
from checkje.core.i18n import language_blueprint
from checkje.friendcheck import forms
from checkje.friendcheck.parts import (
    check_text,
    next_part,
    part_titles,
    part_urls,
    progress,
    quick_round_link,
    requests_text,
)
from checkje.friendcheck.picks import PickProblem
from checkje.friendcheck.shapes import PARTS, PROFILE_SPOTS
from checkje.together.way_back import talk_query

bp = language_blueprint("friendcheck", __name__)


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


@bp.get("/vriendencheck")
def start():
    """What the friend check is: the quick round first, then its four parts."""
    titles, urls = part_titles(), part_urls()
    parts = [{"title": titles[part], "url": urls[part]} for part in PARTS]
    return forms.render_page(
        "friendcheck/start.html",
        has_answers=False,
        page=check_text()["start"],
        parts=parts,
        quick=requests_text()["quick_round"],
        quick_url=quick_round_link()["url"],
    )


# --- Parts 1, 3 and 4 (friendcheck/check.yaml): pick items from a list; the result shows the picked ones.


def _options(items, label):
    """The form's options: each item's id, its text under `label`, and its icon where it has one."""
    return [{"id": item["id"], "label": item[label], "icon": item.get("icon")} for item in items]


def _part_form(part, options, problem=None, template="friendcheck/question.html", **extra):
    text = check_text()[part]
    return forms.form_page(
        template,
        part,
        options,
        problem=problem,
        page=text,
        # The form's title is the part's own title.
        progress=progress(part, named=False),
        legend=text["question"],
        intro=text["intro"],
        **extra,
    )


def _part_result(template, part, items, picks, **extra):
    """The result: the picked items in content order, and the way on to the next part (none after the last)."""
    text = check_text()[part]
    return forms.render_page(
        template,
        page=forms.page(text["result_title"], text["description"]),
        text=text,
        progress=progress(part),
        intro=text["result_intro"],
        chosen=[item for item in items if item["id"] in picks],
        again_url=url_for(request.endpoint),
        next=next_part(part) if part != PARTS[-1] else None,
        **extra,
    )


@bp.route("/vriendencheck/mijn-regels-nu", methods=["GET", "POST"])
def rules_now():
    """Part 1: why the youth would accept a request now; the result names a safe rule for each reason."""
    reasons = check_text()["rules_now"]["reasons"]
    options = _options(reasons, "label")
    if request.method == "POST":
        try:
            picks = forms.posted_picks("rules_now", options)
        except PickProblem as problem:
            return _part_form("rules_now", options, problem.reason)
        # A reason that is not safe names the safe rule to use instead.
        rules = {rule["id"]: rule for rule in check_text()["my_rules"]["rules"]}
        return _part_result("friendcheck/rules_now_result.html", "rules_now", reasons, picks, rules=rules)
    return _part_form("rules_now", options)


@bp.get("/vriendencheck/mijn-regels-nu/uitslag")
@sitemap.per_request
def rules_now_result_gone():
    """Part 1's old result address."""
    return forms.result_gone("friendcheck.rules_now")


def _profile_form(items, options, problem=None):
    """Part 3's form: an example profile, each item a part of it to tap (a checkbox underneath), spot by spot."""
    spots = [(spot, [item for item in items if item["spot"] == spot]) for spot in PROFILE_SPOTS]
    return _part_form(
        "profile",
        options,
        problem,
        template="friendcheck/profile.html",
        spots=spots,
        part_styles=("css/friendcheck-profile.css",),
    )


@bp.route("/vriendencheck/mijn-profiel", methods=["GET", "POST"])
def profile():
    """Part 3: what on the youth's own profile a loverboy would use; the result says what to change."""
    items = check_text()["profile"]["items"]
    options = _options(items, "label")
    if request.method == "POST":
        try:
            # Nothing may fit a youth's profile: then there is nothing to change.
            picks = forms.posted_picks("profile", options, required=False)
        except PickProblem as problem:
            return _profile_form(items, options, problem.reason)
        return _part_result("friendcheck/profile_result.html", "profile", items, picks)
    return _profile_form(items, options)


@bp.get("/vriendencheck/mijn-profiel/uitslag")
@sitemap.per_request
def profile_result_gone():
    """Part 3's old result address."""
    return forms.result_gone("friendcheck.profile")


@bp.route("/vriendencheck/mijn-regels", methods=["GET", "POST"])
def my_rules():
    """Part 4: the rules the youth keeps; the result shows them, and friendcheck.js can save them on the phone.

    It has no old result address to answer: the overview of the saved rules (below) took its place.
    """
    rules = check_text()["my_rules"]["rules"]
    options = _options(rules, "text")
    if request.method == "POST":
        try:
            picks = forms.posted_picks("my_rules", options)
        except PickProblem as problem:
            return _part_form("my_rules", options, problem.reason)
        return _part_result("friendcheck/my_rules_result.html", "my_rules", rules, picks)
    return _part_form("my_rules", options)


@bp.get("/vriendencheck/mijn-regels/overzicht")
def my_rules_saved():
    """The rules saved on this phone: the page holds every rule, friendcheck.js shows the saved ones.

    It is the same page for everyone (so it can be kept offline and exported); without saved rules, or
    without JavaScript, it says none are saved here yet and leads to making them.
    """
    my_rules = check_text()["my_rules"]
    return forms.render_page(
        "friendcheck/saved_rules.html",
        has_answers=False,
        page=forms.page(gettext("My saved rules"), my_rules["description"]),
        rules=my_rules["rules"],
        make_url=url_for("friendcheck.my_rules"),
    )
