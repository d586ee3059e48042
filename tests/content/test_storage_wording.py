"""One honest wording about storage everywhere (docs/design.md): what Checkje keeps is kept "on this
phone only, never on our server"; where it keeps nothing, "not on this phone and not on our server"."""

import re

import pytest
import yaml
from babel.messages.pofile import read_po

from checkje.core.settings import ROOT, WRITTEN_LANGUAGES
from tests.shared_app import CONTENT_DIR

KEPT_HERE = {"nl": "alleen op deze telefoon, nooit op onze server", "en": "on this phone only, never on our server"}
KEPT_NOWHERE = {"nl": "niet op deze telefoon en niet op onze server", "en": "not on this phone and not on our server"}

# A sentence that says where something is kept: a keeping verb and a place, in either order.
_VERBS = {
    "nl": r"blijft|blijven|bewaar\w*|staan|opgeslagen|onthoud\w*",
    "en": r"stays?|kept|keeps?|saved?|stored?|remembers?|are on|is on",
}
# "staat" alone says too much ("Checkje staat in je geschiedenis"): only "staat … op deze telefoon".
_ALSO = {"nl": r"|\bstaat\b[^.]*\bop (deze|je|jouw) telefoon", "en": ""}
# This phone (not someone else's: "de telefoon van een vreemde", "a stranger's phone"), a browser, a server.
_PLACES = {"nl": r"(deze|je|jouw|de) telefoon(?! van)|browser|server", "en": r"(this|your|the) phone|browser|server"}
SAYS_WHERE_KEPT = {
    lang: re.compile(
        rf"\b({_VERBS[lang]})\b[^.]*\b({_PLACES[lang]})\b|\b({_PLACES[lang]})\b[^.]*\b({_VERBS[lang]})\b"
        rf"|\bCheckje ({_VERBS[lang]})\b{_ALSO[lang]}",
        re.IGNORECASE,
    )
    for lang in WRITTEN_LANGUAGES
}
# Sentences about something else: removing what was kept, the browser's own history, the class poll
# (whose anonymous counts the server does keep); and requests to the youth (buttons and advice such as
# "Remember on this phone"), which say what to do, not where things are kept.
ABOUT_SOMETHING_ELSE = {
    "nl": re.compile(
        r"gewist|\bwis\b|\bwist\b|niet meer|weg van|browser onthoudt|onthoudt je browser|stem|^(Bewaar|Onthoud|Wis)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"remove|no longer|gone from|browser remembers|vote|^(Keep|Remember|Only (save|keep))\b",
        re.IGNORECASE,
    ),
}


def content_texts(node, where):
    """Every (lang, text, place) of a content file: the {nl: …, en: …} pairs."""
    if isinstance(node, dict):
        if set(WRITTEN_LANGUAGES) <= set(node) and all(isinstance(node[lang], str) for lang in WRITTEN_LANGUAGES):
            for lang in WRITTEN_LANGUAGES:
                yield lang, node[lang], where
        else:
            for key, value in node.items():
                yield from content_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from content_texts(value, f"{where}[{index}]")


def every_text():
    for path in sorted(CONTENT_DIR.rglob("*.yaml")):
        yield from content_texts(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    for lang in WRITTEN_LANGUAGES:
        with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as file:
            for message in read_po(file, locale=lang):
                if message.id and isinstance(message.string, str):
                    yield lang, message.string, f"catalogue {lang}: {message.id}"


def sentences_about_storage():
    for lang, text, where in every_text():
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if SAYS_WHERE_KEPT[lang].search(sentence) and not ABOUT_SOMETHING_ELSE[lang].search(sentence):
                yield lang, sentence, where


def test_every_sentence_about_storage_uses_the_one_wording():
    found = list(sentences_about_storage())
    assert len(found) >= 10, "the check finds the storage sentences at all"
    odd = [
        (where, sentence)
        for lang, sentence, where in found
        if KEPT_HERE[lang] not in sentence and KEPT_NOWHERE[lang] not in sentence
    ]
    assert odd == []


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_every_page_says_it_in_the_footer(site, lang):
    footer = site(f"/{lang}/").soup.select_one(".site-footer")
    assert KEPT_HERE[lang] in footer.get_text(" ", strip=True)


def test_the_old_contradiction_is_gone():
    """ "Checkje keeps nothing" right above "saved in this browser" (issue 16)."""
    contradicting = re.compile(r"in (deze|this) browser|bewaart (niets|ze niet)|keeps nothing|does not keep them", re.I)
    assert [where for _, text, where in every_text() if contradicting.search(text)] == []
