"""The class poll's pages: teacher controls, pupils joining and voting, and every kind of bad input."""

import logging

import pytest

from app import create_app
from checkje.core import rails
from checkje.lesson import poll_store as polls
from checkje.lesson.poll_store import contract
from checkje.lesson.qr import qr_svg
from tests.conftest import PAGE_URLS, TEST_CONFIG
from tests.helpers import parse

OPINION_COUNT = 3


@pytest.fixture
def app(tmp_path, clock):
    """The app with a poll store of this test's own, on a clock the test moves."""
    app = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")})
    app.extensions["checkje.polls"] = polls.SQLitePollStore(tmp_path / "polls.db", clock=clock)
    return app


def store(app):
    return app.extensions["checkje.polls"]


def start_poll(client, lang="nl"):
    """Start a poll as the teacher does; return (code, secret) read from the teacher's screen."""
    response = client.post(f"/{lang}/les/peiling")
    assert response.status_code == 200
    soup = parse(response)
    return soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]


def control(client, code, secret, action, statement=None, lang="nl"):
    data = {"geheim": secret, "actie": action}
    if statement is not None:
        data["stelling"] = str(statement)
    return client.post(f"/{lang}/les/peiling/{code}", data=data)


def vote(client, code, answer, statement=1, lang="nl"):
    return client.post(f"/{lang}/stem/{code}", data={"stelling": str(statement), "antwoord": answer})


def assert_friendly(response, status):
    """Our own page with a heading and the way on, in the page's language, never a bare error."""
    assert response.status_code == status
    soup = parse(response)
    assert soup.find("h1").get_text(strip=True)
    assert soup.select_one(".site-header .quick-exit")
    assert response.headers["Cache-Control"] == "no-store"
    return soup


# --- The teacher


def test_the_teacher_screen_shows_code_qr_code_and_the_first_statement(client, app):
    code, secret = start_poll(client)
    soup = parse(control(client, code, secret, "ververs"))
    assert soup.select_one(".step-count").get_text() == "Stelling 1 van 6"
    assert soup.select_one("h1.statement").get_text() == "50 likes zijn meer waard dan één goede vriend."
    assert soup.select_one(".poll-count").get_text() == "0 stemmen"
    assert not soup.select(".poll-bar"), "results stay hidden until the teacher shows them"
    # The count asks every second with the secret in its POST body: that keeps the poll alive while it is open.
    poller = soup.select_one("form.poll-results")
    assert poller["data-hx-post"] == f"/nl/les/peiling/{code}/telling" and poller["data-hx-trigger"] == "every 1s"
    fields = {field["name"]: field["value"] for field in poller.select("input[type=hidden]")}
    assert fields == {"code": code, "geheim": secret, "stelling": "1", "versie": "0"}
    assert not soup.select(".site-header, .site-footer"), "a projector page: only quick exit in a corner"
    assert soup.select_one(".slide-corner .quick-exit")


def test_the_qr_code_holds_the_join_address_and_fits_the_csp(client, app):
    app.config["SITE_URL"] = "https://checkje.example"
    soup = parse(client.post("/nl/les/peiling", base_url="https://checkje.example"))
    code = soup.select_one(".poll-code").get_text()
    svg = soup.select_one("svg.qr-code")
    assert str(svg) == str(parse_fragment(qr_svg(f"https://checkje.example/nl/stem/{code}", svg["aria-label"])))
    assert svg["role"] == "img" and code in svg["aria-label"]
    assert not soup.select("[style]") and not soup.select("script:not([src])")[1:], (
        "no inline styles, only the hashed inline script"
    )
    assert soup.select_one(".poll-address").get_text() == "checkje.example/nl/stem"


def parse_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(str(html), "html.parser").find("svg")


def test_the_secret_is_only_in_hidden_fields_of_post_forms(client):
    code, secret = start_poll(client)
    soup = parse(control(client, code, secret, "toon"))
    holders = [tag for tag in soup.find_all(True) if any(secret in str(value) for value in tag.attrs.values())]
    assert holders and all(tag.name == "input" and tag["type"] == "hidden" for tag in holders)
    assert all(tag.find_parent("form")["method"] == "post" for tag in holders)


