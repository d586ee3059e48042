"""The shape of the friend check (content/friendcheck/): its parts, and the practice requests."""

from checkje.content.schema import PAGE_BASICS, Choice, Flag, ListOf, Problem, Record, Slug, Text, Whole, Words
from checkje.core.icons import ICONS
from checkje.friendcheck.avatars import DRAWINGS, EXTRAS, FACES, HAIR, HAIR_STYLES, PALETTE, SKIN
from checkje.walkthroughs.steps import step_reference, unknown_steps

# The answers to a practice request, in the order the form shows them.
ANSWERS = ("accept", "decline", "check")
# The four parts of the check, in order.
PARTS = ("rules_now", "practice", "profile", "my_rules")
# The app whose look a request card takes (discord: the chat that comes with many games).
APPS = ("instagram", "snapchat", "whatsapp", "discord")
# How safe a choice or a sign is: each has its colour, icon and words (templates/friendcheck/tone.html).
TONES = ("safe", "warn", "risk")
# Where each item of part 3 sits on the example profile the youth taps on, in the order they are drawn.
PROFILE_SPOTS = ("account", "picture", "name", "followers", "bio", "posts")
# The parts of a request card a sign can point at; the optional ones are on a card only when its request has them.
CARD_PARTS = ("picture", "name", "bio", "posts", "followers", "following", "mutual", "age", "message")
OPTIONAL_PARTS = ("bio", "posts", "followers", "following", "age")
# What only a drawn person has: the other drawings have none of these.
PERSON_FIELDS = {
    "skin": Whole(1, len(SKIN), optional=True),
    "face": Choice(FACES, optional=True),
    "hair": Choice(HAIR_STYLES, optional=True),
    "hair_colour": Choice(HAIR, optional=True),
    "extra": Choice(EXTRAS, optional=True),
    "shirt": Choice(PALETTE, optional=True),
}

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
                        {
                            "id": Slug(),
                            "icon": Choice(ICONS),
                            "label": Text(),
                            "safe": Flag(),
                            "feedback": Text(),
                            "rule": Slug(optional=True),
                        }
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
                            "spot": Choice(PROFILE_SPOTS),
                            # What that part of the example profile says: short, like the app shows it.
                            "shows": Text(),
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
                "rules": ListOf(
                    Record({"id": Slug(), "icon": Choice(ICONS), "text": Text(), "instead": Text()}), unique="id"
                ),
            }
        ),
    }
)

_VERDICT = Record({"title": Text(), **{f"after_{answer}": Text() for answer in ANSWERS}})

_PICTURE = Record(
    {
        "drawing": Choice(DRAWINGS),
        **PERSON_FIELDS,
        "background": Choice(PALETTE),
        # What a screen reader says about the picture: the only place its description is in words.
        "says": Text(),
    }
)

_COUNT = Whole(0, 100_000, optional=True)

REQUESTS = Record(
    {
        **_PART_BASICS,
        "intro": Text(),
        "quick_round": Record(
            {
                **PAGE_BASICS,
                "intro": Text(),
                "requests": ListOf(Slug(), min_items=2),
                "done_title": Text(),
                "done_intro": Text(),
                "rules": ListOf(Slug()),
            }
        ),
        "answers": Record({answer: Text() for answer in ANSWERS}),
        "verdicts": Record({answer: _VERDICT for answer in ANSWERS}),
        "check_first": Record({"title": Text(), "steps": ListOf(Text())}),
        "requests": ListOf(
            Record(
                {
                    "id": Slug(),
                    "app": Choice(APPS),
                    # The user name and the name as the app shows them: the same in every language.
                    "name": Words(),
                    "display_name": Words(),
                    "picture": _PICTURE,
                    "bio": Text(optional=True),
                    "posts": _COUNT,
                    "followers": _COUNT,
                    "following": _COUNT,
                    "mutual": Text(),
                    # How old the account is, like "2 weken": the card says "Account is 2 weken oud".
                    "age": Text(optional=True),
                    "message": Text(),
                    "best": Choice(ANSWERS),
                    "signs": ListOf(
                        Record({"part": Choice(CARD_PARTS), "tone": Choice(TONES), "short": Text(), "text": Text()})
                    ),
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


def _pictures_are_drawable(documents):
    """A person has every person field, another drawing none; no two requests share a picture."""
    seen = {}
    for index, practice in enumerate(documents["friendcheck/requests"]["requests"]):
        picture = practice["picture"]
        place, line = f"requests[{index}].picture", practice.line_of("picture")
        given = set(PERSON_FIELDS) & picture.keys()
        if picture["drawing"] == "person" and given != set(PERSON_FIELDS):
            missing = ", ".join(sorted(set(PERSON_FIELDS) - given))
            yield "friendcheck/requests", Problem(place, line, f"a person needs {missing} too")
        elif picture["drawing"] != "person" and given:
            extra = ", ".join(sorted(given))
            yield "friendcheck/requests", Problem(place, line, f"only a person has {extra}")
        looks = tuple(sorted((key, str(value)) for key, value in picture.items() if key != "says"))
        if looks in seen:
            message = f"looks the same as the picture of {seen[looks]!r}: change one of its parameters"
            yield "friendcheck/requests", Problem(place, line, message)
        seen.setdefault(looks, practice["id"])


def _signs_are_on_the_card(documents):
    """A sign points at a part of the card that its request has: a sign about the bio needs a bio."""
    for index, practice in enumerate(documents["friendcheck/requests"]["requests"]):
        for number, sign in enumerate(practice["signs"]):
            if sign["part"] in OPTIONAL_PARTS and sign["part"] not in practice:
                message = f"points at the {sign['part']}, but this request has no {sign['part']!r}"
                place = f"requests[{index}].signs[{number}].part"
                yield "friendcheck/requests", Problem(place, sign.line_of("part"), message)


def _quick_round_names_what_exists(documents):
    """The quick round's requests and rules are ids of requests in this file and rules in check.yaml."""
    quick = documents["friendcheck/requests"]["quick_round"]
    known = {
        "requests": {practice["id"] for practice in documents["friendcheck/requests"]["requests"]},
        "rules": {rule["id"] for rule in documents["friendcheck/check"]["my_rules"]["rules"]},
    }
    for key, ids in known.items():
        for index, item_id in enumerate(quick[key]):
            if item_id not in ids:
                message = f"{item_id!r} is not one of the {key} (known: {', '.join(sorted(ids))})"
                yield "friendcheck/requests", Problem(f"quick_round.{key}[{index}]", quick[key].line_of(index), message)


SCHEMAS = {"friendcheck/check": CHECK, "friendcheck/requests": REQUESTS}
CROSS_CHECKS = (
    _reasons_name_rules,
    _profile_steps_exist,
    _pictures_are_drawable,
    _signs_are_on_the_card,
    _quick_round_names_what_exists,
)
