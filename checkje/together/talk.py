""" "Together with your mentor": a guided talk for a mentor and a youth on one screen.

Five steps, one page each, that send the youth into the friend check, the walkthroughs,
the snaps explainer and their trusted people, each with a "for the mentor" panel. It
ends in a checklist to tick and screenshot. Nothing is sent or kept: the checklist is
a page of checkboxes without a form to submit.
"""

from flask import render_template, url_for

from checkje.content import content
from checkje.core import sequence, sitemap
from checkje.core.i18n import language_blueprint
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.friendcheck.parts import part_titles, part_urls, rule_texts
from checkje.together.shapes import ACTIVITY_PAGES
from checkje.walkthroughs.steps import step_link

# In Dutch and English only, like every page for teachers and mentors.
bp = language_blueprint("together", __name__, languages=WRITTEN_LANGUAGES)


def _talk_tips(ids):
    tips = {tip["id"]: tip["text"] for tip in content("together/guide")["talk_tips"]}
    return [tips[tip_id] for tip_id in ids]


def _walkthrough_step(reference):
    """The title ("Instagram: …") and address of a walkthrough step named like instagram/private-account."""
    link = step_link(reference)
    return {"title": f"{link['app']}: {link['title']}", "url": link["url"]}


def _activity(activity):
    """What a together step links to: its title and address, and what the mentor asks afterwards."""
    if "setting" in activity:
        link = _walkthrough_step(activity["setting"])
    elif "part" in activity:
        link = {"title": part_titles()[activity["part"]], "url": part_urls()[activity["part"]]}
    else:
        link = {"title": content(ACTIVITY_PAGES[activity["page"]])["title"], "url": url_for(activity["page"])}
    return {**link, "after": activity.get("after")}


@bp.get("/samen")
def start():
    """What the talk is, its steps, how a mentor goes about it, and the way to the mentor guide."""
    page = content("together/steps")
    return render_template("together/start.html", page=page, step_links=sequence.links(page["steps"], ".step"))


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
        activities=[_activity(activity) for activity in this.get("activities", [])],
        tips=_talk_tips(this["mentor"]["tips"]),
    )


def _checklist_items(group, document):
    """A checklist group's items: its own, the settings the steps link to, or the friend check's rules."""
    if group.get("from") == "settings":
        references = [
            activity["setting"]
            for step in document["steps"]
            for activity in step.get("activities", [])
            if "setting" in activity
        ]
        return [_walkthrough_step(reference)["title"] for reference in references]
    if group.get("from") == "rules":
        return rule_texts()
    return group["items"]


@bp.get("/samen/klaar")
def done():
    """What we did today: boxes to tick and screenshot. There is nothing to send."""
    document = content("together/steps")
    groups = [{**group, "items": _checklist_items(group, document)} for group in document["done"]["groups"]]
    return render_template(
        "together/done.html",
        page=document["done"],
        groups=groups,
        last_step_url=url_for(".step", step_id=document["steps"][-1]["id"]),
    )


sitemap.lists_pages("together.step")(sequence.pages_of("together/steps"))
