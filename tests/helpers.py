"""Small helpers the tests share."""

import gzip
import re
import threading
from typing import NamedTuple

import pytest
from bs4 import BeautifulSoup

from checkje.content.store import ContentError
from tests.shared_app import build_content


class Clock:
    """A clock the test moves by hand: stores take it instead of time.time, so nothing sleeps."""

    def __init__(self, now=1_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


def all_at_once(*targets):
    """Run each callable in a thread of its own, all started before any is waited for."""
    workers = [threading.Thread(target=target) for target in targets]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


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


def sent_size(client, url, data=None):
    """The bytes that travel for `url` (posted with `data`, if given) to a browser that accepts gzip
    (the app compresses itself)."""
    if data is None:
        response = client.get(url, headers=BROWSER_ENCODINGS)
    else:
        response = client.post(url, data=data, headers=BROWSER_ENCODINGS)
    size = len(response.get_data())
    response.close()
    assert response.status_code == 200, url
    return size


def page_weight(client, path, data=None):
    """The PageWeight of the page at `path`, or of the answer to `data` posted there
    (the tests check the budget, `make bench` prints it)."""
    soup = parse(client.get(path) if data is None else client.post(path, data=data))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    html = sent_size(client, path, data)
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


# "Call 112" anywhere on the site must be a tel: link (see tests/pages/test_help.py).
NUMBER = re.compile(r"(?<![\w-])112(?![\w-])")
CALL = re.compile(r"\b(bel|call)\b", re.IGNORECASE)
BLOCKS = ("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "summary", "figcaption", "legend", "label")


def unlinked_calls_to_112(soup):
    """The text of each block that says to call 112 where that 112 is not inside a tel:112 link."""
    found = []
    for text in (soup.body or soup).find_all(string=NUMBER):
        if text.find_parent(["script", "style", "svg", "template"]) or text.find_parent("a", href="tel:112"):
            continue
        block = text.find_parent(BLOCKS) or text.parent
        if CALL.search(block.get_text(" ")):
            found.append(block.get_text(" ", strip=True))
    return found
