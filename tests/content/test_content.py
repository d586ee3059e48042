"""The content build: real content passes; every kind of mistake stops it with file, line and place."""

import re
import sqlite3

import pytest

from app import create_app
from checkje.content.store import ContentStore, check_all
from checkje.core.settings import DEFAULTS, TRANSLATIONS_DIR
from tests.helpers import line_number_of, parse, problems_of, replace_in
from tests.shared_app import REGISTRY, build_content

CONTENT_DIR = DEFAULTS["CONTENT_DIR"]


def test_real_content_has_no_problems():
    documents, problems = check_all(CONTENT_DIR, REGISTRY)
    assert problems == []
    assert set(documents) == set(REGISTRY.schemas)


def test_build_writes_every_document_in_every_language(tmp_path):
    db_path = tmp_path / "content.db"
    assert build_content(CONTENT_DIR, db_path) == len(REGISTRY.schemas)
    store = ContentStore.open(db_path, CONTENT_DIR, REGISTRY, TRANSLATIONS_DIR)
    for name in REGISTRY.schemas:
        for lang in REGISTRY.languages_of(name):
            assert store.get(name, lang)
    assert store.get("pages/help", "nl")["title"] == "Hulp"
    assert store.get("pages/help", "en")["title"] == "Help"


def test_missing_field(content_copy):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    line = line_number_of(helplines, "name: Helpwanted")
    replace_in(helplines, "    name: Helpwanted\n", "")
    assert problems_of(content_copy) == [f'content/helpfinder/lines.yaml:{line - 1}: lines[0]: "name" is missing']


def test_unknown_key(content_copy):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(helplines, "    name: Helpwanted\n", "    name: Helpwanted\n    nmae: typo\n")
    line = line_number_of(helplines, "nmae: typo")
    (problem,) = problems_of(content_copy)
    assert problem.startswith(f'content/helpfinder/lines.yaml:{line}: lines[0].nmae: "nmae" is not a known field here')


def test_missing_translation(content_copy):
    home = content_copy / "pages" / "home.yaml"
    replace_in(home, "      en: Talk to someone. Call, chat or report. It is never your fault.\n", "")
    line = line_number_of(home, "nl: Praat met iemand.")
    assert problems_of(content_copy) == [f'content/pages/home.yaml:{line}: tiles[4].text: the "en" text is missing']


def test_empty_translation(content_copy):
    safety = content_copy / "pages" / "safety.yaml"
    replace_in(safety, "  en: Quick exit and safe use\n", '  en: ""\n')
    line = line_number_of(safety, 'en: ""')
    assert problems_of(content_copy) == [f"content/pages/safety.yaml:{line}: title.en: should be text, and not empty"]


@pytest.mark.parametrize(
    ("bad_date", "place", "message"),
    [
        ("2024-13-45", "(file)", "'2024-13-45' is not a real date (write YYYY-MM-DD)"),
        ("9 januari", "checked", "should be a date written as YYYY-MM-DD"),
        ("2999-01-01", "checked", "2999-01-01 is in the future"),
    ],
)
def test_bad_date(content_copy, bad_date, place, message):
    demo = content_copy / "snaps" / "demo.yaml"
    (checked,) = re.findall(r"\nchecked: [0-9-]+", demo.read_text())
    replace_in(demo, checked, f"\nchecked: {bad_date}")
    line = line_number_of(demo, f"checked: {bad_date}")
    assert problems_of(content_copy) == [f"content/snaps/demo.yaml:{line}: {place}: {message}"]


@pytest.mark.parametrize(
    ("bad_month", "message"),
    [
        ("2023-13", "'2023-13' should be a month written as YYYY-MM, like 2025-10"),
        ("juli 2023", "'juli 2023' should be a month written as YYYY-MM, like 2025-10"),
        ("2999-01", "2999-01 is in the future"),
    ],
)
def test_bad_source_month(content_copy, bad_month, message):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(helplines, "      month: 2024-06\n", f"      month: {bad_month}\n")
    line = line_number_of(helplines, f"month: {bad_month}")
    assert problems_of(content_copy) == [f"content/helpfinder/lines.yaml:{line}: lines[0].source.month: {message}"]


@pytest.mark.parametrize("field", ["month", "detail"])
def test_every_help_line_needs_a_source_with_a_month(content_copy, field):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    text = helplines.read_text(encoding="utf-8")
    start = text.index("    source:\n")  # Helpwanted's, the first line's
    line = text[:start].count("\n") + 2  # the source's first field
    without = {
        "month": "      month: 2024-06\n",
        "detail": text[text.index("      detail:", start) : text.index("\n\n", start) + 1],
    }
    replace_in(helplines, without[field], "")
    assert problems_of(content_copy) == [f'content/helpfinder/lines.yaml:{line}: lines[0].source: "{field}" is missing']


def test_a_help_line_without_a_source_stops_the_build(content_copy):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    text = helplines.read_text(encoding="utf-8")
    start = text.index("    source:\n")
    replace_in(helplines, text[start : text.index("\n\n", start) + 1], "")
    line = line_number_of(helplines, "  - id: helpwanted")
    assert problems_of(content_copy) == [f'content/helpfinder/lines.yaml:{line}: lines[0]: "source" is missing']


def test_duplicate_id(content_copy):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(helplines, "  - id: helpwanted", "  - id: fier")
    first = line_number_of(helplines, "  - id: fier")
    (problem,) = problems_of(content_copy)
    assert problem.startswith("content/helpfinder/lines.yaml:")
    assert f"lines[2].id: 'fier' is used twice (also on line {first})" in problem


