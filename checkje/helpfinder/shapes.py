"""The shape of the help lines and the help finder's questions (content/helpfinder/)."""

from checkje.content.schema import (
    PAGE_BASICS,
    Choice,
    Dialable,
    Flag,
    ListOf,
    MapOf,
    Month,
    Record,
    Slug,
    Text,
    Url,
    Words,
)
from checkje.helpfinder import rules

_PHONE = Record({"shown": Words(), "dial": Dialable(), "when": Text(optional=True)})

# Where a line's details come from. The page shows `shown` and the month; `detail` is for maintainers.
_SOURCE = Record(
    {
        # The source as a youth can recognise it: "kindertelefoon.nl", "a news report (ANP)".
        "shown": Text(),
        # The month of the newest source that gives these details (not the day someone looked).
        "month": Month(),
        # true: the page has no date of its own, so `month` is when our copy of it was read.
        "undated": Flag(optional=True),
        # Every source with its address and date, and what it does and does not confirm.
        "detail": Words(),
    }
)

LINES = Record(
    {
        "emergency": _PHONE,
        "lines": ListOf(
            Record(
                {
                    "id": Slug(),
                    "name": Words(),
                    "purpose": Text(),
                    # Left out where no source says whether you can stay anonymous.
                    "anonymous": Flag(optional=True),
                    "anonymous_note": Text(optional=True),
                    "phones": ListOf(_PHONE, optional=True),
                    "chat": Url(optional=True),
                    "web": Url(),
                    "hours": Text(optional=True),
                    # What a youth should know besides, such as what we could not confirm.
                    "note": Text(optional=True),
                    # true: no recent source shows the line still works. Its link stays, never as the main action.
                    "status_unknown": Flag(optional=True),
                    # false: a line for professionals (and adult victims), left off the youth help page.
                    "youth_line": Flag(optional=True),
                    "source": _SOURCE,
                    # The languages a source says the line speaks, and that source (file or page, with its date).
                    # Without it the page says the line speaks Dutch, and perhaps English.
                    "speaks": Record(
                        {
                            "languages": ListOf(Choice(("nl", "en"))),
                            # true: the source says "and many more", without naming them.
                            "many_more": Flag(optional=True),
                            "source": Words(),
                        },
                        optional=True,
                    ),
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
