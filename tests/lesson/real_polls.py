"""A class poll driven over raw HTTP against the real server process (tests/real_server.py)."""

from bs4 import BeautifulSoup

from checkje.lesson import fields
from tests.server import clients


def soup_of(body):
    return BeautifulSoup(body, "html.parser")


def start(base, lang="nl"):
    """Start a poll as the teacher's screen does; return (code, secret)."""
    status, _, body = clients.post(base, f"/{lang}/les/peiling")
    assert status == 200, status
    soup = soup_of(body)
    return soup.select_one(".poll-code").get_text(), soup.select_one(f"input[name={fields.SECRET}]")["value"]


def vote(base, code, answer, statement=1, lang="nl"):
    return clients.post(base, f"/{lang}/stem/{code}", {fields.STATEMENT: str(statement), fields.ANSWER: answer})


def control(base, code, secret, action, lang="nl"):
    return clients.post(base, f"/{lang}/les/peiling/{code}", {fields.SECRET: secret, fields.ACTION: action})


def files_of(polls):
    """The SQLite poll store's files: the database, its write-ahead log and its shared-memory index."""
    return [polls, polls.with_name(polls.name + "-wal"), polls.with_name(polls.name + "-shm")]
