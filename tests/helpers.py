"""Small helpers the tests share."""

from bs4 import BeautifulSoup


def parse(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


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
