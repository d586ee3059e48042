"""Help lines (content/helpfinder/lines.yaml): the only place with phone numbers, chats and web addresses.

Every other area names a line by its id and gets it through `help_lines`; the build
checks those ids with `unknown_help_lines`. A line that has `stopped` (WATCH Nederland) has no
number, chat or address any more: only the help page names it, with the lines that do its work now.
"""

from checkje.content import content
from checkje.content.references import unknown_ids
from checkje.content.schema import Problem

DOCUMENT = "helpfinder/lines"


def help_lines(ids):
    """The help lines with these ids, in this order, as the content has them now.

    A stopped line comes with the lines it names under `stopped.instead`, in that order.
    """
    lines = {line["id"]: line for line in content(DOCUMENT)["lines"]}
    return [_with_lines_instead(lines[line_id], lines) for line_id in ids]


def _with_lines_instead(line, lines):
    if "stopped" not in line:
        return line
    stopped = line["stopped"]
    return {**line, "stopped": {**stopped, "instead": [lines[other] for other in stopped["instead"]]}}


def named_help_lines(named):
    """The help lines that records like {"id": "fier", "why": ...} name, each with the record's own fields too."""
    return [{**line, **each} for line, each in zip(help_lines([each["id"] for each in named]), named, strict=True)]


def emergency():
    """The emergency number (112) that every page's help bar shows."""
    return content(DOCUMENT)["emergency"]


def unknown_help_lines(documents, name, place, ids, key=None, *, stopped_allowed=False):
    """Yield (document name, Problem) for each id in `ids` that is not a help line.

    A stopped line counts as unknown too, unless `stopped_allowed` (only the help page names one).
    """
    lines = {line["id"]: line for line in documents[DOCUMENT]["lines"]}
    yield from unknown_ids(name, place, ids, lines, f"a help line id in content/{DOCUMENT}.yaml", key)
    if stopped_allowed:
        return
    for index, item in enumerate(ids):
        line_id = item[key] if key else item
        if "stopped" in lines.get(line_id, {}):
            where = f"{place}[{index}].{key}" if key else f"{place}[{index}]"
            instead = ", ".join(lines[line_id]["stopped"]["instead"])
            message = f"{line_id!r} has stopped: name a line that does its work now ({instead})"
            yield name, Problem(where, ids.line_of(index), message)
