"""Five languages: the root's choice, the catalogues' round trip, honest states, the report, logical CSS."""

import re
import shutil

import pytest
from babel.messages.catalog import Catalog, Message

from app import create_app
from checkje.content import catalogues, report
from checkje.core.settings import CATALOGUE_LANGUAGES, ROOT, TRANSLATIONS_DIR
from tests.conftest import TEST_CONFIG
from tests.helpers import parse, problems_of, replace_in

HOME_TITLE = "pages/home.yaml:title"
# FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (see catalogues.isolated).
ISOLATES = "\u2068\u2069"


@pytest.mark.parametrize(
    ("accept_language", "home"),
    [("uk,en;q=0.5", "/uk/"), ("ar-SY", "/ar/"), ("pl-PL,pl;q=0.9", "/pl/"), ("de, fr", "/nl/"), (None, "/nl/")],
)
def test_root_chooses_by_accept_language_and_dutch_when_unsure(client, accept_language, home):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302 and response.headers["Location"] == home
    assert "Accept-Language" in response.headers["Vary"]


def test_staff_pages_stay_dutch_and_english(client):
    assert client.get("/ar/mentor").status_code == 404
    assert client.get("/pl/les").status_code == 404
    menu = parse(client.get("/nl/mentor")).select(".language-menu__list a")
    assert [link["hreflang"] for link in menu] == ["nl", "en"]


@pytest.mark.parametrize(
    ("lang", "word", "hint"),
    [
        ("nl", "Taal", ("en", "Language")),
        ("en", "Language", ("nl", "Taal")),
        ("ar", "اللغة", ("en", "Language")),
        ("uk", "Мова", ("en", "Language")),
        ("pl", "Język", ("en", "Language")),
    ],
)
def test_the_language_menu_says_language_in_words(client, lang, word, hint):
    """Not only a globe: the word in the page's language, and in English (Dutch on an English page) as a hint."""
    button = parse(client.get(f"/{lang}/hulp")).select_one(".site-header .language-menu summary")
    assert button.select_one("svg.icon")
    words = button.select_one(".language-menu__words")
    assert words.span.get_text(strip=True) == word
    hint_span = words.select_one(".language-menu__hint")
    assert (hint_span["lang"], hint_span.get_text(strip=True)) == hint


def test_pages_of_the_team_say_nothing_about_review(client):
    for url in ("/nl/", "/en/hulp"):
        assert parse(client.get(url)).select_one(".translation-notice") is None


def test_an_untranslated_text_shows_the_dutch_one_and_says_so(client):
    """Nothing is reviewed yet: every catalogue page says so, in its own words, linking to the Dutch page."""
    dutch_title = parse(client.get("/nl/het-is-gebeurd")).h1.get_text(strip=True)
    for lang in CATALOGUE_LANGUAGES:
        soup = parse(client.get(f"/{lang}/het-is-gebeurd"))
        notice = soup.select_one("main .translation-notice")
        assert notice.a["href"] == "/nl/het-is-gebeurd" and notice.a["hreflang"] == "nl"
        assert soup.h1.get_text(strip=True)
        assert notice.get_text(strip=True) != parse(client.get("/en/")).select_one(".site-footer p").get_text()
    assert dutch_title


def test_a_text_in_yaml_for_a_catalogue_language_is_sent_to_its_catalogue(content_copy):
    replace_in(content_copy / "pages" / "home.yaml", "\ntitle:\n", "\ntitle:\n  ar: تشيكيه\n")
    problems = problems_of(content_copy)
    assert any("translations/ar/LC_MESSAGES/content.po" in problem for problem in problems), problems


@pytest.fixture
def own_app(content_copy, tmp_path):
    """An app over a copy of content/ and of the catalogues, which the test may change."""
    translations = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, translations)
    config = {
        **TEST_CONFIG,
        "CONTENT_DIR": str(content_copy),
        "TRANSLATIONS_DIR": str(translations),
        "CONTENT_DB": str(tmp_path / "content.db"),
    }
    return config, translations


def _set_entry(translations, lang, context, string, flags):
    path = catalogues.path_of(translations, lang, catalogues.CONTENT_DOMAIN)
    catalogue = catalogues.read(path, lang)
    (message,) = [message for message in catalogue if message.context == context]
    message.string = string
    message.flags = set(flags)
    catalogues.write(catalogue, path)


def _entry(translations, lang, context):
    catalogue = catalogues.read(catalogues.path_of(translations, lang, catalogues.CONTENT_DOMAIN), lang)
    (message,) = [message for message in catalogue if message.context == context]
    return message


def _update(config):
    app = create_app(config)
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["update-translations", str(TRANSLATIONS_DIR / "messages.pot")])
    assert result.exit_code == 0, result.output


