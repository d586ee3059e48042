"""Checks that ids in one content file name things that exist in another."""

from checkje.schema import Problem


def unknown_ids(name, place, ids, known, what):
    """Yield (document name, Problem) for each id in the list `ids` that is not in `known`; `what` says what it should name."""
    for index, item_id in enumerate(ids):
        if item_id not in known:
            yield name, Problem(f"{place}[{index}]", ids.line_of(index), f"{item_id!r} is not {what}")


def unknown_help_lines(documents, name, place, ids):
    """Yield (document name, Problem) for each id in the list `ids` that is not a help line in content/helplines.yaml."""
    line_ids = {line["id"] for line in documents["helplines"]["lines"]}
    return unknown_ids(name, place, ids, line_ids, "a help line id in content/helplines.yaml")


def walkthrough_steps(documents):
    """Every walkthrough step as other files name it: instagram/private-account."""
    return {
        f"{name.split('/')[1]}/{step['id']}"
        for name, document in documents.items()
        if name.startswith("walkthroughs/") and "steps" in document
        for step in document["steps"]
    }