def test_the_secret_never_reaches_the_access_log(client):
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    rails.access_log.addHandler(handler)
    try:
        code, secret = start_poll(client)
        for action in ("toon", "ververs"):
            control(client, code, secret, action)
        control(client, code, secret, "naar", 2)
        client.get(f"/nl/les/peiling/{code}/uitslag?stelling=2", headers={"HX-Request": "true"})
        control(client, code, secret, "stop")
    finally:
        rails.access_log.removeHandler(handler)
    assert len(lines) == 6
    assert not [line for line in lines if secret in line]


def test_reveal_next_and_end(client, app):
    code, secret = start_poll(client)
    for answer in ("agree", "agree", "unsure"):
        assert vote(client, code, answer).status_code == 303
    soup = parse(control(client, code, secret, "toon"))
    bars = [
        (bar.select_one(".poll-bar__label").get_text(), bar.select_one(".poll-bar__count").get_text())
        for bar in soup.select(".poll-bar")
    ]
    assert bars == [("Eens", "2 (67%)"), ("Oneens", "0 (0%)"), ("Weet ik niet", "1 (33%)")]
    assert soup.select_one("rect")["width"] == "67"
    soup = parse(control(client, code, secret, "naar", 2))
    assert soup.select_one(".step-count").get_text() == "Stelling 2 van 6"
    assert soup.select_one(".request-card"), "the second statement is a practice request"
    assert [label.get_text() for label in parse(client.get(f"/nl/stem/{code}")).select(".choice label")] == [
        "Accepteren",
        "Weigeren",
        "Eerst checken",
    ]
    soup = assert_friendly(control(client, code, secret, "stop"), 200)
    assert soup.find("h1").get_text() == "De peiling is gestopt"
    assert_friendly(client.get(f"/nl/stem/{code}"), 404)
    assert store(app).purge_expired() == 0


def test_results_for_htmx_and_for_a_plain_request(client):
    code, secret = start_poll(client)
    vote(client, code, "disagree")
    fragment = client.get(f"/nl/les/peiling/{code}/uitslag?stelling=1", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and fragment.headers["Cache-Control"] == "no-cache", (
        "revalidated with its ETag (test_poll_refresh.py), never kept without asking"
    )
    assert (
        "<html" not in fragment.get_data(as_text=True)
        and parse(fragment).select_one(".poll-count").get_text() == "1 stem"
    )
    page = client.get(f"/nl/les/peiling/{code}/uitslag")
    assert parse(page).select_one("html") and parse(page).select_one(".poll-count").get_text() == "1 stem"


def test_polling_stops_when_the_poll_is_gone(client):
    response = client.get("/nl/les/peiling/KX4T7P/uitslag", headers={"HX-Request": "true"})
    assert response.status_code == 286
    assert "gestopt" in parse(response).get_text()


@pytest.mark.parametrize("secret", ["", "wrong", None])
def test_a_wrong_secret_changes_nothing(client, app, secret):
    code, real = start_poll(client)
    data = {"actie": "stop"} if secret is None else {"actie": "stop", "geheim": secret}
    soup = assert_friendly(client.post(f"/nl/les/peiling/{code}", data=data), 403)
    assert not soup.select("input[name=geheim]")
    assert store(app).get(code).code == code


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"actie": "wis"},
        {"actie": "naar"},
        {"actie": "naar", "stelling": "twee"},
        {"actie": "naar", "stelling": "99999999"},
        {"actie": "naar", "stelling": "9"},
    ],
)
def test_malformed_controls_get_a_friendly_400(client, app, data):
    code, secret = start_poll(client)
    assert_friendly(client.post(f"/nl/les/peiling/{code}", data={"geheim": secret, **data}), 400)
    assert store(app).get(code).statement == 0


def test_controls_of_an_expired_poll(client, clock):
    code, secret = start_poll(client)
    clock.now += polls.LIFETIME_SECONDS
    soup = assert_friendly(control(client, code, secret, "toon"), 404)
    assert soup.find("a", href="/nl/les")


@pytest.mark.parametrize(
    ("lang", "limits"),
    [
        ("nl", "35 minuten niets mee gedaan, of hij is ouder dan 3 uur"),
        ("en", "for 35 minutes, or it is more than 3 hours old"),
    ],
)
def test_an_ended_poll_says_the_stores_time_limits(client, clock, monkeypatch, lang, limits):
    code, secret = start_poll(client, lang)
    clock.now += polls.LIFETIME_SECONDS
    monkeypatch.setattr(contract, "IDLE_SECONDS", 35 * 60)
    monkeypatch.setattr(contract, "LIFETIME_SECONDS", 3 * 3600)
    soup = assert_friendly(control(client, code, secret, "toon", lang=lang), 404)
    assert limits in soup.select_one(".lead").get_text()


