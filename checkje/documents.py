"""Which content files exist, and the shape each must have.

A file `content/<name>.yaml` belongs to the entry `<name>` below. Adding a
content file means adding its shape here; the build rejects files it does
not know, so a typo in a file name cannot go unnoticed.
"""

from checkje.schema import Choice, Date, Dialable, Flag, ListOf, Record, Slug, Text, Url, Words
from checkje.walkthroughs.shapes import SCHEMAS as WALKTHROUGH_SCHEMAS

# Pages a home-page tile may lead to: the endpoint of each page's view.
PAGES = ("pages.help", "pages.safety", "walkthroughs.overview")
ICONS = ("help", "shield", "exit", "phone", "chat", "web", "settings")

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

SCHEMAS = {
    "helplines": HELPLINES,
    "pages/home": HOME,
    "pages/help": HELP,
    "pages/safety": SAFETY,
    **WALKTHROUGH_SCHEMAS,
}
