"""The shape of the help lines and the help finder's questions (content/helpfinder/)."""

from checkje.content.schema import PAGE_BASICS, Date, Dialable, Flag, ListOf, MapOf, Record, Slug, Text, Url, Words
from checkje.helpfinder import rules

_PHONE = Record({"shown": Words(), "dial": Dialable(), "when": Text(optional=True)})

LINES = Record(
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

QUESTIONS = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "questions": ListOf(
            Record(
                {
                    "id": Slug(),
                    "text": Text(),
                    "hint": Text(optional=True),
                    "answers": ListOf(
                        Record({"id": Slug(), "label": Text(), "result": Slug(optional=True)}), min_items=2, unique="id"
                    ),
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

SCHEMAS = {"helpfinder/lines": LINES, rules.DOCUMENT: QUESTIONS}
CROSS_CHECKS = (rules.check_references,)
