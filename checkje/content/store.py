"""Build content/ into a read-only SQLite database, and read it back.

The build checks every file against the shapes the areas registered and stops
with every problem, each with its file and line. The app only ever reads a
database that passed and was built from exactly these files and shapes (their
fingerprint is stored with it), so content can neither break a page at run time
nor go stale.
"""

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from checkje.content import catalogues, yaml_lines
from checkje.content.schema import Problem
from checkje.core.settings import CATALOGUE_LANGUAGES


class ContentError(Exception):
    """Content that does not fit its schema; the message lists file:line: place: problem."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(f"{file}:{p.line}: {p.place}: {p.message}" for file, p in problems))


def _read_file(path, shown, schema):
    """The file's data, or the problems that stop it being checked further."""
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"))
    except yaml_lines.YamlProblem as error:
        return None, [(shown, Problem("(file)", error.line, error.message))]
    except UnicodeDecodeError:
        return None, [(shown, Problem("(file)", 0, "is not UTF-8 text"))]
    return data, [(shown, problem) for problem in schema.check(data, "", 1)]


def check_all(content_dir, registry):
    """Read and check every content file; return ({name: data}, [(file, Problem)])."""
    content_dir = Path(content_dir)
    schemas = registry.schemas
    documents, problems, found = {}, [], {}
    for path in sorted(content_dir.rglob("*.yaml")):
        name = path.relative_to(content_dir).with_suffix("").as_posix()
        shown = f"content/{path.relative_to(content_dir).as_posix()}"
        found[name] = shown
        if name not in schemas:
            problems.append((shown, Problem("(file)", 0, f"unknown content file; known: {', '.join(sorted(schemas))}")))
            continue
        data, file_problems = _read_file(path, shown, schemas[name])
        problems.extend(file_problems)
        if not file_problems:
            documents[name] = data
    for name in sorted(schemas.keys() - found.keys()):
        problems.append((f"content/{name}.yaml", Problem("(file)", 0, "this file is missing")))
    if not problems:
        for cross_check in registry.cross_checks:
            problems.extend((found[name], problem) for name, problem in cross_check(documents))
    return documents, problems


def _language(lang, name, catalogue_of):
    if lang in CATALOGUE_LANGUAGES:
        return catalogues.CatalogueLanguage(lang, catalogue_of[lang], name)
    return catalogues.WrittenLanguage(lang)


def localized(documents, registry, translations_dir):
    """Each document in each of its languages: rows of name, lang, body and how many texts are not reviewed."""
    catalogue_of = {
        lang: catalogues.read(catalogues.path_of(translations_dir, lang, catalogues.CONTENT_DOMAIN), lang)
        for lang in CATALOGUE_LANGUAGES
    }
    for name, data in documents.items():
        for lang in registry.languages_of(name):
            language = _language(lang, name, catalogue_of)
            body = registry.schemas[name].localize(data, language, "")
            yield {"name": name, "lang": lang, "body": json.dumps(body, ensure_ascii=False)}, language.unreviewed


def build(content_dir, db_path, registry, *, translations_dir, fingerprint=None):
    """Check all content and write it to db_path; raise ContentError and write nothing if it does not fit.

    `fingerprint` is the one the caller already took of these files, so both name the same state.
    """
    fingerprint = fingerprint or registry.fingerprint(content_dir, translations_dir)
    documents, problems = check_all(content_dir, registry)
    if problems:
        raise ContentError(problems)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target, then rename: readers never see a half-built file.
    fd, tmp_name = tempfile.mkstemp(dir=db_path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp_name)
        rows = list(localized(documents, registry, translations_dir))
        db["documents"].insert_all(({**row, "unreviewed": unreviewed} for row, unreviewed in rows), pk=("name", "lang"))
        db["built_from"].insert({"fingerprint": fingerprint})
        db.close()
        os.replace(tmp_name, db_path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return len(documents)


class StaleContent(Exception):
    """The database was built from other content files or shapes."""


class ContentStore:
    """All built content, read once at start-up: {(name, lang): data}, and which are not all reviewed."""

    def __init__(self, documents, unreviewed):
        self._documents = documents
        self._unreviewed = unreviewed

    @classmethod
    def open(cls, db_path, content_dir, registry, translations_dir):
        """Read the database; build it first when it is missing, unreadable, incomplete or stale. Never half of it."""
        fingerprint = registry.fingerprint(content_dir, translations_dir)
        expected = {(name, lang) for name in registry.schemas for lang in registry.languages_of(name)}
        try:
            return cls._read(db_path, fingerprint, expected)
        except (sqlite3.DatabaseError, FileNotFoundError, StaleContent, ValueError):
            pass  # missing, corrupt, half-written or from other content: build it anew
        try:
            build(content_dir, db_path, registry, translations_dir=translations_dir, fingerprint=fingerprint)
        except (OSError, sqlite3.Error) as error:
            raise ContentError([(str(db_path), Problem("(database)", 0, f"cannot be written: {error}"))]) from None
        return cls._read(db_path, fingerprint, expected)

    @classmethod
    def _read(cls, db_path, fingerprint, expected):
        if not Path(db_path).is_file():
            raise FileNotFoundError(db_path)
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            db = sqlite_utils.Database(connection)
            built_from = [row["fingerprint"] for row in db["built_from"].rows] if db["built_from"].exists() else []
            if built_from != [fingerprint]:
                raise StaleContent(db_path)
            rows = list(db["documents"].rows)
        finally:
            connection.close()
        documents = {(row["name"], row["lang"]): json.loads(row["body"]) for row in rows}
        if documents.keys() != expected:
            raise StaleContent(db_path)
        return cls(documents, {(row["name"], row["lang"]) for row in rows if row["unreviewed"]})

    def get(self, name, lang):
        return self._documents[(name, lang)]

    def is_reviewed(self, name, lang):
        """Is every text of the document in `lang` written by the team or reviewed by a native speaker?"""
        return (name, lang) not in self._unreviewed
