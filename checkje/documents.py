"""Which content files exist, and the shape each must have.

A file `content/<name>.yaml` belongs to the entry `<name>` below. Adding a
content file means adding its shape here; the build rejects files it does
not know, so a typo in a file name cannot go unnoticed.
"""

from checkje import helpfinder_rules, lesson_shapes
from checkje.references import unknown_help_lines, unknown_walkthrough_steps
from checkje.schema import Choice, Date, Dialable, Flag, ListOf, MapOf, Problem, Record, Slug, Text, Url, Words
from checkje.walkthroughs.shapes import SCHEMAS as WALKTHROUGH_SCHEMAS, step_reference

# Pages a home-page tile may lead to: full endpoint names, so any blueprint can offer a tile.
PAGES = ("friendcheck.start", "walkthroughs.overview", "snaps.demo", "snaps.happened", "pages.help", "pages.trusted", "pages.safety", "together.start")
ICONS = ("help", "shield", "exit", "phone", "chat", "web", "snap", "heart", "friends", "person", "settings", "together")

# The drawn scenes of the "snaps can be saved" demonstration (templates/snaps/scenes.html),
# each with the number of moments it shows one after the other.
SCENE_MOMENTS = {
    "countdown": 3,
    "screenshot": 3,
    "recording": 3,
    "second-phone": 3,
    "save-in-chat": 3,
    "other-apps": 3,
    "view-once": 3,
}

_PAGE_BASICS = {
    "title": Text(),
    "description": Text(),
}

_SECTIONS = ListOf(Record({"heading": Text(), "body": Text()}))

_PHONE = Record({"shown": Words(), "dial": Dialable(), "when": Text(optional=True)})

HELPLINES = Record(
    {
        "emergency": _PHONE,
        "lines": ListOf(
            Record(
                {
                    "id": Slug(),
                    "name": Words(),
                    "purpose": Text(),
                    "anonymous": Flag(),
                    "anonymous_note": Text(optional=True),
                    "phones": ListOf(_PHONE, optional=True),
                    "chat": Url(optional=True),
                    "web": Url(),
                    "hours": Text(optional=True),
                    "checked": Date(),
                    "check_note": Text(optional=True),
                    # false: a line for professionals (and adult victims), left off the youth help page.
                    "youth_line": Flag(optional=True),
                    # For maintainers: where the details were taken from.
                    "source": Words(),
                }
            ),
            unique="id",
        ),
    }
)

HOME = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        "tiles": ListOf(
            Record({"page": Choice(PAGES), "icon": Choice(ICONS), "title": Text(), "text": Text()}),
            unique="page",
        ),
    }
)

HELP = Record({**_PAGE_BASICS, "intro": Text(), "checked_intro": Text()})

SAFETY = Record({**_PAGE_BASICS, "intro": Text(), "sections": _SECTIONS})

TRUSTED = Record({**_PAGE_BASICS, "intro": Text(), "storage_note": Text(), "no_script_note": Text(), "tip": Text()})

# The help card and the offline page: a few words and a short list of help lines.
PAGE_WITH_LINES = Record({**_PAGE_BASICS, "intro": Text(), "lines": ListOf(Slug(), unique=None)})

HELPFINDER = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        "questions": ListOf(
            Record(
                {
                    "id": Slug(),
                    "text": Text(),
                    "hint": Text(optional=True),
                    "answers": ListOf(Record({"id": Slug(), "label": Text(), "result": Slug(optional=True)}), min_items=2, unique="id"),
                }
            ),
            unique="id",
        ),
        "results": ListOf(
            Record(
                {
                    "id": Slug(),
                    "when": MapOf(Slug(), optional=True),
                    "heading": Text(),
                    "text": Text(),
                    "lines": ListOf(Slug()),
                }
            ),
            unique="id",
        ),
    }
)

