"""Every page a visitor can open, per language: for the tests, the offline cache and a static export.

A GET route under /<lang>/ with no other arguments is listed by itself. A route
with more arguments (say, one page per app) lists its pages with `@lists_pages`;
a route that is not a page of its own (a form's result) says so with `@unlisted`.
"""

from flask import current_app, url_for

_LISTERS = {}


def lists_pages(endpoint):
    """Register a function returning the keyword arguments of every page of `endpoint`."""

    def register(lister):
        _LISTERS[endpoint] = lister
        return lister

    return register


def unlisted(view):
    view.unlisted = True
    return view


def page_paths(lang):
    """The path of every page in `lang`, in a stable order. Needs an app context."""
    paths = []
    for rule in current_app.url_map.iter_rules():
        view = current_app.view_functions[rule.endpoint]
        if "GET" not in rule.methods or "lang" not in rule.arguments or getattr(view, "unlisted", False):
            continue
        if rule.arguments == {"lang"}:
            paths.append(url_for(rule.endpoint, lang=lang))
        elif rule.endpoint in _LISTERS:
            paths.extend(url_for(rule.endpoint, lang=lang, **args) for args in _LISTERS[rule.endpoint](lang))
    return sorted(set(paths))
