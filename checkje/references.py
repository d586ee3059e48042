"""Checks that ids in one content file name things that exist in another."""

from checkje.schema import Pattern, Problem


def unknown_help_lines(documents, name, place, ids, key=None):
    """Yield (document name, Problem) for each id in the list `ids` that is not a help line in content/helplines.yaml.

    With `key`, `ids` is a list of records and each names its line under that key.
    """
    line_ids = {line["id"] for line in documents["helplines"]["lines"]}
    for index, item in enumerate(ids):
        line_id = item[key] if key else item
        if line_id not in line_ids:
            where = f"{place}[{index}].{key}" if key else f"{place}[{index}]"
            yield name, Problem(where, ids.line_of(index), f"{line_id!r} is not a help line id in content/helplines.yaml")


def walkthrough_step(**kwargs):
    """A link to a step of the privacy walkthroughs, like instagram/private-account."""
    return Pattern(r"[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*", "should name an app and a step, like instagram/private-account", **kwargs)


def unknown_walkthrough_steps(documents, name, references):
    """Yield (document name, Problem) for each (place, line, "app/step") that is not a walkthrough step."""
    for place, line, reference in references:
        app, step_id = reference.split("/")
        walkthrough = documents.get(f"walkthroughs/{app}")
        if walkthrough is None or step_id not in {step["id"] for step in walkthrough["steps"]}:
            yield name, Problem(place, line, f"{reference!r} is not a step in content/walkthroughs/{app}.yaml")
