"""Checks that ids in one content file name things that exist in another."""

from checkje.schema import Problem


def unknown_ids(name, place, ids, known, what, key=None):
    """Yield (document name, Problem) for each id in the list `ids` that is not in `known`; `what` says what it should name.

    With `key`, `ids` is a list of records and each names its id under that key.
    """
    for index, item in enumerate(ids):
        item_id = item[key] if key else item
        if item_id not in known:
            where = f"{place}[{index}].{key}" if key else f"{place}[{index}]"
            yield name, Problem(where, ids.line_of(index), f"{item_id!r} is not {what}")


def unknown_help_lines(documents, name, place, ids, key=None):
    """Yield (document name, Problem) for each id in `ids` that is not a help line in content/helplines.yaml."""
    line_ids = {line["id"] for line in documents["helplines"]["lines"]}
    return unknown_ids(name, place, ids, line_ids, "a help line id in content/helplines.yaml", key)


def walkthrough_steps(documents):
    """Every walkthrough step as other files name it: instagram/private-account."""
    return {
        f"{name.split('/')[1]}/{step['id']}"
        for name, document in documents.items()
        if name.startswith("walkthroughs/") and "steps" in document
        for step in document["steps"]
    }


def unknown_walkthrough_steps(documents, name, references):
    """Yield (document name, Problem) for each (place, line, "app/step") that is not a walkthrough step."""
    known = walkthrough_steps(documents)
    for place, line, reference in references:
        if reference not in known:
            app = reference.split("/")[0]
            yield name, Problem(place, line, f"{reference!r} is not a step in content/walkthroughs/{app}.yaml")
