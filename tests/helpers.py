"""Small helpers the tests share."""

import pytest
from bs4 import BeautifulSoup

from checkje.content import ContentError, build


def parse(response_or_markup):
    """Parse a response, or markup as str or bytes."""
    markup = response_or_markup
    if hasattr(markup, "get_data"):
        markup = markup.get_data(as_text=True)
    return BeautifulSoup(markup, "html.parser")


def language_of(url):
    return url.split("/")[1]


def twin(url, lang):
    """The same page in another language."""
    return f"/{lang}/" + url.split("/", 2)[2]


def replace_in(path, old, new):
    """Change one place in a file; the text to change must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems_of(content_dir):
    with pytest.raises(ContentError) as caught:
        build(content_dir, content_dir.parent / "content.db")
    assert not (content_dir.parent / "content.db").exists(), "a failed build writes nothing"
    return str(caught.value).splitlines()
