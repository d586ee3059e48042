"""The nl and en catalogues: complete, not fuzzy; every catalogue in step with the code."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from checkje.core.settings import CATALOGUE_LANGUAGES, LANGUAGES, ROOT, WRITTEN_LANGUAGES
from tests.helpers import parse


def catalogue(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as file:
        return read_po(file, locale=lang)


def extracted_ids(tmp_path):
    """Extract the UI strings from the code now, as `make translations` does."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "-q", "extract", "-F", "babel.cfg", "-o", pot, "--no-location", "."],
        cwd=ROOT,
        check=True,
    )
    with open(pot, "rb") as file:
        return {message.id for message in read_po(file) if message.id}


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(lang):
    assert not catalogue(lang).fuzzy, "a fuzzy header makes pybabel skip the whole catalogue"
    entries = [message for message in catalogue(lang) if message.id]
    assert entries
    untranslated = [m.id for m in entries if not (m.string if isinstance(m.string, str) else all(m.string))]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_keeps_its_header(lang):
    """Without its header Babel counts the whole catalogue as fuzzy, and `pybabel compile` skips it."""
    assert catalogue(lang).fuzzy is False


def test_catalogues_match_the_code(tmp_path):
    in_code = extracted_ids(tmp_path)
    assert in_code, "extraction found no strings at all"
    for lang in LANGUAGES:
        in_catalogue = {message.id for message in catalogue(lang) if message.id}
        assert sorted(in_code - in_catalogue, key=str) == [], f"{lang}: new strings; run `make translations`"
        assert sorted(in_catalogue - in_code, key=str) == [], f"{lang}: strings no longer used; run `make translations`"


@pytest.mark.parametrize(("lang", "label"), [("nl", "Snel weg"), ("en", "Quick exit")])
def test_compiled_catalogues_are_used(client, lang, label):
    """Each language's page shows the UI strings of its own catalogue."""
    soup = parse(client.get(f"/{lang}/"))
    assert soup.select_one(".site-header .quick-exit").get_text(strip=True) == label


@pytest.mark.parametrize("lang", CATALOGUE_LANGUAGES)
def test_translators_keep_every_placeholder(lang):
    """Babel's own check: a translation with other %(name)s placeholders than its msgid would fail at run time."""
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalogue(lang).check()]
    assert problems == []
