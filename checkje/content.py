"""Build content/ into a read-only SQLite database, and read it back.

The build checks every file against its schema (checkje.documents) and stops
with every problem, each with its file and line. The app only ever reads a
database that passed, so a content mistake can never break a page at run time.
"""

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils
from flask import current_app

from checkje import yaml_lines
from checkje.documents import CROSS_CHECKS, SCHEMAS
from checkje.i18n import current_language
from checkje.schema import Problem
from checkje.settings import LANGUAGES


class ContentError(Exception):
    """Content that does not fit its schema; the message lists file:line: place: problem."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(f"{file}:{p.line}: {p.place}: {p.message}" for file, p in problems))


def check_all(content_dir):
    """Read and check every content file; return ({name: data}, [(file, Problem)])."""
    content_dir = Path(content_dir)
    documents, problems = {}, []
    found = {}
    for path in sorted(content_dir.rglob("*.yaml")):
        name = path.relative_to(content_dir).with_suffix("").as_posix()
        shown = f"content/{path.relative_to(content_dir).as_posix()}"
        found[name] = shown
        schema = SCHEMAS.get(name)
        if schema is None:
            problems.append((shown, Problem("(file)", 0, f"unknown content file; known: {', '.join(sorted(SCHEMAS))}")))
            continue
        try:
            data = yaml_lines.load(path.read_text(encoding="utf-8"))
        except yaml_lines.YamlProblem as error:
            problems.append((shown, Problem("(file)", error.line, error.message)))
            continue
        except UnicodeDecodeError:
            problems.append((shown, Problem("(file)", 0, "is not UTF-8 text")))
            continue
        file_problems = list(schema.check(data, "", 1))
        problems.extend((shown, problem) for problem in file_problems)
        if not file_problems:
            documents[name] = data
    for name in SCHEMAS.keys() - found.keys():
        problems.append((f"content/{name}.yaml", Problem("(file)", 0, "this file is missing")))
    if not problems:
        for cross_check in CROSS_CHECKS:
            problems.extend((found[name], problem) for name, problem in cross_check(documents))
    return documents, problems


def build(content_dir, db_path):
    """Check all content and write it to db_path; raise ContentError and write nothing if it does not fit."""
    documents, problems = check_all(content_dir)
    if problems:
        raise ContentError(problems)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target, then rename: readers never see a half-built file.
    fd, tmp_name = tempfile.mkstemp(dir=db_path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp_name)
        db["documents"].insert_all(
            (
                {"name": name, "lang": lang, "body": json.dumps(SCHEMAS[name].localize(data, lang), ensure_ascii=False)}
                for name, data in documents.items()
                for lang in LANGUAGES
            ),
            pk=("name", "lang"),
        )
        db.close()
        os.replace(tmp_name, db_path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return len(documents)


class ContentStore:
    """All built content, read once at start-up: {(name, lang): data}."""

    def __init__(self, documents):
        self._documents = documents

    @classmethod
    def open(cls, db_path, content_dir):
        """Read the database, building it first when it is missing or unreadable; never half of it."""
        try:
            return cls._read(db_path)
        except (sqlite3.DatabaseError, FileNotFoundError, KeyError, ValueError):
            pass  # missing, corrupt, half-written or from other content: build it anew
        try:
            build(content_dir, db_path)
        except (OSError, sqlite3.Error) as error:
            raise ContentError([(str(db_path), Problem("(database)", 0, f"cannot be written: {error}"))]) from None
        return cls._read(db_path)

    @classmethod
    def _read(cls, db_path):
        if not Path(db_path).is_file():
            raise FileNotFoundError(db_path)
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = sqlite_utils.Database(connection)["documents"].rows
            documents = {(row["name"], row["lang"]): json.loads(row["body"]) for row in rows}
        finally:
            connection.close()
        missing = {(name, lang) for name in SCHEMAS for lang in LANGUAGES} - documents.keys()
        if missing:
            raise KeyError(f"content database lacks {sorted(missing)}")
        return cls(documents)

    def get(self, name, lang):
        return self._documents[(name, lang)]


def content(name):
    """The content document `name` in the language of the current request."""
    return current_app.extensions["checkje.content"].get(name, current_language())


def help_lines(ids):
    """The help lines with these ids, in this order, as content/helplines.yaml has them now."""
    lines = {line["id"]: line for line in content("helplines")["lines"]}
    return [lines[line_id] for line_id in ids]
