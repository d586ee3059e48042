"""Store faults under a running app: Redis stopped and started, the SQLite file deleted, unmakeable or on a disk
that takes no writes. The poll pages say so in the visitor's language, every other page keeps working (and "my
screen looks different" still shows its help), and polls work again without restarting the app."""

import resource
from pathlib import Path

from app import create_app
from checkje.walkthroughs.fields import PHONE, REPORT_APP, REPORT_STEP
from tests.conftest import TEST_CONFIG
from tests.helpers import parse
from tests.lesson import real_polls
from tests.lesson.test_poll_views import assert_friendly
from tests.real_server import checkje_server
from tests.server import clients
from tests.walkthroughs.test_looks_different import say_different


def start(client, lang="nl"):
    soup = parse(client.post(f"/{lang}/les/peiling"))
    return soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]


def test_redis_down_then_back(own_redis, tmp_path):
    app = create_app({**TEST_CONFIG, "POLLS_URL": own_redis.url, "POLLS_DB": str(tmp_path / "p.db")})
    client = app.test_client()
    code, secret = start(client)
    assert client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree"}).status_code == 303

    own_redis.stop()
    for path, lang, heading in [
        (f"/nl/stem/{code}", "nl", "De klassenpeiling werkt nu even niet"),
        (f"/en/stem/{code}", "en", "The class poll is not available right now"),
    ]:
        soup = assert_friendly(client.get(path), 503)
        assert soup.html["lang"] == lang and soup.find("h1").get_text() == heading
        assert soup.select_one("form.join-form"), "a pupil can type the code again in a moment"
    vote = client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree"})
    assert_friendly(vote, 503).find("h1")
    assert vote.headers["Retry-After"] == "30"
    teacher = assert_friendly(client.post(f"/nl/les/peiling/{code}", data={"geheim": secret, "actie": "toon"}), 503)
    assert teacher.find("a", href="/nl/les") and not teacher.select("input[name=geheim]")
    assert_friendly(client.post("/en/les/peiling"), 503)
    assert_friendly(client.get(f"/nl/les/peiling/{code}/uitslag", headers={"HX-Request": "true"}), 503)
    assert_friendly(client.get(f"/nl/stem?code={code}"), 503)
    for page in ("/nl/", "/en/", "/nl/les", "/nl/stem", "/nl/hulp"):
        assert client.get(page).status_code == 200, page
    assert say_different(client, "whatsapp", "about", "android").status_code == 303, (
        "the youth gets the walkthrough's help even when the count cannot be kept"
    )

    own_redis.start()
    code, _ = start(client)
    assert client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree"}).status_code == 303
    assert parse(client.get(f"/nl/les/peiling/{code}/uitslag")).select_one(".poll-count").get_text() == "1 stem"


def _our_503(answer, lang, heading):
    status, headers, body = answer
    assert (status, headers["retry-after"], headers["cache-control"]) == (503, "30", "no-store")
    soup = real_polls.soup_of(body)
    assert soup.html["lang"] == lang and soup.find("h1").get_text() == heading
    assert soup.select_one(".site-header .quick-exit")
    return soup


def _worker_of(master):
    (worker,) = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(worker)


def test_a_broken_polls_file_gets_our_503_and_the_store_mends_itself_without_a_restart(tmp_path):
    polls = tmp_path / "polls.db"
    # One worker, so each request meets the process whose fault the test made (each process has its own pool).
    env = {"CHECKJE_POLLS_DB": str(polls), "WEB_CONCURRENCY": "1"}
    with checkje_server(env=env) as (base, master):
        code, secret = real_polls.start(base)
        assert real_polls.vote(base, code, "agree")[0] == 303

        # Deleted while running, log and all: made again at the next request. The poll went with the file.
        for path in real_polls.files_of(polls):
            path.unlink(missing_ok=True)
        assert clients.get(base, f"/nl/stem/{code}")[0] == 404
        assert real_polls.control(base, code, secret, "ververs")[0] == 404
        code, secret = real_polls.start(base)
        assert real_polls.vote(base, code, "agree")[0] == 303

        # Deleted, and it cannot be made again (something else has its name): our page, in the page's language.
        for path in real_polls.files_of(polls):
            path.unlink(missing_ok=True)
        polls.mkdir()
        _our_503(real_polls.vote(base, code, "agree"), "nl", "Je stem is niet geteld")
        _our_503(clients.get(base, f"/en/stem/{code}"), "en", "The class poll is not available right now")
        teacher = _our_503(real_polls.control(base, code, secret, "toon"), "nl", "De klassenpeiling werkt nu even niet")
        assert "Start dan een nieuwe" in teacher.select_one(".lead").get_text()
        assert teacher.find("a", href="/nl/les") and not teacher.select("input[name=geheim]")
        assert clients.get(base, "/nl/")[0] == 200
        report = {REPORT_APP: "whatsapp", REPORT_STEP: "about", PHONE: "android"}
        assert clients.post(base, "/nl/instellingen/scherm-anders", report)[0] == 303, "the help, uncounted"
        polls.rmdir()
        code, secret = real_polls.start(base)
        assert real_polls.vote(base, code, "agree")[0] == 303

        # A disk that takes no more writes: the worker may write no file past its first byte.
        worker = _worker_of(master.pid)
        soft, hard = resource.prlimit(
            worker, resource.RLIMIT_FSIZE, (1, resource.prlimit(worker, resource.RLIMIT_FSIZE)[1])
        )
        try:
            _our_503(real_polls.vote(base, code, "agree"), "nl", "Je stem is niet geteld")
            # Reading still works, but the vote page does not offer what the store cannot keep.
            _our_503(clients.get(base, f"/nl/stem/{code}"), "nl", "De klassenpeiling werkt nu even niet")
            assert clients.post(base, "/nl/instellingen/scherm-anders", report)[0] == 303
        finally:
            resource.prlimit(worker, resource.RLIMIT_FSIZE, (soft, hard))
        # The teacher's screen asks again (a write): it works, and so do votes.
        assert real_polls.control(base, code, secret, "ververs")[0] == 200
        assert real_polls.vote(base, code, "disagree")[0] == 303
        results = real_polls.soup_of(clients.get(base, f"/nl/les/peiling/{code}/uitslag")[2])
        assert results.select_one(".poll-count").get_text() == "2 stemmen"
