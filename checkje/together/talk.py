""" "Together with your mentor": a guided talk for a mentor and a youth on one screen.

Five steps, one page each, that send the youth into the short routes of the friend check
and the walkthroughs, the snaps explainer and their trusted people, each with a "for the
mentor" panel; each activity's pages lead back to their step (way_back.py). It ends in a
checklist of her own rules and apps to tick and keep (nothing is sent: a page of checkboxes without a form
to submit), and one tap that removes what the youth added on a shared device (the site's wipe).
"""

from flask import render_template, url_for
from flask_babel import force_locale, gettext

from checkje.content import content
from checkje.core import hosts, sequence, sitemap
from checkje.core.i18n import current_language, language_blueprint, languages_of
from checkje.core.settings import SOURCE_LANGUAGE
from checkje.friendcheck.parts import part_titles, part_urls, quick_round_link, rule_choices
from checkje.lesson.qr import qr_svg
from checkje.together.shapes import ACTIVITY_PAGES, QUICK_ROUND, talk_minutes
from checkje.together.way_back import in_talk

# In every language: the youth reads it. (The guide for mentors, guide.py, is Dutch and English.)
bp = language_blueprint("together", __name__)


def _guide_in_this_language():
    """Is the guide for mentors (and so its talk tips) in this page's language? Dutch and English only."""
    return current_language() in languages_of("mentor.guide")


def _talk_tips(ids):
    """The guide's tips for this step, where the guide is in this page's language."""
    if not _guide_in_this_language():
        return []
    tips = {tip["id"]: tip["text"] for tip in content("together/guide")["talk_tips"]}
    return [tips[tip_id] for tip_id in ids]


def _panel_in_dutch(step_id):
    """On a page in a language the mentor may not read: the link to this step in Dutch, worded in Dutch,
    where the panel has the talk tips too. None where the panel is in Dutch or English already."""
    if _guide_in_this_language():
        return None
    with force_locale(SOURCE_LANGUAGE):
        words = gettext("This panel, with the talk tips, in Dutch")
    return {"url": url_for(".step", step_id=step_id, lang=SOURCE_LANGUAGE), "words": words, "lang": SOURCE_LANGUAGE}


def _walkthrough_route(app):
    """An app's walkthrough as the talk opens it: at the first of its most important steps (its short route)."""
    walkthrough = content(f"walkthroughs/{app}")
    return {
        "title": gettext("%(app)s: the most important steps", app=walkthrough["name"]),
        "url": url_for("walkthroughs.step", app=app, step_id=walkthrough["quick_steps"][0]),
        "done": gettext("%(app)s: I changed the most important settings", app=walkthrough["name"]),
    }


def _friend_check_part(part):
    if part == QUICK_ROUND:
        return quick_round_link()
    return {"title": part_titles()[part], "url": part_urls()[part]}


def _activity(activity, step_number):
    """What a together step links to: its title, its address with the way back, and what the mentor asks after."""
    if "walkthrough" in activity:
        link = _walkthrough_route(activity["walkthrough"])
    elif "part" in activity:
        link = _friend_check_part(activity["part"])
    else:
        link = {"title": content(ACTIVITY_PAGES[activity["page"]])["title"], "url": url_for(activity["page"])}
    return {"title": link["title"], "url": in_talk(link["url"], step_number), "after": activity.get("after")}


@bp.get("/samen")
def start():
    """What the talk is, its steps, how a mentor goes about it, and the way to the mentor guide."""
    page = content("together/steps")
    step_links = [
        {**link, "minutes": step["minutes"]}
        for link, step in zip(sequence.links(page["steps"], ".step"), page["steps"], strict=True)
    ]
    return render_template("together/start.html", page=page, step_links=step_links, total_minutes=talk_minutes(page))


@bp.get("/samen/<step_id>")
def step(step_id):
    """One step: what the youth reads and does, and the mentor's panel."""
    page = content("together/steps")
    position = sequence.position(page["steps"], step_id, ".step", start_endpoint=".start")
    # The last step leads on to the checklist.
    position["next_url"] = position["next_url"] or url_for(".done")
    this = position["step"]
    return render_template(
        "together/step.html",
        page=page,
        position=position,
        activities=[_activity(activity, position["number"]) for activity in this.get("activities", [])],
        tips=_talk_tips(this["mentor"]["tips"]),
        panel_in_dutch=_panel_in_dutch(this["id"]),
        # The guide's "back to the talk" returns to this step.
        guide_url=in_talk(url_for("mentor.guide"), position["number"]),
    )


def _own_items(group, document):
    """The items a checklist group may show instead of its general ones, each with the id together.js knows it by:
    the walkthroughs the steps open ("settings"), or the friend check's rules ("rules"); none for other groups."""
    if group.get("from") == "settings":
        apps = [
            activity["walkthrough"]
            for step in document["steps"]
            for activity in step.get("activities", [])
            if "walkthrough" in activity
        ]
        return [{"id": app, "text": _walkthrough_route(app)["done"]} for app in apps]
    if group.get("from") == "rules":
        return rule_choices()
    return []


@bp.get("/samen/klaar")
def done():
    """What we did today: boxes to tick, then a screenshot, print or the list on her own phone. There is nothing to
    send. The page is the same for everyone: the rules she chose and the apps she went through come from this
    browser tab's own storage (together.js), and without it the general items stay."""
    document = content("together/steps")
    groups = [{**group, "own": _own_items(group, document)} for group in document["done"]["groups"]]
    return render_template(
        "together/done.html",
        page=document["done"],
        groups=groups,
        last_step_url=url_for(".step", step_id=document["steps"][-1]["id"]),
        # Her own phone opens the same page (it carries nothing of hers): "send to my phone" from a shared screen.
        qr=qr_svg(hosts.address_for_phones() + url_for(".done"), gettext("QR code to open this list on your phone")),
    )


sitemap.lists_pages("together.step")(sequence.pages_of("together/steps"))
