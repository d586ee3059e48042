"""The four parts of the friend check, as the check itself and other areas (the together talk) see them."""

from flask import url_for
from flask_babel import gettext

from checkje.content import content
from checkje.friendcheck.shapes import PARTS


def check_text():
    """content/friendcheck/check.yaml: the start page, and parts 1, 3 and 4."""
    return content("friendcheck/check")


def requests_text():
    """content/friendcheck/requests.yaml: part 2, the practice requests."""
    return content("friendcheck/requests")


def part_titles():
    """Each part's title by part id."""
    check = check_text()
    return {
        "rules_now": check["rules_now"]["title"],
        "practice": requests_text()["title"],
        "profile": check["profile"]["title"],
        "my_rules": check["my_rules"]["title"],
    }


def part_urls():
    """Each part's first page by part id."""
    first_request = requests_text()["requests"][0]["id"]
    return {
        "rules_now": url_for("friendcheck.rules_now"),
        "practice": url_for("friendcheck.practice", request_id=first_request),
        "profile": url_for("friendcheck.profile"),
        "my_rules": url_for("friendcheck.my_rules"),
    }


def quick_round_link():
    """The quick round's title and first page: the friend check's short route."""
    quick = requests_text()["quick_round"]
    return {"title": quick["title"], "url": url_for("friendcheck.quick", request_id=quick["requests"][0])}


def rule_choices():
    """Every rule a youth can keep (part 4), in order: its id (as my_rules_result.html names the chosen ones)
    and its words."""
    return [{"id": rule["id"], "text": rule["text"]} for rule in check_text()["my_rules"]["rules"]]


def next_part(part):
    """The "next" button under a part's result: its words and address."""
    following = PARTS[PARTS.index(part) + 1]
    return {"label": gettext("Next: %(step)s", step=part_titles()[following]), "url": part_urls()[following]}


def progress(part, named=True):
    """Where this part is among the four: in words, and as numbers for the progress bar. Not `named` where the
    title right under it is the part's own: one short line, so that title starts high on a small phone."""
    number, total = PARTS.index(part) + 1, len(PARTS)
    text = gettext("Part %(number)s of %(total)s", number=number, total=total)
    if named:
        text += ": " + part_titles()[part]
    return {"text": text, "number": number, "total": total}
