"""The shape of the together talk and the mentor guide (content/together/), and the checks that tie them to the rest."""

from checkje.content.schema import PAGE_BASICS, Choice, Flag, ListOf, Problem, Record, Slug, Text, Whole, Words
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.friendcheck.shapes import PARTS as FRIENDCHECK_PARTS
from checkje.helpfinder.lines import unknown_help_lines
from checkje.walkthroughs.shapes import APPS

# Pages of Checkje that a together step may send the youth to (endpoints without arguments),
# each with the content document whose title names it.
ACTIVITY_PAGES = {
    "snaps.demo": "snaps/demo",
    "snaps.say_no": "snaps/say-no",
    "snaps.happened": "snaps/happened",
    "pages.trusted": "pages/trusted",
    "pages.card": "pages/card",
    "pages.help": "pages/help",
    "walkthroughs.overview": "walkthroughs/overview",
}
# The friend check's short route, named like a part: its quick round of a few requests.
QUICK_ROUND = "quick"
# The whole talk as written, checklist included, fits this many minutes (the 20 to 30).
TALK_MINUTES = (20, 30)
# Fixed pages next to the steps and sections (/samen/klaar, /mentor/print): no step or section may take their ids.
FIXED_PAGES = {"together/steps": ("steps", "klaar"), "together/guide": ("sections", "print")}

# The small "for the mentor" panel of a together step.
_MENTOR_PANEL = Record(
    {
        "ask": ListOf(Text()),
        "listen_for": ListOf(Text()),
        "avoid": ListOf(Text()),
        # Ids of talk tips in content/together/guide.yaml (talk_tips).
        "tips": ListOf(Slug(), unique=None),
    }
)

# Something to do together: exactly one of a page, a friend-check part (or its quick round) or an app's
# walkthrough, which starts at its short route (quick_steps). "after" is what the mentor asks once it is done.
_ACTIVITY = Record(
    {
        "page": Choice(ACTIVITY_PAGES, optional=True),
        "part": Choice((QUICK_ROUND, *FRIENDCHECK_PARTS), optional=True),
        "walkthrough": Choice(APPS, optional=True),
        "after": Text(optional=True),
    }
)
_ACTIVITY_TARGETS = ("page", "part", "walkthrough")
# Where a group of the "what I did today" checklist takes the youth's own items from, in place of its general
# ones where this browser tab noted them during the talk: the walkthroughs she opened, or the rules she chose.
DONE_SOURCES = ("settings", "rules")
# How long a step, or the checklist, takes when done as written.
_MINUTES = Whole(1, 15)

STEPS = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "how": Text(),
        "guide_link": Text(),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "minutes": _MINUTES,
                    "body": Text(),
                    # Questions the youth reads on the screen, in big letters.
                    "questions": ListOf(Text(), optional=True),
                    "activities": ListOf(_ACTIVITY, optional=True),
                    "mentor": _MENTOR_PANEL,
                }
            ),
            min_items=3,
            unique="id",
        ),
        "done": Record(
            {
                **PAGE_BASICS,
                "minutes": _MINUTES,
                "intro": Text(),
                "groups": ListOf(
                    Record(
                        {
                            "id": Slug(),
                            "heading": Text(),
                            # Shown without script, or where nothing of hers was noted.
                            "items": ListOf(Text()),
                            "from": Choice(DONE_SOURCES, optional=True),
                        }
                    ),
                    unique="id",
                ),
                "outro": Text(),
                # How she keeps the list: a screenshot on her own phone; print, or the list on her own phone
                # (a QR code), on a shared screen.
                "keep": Record(
                    {"heading": Text(), "phone": Text(), "shared": Text(), "to_phone": Text(), "scan": Text()}
                ),
                # Above the one tap that removes what the youth added (for a shared phone, tablet or laptop).
                "wipe": Record({"heading": Text(), "body": Text()}),
            }
        ),
    }
)

