"""Flows of one page per step: where a step stands among its siblings, and the sitemap lister for them.

Used by "snaps can be saved", "together with your mentor" and the mentor guide: each
reads a list of items with an `id` from a content document and shows one per page.
"""

from flask import abort, current_app, url_for


def position(steps, step_id, start_url, step_endpoint, argument="step_id"):
    """The step with this id, its number, and the pages before and after it; 404 for an unknown id."""
    ids = [step["id"] for step in steps]
    if step_id not in ids:
        abort(404)
    index = ids.index(step_id)
    previous_url = url_for(step_endpoint, **{argument: ids[index - 1]}) if index else start_url
    next_url = url_for(step_endpoint, **{argument: ids[index + 1]}) if index + 1 < len(ids) else None
    return {"step": steps[index], "number": index + 1, "total": len(ids), "previous_url": previous_url, "next_url": next_url}


def step_pages(document_name, list_name="steps", argument="step_id"):
    """A sitemap lister: one page per item of a document's list, the same ids in every language."""

    def lister(lang):
        items = current_app.extensions["checkje.content"].get(document_name, lang)[list_name]
        return [{argument: item["id"]} for item in items]

    return lister