def test_too_many_open_polls(client, app, tmp_path, clock):
    app.extensions["checkje.polls"] = polls.SQLitePollStore(tmp_path / "few.db", clock=clock, max_open_polls=1)
    start_poll(client)
    assert_friendly(client.post("/nl/les/peiling"), 429)


# --- Pupils


def test_the_join_page_is_a_plain_listed_page(client):
    assert "/nl/stem" in PAGE_URLS and "/en/stem" in PAGE_URLS
    response = client.get("/nl/stem")
    assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")
    form = parse(response).select_one("form.join-form")
    assert form["method"] == "get" and form.select_one("input[name=code]")["autocomplete"] == "off"


def test_poll_pages_are_not_listed(client):
    assert not [url for url in PAGE_URLS if "/peiling" in url or url.startswith(("/nl/stem/", "/en/stem/"))]


def test_a_typed_code_leads_to_the_poll(client):
    code, _ = start_poll(client)
    response = client.get(f"/nl/stem?code={code[:3].lower()}-{code[3:].lower()}")
    assert response.status_code == 303 and response.headers["Location"] == f"/nl/stem/{code}"
    assert client.get(f"/nl/stem/{code.lower()}").headers["Location"] == f"/nl/stem/{code}"


@pytest.mark.parametrize(
    ("typed", "status", "message"),
    [
        ("abc", 400, "6 letters"),
        ("KX4T70", 400, "6 letters"),
        ("KX4T7P", 404, "geen peiling"),
        ("x" * 500, 400, "6 letters"),
    ],
)
def test_bad_typed_codes_get_the_form_again(client, typed, status, message):
    soup = assert_friendly(client.get(f"/nl/stem?code={typed}"), status)
    assert message in soup.select_one(".error-message").get_text()
    assert len(soup.select_one("input[name=code]")["value"]) <= 20


@pytest.mark.parametrize(
    "path", ["/nl/stem/KX4T7P", "/nl/stem/abc", "/nl/stem/KX4T7P/bedankt", "/nl/stem/%00%01", "/en/stem/KX4T7P"]
)
def test_unknown_codes_in_the_address(client, path):
    soup = assert_friendly(client.get(path), 404)
    assert soup.select_one("form.join-form")
    assert soup.html["lang"] == path.split("/")[1]


def test_a_vote_is_counted_and_thanked(client, app):
    code, _ = start_poll(client)
    soup = parse(client.get(f"/nl/stem/{code}"))
    assert soup.select_one("input[name=stelling]")["value"] == "1"
    assert [radio["value"] for radio in soup.select("input[name=antwoord]")] == ["agree", "disagree", "unsure"]
    response = vote(client, code, "unsure")
    assert response.headers["Location"] == f"/nl/stem/{code}/bedankt?stelling=1"
    thanks = parse(client.get(response.headers["Location"]))
    assert thanks.select_one("[data-poll-voted-code]")["data-poll-voted-statement"] == "1"
    assert store(app).get(code).counts == {0: {"unsure": 1}}
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({}, 400),
        ({"stelling": "1"}, 400),
        ({"antwoord": "agree"}, 400),
        ({"stelling": "1", "antwoord": "accept"}, 400),
        ({"stelling": "1", "antwoord": "AGREE"}, 400),
        ({"stelling": "1", "antwoord": "<script>"}, 400),
        ({"stelling": "een", "antwoord": "agree"}, 400),
        ({"stelling": "-1", "antwoord": "agree"}, 400),
        ({"stelling": "7", "antwoord": "agree"}, 400),
        ({"stelling": "1" * 5000, "antwoord": "agree"}, 400),
        ({"stelling": "2", "antwoord": "agree"}, 409),
    ],
)
def test_malformed_votes_get_the_form_again_and_count_nothing(client, app, data, status):
    code, _ = start_poll(client)
    vote(client, code, "agree")
    soup = assert_friendly(client.post(f"/nl/stem/{code}", data=data), status)
    assert soup.select_one("[role=alert]") and soup.select_one("form[data-poll-form]")
    assert store(app).get(code).counts == {0: {"agree": 1}}


def test_a_body_too_large_is_refused(client, app):
    code, _ = start_poll(client)
    response = client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree", "x": "y" * 20000})
    assert response.status_code == 413 and parse(response).find("h1")
    assert store(app).get(code).counts == {}