def test_catalogue_round_trip_a_changed_dutch_text_turns_fuzzy_and_the_page_falls_back(own_app, content_copy):
    config, translations = own_app
    home = content_copy / "pages" / "home.yaml"
    translated = {"ar": "تشيك يه", "uk": "Чекє", "pl": "Czekje"}
    for lang, text in translated.items():
        _set_entry(translations, lang, HOME_TITLE, text, {catalogues.REVIEWED})
    client = create_app(config).test_client()
    for lang, text in translated.items():
        assert parse(client.get(f"/{lang}/")).title.get_text(strip=True).startswith(text)

    # The team changes the Dutch text; `make translations` brings the catalogues in step.
    replace_in(home, "nl: Checkje", "nl: Checkje, voor jou")
    replace_in(home, "    Met Checkje kijk je hoe je veilig blijft.", "    Met Checkje zie je hoe je veilig blijft.")
    _update(config)
    for lang, text in translated.items():
        message = _entry(translations, lang, HOME_TITLE)
        assert message.id == "Checkje, voor jou" and message.fuzzy
        assert message.string == text, "the old translation stays, for the translator to look at"
        assert catalogues.REVIEWED not in message.flags, "a changed source is no longer reviewed"

    client = create_app(config).test_client()
    for lang in translated:
        soup = parse(client.get(f"/{lang}/"))
        title = soup.title.get_text(strip=True)
        assert title.strip(ISOLATES).startswith("Checkje, voor jou"), "the Dutch text stands in"
        # The Dutch stand-in keeps its own direction (right to left: its full stop at its end) ...
        assert title.startswith(ISOLATES[0])
        # ... and where it is a paragraph, it says it is Dutch, for a screen reader's voice.
        stand_ins = soup.select('.lead [lang="nl"][dir="ltr"]')
        assert [part.get_text(strip=True) for part in stand_ins] == [
            "Op Instagram, Snapchat, WhatsApp en TikTok leer je leuke mensen kennen. Maar niet iedereen is eerlijk.",
            "Met Checkje zie je hoe je veilig blijft.",
        ]
        assert ISOLATES[0] not in soup.select_one(".lead").get_text()
        assert soup.select_one(".translation-notice a")["href"] == "/nl/"


def test_report_counts_each_state(tmp_path):
    catalogue = Catalog(locale="pl", domain=catalogues.CONTENT_DOMAIN, fuzzy=False)
    catalogue[("a")] = Message("a", "A", context="x.yaml:a", flags={catalogues.REVIEWED})
    catalogue[("b")] = Message("b", "B", context="x.yaml:b")
    catalogue[("c")] = Message("c", "C", context="x.yaml:c", flags={"fuzzy", catalogues.REVIEWED})
    catalogue[("d")] = Message("d", "", context="x.yaml:d")
    catalogues.write(catalogue, catalogues.path_of(tmp_path, "pl", catalogues.CONTENT_DOMAIN))
    rows = {row.domain: row for row in report.figures(tmp_path, ["pl"])}
    assert rows["content"] == report.Figures("pl", "content", 4, translated=2, fuzzy=1, missing=1, reviewed=1)
    assert rows["messages"].total == 0 and rows["all"].total == 4
    table = report.table(report.figures(tmp_path, ["pl"]))
    assert "2 (50%)" in table and "1 (25%)" in table


def test_report_command_has_a_row_per_language_and_catalogue(app):
    with app.app_context():
        output = app.test_cli_runner().invoke(args=["translation-report"]).output
    rows = [line.split()[:2] for line in output.splitlines()[1:]]
    assert rows == [[lang, domain] for lang in CATALOGUE_LANGUAGES for domain in ("messages", "content", "all")]


# Physical directions: right to left they would point the wrong way. Logical ones turn with the text.
PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)\b"
    r"|(?<![\w-])(left|right)\s*:"
    r"|border-(top|bottom)-(left|right)-radius"
    r"|(text-align|float|clear)\s*:\s*(left|right)\b"
)
# Four sides in one shorthand (top, right, bottom, left) are physical too when right and left differ;
# four corners of a radius when the left ones differ from the right ones.
SHORTHAND = re.compile(r"(?<![\w-])(margin|padding|inset|scroll-margin|scroll-padding|border-radius)\s*:\s*([^;}]+)")


def is_physical(code):
    if PHYSICAL.search(code):
        return True
    for name, value in SHORTHAND.findall(code):
        sides = value.replace("!important", "").split()
        if len(sides) != 4:
            continue
        if name == "border-radius" and (sides[0], sides[3]) != (sides[1], sides[2]):
            return True
        if name != "border-radius" and sides[1] != sides[3]:
            return True
    return False


def test_stylesheets_use_logical_directions_only():
    found = []
    for path in sorted((ROOT / "static" / "css").glob("*.css")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = re.sub(r"/\*.*?\*/", "", line)
            if is_physical(code):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


def test_physical_direction_check_can_fail():
    for line in (
        "a { margin-left: 1px }",
        "b { right: 0 }",
        "c { text-align: right }",
        "d{border-top-left-radius:0}",
        "e { padding: 0.7rem 1rem 0.7rem 3rem; }",
        "f { margin: 0 0.5rem 0.5rem 0 }",
        "g { border-radius: 1rem 0 0 1rem }",
    ):
        assert is_physical(line), line
    for line in (
        "a { margin-inline-start: 1px }",
        "b { inset-inline-end: 0 }",
        "c { text-align: start }",
        "d { padding: 0.5rem 1rem }",
        "e { margin: 1rem 2rem 0 2rem }",
        "f { border-radius: 1rem 1rem 0 0 }",
    ):
        assert not is_physical(line), line


def test_the_page_cache_holds_every_page_in_every_language():
    from checkje.core.page_cache import MAX_PAGES
    from tests.conftest import ALL_PAGE_URLS

    assert len(ALL_PAGE_URLS) <= MAX_PAGES


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("uk", "ltr"), ("nl", "ltr")])
def test_manifest_names_language_and_direction(client, lang, direction):
    manifest = client.get(f"/{lang}/manifest.webmanifest").get_json(force=True)
    assert manifest["lang"] == lang and manifest["dir"] == direction
    assert manifest["start_url"] == f"/{lang}/"
    assert manifest["description"].strip()
