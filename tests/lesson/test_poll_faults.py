"""Redis stopped and started under a running app: the poll pages say so in the visitor's language,
every other page keeps working, and polls work again without restarting the app."""

from app import create_app
from tests.conftest import TEST_CONFIG
from tests.helpers import parse
from tests.lesson.test_poll_views import assert_friendly
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
