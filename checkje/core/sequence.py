"""Pages that follow one another, one item of a content list each: where am I, what comes before and after."""

from flask import abort, url_for

from checkje.content import document


def position(items, item_id, item_endpoint, *, start_endpoint=None, argument="step_id", **url_args):
    """The item with this id, its number, its neighbours and their addresses; 404 for an unknown id.

    Before the first item comes the page of `start_endpoint`, if given; after the last, nothing.
    `url_args` go into every address (the app of a walkthrough, the chosen phone).
    """
    ids = [item["id"] for item in items]
    if item_id not in ids:
        abort(404)
    index = ids.index(item_id)
    previous = items[index - 1] if index else None
    following = items[index + 1] if index + 1 < len(ids) else None
    if previous:
        previous_url = url_for(item_endpoint, **url_args, **{argument: previous["id"]})
    else:
        previous_url = url_for(start_endpoint, **url_args) if start_endpoint else None
    return {
        "step": items[index],
        "number": index + 1,
        "total": len(ids),
        "previous": previous,
        "next": following,
        "previous_url": previous_url,
        "next_url": url_for(item_endpoint, **url_args, **{argument: following["id"]}) if following else None,
    }


def links(items, item_endpoint, argument="step_id"):
    """A table of contents: each item's title and the address of its page."""
    return [{"title": item["title"], "url": url_for(item_endpoint, **{argument: item["id"]})} for item in items]


def pages_of(document_name, key="steps", argument="step_id"):
    """A sitemap lister: one page per item of a document's list, the same ids in every language."""

    def lister(lang):
        return [{argument: item["id"]} for item in document(document_name, lang)[key]]

    return lister
