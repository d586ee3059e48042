"""The shape of the help lines and the help finder's questions (content/helpfinder/)."""

from checkje.content.schema import (
    PAGE_BASICS,
    Choice,
    Dialable,
    Flag,
    ListOf,
    MapOf,
    Month,
    Problem,
    Record,
    Slug,
    Text,
    Url,
    Words,
)
from checkje.helpfinder import rules
from checkje.helpfinder.lines import DOCUMENT as LINES_DOCUMENT

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

# What a line that stopped may keep: who it was, that it stopped, where to go now, and the source that says so.
_STOPPED_KEEPS = {"id", "name", "purpose", "note", "stopped", "youth_line", "source"}


class HelpLine(Record):
    """One help line: its fields, then the rule that ties them together.

    A working line has a web address and says when it is open (or that nobody knows, and what to do then);
    a line that stopped has no way to reach it left (no number, chat, address, hours or languages), so no
    page can send a youth there.
    """

    def check(self, value, place, line):
        problems = list(super().check(value, place, line))
        yield from problems
        if problems:
            return
        if "stopped" in value:
            for key in sorted(value.keys() - _STOPPED_KEEPS):
                message = f'a line that stopped has no "{key}": name the lines that do its work now under "instead"'
                yield Problem(f"{place}.{key}", value.line_of(key), message)
            return
        if "web" not in value:
            yield Problem(place, value.line, '"web" is missing')
        if "hours" not in value:
            message = '"hours" is missing: say when it is open, or that we do not know (then: try, or 112 in danger)'
            yield Problem(place, value.line, message)


LINES = Record(
    {
        "emergency": _PHONE,
        "lines": ListOf(
            HelpLine(
                {
                    "id": Slug(),
                    "name": Words(),
                    "purpose": Text(),
                    # Left out where no source says whether you can stay anonymous.
                    "anonymous": Flag(optional=True),
                    "anonymous_note": Text(optional=True),
                    "phones": ListOf(_PHONE, optional=True),
                    "chat": Url(optional=True),
                    # Required, except for a line that stopped.
                    "web": Url(optional=True),
                    # When it is open. Required (but for a line that stopped): where no source gives the hours,
                    # say that we do not know, that trying is fine, and 112 in danger.
                    "hours": Text(optional=True),
                    # What a youth should know besides, such as what we could not confirm.
                    "note": Text(optional=True),
                    # true: no recent source shows the line still works. Its link stays, never as the main action.
                    "status_unknown": Flag(optional=True),
                    # The line no longer exists: say so (`text`, first on its card) and name the lines, by id,
                    # that do its work now (`instead`), each one tap away. Only the help page may name it.
                    "stopped": Record({"text": Text(), "instead": ListOf(Slug(), unique=None)}, optional=True),
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
                            # What the source allows a newcomer besides: "you may also call or chat in English".
                            "note": Text(optional=True),
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


def _stopped_lines_name_working_lines(documents):
    """A stopped line names, under `instead`, youth lines that exist and work."""
    lines = {line["id"]: line for line in documents[LINES_DOCUMENT]["lines"]}
    for index, line in enumerate(documents[LINES_DOCUMENT]["lines"]):
        instead = line.get("stopped", {}).get("instead", [])
        for number, other in enumerate(instead):
            where = (f"lines[{index}].stopped.instead[{number}]", instead.line_of(number))
            if other not in lines:
                yield LINES_DOCUMENT, Problem(*where, f"{other!r} is not a help line id")
            elif "stopped" in lines[other]:
                yield LINES_DOCUMENT, Problem(*where, f"{other!r} has stopped too: name a line that works")
            elif not lines[other].get("youth_line", True):
                yield LINES_DOCUMENT, Problem(*where, f"{other!r} is a line for professionals, not for young people")


SCHEMAS = {LINES_DOCUMENT: LINES, rules.DOCUMENT: QUESTIONS}
CROSS_CHECKS = (rules.check_references, _stopped_lines_name_working_lines)
