"""Which content files exist, and the shape each must have.

A file `content/<name>.yaml` belongs to the entry `<name>` below. Adding a
content file means adding its shape here; the build rejects files it does
not know, so a typo in a file name cannot go unnoticed.
"""

from checkje import helpfinder_rules, lesson_shapes
from checkje.references import unknown_help_lines, walkthrough_steps
from checkje.schema import Choice, Date, Dialable, Flag, ListOf, MapOf, Problem, Record, Slug, Text, Url, Words
from checkje.walkthroughs.shapes import SCHEMAS as WALKTHROUGH_SCHEMAS, step_reference

# Pages a home-page tile may lead to: full endpoint names, so any blueprint can offer a tile.
PAGES = ("friendcheck.start", "walkthroughs.overview", "snaps.demo", "snaps.happened", "pages.help", "pages.trusted", "pages.safety")
ICONS = ("help", "shield", "exit", "phone", "chat", "web", "snap", "heart", "friends", "person", "settings")

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

# A step of the privacy walkthroughs, like instagram/private-account: a link from the
# profile check to that step. _profile_steps_exist checks that the step is there.
_WALKTHROUGH_STEP = step_reference(optional=True)

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
                    Record({"id": Slug(), "label": Text(), "what_they_see": Text(), "step": Text(), "settings": _WALKTHROUGH_STEP}),
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
    steps = walkthrough_steps(documents)
    for index, item in enumerate(items):
        if "settings" in item and item["settings"] not in steps:
            app = item["settings"].split("/")[0]
            message = f"{item['settings']!r} is not a step in content/walkthroughs/{app}.yaml"
            yield "friendcheck/check", Problem(f"profile.items[{index}].settings", item.line_of("settings"), message)


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
)
