"""Help lines (content/helpfinder/lines.yaml): the only place with phone numbers, chats and web addresses.

Every other area names a line by its id and gets it through `help_lines`; the build
checks those ids with `unknown_help_lines`.
"""

from checkje.content import content
from checkje.content.references import unknown_ids

DOCUMENT = "helpfinder/lines"


def help_lines(ids):
    """The help lines with these ids, in this order, as the content has them now."""
    lines = {line["id"]: line for line in content(DOCUMENT)["lines"]}
    return [lines[line_id] for line_id in ids]


def named_help_lines(named):
    """The help lines that records like {"id": "fier", "why": ...} name, each with the record's own fields too."""
    return [{**line, **each} for line, each in zip(help_lines([each["id"] for each in named]), named, strict=True)]


def emergency():
    """The emergency number (112) that every page's help bar shows."""
    return content(DOCUMENT)["emergency"]


def unknown_help_lines(documents, name, place, ids, key=None):
    """Yield (document name, Problem) for each id in `ids` that is not a help line."""
    line_ids = {line["id"] for line in documents[DOCUMENT]["lines"]}
    return unknown_ids(name, place, ids, line_ids, f"a help line id in content/{DOCUMENT}.yaml", key)