GUIDE = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "print": Record(
            {
                **PAGE_BASICS,
                "intro": Text(),
                "link": Text(),
                # Blanks on the printed page for who to call in this organisation and region, filled in by hand.
                "contacts": Record({"heading": Text(), "intro": Text(), "items": ListOf(Text(), min_items=1)}),
            }
        ),
        # How to talk with a youth, with a light intellectual disability in mind (LVB); steps name them by id.
        "talk_tips": ListOf(Record({"id": Slug(), "text": Text()}), unique="id"),
        "sections": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "intro": Text(),
                    "body": Text(optional=True),
                    # What the lists are together, as a heading above them (their own headings go one level down).
                    "lists_heading": Text(optional=True),
                    "lists": ListOf(Record({"heading": Text(), "items": ListOf(Text())}), optional=True),
                    # Lists that are steps to take in order.
                    "numbered": Flag(optional=True),
                    "talk_tips": Flag(optional=True),
                    # Help lines by id, each with when to use it.
                    "lines": ListOf(Record({"id": Slug(), "when": Text()}), optional=True),
                    # The few lines this section gets on the one-page print version, after its steps in order.
                    "print_steps": ListOf(Text(), optional=True),
                    "in_short": ListOf(Text()),
                    # For maintainers: where in the seeds the facts come from.
                    "source": Words(),
                }
            ),
            min_items=2,
            unique="id",
        ),
    }
)


def _activities_fit(documents):
    """Each activity of a together step names exactly one target."""
    for index, step in enumerate(documents["together/steps"]["steps"]):
        for number, activity in enumerate(step.get("activities", [])):
            targets = [target for target in _ACTIVITY_TARGETS if target in activity]
            if len(targets) != 1:
                message = f"give exactly one of {', '.join(_ACTIVITY_TARGETS)}"
                message += f", not {' and '.join(targets)}" if targets else ""
                yield "together/steps", Problem(f"steps[{index}].activities[{number}]", activity.line, message)


def talk_minutes(document):
    """How long the whole talk takes as written: every step and the checklist."""
    return sum(step["minutes"] for step in document["steps"]) + document["done"]["minutes"]


def _minutes_fit(documents):
    """The whole talk fits the time the issue gives it: a longer one is not done in one sitting."""
    document = documents["together/steps"]
    total, (least, most) = talk_minutes(document), TALK_MINUTES
    if not least <= total <= most:
        message = f"the steps and the checklist take {total} minutes together; make them fit {least} to {most}"
        yield "together/steps", Problem("steps", document.line_of("steps"), message)


def _tips_exist(documents):
    """The talk tips a together step names are talk_tips in the mentor guide."""
    tip_ids = {tip["id"] for tip in documents["together/guide"]["talk_tips"]}
    for index, step in enumerate(documents["together/steps"]["steps"]):
        tips = step["mentor"]["tips"]
        for number, tip in enumerate(tips):
            if tip not in tip_ids:
                known = ", ".join(sorted(tip_ids))
                message = f"{tip!r} is not a talk tip id in content/together/guide.yaml (known: {known})"
                yield "together/steps", Problem(f"steps[{index}].mentor.tips[{number}]", tips.line_of(number), message)


def _ids_free(documents):
    """No step or section takes the id of a fixed page next to it (/samen/klaar, /mentor/print)."""
    for name, (items_name, fixed) in FIXED_PAGES.items():
        items = documents[name][items_name]
        for index, item in enumerate(items):
            if item["id"] == fixed:
                message = f"{item['id']!r} is the address of another page; pick another id"
                yield name, Problem(f"{items_name}[{index}].id", items.line_of(index), message)


def _guide_lines_exist(documents):
    """The mentor guide names help lines that exist."""
    for index, section in enumerate(documents["together/guide"]["sections"]):
        place = f"sections[{index}].lines"
        yield from unknown_help_lines(documents, "together/guide", place, section.get("lines", []), key="id")


SCHEMAS = {"together/steps": STEPS, "together/guide": GUIDE}
# The talk is for the youth, in every language; the guide is for mentors, in Dutch and English like
# every page for staff.
LANGUAGES = {"together/guide": WRITTEN_LANGUAGES}
CROSS_CHECKS = (_activities_fit, _minutes_fit, _tips_exist, _ids_free, _guide_lines_exist)
