"""The walkthrough pages: the overview, one page per app, and one page per step.

The youth's phone (iPhone or Android) comes in the query string (fields.PHONE),
so the choice works without JavaScript; walkthroughs.js remembers it on the
phone. Without a choice, a step whose taps differ shows both paths.

"My screen looks different" is a form on every step: it adds one to an anonymous
count (reports_store.py) and answers with a 303 to the step with its help shown.
htmx follows that 303 and swaps in just the help.
"""

import contextlib
import datetime

from babel.lists import format_list
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import format_date, get_locale, gettext

from checkje.content import content, document
from checkje.core import sitemap
from checkje.core.delivery import kept_nowhere
from checkje.core.htmx import render
from checkje.core.i18n import language_blueprint
from checkje.core.rails import not_logged
from checkje.core.shared_store import StoreDown
from checkje.walkthroughs import fields, route
from checkje.walkthroughs.reports_store import UNKNOWN_PHONE, FloodLimit
from checkje.walkthroughs.shapes import APPS, PHONES

bp = language_blueprint("walkthroughs", __name__)

_APP = "<any({}):app>".format(", ".join(APPS))


def chosen_phone():
    """The phone named in the query string, or None when there is none or it is not one we know."""
    phone = request.args.get(fields.PHONE)
    return phone if phone in PHONES else None


def _taps(part, phone):
    return part.get("taps") or part.get(phone) or []


def phone_paths(walkthrough, step, phone):
    """The step's path as [(phone or None, taps)]: one path when phones agree, else one per phone asked for."""
    route = next((route for route in walkthrough["routes"] if route["id"] == step.get("route")), {})
    paths = {each: _taps(route, each) + _taps(step, each) for each in PHONES}
    if paths["iphone"] == paths["android"]:
        return [(None, paths["iphone"])]
    return [(each, paths[each]) for each in ([phone] if phone else PHONES)]


def differs_by_phone(walkthrough, step):
    return phone_paths(walkthrough, step, None)[0][0] is not None


@bp.app_template_global()
def phone_url(endpoint, phone, **args):
    """The address of a walkthrough page for this phone (or for any phone, when None)."""
    return url_for(endpoint, **args, **{fields.PHONE: phone})


@bp.app_template_filter("month_and_year")
def month_and_year(iso_date):
    """A date as month and year (juni 2024): many sources give no day, so the page claims none."""
    return format_date(datetime.date.fromisoformat(iso_date), "LLLL yyyy")


@bp.app_template_filter("as_list")
def as_list(phrases):
    """Phrases joined as the visitor's language lists them: "a, b en c", "a, b, and c"."""
    return format_list(list(phrases), locale=get_locale())


@bp.get("/instellingen")
def overview():
    """Pick an app, and pick iPhone or Android once."""
    walkthroughs = {app: content(f"walkthroughs/{app}") for app in APPS}
    return render_template(
        "walkthroughs/overview.html",
        page=content("walkthroughs/overview"),
        walkthroughs=walkthroughs,
        phone=chosen_phone(),
    )


@bp.get(f"/instellingen/{_APP}")
def walkthrough(app):
    """One app's steps as a checklist: the short route first, then the rest."""
    document = content(f"walkthroughs/{app}")
    return render_template(
        "walkthroughs/app.html",
        app=app,
        page=document,
        parts=route.parts(document),
        texts=content("walkthroughs/overview"),
        phone=chosen_phone(),
        any_differs=any(differs_by_phone(document, step) for step in document["steps"]),
    )


@bp.get(f"/instellingen/{_APP}/<step_id>")
def step(app, step_id):
    """One setting: why it matters, where to tap, what to choose, and when we checked it."""
    document = content(f"walkthroughs/{app}")
    phone = chosen_phone()
    part, position = route.step_position(document, app, step_id, phone)
    this = position["step"]
    context = {
        "part": part,
        "app": app,
        "walkthrough": document,
        "step": this,
        "page": {"title": f"{this['title']} – {document['name']}", "description": this["why"]},
        "position": position,
        "paths": phone_paths(document, this, phone),
        "differs": differs_by_phone(document, this),
        "phone": phone,
        "texts": content("walkthroughs/overview"),
    }
    if request.args.get(fields.SHOW_HELP) == fields.HELP_SHOWN:
        return _with_help_shown(context)
    return render_template("walkthroughs/step.html", help_shown=False, **context)


@kept_nowhere
def _with_help_shown(context):
    """The step after "my screen looks different": its help in place of the button; for htmx just that part."""
    return render("walkthroughs/step.html", "walkthroughs/_looks_different.html", help_shown=True, **context)


def _reports():
    return current_app.extensions["checkje.screen_reports"]


def _is_step(app, step_id):
    return app in APPS and any(step["id"] == step_id for step in content(f"walkthroughs/{app}")["steps"])


@bp.post("/instellingen/scherm-anders")
@not_logged
@kept_nowhere
def looks_different():
    """Count one "my screen looks different" for this step and phone type, then show the step's help."""
    app, step_id = request.form.get(fields.REPORT_APP), request.form.get(fields.REPORT_STEP)
    phone = request.form.get(fields.PHONE) or None
    if not _is_step(app, step_id) or (phone is not None and phone not in PHONES):
        abort(400)
    # Past the flood limit, or with the shared store down, the report is not counted, but the youth
    # gets the help all the same.
    with contextlib.suppress(FloodLimit, StoreDown):
        _reports().add(app, step_id, phone or UNKNOWN_PHONE)
    help_url = url_for(
        ".step",
        app=app,
        step_id=step_id,
        _anchor=fields.HELP_SHOWN,
        **{fields.PHONE: phone, fields.SHOW_HELP: fields.HELP_SHOWN},
    )
    return redirect(help_url, code=303)


def _end(app, template, heading):
    document = content(f"walkthroughs/{app}")
    return render_template(
        template,
        app=app,
        walkthrough=document,
        heading=heading,
        page={"title": f"{heading} – {document['name']}", "description": document["description"]},
        rest=route.parts(document)[route.REST],
        phone=chosen_phone(),
        texts=content("walkthroughs/overview"),
    )


@bp.get(f"/instellingen/{_APP}/snel-klaar")
def quick_done(app):
    """After the short route: well done, and a choice: stop here, or do the other steps."""
    return _end(app, "walkthroughs/quick_done.html", gettext("The most important steps are done"))


@bp.get(f"/instellingen/{_APP}/klaar")
def finished(app):
    """After the last step: well done, and where to go next."""
    return _end(app, "walkthroughs/finished.html", gettext("You did every step"))


@sitemap.lists_pages("walkthroughs.quick_done")
@sitemap.lists_pages("walkthroughs.finished")
@sitemap.lists_pages("walkthroughs.walkthrough")
def _walkthrough_pages(lang):
    return [{"app": app} for app in APPS]


@sitemap.lists_pages("walkthroughs.step")
def _step_pages(lang):
    return [
        {"app": app, "step_id": step["id"]} for app in APPS for step in document(f"walkthroughs/{app}", lang)["steps"]
    ]