def test_a_vote_after_the_teacher_moved_on_shows_the_new_statement(client):
    code, secret = start_poll(client)
    control(client, code, secret, "naar", 3)
    soup = assert_friendly(vote(client, code, "agree", statement=1), 409)
    assert soup.select_one("input[name=stelling]")["value"] == "3"


def test_votes_on_an_expired_poll(client, clock):
    code, _ = start_poll(client)
    clock.now += polls.LIFETIME_SECONDS
    assert_friendly(vote(client, code, "agree"), 404)


def test_a_flood_is_slowed_down_without_losing_counts(client, app, tmp_path, clock):
    app.extensions["checkje.polls"] = polls.SQLitePollStore(tmp_path / "slow.db", clock=clock, max_votes_per_second=5)
    code, _ = start_poll(client)
    statuses = [vote(client, code, "agree").status_code for _ in range(8)]
    assert statuses == [303] * 5 + [429] * 3
    soup = assert_friendly(vote(client, code, "agree"), 429)
    assert "Wacht even" in soup.select_one(".lead").get_text()
    clock.now += 1
    assert vote(client, code, "agree").status_code == 303
    assert store(app).get(code).counts == {0: {"agree": 6}}


def test_every_poll_response_is_kept_out_of_caches(client):
    code, secret = start_poll(client)
    responses = [
        client.post("/nl/les/peiling"),
        control(client, code, secret, "toon"),
        client.get(f"/nl/stem/{code}"),
        vote(client, code, "agree"),
        client.get(f"/nl/stem/{code}/bedankt?stelling=1"),
        client.get(f"/nl/les/peiling/{code}/uitslag"),
        client.get("/nl/stem?code=KX4T7P"),
    ]
    assert [response.headers.get("Cache-Control") for response in responses] == ["no-store"] * len(responses)


def test_english_pages_speak_english(client):
    code, secret = start_poll(client, lang="en")
    soup = parse(control(client, code, secret, "ververs", lang="en"))
    assert soup.select_one(".step-count").get_text() == "Statement 1 of 6"
    assert [label.get_text() for label in parse(client.get(f"/en/stem/{code}")).select(".choice label")] == [
        "Agree",
        "Disagree",
        "Not sure",
    ]


def test_the_teachers_screen_switches_language_without_losing_the_poll(client):
    screen = parse(client.post("/nl/les/peiling"))
    switch = screen.select_one(".slide-corner form")
    fields = {field["name"]: field["value"] for field in switch.select("input[type=hidden]")}
    assert switch["method"] == "post" and switch["action"].startswith("/en/les/peiling/")
    answer = client.post(switch["action"], data=fields)
    assert answer.status_code == 200
    english = parse(answer)
    assert english.html["lang"] == "en"
    assert english.select_one(".poll-code").get_text() == screen.select_one(".poll-code").get_text()


# --- Stopping asks first


def test_stop_stands_apart_from_next_and_asks_first(client):
    code, secret = start_poll(client)
    soup = parse(control(client, code, secret, "ververs"))
    controls = soup.select_one(".poll-controls")
    assert "Volgende stelling" in controls.get_text() and "Stop" not in controls.get_text()
    danger = soup.select_one(".poll-danger")
    ask = danger.select_one("form")
    assert ask.select_one("input[name=actie]")["value"] == "stop-vragen"
    assert ask.button["class"] == ["button", "button--danger"], "marked as danger, not a primary button"
    dialog = danger.select_one("dialog")
    assert dialog.select_one("input[name=actie][value=stop]") and dialog.select_one("form[method=dialog]")


def test_without_javascript_stopping_is_a_page_that_asks(client, app):
    code, secret = start_poll(client)
    soup = assert_friendly(control(client, code, secret, "stop-vragen"), 200)
    assert soup.find("h1").get_text() == "Peiling stoppen en alles wissen?"
    assert store(app).get(code).code == code, "asking deletes nothing"
    actions = {form.select_one("input[name=actie]")["value"]: form for form in soup.select("main form")}
    assert set(actions) == {"stop", "ververs"}
    assert all(form["method"] == "post" and form["action"] == f"/nl/les/peiling/{code}" for form in actions.values())
    assert actions["stop"].select_one("input[name=geheim]")["value"] == secret
    assert_friendly(control(client, code, "wrong", "stop-vragen"), 403)


# --- Reload and recovery: the screen's address after it loaded, with no secret in it


