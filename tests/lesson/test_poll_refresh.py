"""Cheap refreshes: an htmx refresh with nothing new answers 304 with our headers and no body; a vote,
a reveal or a new statement gives a new tag. Whole pages stay no-store; no tag tells of the secret."""

import hashlib

from flask import template_rendered

from tests.helpers import parse
from tests.lesson.test_poll_views import app, control, start_poll, vote  # noqa: F401

HTMX = {"HX-Request": "true"}


def refresh(client, path, tag=None):
    return client.get(path, headers={**HTMX, **({"If-None-Match": tag} if tag else {})})


def test_the_teachers_refresh_answers_304_until_something_changes(client):
    code, secret = start_poll(client)
    path = f"/nl/les/peiling/{code}/uitslag?stelling=1"
    first = refresh(client, path)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag.startswith('W/"') and first.headers["Cache-Control"] == "no-cache"
    same = refresh(client, path, tag)
    assert same.status_code == 304 and same.get_data() == b"" and same.headers["ETag"] == tag
    assert same.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"], "our headers"
    assert same.headers["Cache-Control"] == "no-cache"
    assert refresh(client, f"/en/les/peiling/{code}/uitslag?stelling=1", tag).status_code == 200, "each language"
    vote(client, code, "agree")
    counted = refresh(client, path, tag)
    assert counted.status_code == 200 and parse(counted).select_one(".poll-count").get_text() == "1 stem"
    control(client, code, secret, "ververs")
    assert refresh(client, path, counted.headers["ETag"]).status_code == 304, "looking again changes nothing"
    control(client, code, secret, "toon")
    shown = refresh(client, path, counted.headers["ETag"])
    assert shown.status_code == 200 and parse(shown).select(".poll-bar")


def test_an_unchanged_refresh_is_answered_without_making_the_answer(app, client):  # noqa: F811
    """The 304 comes from the poll's state alone: no template is rendered, so a class costs little between votes."""
    code, _ = start_poll(client)
    rendered = []
    template_rendered.connect(lambda sender, template, context, **extra: rendered.append(template.name), app)
    for path in (f"/nl/les/peiling/{code}/uitslag?stelling=1", f"/en/stem/{code}"):
        tag = refresh(client, path).headers["ETag"]
        rendered.clear()
        assert refresh(client, path, tag).status_code == 304
        assert rendered == [], path


def test_the_pupils_refresh_answers_304_until_the_statement_changes(client):
    code, secret = start_poll(client)
    path = f"/nl/stem/{code}"
    tag = refresh(client, path).headers["ETag"]
    vote(client, code, "agree")
    assert refresh(client, path, tag).status_code == 304, "another pupil's vote changes nothing on a phone"
    control(client, code, secret, "toon")
    shown = refresh(client, path, tag)
    assert shown.status_code == 200 and not parse(shown).select("input[name=antwoord]")
    control(client, code, secret, "naar", 2)
    moved = refresh(client, path, shown.headers["ETag"])
    assert moved.status_code == 200 and parse(moved).select_one("input[name=stelling]")["value"] == "2"


def test_whole_pages_and_ended_polls_stay_out_of_every_cache(client):
    code, secret = start_poll(client)
    for path in (f"/nl/stem/{code}", f"/nl/les/peiling/{code}/uitslag"):
        page = client.get(path)
        assert page.headers["Cache-Control"] == "no-store" and "ETag" not in page.headers
    control(client, code, secret, "stop")
    gone = refresh(client, f"/nl/les/peiling/{code}/uitslag")
    assert gone.status_code == 286 and gone.headers["Cache-Control"] == "no-store" and "ETag" not in gone.headers


def test_no_tag_tells_of_the_secret(client):
    code, secret = start_poll(client)
    tags = {
        refresh(client, f"/nl/les/peiling/{code}/uitslag").headers["ETag"],
        refresh(client, f"/nl/stem/{code}").headers["ETag"],
    }
    hashed = hashlib.sha256(secret.encode()).hexdigest()
    assert not [tag for tag in tags if secret[:8] in tag or hashed[:8] in tag]
