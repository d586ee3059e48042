"""Small helpers the tests share."""

from bs4 import BeautifulSoup


def parse(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def language_of(url):
    return url.split("/")[1]


def twin(url, lang):
    """The same page in another language."""
    return f"/{lang}/" + url.split("/", 2)[2]