def test_the_screen_names_the_address_a_reload_asks_for(client):
    code, secret = start_poll(client)
    screen = parse(control(client, code, secret, "ververs")).select_one("[data-poll-screen]")
    assert screen["data-poll-screen"] == f"/nl/les/peiling/{code}" and screen["data-poll-screen-code"] == code
    assert secret not in screen["data-poll-screen"]


def test_a_reloaded_screen_holds_no_secret_and_offers_the_way_back_or_a_new_poll(client):
    code, secret = start_poll(client)
    response = client.get(f"/nl/les/peiling/{code}")
    soup = assert_friendly(response, 200)
    assert secret not in response.get_data(as_text=True)
    assert not soup.select(".poll-controls, .poll-bar"), "no control without the secret"
    resume = soup.select_one("form[data-poll-resume-form]")
    assert resume["method"] == "post" and resume["action"] == f"/nl/les/peiling/{code}" and resume.has_attr("hidden")
    assert {field["name"]: field["value"] for field in resume.select("input")} == {
        "code": code,
        "geheim": "",
        "actie": "ververs",
    }, "the browser tab that started the poll fills in its secret"
    new_poll = soup.select_one("[data-poll-lost] form")
    assert new_poll["action"] == "/nl/les/peiling" and new_poll.select_one("input[name=klas]")
    assert client.get(f"/nl/les/peiling/{code.lower()}").headers["Location"] == f"/nl/les/peiling/{code}"


def test_a_reloaded_screen_of_a_poll_that_ended_says_so_and_is_forgotten(client):
    code, secret = start_poll(client)
    control(client, code, secret, "stop")
    for path in (f"/nl/les/peiling/{code}", "/nl/les/peiling/KX4T7P", "/en/les/peiling/abc"):
        soup = assert_friendly(client.get(path), 404)
        assert soup.select_one("h1[data-poll-over]"), "the browser forgets the poll (teacher.js)"
    assert parse(control(client, code, secret, "stop")).select_one("h1[data-poll-over]")


def test_the_lesson_page_can_lead_back_to_the_running_poll(client):
    running = parse(client.get("/nl/les")).select_one("[data-poll-running]")
    assert running.has_attr("hidden"), "shown by teacher.js only where this browser runs a poll"
    link = running.select_one("a[data-poll-running-link]")
    assert link["data-href-template"] == "/nl/les/peiling/000000"
    assert running.find_next("form")["action"] == "/nl/les/peiling", "a new poll stays one tap away"


OVER_CLASS_SIZE = "Meer stemmen dan leerlingen in de klas (2). Misschien stemde iemand twee keer."


def test_votes_beyond_the_class_size_are_counted_and_the_teacher_is_told(client, app):
    """Issue 29: with a class size of 2, three pupils' votes on one statement are all accepted; the teacher
    sees a warning (on the poll screen, its refresh and the statement slide), and no pupil is refused."""
    soup = parse(client.post("/nl/les/peiling", data={"klas": "2"}))
    code, secret = soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]
    assert [vote(client, code, answer).status_code for answer in ("agree", "disagree")] == [303] * 2
    assert not parse(control(client, code, secret, "ververs")).select(".poll-over"), "as many votes as pupils: fine"
    assert vote(client, code, "agree").status_code == 303
    assert store(app).get(code).votes_on(0) == 3
    screen = parse(control(client, code, secret, "ververs"))
    assert screen.select_one(".poll-count").get_text() == "3 stemmen"
    assert screen.select_one(".poll-over").get_text(strip=True) == OVER_CLASS_SIZE
    refresh = client.get(f"/nl/les/peiling/{code}/uitslag?stelling=1", headers={"HX-Request": "true"})
    assert parse(refresh).select_one(".poll-over").get_text(strip=True) == OVER_CLASS_SIZE
    board = parse(client.post("/nl/les/dia/vrienden", data={"code": code, "geheim": secret}))
    assert board.select_one(".board__results .poll-over").get_text(strip=True) == OVER_CLASS_SIZE
    assert not screen.select(".poll-bar"), "the warning says how many, never what anyone chose"


# --- The poll on the slides


def slide_with_poll(client, slide_id, code, secret, **extra):
    return client.post(f"/nl/les/dia/{slide_id}", data={"code": code, "geheim": secret, **extra})


