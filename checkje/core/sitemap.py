"""Every page a visitor can open, per language, for the tests, the offline cache and a static export.

A GET route under /<lang>/ with no other arguments is listed by itself. A route
with more arguments (say, one page per app) lists its pages with `@lists_pages`.
Two markers leave a route out:
- `@unlisted`: not a page to open (the service worker, the manifest);
- `@per_request`: an answer made anew for each request, from its query, its form or a
  live class poll. Only the app server can make it, so no static export holds it.
"""

from flask import current_app, url_for

from checkje.core.i18n import languages_of

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


def per_request(view):
    view.per_request = True
    return unlisted(view)


def is_per_request(view):
    return getattr(view, "per_request", False)


def page_paths(lang):
    """The path of every page in `lang`, in a stable order. Needs an app context."""
    paths = []
    for rule in current_app.url_map.iter_rules():
        view = current_app.view_functions[rule.endpoint]
        if "GET" not in rule.methods or "lang" not in rule.arguments or getattr(view, "unlisted", False):
            continue
        if lang not in languages_of(rule.endpoint):
            continue
        if rule.arguments == {"lang"}:
            paths.append(url_for(rule.endpoint, lang=lang))
        elif rule.endpoint in _LISTERS:
            paths.extend(url_for(rule.endpoint, lang=lang, **args) for args in _LISTERS[rule.endpoint](lang))
    return sorted(set(paths))
