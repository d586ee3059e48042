"""A poll that protects the class: frozen counts after the reveal, hidden counts before it, the class
size, resets, and no starting or steering from another website."""

import functools

import pytest

from app import create_app
from checkje.lesson import poll_store as polls
from tests.conftest import TEST_CONFIG
from tests.helpers import parse
from tests.lesson.test_poll_views import app, assert_friendly, control, start_poll, store, vote  # noqa: F401

__all__ = ["app"]


def bars(soup):
    return {
        bar.select_one(".poll-bar__label").get_text(): bar.select_one(".poll-bar__count").get_text()
        for bar in soup.select(".poll-bar")
    }


def results(client, code, statement=1):
    return parse(client.get(f"/nl/les/peiling/{code}/uitslag?stelling={statement}", headers={"HX-Request": "true"}))


def test_after_the_reveal_a_late_vote_changes_nothing(client, app):
    code, secret = start_poll(client)
    vote(client, code, "agree")
    vote(client, code, "unsure")
    shown = bars(parse(control(client, code, secret, "toon")))
    soup = assert_friendly(vote(client, code, "disagree"), 409)
    assert not soup.select("form[data-poll-form]"), "no vote form while the results are shown"
    assert soup.select_one(".poll-shown .statement")
    assert bars(results(client, code)) == bars(parse(control(client, code, secret, "ververs"))) == shown
    assert store(app).get(code).counts == {0: {"agree": 1, "unsure": 1}}


def test_while_the_results_are_shown_the_pupils_page_says_look_at_the_screen(client):
    code, secret = start_poll(client)
    control(client, code, secret, "toon")
    response = client.get(f"/nl/stem/{code}")
    assert response.status_code == 200
    soup = parse(response)
    assert not soup.select("input[name=antwoord]")
    assert soup.select_one(".poll-shown a.button")["href"] == f"/nl/stem/{code}"


def test_going_back_to_a_shown_statement_keeps_it_frozen(client, app):
    code, secret = start_poll(client)
    vote(client, code, "agree")
    control(client, code, secret, "toon")
    control(client, code, secret, "naar", 2)
    soup = parse(control(client, code, secret, "naar", 1))
    assert bars(soup) and not soup.select("input[name=actie][value=toon]")
    assert vote(client, code, "disagree").status_code == 409
    assert store(app).get(code).counts == {0: {"agree": 1}}


def test_before_the_reveal_only_the_number_of_votes_is_anywhere(client):
    code, secret = start_poll(client)
    for answer in ("agree", "agree", "disagree"):
        vote(client, code, answer)
    for soup in (
        results(client, code),
        parse(client.get(f"/nl/les/peiling/{code}/uitslag")),
        parse(control(client, code, secret, "ververs")),
        parse(client.get(f"/nl/stem/{code}")),
    ):
        assert not soup.select(".poll-bar, .poll-bar__count")
        count = soup.select_one(".poll-count")
        assert count is None or count.get_text() == "3 stemmen"


@pytest.mark.parametrize(("typed", "expected"), [(None, 35), ("28", 28), (" 100 ", 100), ("1", 1)])
def test_the_teacher_gives_the_class_size(client, app, typed, expected):
    data = {} if typed is None else {"klas": typed}
    code = parse(client.post("/nl/les/peiling", data=data)).select_one(".poll-code").get_text()
    assert store(app).get(code).class_size == expected


def test_the_start_form_asks_for_the_class_size(client):
    field = parse(client.get("/nl/les")).select_one("form[action='/nl/les/peiling'] input[name=klas]")
    assert field["value"] == "35" and field["inputmode"] == "numeric" and field.get("required") is not None
    assert field["pattern"] == "[0-9]{1,3}"
    assert field.find_previous("label")["for"] == field["id"]


@pytest.mark.parametrize("typed", ["0", "101", "999", "-5", "dertig", "3.5", "²", "١٢", "", "1" * 500])
def test_a_class_size_that_is_not_1_to_100_starts_nothing(client, typed):
    soup = assert_friendly(client.post("/nl/les/peiling", data={"klas": typed}), 400)
    assert not soup.select("input[name=geheim]")
    assert "100" in soup.select_one(".lead").get_text()


def start_class(client, pupils):
    soup = parse(client.post("/nl/les/peiling", data={"klas": str(pupils)}))
    return soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]


def test_a_statement_refuses_only_a_flood_of_votes(client, app):
    code, _ = start_class(client, 3)
    most = polls.most_votes(3)
    assert [vote(client, code, "agree").status_code for _ in range(most)] == [303] * most
    soup = assert_friendly(vote(client, code, "agree"), 429)
    assert "veel meer stemmen dan de klas leerlingen heeft" in soup.select_one(".lead").get_text()
    assert store(app).get(code).votes_on(0) == most


