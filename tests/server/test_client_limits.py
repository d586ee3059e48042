"""Limits per client in lesson mode, against the real server (two workers, one table): one client cannot fill the
poll store, stuff a statement or guess codes, and a whole class behind one school address gets through a lesson.
Each test asks from a loopback address of its own, as a client of its own."""

import secrets
import time

from bs4 import BeautifulSoup

from checkje.lesson import client_limits
from checkje.lesson.poll_store import CODE_ALPHABET, CODE_LENGTH
from tests.server.clients import KeptAlive, post
from tests.server.conftest import SHARED_SERVER

pytestmark = SHARED_SERVER

# The answers of the lesson's six statements, in order (content/lesson/statements.yaml).
ANSWERS = ["agree", "accept", "accept", "agree", "disagree", "unsure"]


def start_poll(client):
    status, _, body = client.ask("POST", "/nl/les/peiling", {})
    assert status == 200, body[:200]
    soup = BeautifulSoup(body, "html.parser")
    return soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]


def vote(client, code, statement):
    return client.ask("POST", f"/nl/stem/{code}", {"stelling": str(statement), "antwoord": ANSWERS[statement - 1]})


def made_up_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def assert_friendly_429(answer, lang="nl"):
    """Our own page in the visitor's language, with quick exit, saying when to try again."""
    status, headers, body = answer
    soup = BeautifulSoup(body, "html.parser")
    assert status == 429
    assert int(headers["retry-after"]) >= 1
    assert soup.html["lang"] == lang and soup.h1.get_text(strip=True) and soup.select_one("a.quick-exit")
    return soup


def test_one_client_cannot_fill_the_poll_store(server):
    base, _, _ = server
    school, neighbour = KeptAlive(base, "127.0.0.11"), KeptAlive(base, "127.0.0.12")
    try:
        # Far faster than the 17 a second that held the store full.
        answers = [school.ask("POST", "/nl/les/peiling", {}) for _ in range(client_limits.NEW_POLLS.burst + 10)]
        other = neighbour.ask("POST", "/en/les/peiling", {})
    finally:
        school.close()
        neighbour.close()
    assert [status for status, _, _ in answers] == [200] * client_limits.NEW_POLLS.burst + [429] * 10
    soup = assert_friendly_429(answers[-1])
    assert "netwerk" in soup.select_one(".lead").get_text()
    assert int(answers[-1][1]["retry-after"]) <= client_limits.NEW_POLLS.every
    assert other[0] == 200, "another client starts its poll"


def test_one_client_cannot_stuff_a_statement(server):
    base, _, _ = server
    client = KeptAlive(base, "127.0.0.13")
    try:
        code, _ = start_poll(client)
        started = time.monotonic()
        # Each on a new connection: the server's workers count in one table.
        form = {"stelling": "1", "antwoord": "agree"}
        answers = [post(base, f"/nl/stem/{code}", form, source="127.0.0.13") for _ in range(40)]
        earned = (time.monotonic() - started) / client_limits.VOTES.every
    finally:
        client.close()
    statuses = [status for status, _, _ in answers]
    burst = client_limits.VOTES.burst
    # The class's 35 at once, then one every 10 s (a slow machine may earn one).
    assert statuses[:burst] == [303] * burst and statuses.count(303) <= burst + earned
    assert_friendly_429(answers[-1])


def test_guessing_codes_is_slowed_and_says_nothing_of_a_code(server):
    base, _, _ = server
    teacher, guesser, pupil = (KeptAlive(base, source) for source in ("127.0.0.14", "127.0.0.15", "127.0.0.16"))
    try:
        code, _ = start_poll(teacher)
        started = time.monotonic()
        guesses = [guesser.ask("GET", f"/nl/stem/{made_up_code()}")[0] for _ in range(client_limits.CODE_MISSES.burst)]
        # One more try comes back every 5 s: a slow machine may see one or two before the refusal.
        more = 0
        while (refused := guesser.ask("GET", f"/en/stem/{made_up_code()}"))[0] == 404 and more < 10:
            more += 1
        earned = (time.monotonic() - started) / client_limits.CODE_MISSES.every
        # Asking while refused keeps a client refused, code or no code.
        # A real code is refused too: a refusal must not tell a real code from a made-up one.
        real = [guesser.ask("GET", path) for path in (f"/nl/stem/{code}", f"/nl/stem?code={code}")]
        others = pupil.ask("GET", f"/nl/stem/{code}")[0]
    finally:
        for client in (teacher, guesser, pupil):
            client.close()
    assert guesses == [404] * client_limits.CODE_MISSES.burst and more <= earned + 1
    assert_friendly_429(refused, lang="en")
    assert [status for status, _, _ in real] == [429, 429]
    assert others == 200


def test_a_class_behind_one_address_gets_through_a_whole_lesson(server):
    """35 phones and the teacher's laptop behind one school router: every pupil types the code wrong twice, joins,
    reloads, votes on every statement, and at the end finds the poll gone. Nothing is refused."""
    base, _, _ = server
    school = "127.0.0.17"
    teacher = KeptAlive(base, school)
    phones = [KeptAlive(base, school) for _ in range(35)]
    try:
        code, secret = start_poll(teacher)
        statuses = []
        for phone in phones:
            statuses += [phone.ask("GET", f"/nl/stem?code={made_up_code()}")[0] for _ in range(2)]
            statuses += [phone.ask("GET", f"/nl/stem?code={code.lower()}")[0]]
            statuses += [phone.ask("GET", f"/nl/stem/{code}")[0] for _ in range(2)]
        for statement in range(1, len(ANSWERS) + 1):
            if statement > 1:
                # A poll takes 50 votes a second (the store's own limit): a class spends minutes on a statement,
                # this test waits only for the store's next second.
                time.sleep(1 - time.time() % 1)
                control = {"geheim": secret, "actie": "naar", "stelling": str(statement)}
                assert teacher.ask("POST", f"/nl/les/peiling/{code}", control)[0] == 200
            statuses += [vote(phone, code, statement)[0] for phone in phones]
        assert teacher.ask("POST", f"/nl/les/peiling/{code}", {"geheim": secret, "actie": "stop"})[0] == 200
        for phone in phones:
            statuses += [phone.ask("GET", f"/nl/stem/{code}/volgen?stelling=6")[0]]
            statuses += [phone.ask("GET", f"/nl/stem/{code}/voorbij")[0]]
    finally:
        for client in (teacher, *phones):
            client.close()
    assert 429 not in statuses
    assert statuses.count(303) == 35 + 35 * len(ANSWERS) + 35, "joined, every vote counted, sent on at the end"
