"""Build content/ into a read-only SQLite database, and read it back.

The build checks every file against the shapes the areas registered and stops
with every problem, each with its file and line. At start the app checks and
builds the files again and serves that; the database must hold exactly the same
(and the fingerprint of the files and shapes it came from), else it is written
anew. So content can neither break a page at run time, nor go stale, nor be
changed in the database alone.
"""

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from checkje.content import catalogues, yaml_lines
from checkje.content.schema import Problem
from checkje.core.settings import CATALOGUE_LANGUAGES

_log = logging.getLogger(__name__)


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


def built_rows(content_dir, registry, translations_dir):
    """Check all content and localize it: {(name, lang): (body as JSON, not all reviewed)}, as the database holds it.

    Raise ContentError when it does not fit."""
    documents, problems = check_all(content_dir, registry)
    if problems:
        raise ContentError(problems)
    return {
        (row["name"], row["lang"]): (row["body"], bool(unreviewed))
        for row, unreviewed in localized(documents, registry, translations_dir)
    }


def _write(db_path, rows, fingerprint):
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target, then rename: readers never see a half-built file.
    fd, tmp_name = tempfile.mkstemp(dir=db_path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp_name)
        db["documents"].insert_all(
            (
                {"name": name, "lang": lang, "body": body, "unreviewed": unreviewed}
                for (name, lang), (body, unreviewed) in rows.items()
            ),
            pk=("name", "lang"),
        )
        db["built_from"].insert({"fingerprint": fingerprint})
        db.close()
        os.replace(tmp_name, db_path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def build(content_dir, db_path, registry, *, translations_dir, fingerprint=None):
    """Check all content and write it to db_path; raise ContentError and write nothing if it does not fit.

    `fingerprint` is the one the caller already took of these files, so both name the same state.
    """
    fingerprint = fingerprint or registry.fingerprint(content_dir, translations_dir)
    rows = built_rows(content_dir, registry, translations_dir)
    _write(db_path, rows, fingerprint)
    return len({name for name, _ in rows})


class StaleContent(Exception):
    """The database was built from other content files or shapes."""


class ChangedContent(Exception):
    """The database is damaged, or does not hold what its content files build into: changed after the build."""


# Per process, what the last few states of the sources build into (by fingerprint): a build takes about 0.15 s,
# and tests make many apps from the same files.
_BUILT = {}
_BUILT_KEPT = 4


def _rows_of(fingerprint, content_dir, registry, translations_dir):
    key = (fingerprint, str(content_dir), str(translations_dir), tuple(module.__name__ for module in registry.modules))
    if key not in _BUILT:
        if len(_BUILT) >= _BUILT_KEPT:
            del _BUILT[next(iter(_BUILT))]
        _BUILT[key] = built_rows(content_dir, registry, translations_dir)
    return _BUILT[key]


class ContentStore:
    """All built content, read once at start-up: {(name, lang): data}, and which are not all reviewed."""

    def __init__(self, rows):
        self._documents = {key: json.loads(body) for key, (body, _) in rows.items()}
        self._unreviewed = {key for key, (_, unreviewed) in rows.items() if unreviewed}

    @classmethod
    def open(cls, db_path, content_dir, registry, translations_dir):
        """The content that these files build into, and a database that holds exactly that.

        The files are checked and built at every start, so a database is never trusted as it is: one that is
        missing, from other files, fails SQLite's integrity check or holds anything else (a help-line number
        changed in it, say) is built anew, and the last two are reported. Content that does not fit, or a
        database that cannot be written, stops start-up (ContentError)."""
        fingerprint = registry.fingerprint(content_dir, translations_dir)
        rows = _rows_of(fingerprint, content_dir, registry, translations_dir)
        try:
            cls._check(db_path, fingerprint, rows)
        except (FileNotFoundError, StaleContent):
            cls._rebuild(db_path, rows, fingerprint)
        except (sqlite3.DatabaseError, ChangedContent):
            _log.warning(
                "%s is damaged or was changed after it was built from the content files: built it anew from them",
                db_path,
            )
            cls._rebuild(db_path, rows, fingerprint)
        return cls(rows)

    @staticmethod
    def _rebuild(db_path, rows, fingerprint):
        try:
            _write(db_path, rows, fingerprint)
        except (OSError, sqlite3.Error) as error:
            raise ContentError([(str(db_path), Problem("(database)", 0, f"cannot be written: {error}"))]) from None

    @staticmethod
    def _check(db_path, fingerprint, rows):
        """Raise unless the database at db_path is whole and holds `rows`, built from `fingerprint`."""
        if not Path(db_path).is_file():
            raise FileNotFoundError(db_path)
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            db = sqlite_utils.Database(connection)
            built_from = [row["fingerprint"] for row in db["built_from"].rows] if db["built_from"].exists() else []
            if built_from != [fingerprint]:
                raise StaleContent(db_path)
            if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise ChangedContent(db_path)
            held = {(row["name"], row["lang"]): (row["body"], bool(row["unreviewed"])) for row in db["documents"].rows}
        finally:
            connection.close()
        if held != rows:
            raise ChangedContent(db_path)

    def get(self, name, lang):
        return self._documents[(name, lang)]

    def is_reviewed(self, name, lang):
        """Is every text of the document in `lang` written by the team or reviewed by a native speaker?"""
        return (name, lang) not in self._unreviewed
