"""Placeholders in content texts: `{name}`, for a number that the code decides (say, how long a class poll lives).

A text's shape names the placeholders it may hold (`Text(placeholders=...)`) and the content build rejects any
other; the page fills them in as it shows the text (the `filled` filter), so the words always say what the code does.
"""

import re

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def names_in(text):
    """The name of each placeholder in `text`, in order."""
    return _PLACEHOLDER.findall(text)


def fill(text, values):
    """`text` with each {name} replaced by values[name]."""
    # A name without a value stays as written: the build has checked the names, and a page must never fail.
    return _PLACEHOLDER.sub(lambda found: str(values.get(found[1], found[0])), text)