def test_the_teacher_screen_leads_to_the_slides_with_the_poll(client):
    code, secret = start_poll(client)
    form = parse(control(client, code, secret, "ververs")).select_one("form.poll-present")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert form["method"] == "post" and form["action"] == "/nl/les/dia/start"
    assert fields == {"code": code, "geheim": secret}
    soup = parse(client.post(form["action"], data=fields))
    assert soup.select_one(".board .poll-code").get_text() == code and soup.select_one(".board svg.qr-code")
    assert not soup.select(".board__results"), "the first slide shows how to join, no statement"


def test_a_statement_slide_opens_its_statement_and_shows_the_count(client, app):
    code, secret = start_poll(client)
    response = slide_with_poll(client, "verzoek-een", code, secret)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert store(app).get(code).statement == 1, "the pupils' phones now show statement 2"
    vote(client, code, "check", statement=2)
    soup = parse(slide_with_poll(client, "verzoek-een", code, secret))
    assert soup.select_one(".board .poll-code").get_text() == code
    results = soup.select_one(".slide__statement form.board__results")
    assert results["method"] == "post" and results["action"] == "/nl/les/dia/verzoek-een"
    assert results["data-hx-post"] == f"/nl/les/peiling/{code}/dia" and "every 1s" in results["data-hx-trigger"]
    assert results.select_one(".poll-count").get_text() == "1 stem" and not results.select(".poll-bar")
    assert results.select_one("button[name=actie][value=toon]")


def test_the_slides_carry_the_poll_in_post_forms_only(client):
    code, secret = start_poll(client)
    soup = parse(slide_with_poll(client, "vrienden", code, secret))
    moves = {form["action"] for form in soup.select("form[data-deck-move]")}
    assert moves == {"/nl/les/dia/start", "/nl/les/dia/profiel"}
    assert not soup.select(".deck__nav a"), "no link could carry the poll"
    holders = [tag for tag in soup.find_all(True) if any(secret in str(value) for value in tag.attrs.values())]
    assert holders and all(tag.name == "input" and tag["type"] == "hidden" for tag in holders)
    assert all(tag.find_parent("form")["method"] == "post" for tag in holders)
    last = parse(slide_with_poll(client, "hulp", code, secret)).select_one("form[data-deck-done]")
    assert last["action"] == f"/nl/les/peiling/{code}", "after the last slide: back to the poll screen"
    assert not last.has_attr("data-deck-move")