def test_repeated_key(content_copy):
    help_page = content_copy / "pages" / "help.yaml"
    replace_in(help_page, "title:\n", "description: twice\ntitle:\n")
    line = help_page.read_text(encoding="utf-8").splitlines().index("description:") + 1  # the original, now second
    assert problems_of(content_copy) == [f'content/pages/help.yaml:{line}: (file): "description" appears twice here']


def test_yaml_syntax_error(content_copy):
    safety = content_copy / "pages" / "safety.yaml"
    replace_in(safety, "sections:\n", "sections: [unclosed\n")
    (problem,) = problems_of(content_copy)
    assert problem.startswith("content/pages/safety.yaml:")
    assert int(problem.split(":")[1]) > 0


def test_bad_link_and_phone(content_copy):
    helplines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(helplines, "web: https://www.helpwanted.nl/", "web: http://www.helpwanted.nl/")
    replace_in(helplines, 'dial: "0202615275"', 'dial: "020-261 52 75"')
    problems = problems_of(content_copy)
    assert any(
        "lines[0].web: 'http://www.helpwanted.nl/' should be a full web address starting with https://" in p
        for p in problems
    )
    assert any("lines[0].phones[0].dial:" in p and "digits only" in p for p in problems)


def test_unknown_and_missing_files(content_copy):
    (content_copy / "pages" / "safety.yaml").rename(content_copy / "pages" / "safty.yaml")
    problems = problems_of(content_copy)
    assert any(p.startswith("content/pages/safty.yaml:0: (file): unknown content file") for p in problems)
    assert "content/pages/safety.yaml:0: (file): this file is missing" in problems


def test_tile_must_lead_to_an_existing_page(content_copy):
    replace_in(content_copy / "pages" / "home.yaml", "  - page: pages.safety", "  - page: coming-soon")
    (problem,) = problems_of(content_copy)
    assert "tiles[6].page: 'coming-soon' should be one of:" in problem


def test_app_builds_a_missing_database_at_start(tmp_path):
    db_path = tmp_path / "content.db"
    app = create_app({"TESTING": True, "CONTENT_DB": str(db_path)})
    assert db_path.exists()
    assert app.test_client().get("/nl/hulp").status_code == 200


def test_app_rebuilds_a_corrupt_database_at_start(tmp_path):
    db_path = tmp_path / "content.db"
    db_path.write_bytes(b"this is not a database")
    app = create_app({"TESTING": True, "CONTENT_DB": str(db_path)})
    assert app.test_client().get("/en/hulp").status_code == 200
    with sqlite3.connect(db_path) as connection:
        expected = sum(len(REGISTRY.languages_of(name)) for name in REGISTRY.schemas)
        assert connection.execute("select count(*) from documents").fetchone()[0] == expected
    connection.close()


@pytest.mark.parametrize(
    "damage",
    [
        # half written
        "update documents set body = substr(body, 1, 20) where name = 'helpfinder/lines' and lang = 'nl'",
        "delete from documents where name = 'pages/home'",  # a document lacks
    ],
)
def test_app_rebuilds_a_damaged_database(tmp_path, damage):
    db_path = tmp_path / "content.db"
    create_app({"TESTING": True, "CONTENT_DB": str(db_path)})
    with sqlite3.connect(db_path) as connection:
        connection.execute(damage)
    connection.close()
    app = create_app({"TESTING": True, "CONTENT_DB": str(db_path)})
    for url in ("/nl/", "/nl/hulp"):
        response = app.test_client().get(url)
        assert response.status_code == 200 and parse(response).find("h1"), url


def test_a_database_that_fails_its_integrity_check_is_built_anew(tmp_path, caplog):
    """Pages read the documents table whole and never its index: a broken index is found by SQLite's check alone."""
    db_path = tmp_path / "content.db"
    build_content(CONTENT_DIR, db_path)
    with sqlite3.connect(db_path) as connection:
        (page_size,) = connection.execute("pragma page_size").fetchone()
        (index_page,) = connection.execute("select rootpage from sqlite_master where type = 'index'").fetchone()
    connection.close()
    with db_path.open("r+b") as db_file:
        db_file.seek((index_page - 1) * page_size + 8)
        db_file.write(b"\xff" * 64)
    create_app({"TESTING": True, "CONTENT_DB": str(db_path)})
    assert "damaged or was changed after it was built" in caplog.text
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("pragma integrity_check").fetchall() == [("ok",)]
    connection.close()


def test_a_database_built_from_other_content_is_built_anew(tmp_path, content_copy):
    """The database remembers the fingerprint of the files and shapes it was built from."""
    config = {"TESTING": True, "CONTENT_DB": str(tmp_path / "content.db"), "CONTENT_DIR": str(content_copy)}
    create_app(config)
    replace_in(content_copy / "pages" / "help.yaml", "  nl: Hulp\n", "  nl: Hulp nu\n")
    soup = parse(create_app(config).test_client().get("/nl/hulp"))
    assert soup.h1.get_text(strip=True) == "Hulp nu"


def test_app_stops_with_a_clear_message_when_it_cannot_write_the_database(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(SystemExit) as stopped:
        create_app({"TESTING": True, "CONTENT_DB": str(blocker / "content.db")})
    assert "not-a-folder/content.db" in str(stopped.value) and "cannot be written" in str(stopped.value)


def test_app_refuses_to_start_on_broken_content(tmp_path, content_copy):
    replace_in(content_copy / "pages" / "help.yaml", "title:\n", "titel:\n")
    with pytest.raises(SystemExit) as stopped:
        create_app({"TESTING": True, "CONTENT_DB": str(tmp_path / "content.db"), "CONTENT_DIR": str(content_copy)})
    assert "content/pages/help.yaml:" in str(stopped.value)