def test_the_teacher_resets_a_statement(client, app):
    code, secret = start_class(client, 2)
    assert not parse(control(client, code, secret, "ververs")).select("input[name=actie][value=opnieuw]"), (
        "nothing to reset yet"
    )
    vote(client, code, "agree")
    vote(client, code, "agree")
    assert_friendly(control(client, code, "wrong", "opnieuw"), 403)
    screen = parse(control(client, code, secret, "toon"))
    reset = screen.select_one("input[name=actie][value=opnieuw]").find_parent("form")
    assert reset["method"] == "post" and reset.select_one("input[name=geheim]")["value"] == secret
    soup = parse(control(client, code, secret, "opnieuw"))
    assert soup.select_one(".poll-count").get_text() == "0 stemmen" and not bars(soup)
    assert vote(client, code, "disagree").status_code == 303
    assert store(app).get(code).counts == {0: {"disagree": 1}}
    phone = parse(client.get(f"/nl/stem/{code}")).select_one("[data-poll-code]")
    assert phone["data-poll-round"] == "1", "a phone that voted before the reset may vote again"


FOREIGN = [
    {"Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
    {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    {"Origin": "http://localhost.evil.example"},
]
OUR_OWN = [
    {},
    {"Origin": "http://localhost"},
    {"Sec-Fetch-Site": "same-origin"},
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
    {"Sec-Fetch-Site": "none"},
    {"Origin": "null", "Sec-Fetch-Site": "same-origin"},
]


@pytest.mark.parametrize("headers", FOREIGN)
def test_another_site_cannot_start_a_poll(client, app, headers):
    soup = assert_friendly(client.post("/nl/les/peiling", headers=headers), 403)
    assert not soup.select("input[name=geheim]") and soup.find("a", href="/nl/les")
    assert store(app).purge_expired() == 0


@pytest.mark.parametrize("headers", FOREIGN)
def test_another_site_cannot_press_the_teachers_buttons_or_vote(client, app, headers):
    code, secret = start_poll(client)
    for action in ("stop", "toon", "opnieuw"):
        assert_friendly(
            client.post(f"/nl/les/peiling/{code}", data={"geheim": secret, "actie": action}, headers=headers), 403
        )
    # The slides with the poll on them: opening a statement, and the count that shows the results.
    on_slide = {"code": code, "geheim": secret, "actie": "toon", "stelling": "1"}
    assert_friendly(client.post("/nl/les/dia/verzoek-een", data=on_slide, headers=headers), 403)
    assert_friendly(client.post(f"/nl/les/peiling/{code}/dia", data=on_slide, headers=headers), 403)
    response = client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree"}, headers=headers)
    assert assert_friendly(response, 403).select_one("form.join-form"), "a pupil gets the join form"
    assert store(app).get(code).counts == {} and not store(app).get(code).revealed


@pytest.mark.parametrize("headers", OUR_OWN)
def test_our_own_pages_and_old_browsers_may(client, app, headers):
    screen = parse(client.post("/nl/les/peiling", headers=headers))
    code, secret = screen.select_one(".poll-code").get_text(), screen.select_one("input[name=geheim]")["value"]
    assert (
        client.post(f"/nl/stem/{code}", data={"stelling": "1", "antwoord": "agree"}, headers=headers).status_code == 303
    )
    response = client.post(f"/nl/les/peiling/{code}", data={"geheim": secret, "actie": "toon"}, headers=headers)
    assert response.status_code == 200 and store(app).get(code).revealed


def test_with_a_site_address_only_that_origin_is_ours(tmp_path):
    client = create_app({**TEST_CONFIG, "SITE_URL": "https://checkje.example", "POLLS_DB": str(tmp_path / "p.db")})
    client = client.test_client()
    start = functools.partial(client.post, "/nl/les/peiling", base_url="https://checkje.example")
    assert start(headers={"Origin": "https://checkje.example"}).status_code == 200
    assert start(headers={"Origin": "http://checkje.example"}).status_code == 403
    assert start(headers={"Origin": "https://checkje.example:8443"}).status_code == 403


def test_a_poll_left_alone_for_20_minutes_ends_and_frees_its_place(client, app, clock, tmp_path):
    app.extensions["checkje.polls"] = polls.SQLitePollStore(tmp_path / "few.db", clock=clock, max_open_polls=1)
    code, secret = start_poll(client)
    assert_friendly(client.post("/nl/les/peiling"), 429)
    clock.now += polls.IDLE_SECONDS - 1
    assert control(client, code, secret, "ververs").status_code == 200, "a control keeps the poll alive"
    clock.now += polls.IDLE_SECONDS
    assert_friendly(control(client, code, secret, "toon"), 404)
    assert_friendly(vote(client, code, "agree"), 404)
    assert start_poll(client)
