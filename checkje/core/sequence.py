"""Pages that follow one another, one item of a content list each: where am I, what comes before and after."""

from flask import abort, url_for

from checkje.content import document


def position(items, item_id, start_endpoint, item_endpoint, argument="step_id"):
    """The item with this id, its number, and the pages before and after it; 404 for an unknown id.

    Before the first item comes the start page; after the last, nothing.
    """
    ids = [item["id"] for item in items]
    if item_id not in ids:
        abort(404)
    index = ids.index(item_id)
    previous_url = url_for(item_endpoint, **{argument: ids[index - 1]}) if index else url_for(start_endpoint)
    next_url = url_for(item_endpoint, **{argument: ids[index + 1]}) if index + 1 < len(ids) else None
    return {
        "step": items[index],
        "number": index + 1,
        "total": len(ids),
        "previous_url": previous_url,
        "next_url": next_url,
    }


def links(items, item_endpoint, argument="step_id"):
    """A table of contents: each item's title and the address of its page."""
    return [{"title": item["title"], "url": url_for(item_endpoint, **{argument: item["id"]})} for item in items]


def pages_of(document_name, key="steps", argument="step_id"):
    """A sitemap lister: one page per item of a document's list, the same ids in every language."""

    def lister(lang):
        items = document(document_name, lang)[key]
        return [{argument: item["id"]} for item in items]

    return lister
