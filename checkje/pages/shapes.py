"""The shape of the plain content pages (content/pages/): home, help, safety, trusted people, help card."""

from checkje.content.schema import PAGE_BASICS, Choice, Flag, ListOf, Problem, Record, Slug, Text
from checkje.core.icons import ICONS
from checkje.helpfinder.lines import unknown_help_lines

# Pages a home-page tile may lead to: full endpoint names, so any area can offer a tile.
TILE_PAGES = (
    "friendcheck.start",
    "walkthroughs.overview",
    "snaps.demo",
    "snaps.happened",
    "helpfinder.finder",
    "pages.help",
    "pages.trusted",
    "pages.safety",
    "together.start",
)
# How much a tile stands out (docs/design.md): the one thing to do next. (The way out of trouble is a door.)
TILE_KINDS = ("primary",)
# Where a door on the home page leads: a page (a full endpoint name), or a call to 112 (CALL_112).
CALL_112 = "call-112"
DOOR_TARGETS = (
    "snaps.say_no",
    "snaps.happened",
    "friendcheck.start",
    "helpfinder.finder",
    "pages.help",
    "pages.trusted",
    CALL_112,
)
# A door that is a way out of trouble (docs/design.md: "crisis").
DOOR_KINDS = ("crisis",)

# A door (templates/components/door.html): what is going on, in the youth's words, and where its advice is.
DOOR = Record(
    {
        "id": Slug(),
        "icon": Choice(ICONS),
        "kind": Choice(DOOR_KINDS, optional=True),
        "to": Choice(DOOR_TARGETS),
        # With "to: pages.help": the situation of content/pages/help.yaml it opens at (its id).
        "section": Slug(optional=True),
        "text": Text(),
    }
)

HOME = Record(
    {
        **PAGE_BASICS,
        # The question above the doors.
        "doors_heading": Text(),
        # What is going on, in the youth's words: each door one tap from its advice.
        "doors": ListOf(DOOR, unique="id"),
        # Below the doors: the tools, with a few words on what Checkje is for.
        "tools_heading": Text(),
        "intro": Text(),
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

HELP = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        # On the first screen: one line to call or chat now (not 112), and one for 18 and older further down.
        "talk_now": Record(
            {
                "heading": Text(),
                "line": Slug(),
                "older": Record({"text": Text(), "line": Slug()}),
            }
        ),
        # The question above the choices.
        "choose": Text(),
        # Doors to other pages, before the situations of this page (as on home).
        "doors": ListOf(DOOR, unique="id"),
        # "What is going on?": one choice each, in this order, each a section with the lines that fit.
        "situations": ListOf(
            Record(
                {
                    # The section's anchor: /nl/hulp#foto.
                    "id": Slug(),
                    "choice": Text(),
                    "icon": Choice(ICONS),
                    "kind": Choice(DOOR_KINDS, optional=True),
                    "heading": Text(),
                    "text": Text(),
                    # A word explained at the top of the section (an id in content/pages/words.yaml).
                    "explain": Slug(optional=True),
                    # true: the youth's own trusted people are shown here too.
                    "my_people": Flag(optional=True),
                    # Help lines by id, the one to call or chat first on top.
                    "lines": ListOf(Slug()),
                }
            ),
            unique="id",
        ),
        "sources_note": Text(),
    }
)

# Short explanations of hard words, each reused wherever the word first appears.
WORDS = Record({"words": ListOf(Record({"id": Slug(), "question": Text(), "answer": Text()}), unique="id")})

SAFETY = Record({**PAGE_BASICS, "intro": Text(), "sections": ListOf(Record({"heading": Text(), "body": Text()}))})

TRUSTED = Record({**PAGE_BASICS, "intro": Text(), "storage_note": Text(), "no_script_note": Text(), "tip": Text()})

# A few words and a short list of help lines: the help card, and the offline page (checkje.pwa).
# Each line by id, with an optional `when`: one plain sentence on when to use it (113 on the help card).
PAGE_WITH_LINES = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "lines": ListOf(Record({"id": Slug(), "when": Text(optional=True)}), unique="id"),
    }
)


def lines_exist(name):
    """A cross-check: the page `name` (a PAGE_WITH_LINES) names help lines that exist."""

    def check(documents):
        return unknown_help_lines(documents, name, "lines", documents[name]["lines"], key="id")

    check.__doc__ = f"{name} names help lines that exist."
    return check


def _home_doors_open_where_they_say(documents):
    """A door to the help page opens at a situation that is there; only a door to the help page names one."""
    situations = {situation["id"] for situation in documents["pages/help"]["situations"]}
    for index, door in enumerate(documents["pages/home"]["doors"]):
        place = f"doors[{index}]"
        if door["to"] == "pages.help" and door.get("section") not in situations:
            message = f"{door.get('section')!r} is not a situation of content/pages/help.yaml: name one of its ids"
            yield "pages/home", Problem(f"{place}.section", door.line, message)
        elif door["to"] != "pages.help" and "section" in door:
            message = "only a door to the help page opens at a section"
            yield "pages/home", Problem(f"{place}.section", door.line_of("section"), message)


def _help_page_has_each_youth_line_once(documents):
    """Every line for young people in exactly one situation; no line for professionals; words that exist."""
    page = documents["pages/help"]
    lines = {line["id"]: line for line in documents["helpfinder/lines"]["lines"]}
    words = {word["id"] for word in documents["pages/words"]["words"]}
    placed = {}
    for index, situation in enumerate(page["situations"]):
        place = f"situations[{index}]"
        # The one page that names a line that stopped (WATCH Nederland): it says so, with the lines to use now.
        lines_here = situation["lines"]
        yield from unknown_help_lines(documents, "pages/help", f"{place}.lines", lines_here, stopped_allowed=True)
        if "explain" in situation and situation["explain"] not in words:
            message = f"{situation['explain']!r} is not a word in content/pages/words.yaml"
            yield "pages/help", Problem(f"{place}.explain", situation.line_of("explain"), message)
        for number, line_id in enumerate(situation["lines"]):
            where = (f"{place}.lines[{number}]", situation["lines"].line_of(number))
            if line_id in placed:
                yield "pages/help", Problem(*where, f"{line_id!r} is already in {placed[line_id]}: one place per line")
            elif line_id in lines and not lines[line_id].get("youth_line", True):
                yield "pages/help", Problem(*where, f"{line_id!r} is a line for professionals, not for this page")
            placed.setdefault(line_id, place)
    for place, record in (("talk_now", page["talk_now"]), ("talk_now.older", page["talk_now"]["older"])):
        if lines.get(record["line"], {"stopped": True}).get("stopped"):
            message = f"{record['line']!r} is not a help line that works, in content/helpfinder/lines.yaml"
            yield "pages/help", Problem(f"{place}.line", record.line_of("line"), message)
    for line_id, line in lines.items():
        if line.get("youth_line", True) and line_id not in placed:
            message = f"the help line {line_id!r} is in no situation: add it to the one it fits"
            yield "pages/help", Problem("situations", page["situations"].line, message)


SCHEMAS = {
    "pages/home": HOME,
    "pages/help": HELP,
    "pages/words": WORDS,
    "pages/safety": SAFETY,
    "pages/trusted": TRUSTED,
    "pages/card": PAGE_WITH_LINES,
}
CROSS_CHECKS = (lines_exist("pages/card"), _help_page_has_each_youth_line_once, _home_doors_open_where_they_say)