SNAPS_DEMO = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        # The day the facts were last compared with their sources; the steps show it.
        "checked": Date(),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "body": Text(),
                    # A step with a scene tells, in "moments", what the drawing shows, one sentence per moment.
                    "scene": Choice(SCENE_MOMENTS, optional=True),
                    "moments": ListOf(Text(), optional=True),
                    # Does the sender get a notice? Short answer, shown in a box.
                    "notice": Text(optional=True),
                    # For maintainers: where the facts come from (see shared/facts/app-settings.md).
                    "source": Words(),
                }
            ),
            unique="id",
        ),
    }
)

SNAPS_HAPPENED = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        # Ids of lines in helplines.yaml that fit; every page of the flow links to them on the help page.
        "help": ListOf(Slug()),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "body": Text(),
                    # Ready-made sentences to start a conversation.
                    "sentences": ListOf(Text(), optional=True),
                }
            ),
            unique="id",
        ),
    }
)

SNAPS_SAY_NO = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        "situations": ListOf(Record({"id": Slug(), "heading": Text(), "replies": ListOf(Text())}), unique="id"),
        "after": Text(),
    }
)

# --- Friend check (checkje.friendcheck)

# The answers to a practice request, in the order the form shows them.
FRIENDCHECK_ANSWERS = ("accept", "decline", "check")
# The four parts of the check, in order.
FRIENDCHECK_PARTS = ("rules_now", "practice", "profile", "my_rules")

_PART_BASICS = {**_PAGE_BASICS, "question": Text()}


def _reasons_name_rules(documents):
    """Every friend-check reason's "rule" must be the id of one of my_rules.rules."""
    check = documents["friendcheck/check"]
    rule_ids = {rule["id"] for rule in check["my_rules"]["rules"]}
    reasons = check["rules_now"]["reasons"]
    for index, reason in enumerate(reasons):
        if "rule" in reason and reason["rule"] not in rule_ids:
            yield "friendcheck/check", Problem(
                f"rules_now.reasons[{index}].rule",
                reason.line_of("rule"),
                f"{reason['rule']!r} is not the id of a rule in my_rules.rules (known: {', '.join(sorted(rule_ids))})",
            )


FRIENDCHECK_CHECK = Record(
    {
        "start": Record({**_PAGE_BASICS, "intro": Text()}),
        "rules_now": Record(
            {
                **_PART_BASICS,
                "intro": Text(),
                "result_title": Text(),
                "result_intro": Text(),
                "reasons": ListOf(
                    Record({"id": Slug(), "label": Text(), "safe": Flag(), "feedback": Text(), "rule": Slug(optional=True)}),
                    min_items=2,
                    unique="id",
                ),
            }
        ),
        "profile": Record(
            {
                **_PART_BASICS,
                "intro": Text(),
                "result_title": Text(),
                "result_intro": Text(),
                "nothing_chosen": Text(),
                "items": ListOf(
                    Record({"id": Slug(), "label": Text(), "what_they_see": Text(), "step": Text(), "settings": step_reference(optional=True)}),
                    unique="id",
                ),
            }
        ),
        "my_rules": Record(
            {
                **_PART_BASICS,
                "intro": Text(),
                "result_title": Text(),
                "result_intro": Text(),
                "result_outro": Text(),
                "rules": ListOf(Record({"id": Slug(), "text": Text(), "instead": Text()}), unique="id"),
            }
        ),
    }
)

_VERDICT = Record({"title": Text(), **{f"after_{answer}": Text() for answer in FRIENDCHECK_ANSWERS}})

FRIENDCHECK_REQUESTS = Record(
    {
        **_PART_BASICS,
        "intro": Text(),
        "answers": Record({answer: Text() for answer in FRIENDCHECK_ANSWERS}),
        "verdicts": Record({answer: _VERDICT for answer in FRIENDCHECK_ANSWERS}),
        "check_first": Record({"title": Text(), "steps": ListOf(Text())}),
        "requests": ListOf(
            Record(
                {
                    "id": Slug(),
                    # The account name as the app shows it: the same in every language.
                    "name": Words(),
                    "photo": Text(),
                    "facts": ListOf(Text()),
                    "message": Text(),
                    "best": Choice(FRIENDCHECK_ANSWERS),
                    "signs": ListOf(Text()),
                    "explanation": Text(),
                }
            ),
            min_items=8,
            unique="id",
        ),
    }
)

