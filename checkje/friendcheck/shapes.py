"""The shape of the friend check (content/friendcheck/): its parts, and the practice requests."""

from checkje.content.schema import PAGE_BASICS, Choice, Flag, ListOf, Problem, Record, Slug, Text, Words
from checkje.walkthroughs.steps import step_reference, unknown_steps

# The answers to a practice request, in the order the form shows them.
ANSWERS = ("accept", "decline", "check")
# The four parts of the check, in order.
PARTS = ("rules_now", "practice", "profile", "my_rules")

_PART_BASICS = {**PAGE_BASICS, "question": Text()}

CHECK = Record(
    {
        "start": Record({**PAGE_BASICS, "intro": Text()}),
        "rules_now": Record(
            {
                **_PART_BASICS,
                "intro": Text(),
                "result_title": Text(),
                "result_intro": Text(),
                "reasons": ListOf(
                    Record(
                        {"id": Slug(), "label": Text(), "safe": Flag(), "feedback": Text(), "rule": Slug(optional=True)}
                    ),
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
                    Record(
                        {
                            "id": Slug(),
                            "label": Text(),
                            "what_they_see": Text(),
                            "step": Text(),
                            "settings": step_reference(optional=True),
                        }
                    ),
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

_VERDICT = Record({"title": Text(), **{f"after_{answer}": Text() for answer in ANSWERS}})

REQUESTS = Record(
    {
        **_PART_BASICS,
        "intro": Text(),
        "answers": Record({answer: Text() for answer in ANSWERS}),
        "verdicts": Record({answer: _VERDICT for answer in ANSWERS}),
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
                    "best": Choice(ANSWERS),
                    "signs": ListOf(Text()),
                    "explanation": Text(),
                }
            ),
            min_items=8,
            unique="id",
        ),
    }
)


def _reasons_name_rules(documents):
    """Every friend-check reason's "rule" must be the id of one of my_rules.rules."""
    check = documents["friendcheck/check"]
    rule_ids = {rule["id"] for rule in check["my_rules"]["rules"]}
    for index, reason in enumerate(check["rules_now"]["reasons"]):
        if "rule" in reason and reason["rule"] not in rule_ids:
            known = ", ".join(sorted(rule_ids))
            message = f"{reason['rule']!r} is not the id of a rule in my_rules.rules (known: {known})"
            yield "friendcheck/check", Problem(f"rules_now.reasons[{index}].rule", reason.line_of("rule"), message)


def _profile_steps_exist(documents):
    """Each profile item's "settings" names a walkthrough step that exists."""
    items = documents["friendcheck/check"]["profile"]["items"]
    references = [
        (f"profile.items[{index}].settings", item.line_of("settings"), item["settings"])
        for index, item in enumerate(items)
        if "settings" in item
    ]
    return unknown_steps(documents, "friendcheck/check", references)


SCHEMAS = {"friendcheck/check": CHECK, "friendcheck/requests": REQUESTS}
CROSS_CHECKS = (_reasons_name_rules, _profile_steps_exist)
