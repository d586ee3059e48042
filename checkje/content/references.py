"""Checks that ids in one content file name things that exist in another."""

from checkje.content.schema import Problem


def unknown_ids(name, place, ids, known, what, key=None):
    """Yield (document name, Problem) for each id in `ids` that is not in `known`; `what` says what it should name.

    With `key`, `ids` is a list of records and each names its id under that key.
    """
    for index, item in enumerate(ids):
        item_id = item[key] if key else item
        if item_id not in known:
            where = f"{place}[{index}].{key}" if key else f"{place}[{index}]"
            yield name, Problem(where, ids.line_of(index), f"{item_id!r} is not {what}")