# --- Together with your mentor (checkje.together) and the mentor guide (checkje.mentor_guide)

# Pages of Checkje that a together step may send the youth to (endpoints without arguments),
# each with the content document whose title names it.
TOGETHER_PAGES = {
    "snaps.demo": "snaps/demo",
    "snaps.say_no": "snaps/say-no",
    "snaps.happened": "snaps/happened",
    "pages.trusted": "pages/trusted",
    "pages.card": "pages/card",
    "pages.help": "pages/help",
    "walkthroughs.overview": "walkthroughs/overview",
}
# Fixed pages next to the steps and sections (/samen/klaar, /mentor/print): no step or section may take their ids.
TOGETHER_FIXED = {"together/steps": ("steps", "klaar"), "together/guide": ("sections", "print")}

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

# Something to do together: exactly one of a page, a friend-check part or a walkthrough step.
# "after" is what the mentor asks once it is done.
_ACTIVITY = Record(
    {
        "page": Choice(TOGETHER_PAGES, optional=True),
        "part": Choice(FRIENDCHECK_PARTS, optional=True),
        "setting": step_reference(optional=True),
        "after": Text(optional=True),
    }
)
_ACTIVITY_TARGETS = ("page", "part", "setting")
# Where a group of the "what we did today" checklist takes its items from, when not its own.
DONE_SOURCES = ("settings", "rules")

TOGETHER_STEPS = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        "how": Text(),
        "guide_link": Text(),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
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
                **_PAGE_BASICS,
                "intro": Text(),
                "groups": ListOf(
                    Record({"id": Slug(), "heading": Text(), "items": ListOf(Text(), optional=True), "from": Choice(DONE_SOURCES, optional=True)}),
                    unique="id",
                ),
                "outro": Text(),
            }
        ),
    }
)

