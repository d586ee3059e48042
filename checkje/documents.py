"""Which content files exist, and the shape each must have.

A file `content/<name>.yaml` belongs to the entry `<name>` below. Adding a
content file means adding its shape here; the build rejects files it does
not know, so a typo in a file name cannot go unnoticed.
"""

from checkje.schema import Choice, CrossChecked, Date, Dialable, Flag, ListOf, Pattern, Problem, Record, Slug, Text, Url, Words

# Pages a home-page tile may lead to: each is the endpoint of a page without arguments.
PAGES = ("pages.help", "pages.safety", "friendcheck.start")
ICONS = ("help", "shield", "exit", "phone", "chat", "web", "friends")

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

# --- Friend check (checkje.friendcheck)

# The answers to a practice request, in the order the form shows them.
FRIENDCHECK_ANSWERS = ("accept", "decline", "check")

# A step of the privacy walkthroughs, like instagram/private-account. Only its
# shape is checked here; it becomes a link once those walkthroughs exist.
_WALKTHROUGH_STEP = Pattern(
    r"[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*",
    "should name an app and a step, like instagram/private-account",
    optional=True,
)

_PART_BASICS = {**_PAGE_BASICS, "question": Text()}


def _reasons_name_rules(check):
    """Every reason's "rule" must be the id of one of my_rules.rules."""
    rule_ids = {rule["id"] for rule in check["my_rules"]["rules"]}
    reasons = check["rules_now"]["reasons"]
    for index, reason in enumerate(reasons):
        if "rule" in reason and reason["rule"] not in rule_ids:
            yield Problem(
                f"rules_now.reasons[{index}].rule",
                reason.line_of("rule"),
                f"{reason['rule']!r} is not the id of a rule in my_rules.rules (known: {', '.join(sorted(rule_ids))})",
            )


FRIENDCHECK_CHECK = CrossChecked(
    Record(
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
    ),
    _reasons_name_rules,
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
    "friendcheck/check": FRIENDCHECK_CHECK,
    "friendcheck/requests": FRIENDCHECK_REQUESTS,
}
