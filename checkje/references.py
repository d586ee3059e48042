"""Checks that ids in one content file name things that exist in another."""

from checkje.schema import Problem


def unknown_help_lines(documents, name, place, ids):
    """Yield (document name, Problem) for each id in the list `ids` that is not a help line in content/helplines.yaml."""
    line_ids = {line["id"] for line in documents["helplines"]["lines"]}
    for index, line_id in enumerate(ids):
        if line_id not in line_ids:
            yield name, Problem(f"{place}[{index}]", ids.line_of(index), f"{line_id!r} is not a help line id in content/helplines.yaml")
