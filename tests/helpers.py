"""Small helpers the tests share."""

import gzip
from typing import NamedTuple

import pytest
from bs4 import BeautifulSoup

from checkje.content.store import ContentError
from tests.shared_app import build_content


def parse(response_or_markup):
    """Parse a response, or markup as str or bytes."""
    markup = response_or_markup
    if hasattr(markup, "get_data"):
        body = markup.get_data()
        # A test that says it accepts gzip gets gzip, error pages included.
        markup = gzip.decompress(body) if markup.headers.get("Content-Encoding") == "gzip" else body
    return BeautifulSoup(markup, "html.parser")


# What a phone's browser says it accepts: the app then sends gzip.
BROWSER_ENCODINGS = {"Accept-Encoding": "gzip, deflate, br"}


class PageWeight(NamedTuple):
    """Bytes as sent: the HTML, the HTML with its stylesheets (the first render), and all with scripts."""

    html: int
    first_render: int
    whole: int
    stylesheets: int


def sent_size(client, url):
    """The bytes that travel for `url` to a browser that accepts gzip (the app compresses itself)."""
    response = client.get(url, headers=BROWSER_ENCODINGS)
    size = len(response.get_data())
    response.close()
    assert response.status_code == 200, url
    return size


def page_weight(client, path):
    """The PageWeight of the page at `path` (the tests check the budget, `make bench` prints it)."""
    soup = parse(client.get(path))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    html = sent_size(client, path)
    first_render = html + sum(sent_size(client, href) for href in stylesheets)
    whole = first_render + sum(sent_size(client, src) for src in scripts)
    return PageWeight(html, first_render, whole, len(stylesheets))


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
        build_content(content_dir, content_dir.parent / "content.db")
    assert not (content_dir.parent / "content.db").exists(), "a failed build writes nothing"
    return str(caught.value).splitlines()