MENTOR_GUIDE = Record(
    {
        **_PAGE_BASICS,
        "intro": Text(),
        "print": Record({**_PAGE_BASICS, "intro": Text(), "link": Text()}),
        # How to talk with a youth, with a light intellectual disability in mind (LVB); steps name them by id.
        "talk_tips": ListOf(Record({"id": Slug(), "text": Text()}), unique="id"),
        "sections": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "intro": Text(),
                    "body": Text(optional=True),
                    "lists": ListOf(Record({"heading": Text(), "items": ListOf(Text())}), optional=True),
                    # Lists that are steps to take in order.
                    "numbered": Flag(optional=True),
                    "talk_tips": Flag(optional=True),
                    # Help lines by id, each with when to use it.
                    "lines": ListOf(Record({"id": Slug(), "when": Text()}), optional=True),
                    # The few lines this section gets on the one-page print version.
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


SCHEMAS = {
    "helplines": HELPLINES,
    "pages/home": HOME,
    "pages/help": HELP,
    "pages/safety": SAFETY,
    "pages/trusted": TRUSTED,
    "pages/card": PAGE_WITH_LINES,
    "pages/offline": PAGE_WITH_LINES,
    "helpfinder": HELPFINDER,
    "snaps/demo": SNAPS_DEMO,
    "snaps/happened": SNAPS_HAPPENED,
    "snaps/say-no": SNAPS_SAY_NO,
    "friendcheck/check": FRIENDCHECK_CHECK,
    "friendcheck/requests": FRIENDCHECK_REQUESTS,
    "together/steps": TOGETHER_STEPS,
    "together/guide": MENTOR_GUIDE,
    **WALKTHROUGH_SCHEMAS,
    **lesson_shapes.SCHEMAS,
}


def _check_short_lists_of_lines(documents):
    """The help card and the offline page name help lines that exist."""
    for name in ("pages/card", "pages/offline"):
        yield from unknown_help_lines(documents, name, "lines", documents[name]["lines"])


def _check_happened_lines(documents):
    """The "it already happened" flow names help lines that exist."""
    return unknown_help_lines(documents, "snaps/happened", "help", documents["snaps/happened"]["help"])


def _scenes_match_their_moments(documents):
    demo = documents["snaps/demo"]
    for index, step in enumerate(demo["steps"]):
        place, line = f"steps[{index}]", demo["steps"].line_of(index)
        told = len(step.get("moments", []))
        if "scene" not in step:
            if told:
                yield "snaps/demo", Problem(f"{place}.moments", line, 'moments need a "scene" to describe')
        elif told != SCENE_MOMENTS[step["scene"]]:
            wanted = SCENE_MOMENTS[step["scene"]]
            yield "snaps/demo", Problem(f"{place}.moments", line, f'the scene "{step["scene"]}" shows {wanted} moments; write one sentence for each, not {told}')


def _profile_steps_exist(documents):
    """Each profile item's "settings" names a walkthrough step that exists."""
    items = documents["friendcheck/check"]["profile"]["items"]
    references = [
        (f"profile.items[{index}].settings", item.line_of("settings"), item["settings"]) for index, item in enumerate(items) if "settings" in item
    ]
    return unknown_walkthrough_steps(documents, "friendcheck/check", references)


def _together_activities_fit(documents):
    """Each activity of a together step names exactly one target, and a setting that exists."""
    steps = documents["together/steps"]["steps"]
    settings = []
    for index, step in enumerate(steps):
        for number, activity in enumerate(step.get("activities", [])):
            place = f"steps[{index}].activities[{number}]"
            targets = [target for target in _ACTIVITY_TARGETS if target in activity]
            if len(targets) != 1:
                message = f"give exactly one of {', '.join(_ACTIVITY_TARGETS)}" + (f", not {' and '.join(targets)}" if targets else "")
                yield "together/steps", Problem(place, activity.line, message)
            if "setting" in activity:
                settings.append((f"{place}.setting", activity.line_of("setting"), activity["setting"]))
    yield from unknown_walkthrough_steps(documents, "together/steps", settings)


def _checklist_groups_fit(documents):
    """Each group of the "what we did today" checklist has its own items or takes them "from" elsewhere, not both."""
    for index, group in enumerate(documents["together/steps"]["done"]["groups"]):
        if ("items" in group) == ("from" in group):
            yield "together/steps", Problem(f"done.groups[{index}]", group.line, 'give either "items" or "from"')


def _together_tips_exist(documents):
    """The talk tips a together step names are talk_tips in the mentor guide."""
    tip_ids = {tip["id"] for tip in documents["together/guide"]["talk_tips"]}
    for index, step in enumerate(documents["together/steps"]["steps"]):
        tips = step["mentor"]["tips"]
        for number, tip in enumerate(tips):
            if tip not in tip_ids:
                message = f"{tip!r} is not a talk tip id in content/together/guide.yaml (known: {', '.join(sorted(tip_ids))})"
                yield "together/steps", Problem(f"steps[{index}].mentor.tips[{number}]", tips.line_of(number), message)


def _together_ids_free(documents):
    """No step or section takes the id of a fixed page next to it (/samen/klaar, /mentor/print)."""
    for name, (items_name, fixed) in TOGETHER_FIXED.items():
        items = documents[name][items_name]
        for index, item in enumerate(items):
            if item["id"] == fixed:
                yield name, Problem(f"{items_name}[{index}].id", items.line_of(index), f"{item['id']!r} is the address of another page; pick another id")


def _guide_lines_exist(documents):
    """The mentor guide names help lines that exist."""
    for index, section in enumerate(documents["together/guide"]["sections"]):
        yield from unknown_help_lines(documents, "together/guide", f"sections[{index}].lines", section.get("lines", []), key="id")


# Checks across fields or files, run once every file fits its own shape:
# each yields (document name, Problem).
CROSS_CHECKS = (
    helpfinder_rules.check_references,
    _check_short_lists_of_lines,
    _check_happened_lines,
    _scenes_match_their_moments,
    _profile_steps_exist,
    _reasons_name_rules,
    *lesson_shapes.CROSS_CHECKS,
    _together_activities_fit,
    _checklist_groups_fit,
    _together_tips_exist,
    _together_ids_free,
    _guide_lines_exist,
)
