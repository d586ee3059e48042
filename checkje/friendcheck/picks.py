"""Which options a visitor picked, read from a form or a query string.

Answers arrive as option ids only. They are checked against the ids the content
allows, used for one response and then forgotten: nothing here keeps them.
"""


class PickProblem(Exception):
    """What was wrong with the picks; `reason` chooses the message the visitor reads."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def read_picks(values, name, allowed, *, single=False, required=True):
    """The ids under `name` in `values` (a MultiDict), in the order of `allowed`.

    Raises PickProblem with reason "missing", "too-many" (more than one where one
    is asked), "repeated" or "unknown".
    """
    picked = values.getlist(name)
    if not picked:
        if required:
            raise PickProblem("missing")
        return []
    if single and len(picked) > 1:
        raise PickProblem("too-many")
    if len(set(picked)) < len(picked):
        raise PickProblem("repeated")
    if not set(picked) <= set(allowed):
        raise PickProblem("unknown")
    return [option for option in allowed if option in picked]
