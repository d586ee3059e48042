"""The shape of the plain content pages (content/pages/): home, help, safety, trusted people, help card."""

from checkje.content.schema import PAGE_BASICS, Choice, ListOf, Record, Slug, Text
from checkje.helpfinder.lines import unknown_help_lines

# Pages a home-page tile may lead to: full endpoint names, so any area can offer a tile.
TILE_PAGES = (
    "friendcheck.start",
    "walkthroughs.overview",
    "snaps.demo",
    "snaps.happened",
    "pages.help",
    "pages.trusted",
    "pages.safety",
    "together.start",
)
# How much a tile stands out (docs/design.md): the way out of trouble, or the one thing to do next.
TILE_KINDS = ("crisis", "primary")
# The icons of static/img/icons.svg.
ICONS = ("help", "shield", "exit", "phone", "chat", "web", "snap", "heart", "friends", "person", "settings", "together")

HOME = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "crisis_tag": Text(),
        "primary_tag": Text(),
        "tiles": ListOf(
            Record(
                {
                    "page": Choice(TILE_PAGES),
                    "icon": Choice(ICONS),
                    "kind": Choice(TILE_KINDS, optional=True),
                    "title": Text(),
                    "text": Text(),
                    "go": Text(optional=True),
                }
            ),
            unique="page",
        ),
    }
)

HELP = Record({**PAGE_BASICS, "intro": Text(), "checked_intro": Text()})

SAFETY = Record({**PAGE_BASICS, "intro": Text(), "sections": ListOf(Record({"heading": Text(), "body": Text()}))})

TRUSTED = Record({**PAGE_BASICS, "intro": Text(), "storage_note": Text(), "no_script_note": Text(), "tip": Text()})

# A few words and a short list of help lines: the help card, and the offline page (checkje.pwa).
PAGE_WITH_LINES = Record({**PAGE_BASICS, "intro": Text(), "lines": ListOf(Slug(), unique=None)})


def lines_exist(name):
    """A cross-check: the page `name` (a PAGE_WITH_LINES) names help lines that exist."""

    def check(documents):
        return unknown_help_lines(documents, name, "lines", documents[name]["lines"])

    check.__doc__ = f"{name} names help lines that exist."
    return check


SCHEMAS = {
    "pages/home": HOME,
    "pages/help": HELP,
    "pages/safety": SAFETY,
    "pages/trusted": TRUSTED,
    "pages/card": PAGE_WITH_LINES,
}
CROSS_CHECKS = (lines_exist("pages/card"),)
