"""Which content files exist, and the shape each must have.

A file `content/<name>.yaml` belongs to the entry `<name>` below. Adding a
content file means adding its shape here; the build rejects files it does
not know, so a typo in a file name cannot go unnoticed.
"""

from checkje import helpfinder_rules
from checkje.references import unknown_help_lines
from checkje.schema import Choice, Date, Dialable, Flag, ListOf, MapOf, Record, Slug, Text, Url, Words

# Pages a home-page tile may lead to; each name is a view in checkje.pages.
PAGES = ("help", "safety")
ICONS = ("help", "shield", "exit", "phone", "chat", "web")

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

CARD = Record({**_PAGE_BASICS, "intro": Text(), "lines": ListOf(Slug(), unique=None)})

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

SCHEMAS = {
    "helplines": HELPLINES,
    "pages/home": HOME,
    "pages/help": HELP,
    "pages/safety": SAFETY,
    "pages/trusted": TRUSTED,
    "pages/card": CARD,
    "helpfinder": HELPFINDER,
}



def _check_card_lines(documents):
    """The help card names help lines that exist."""
    return unknown_help_lines(documents, "content/pages/card.yaml", "lines", documents["pages/card"]["lines"])


# Checks across fields and files, run once every file fits its schema. Each yields (file, Problem).
CROSS_CHECKS = (helpfinder_rules.check_references, _check_card_lines)