def test_showing_the_results_on_a_slide(client, app):
    code, secret = start_poll(client)
    slide_with_poll(client, "vrienden", code, secret)
    for answer in ("agree", "disagree", "agree"):
        vote(client, code, answer)
    fragment = client.post(
        f"/nl/les/peiling/{code}/dia",
        data={"code": code, "geheim": secret, "stelling": "1"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in fragment.get_data(as_text=True) and fragment.headers["Cache-Control"] == "no-store"
    assert parse(fragment).select_one(".poll-count").get_text() == "3 stemmen"
    assert not parse(fragment).select(".poll-bar") and not store(app).get(code).revealed
    shown = client.post(
        f"/nl/les/peiling/{code}/dia",
        data={"code": code, "geheim": secret, "stelling": "1", "actie": "toon"},
        headers={"HX-Request": "true"},
    )
    counts = [bar.get_text() for bar in parse(shown).select(".poll-bar__count")]
    assert counts == ["2 (67%)", "1 (33%)", "0 (0%)"] and store(app).get(code).revealed
    # Without JavaScript the same button answers with the whole slide.
    page = parse(slide_with_poll(client, "vrienden", code, secret, actie="toon"))
    assert page.select_one("main .slide .poll-bars") and page.find("html")


def test_the_slides_count_answers_204_while_nothing_changed(client):
    """Asked every second: an unchanged count is an empty answer, a new vote a new count. The secret is
    checked all the same."""
    code, secret = start_poll(client)
    slide = parse(slide_with_poll(client, "vrienden", code, secret))
    shown = slide.select_one("form.board__results input[name=versie]")["value"]
    data = {"code": code, "geheim": secret, "stelling": "1", "versie": shown}
    unchanged = client.post(f"/nl/les/peiling/{code}/dia", data=data, headers={"HX-Request": "true"})
    assert unchanged.status_code == 204 and unchanged.get_data() == b""
    assert unchanged.headers["Cache-Control"] == "no-store"
    assert_friendly(
        client.post(f"/nl/les/peiling/{code}/dia", data={**data, "geheim": "wrong"}, headers={"HX-Request": "true"}),
        403,
    )
    vote(client, code, "agree")
    changed = client.post(f"/nl/les/peiling/{code}/dia", data=data, headers={"HX-Request": "true"})
    assert changed.status_code == 200 and parse(changed).select_one(".poll-count").get_text() == "1 stem"
    assert parse(changed).select_one("input[name=versie]")["value"] != shown


def test_the_slides_count_needs_the_secret(client):
    code, secret = start_poll(client)
    data = {"code": code, "geheim": "wrong", "stelling": "1"}
    assert_friendly(client.post(f"/nl/les/peiling/{code}/dia", data=data), 403)
    assert_friendly(slide_with_poll(client, "vrienden", code, "wrong"), 403)
    assert_friendly(client.post(f"/nl/les/peiling/{code}/dia", data={**data, "geheim": secret, "stelling": "9"}), 400)


def test_the_slides_go_on_when_the_poll_has_ended(client):
    code, secret = start_poll(client)
    control(client, code, secret, "stop")
    soup = parse(slide_with_poll(client, "vrienden", code, secret))
    assert soup.select_one("h1#slide-title") and not soup.select(".board, input[name=geheim]")
    assert "De peiling is gestopt." in soup.select_one(".deck__bar").get_text()
    gone = client.post(
        f"/nl/les/peiling/{code}/dia",
        data={"code": code, "geheim": secret, "stelling": "1"},
        headers={"HX-Request": "true"},
    )
    assert gone.status_code == 286, "htmx stops asking"
    assert parse(gone).get_text(strip=True) == "De peiling is gestopt." and not parse(gone).find("h1")


# --- Pupils' phones follow the screen


def test_the_vote_and_thanks_pages_follow_the_screen(client):
    code, _ = start_poll(client)
    vote_page = parse(client.get(f"/nl/stem/{code}"))
    poller = vote_page.select_one("[data-poll-follow]")
    assert poller["data-poll-follow"] == f"/nl/stem/{code}/volgen?stelling=1"
    assert poller["data-poll-follow-every"] == "4000" and vote_page.select_one("script[src*=lesson]")
    assert not vote_page.select_one("script[src*=htmx]"), "a pupil's phone follows without htmx (18 KB)"
    new_statement = vote_page.select_one(".no-js-only a")
    assert new_statement["href"] == f"/nl/stem/{code}" and new_statement.get_text() == "Nieuwe stelling? Kijk hier"
    thanks = parse(client.get(f"/nl/stem/{code}/bedankt?stelling=1"))
    assert thanks.select_one("[data-poll-follow]")["data-poll-follow"] == f"/nl/stem/{code}/volgen?stelling=1"
    assert thanks.select_one(".no-js-only a")["href"] == f"/nl/stem/{code}"


def test_a_phone_learns_when_the_screen_moved_on(client):
    code, secret = start_poll(client)
    asked = {"headers": {"HX-Request": "true"}}
    same = client.get(f"/nl/stem/{code}/volgen?stelling=1", **asked)
    assert same.status_code == 204 and same.headers["Cache-Control"] == "no-store"
    control(client, code, secret, "naar", 2)
    moved = client.get(f"/nl/stem/{code}/volgen?stelling=1", **asked)
    assert moved.status_code == 200 and moved.headers["HX-Redirect"] == f"/nl/stem/{code}"
    assert client.get(f"/nl/stem/{code}/volgen?stelling=2", **asked).status_code == 204
    plain = client.get(f"/nl/stem/{code}/volgen?stelling=1")
    assert plain.status_code == 303 and plain.headers["Location"] == f"/nl/stem/{code}"
    control(client, code, secret, "stop")
    ended = client.get(f"/nl/stem/{code}/volgen?stelling=2", **asked)
    assert ended.headers["HX-Redirect"] == f"/nl/stem/{code}/voorbij", "the phone shows that the poll has ended"
    assert client.get(f"/nl/stem/{code}/volgen?stelling=2").headers["Location"] == f"/nl/stem/{code}/voorbij"


# --- A poll that ended: pupils see a calm page, and nothing is kept to tell an ended code from a wrong one


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_phone_in_a_poll_that_ended_says_so_calmly(client, lang):
    code, secret = start_poll(client, lang)
    control(client, code, secret, "stop", lang=lang)
    title = {"nl": "Deze peiling is gestopt", "en": "This poll has ended"}[lang]
    # The phone followed the screen there, or sent a vote from the page that showed the poll.
    for response in (client.get(f"/{lang}/stem/{code}/voorbij"), vote(client, code, "agree", lang=lang)):
        soup = assert_friendly(response, 404)
        assert soup.find("h1").get_text() == title
        assert "geen peiling" not in soup.get_text() and "no poll" not in soup.get_text()
        assert soup.select_one("form.join-form"), "a new code is one step away"


def test_an_expired_poll_says_it_has_ended_too(client, clock):
    code, _ = start_poll(client)
    clock.now += polls.IDLE_SECONDS + 1
    soup = assert_friendly(client.get(f"/nl/stem/{code}/voorbij"), 404)
    assert soup.find("h1").get_text() == "Deze peiling is gestopt"


def test_the_ended_address_of_an_open_poll_leads_to_its_statement(client):
    code, _ = start_poll(client)
    assert client.get(f"/nl/stem/{code}/voorbij").headers["Location"] == f"/nl/stem/{code}"
    assert client.get(f"/nl/stem/{code.lower()}/voorbij").headers["Location"] == f"/nl/stem/{code}"


def test_a_code_that_never_was_says_there_is_no_poll_with_it(client):
    """Typed: there is no poll with this code. In an address (a scanned or reloaded page), where an ended code
    and a wrong one look the same, one calm wording says both."""
    typed = assert_friendly(client.get("/nl/stem?code=KX4T7P"), 404)
    assert "Er is geen peiling met deze code" in typed.select_one(".error-message").get_text()
    in_address = assert_friendly(client.get("/nl/stem/KX4T7P"), 404)
    assert in_address.find("h1").get_text() == "Deze peiling is gestopt, of de code klopt niet"
    assert in_address.select_one("form.join-form")


# --- The lobby: phones wait while the screen shows no statement (issue 29)


def test_the_lesson_page_starts_the_slides_with_the_poll_and_the_class_waits_for_a_statement(client, app):
    lesson = parse(client.get("/nl/les")).select_one("form.lesson-start")
    main = lesson.select_one("button.button:not(.button--secondary)")
    assert main.get_text() == "Start de les" and lesson["action"] == "/nl/les/peiling"
    soup = parse(client.post(lesson["action"], data={"klas": "30", main["name"]: main["value"]}))
    assert soup.select_one(".slide__main .step-count").get_text().startswith("Dia 1 van")
    code = soup.select_one(".board .poll-code").get_text()
    secret = soup.select_one("form[data-deck-move] input[name=geheim]")["value"]
    asked = {"headers": {"HX-Request": "true"}}

    lobby = parse(client.get(f"/nl/stem/{code}"))
    assert lobby.find("h1").get_text() == "Kijk naar het scherm" and not lobby.select("form[method=post]")
    assert lobby.select_one("[data-poll-follow]")["data-poll-follow"] == f"/nl/stem/{code}/volgen?stelling=0"
    look = lobby.select_one(".no-js-only a.button")
    assert look["href"] == f"/nl/stem/{code}" and look.get_text() == "Ik zie een stelling op het scherm"
    assert client.get(f"/nl/stem/{code}/volgen?stelling=0", **asked).status_code == 204
    early = vote(client, code, "agree")
    assert early.status_code == 409 and "Je stem is niet geteld" in parse(early).select_one("[role=alert]").get_text()
    assert store(app).get(code).counts == {}

    slide_with_poll(client, "vrienden", code, secret)
    assert client.get(f"/nl/stem/{code}/volgen?stelling=0", **asked).headers["HX-Redirect"] == f"/nl/stem/{code}"
    assert parse(client.get(f"/nl/stem/{code}")).select_one("form[data-poll-form]")
    thanks = client.get(vote(client, code, "agree").headers["Location"])
    assert parse(thanks).select_one("[data-poll-follow]")["data-poll-follow"] == f"/nl/stem/{code}/volgen?stelling=1"

    slide_with_poll(client, "profiel", code, secret)
    assert client.get(f"/nl/stem/{code}/volgen?stelling=1", **asked).headers["HX-Redirect"] == f"/nl/stem/{code}"
    assert parse(client.get(f"/nl/stem/{code}")).find("h1").get_text() == "Kijk naar het scherm"
    # The poll screen always shows a statement: going there from the slides opens it again.
    control(client, code, secret, "ververs")
    assert parse(client.get(f"/nl/stem/{code}")).select_one("form[data-poll-form]")
    assert store(app).get(code).counts_of(0) == {"agree": 1}
