"""Privacy walkthroughs: every app, step and language has its page; content and the report command."""

import datetime

import pytest
from flask import url_for

from app import create_app
from checkje.core.settings import LANGUAGES
from checkje.pages.shapes import TILE_PAGES as PAGES
from checkje.walkthroughs.shapes import APPS
from tests.conftest import APP, PAGE_URLS, TEST_CONFIG
from tests.helpers import line_number_of, parse, problems_of, replace_in
from tests.shared_app import build_content

# The built test content, read once: {(app, lang): document}.
_STORE = APP.extensions["checkje.content"]
WALKTHROUGHS = {(app, lang): _STORE.get(f"walkthroughs/{app}", lang) for app in APPS for lang in LANGUAGES}
OVERVIEW = {lang: _STORE.get("walkthroughs/overview", lang) for lang in LANGUAGES}
STEPS = [
    (app, lang, index) for (app, lang), document in WALKTHROUGHS.items() for index in range(len(document["steps"]))
]

# What the issue asks each walkthrough to cover, by step id (ids are stable: other features link to them).
REQUIRED_STEPS = {
    "instagram": {
        "private-account",
        "messages",
        "tags-mentions",
        "hidden-words",
        "story-audience",
        "activity-status",
        "remove-followers",
        "restrict",
        "block-report",
        "location-posts",
        "location-map",
    },
    "snapchat": {
        "contact-me",
        "story",
        "snap-map",
        "find-friends",
        "activity-indicator",
        "family-center",
        "block-report",
    },
    "whatsapp": {
        "last-seen",
        "profile-photo",
        "about",
        "status",
        "groups",
        "read-receipts",
        "silence-unknown-callers",
        "two-step",
        "block-report",
        "privacy-checkup",
    },
}


def route_order(document):
    """The step ids as a youth meets them: the short route, then the other steps in file order."""
    quick = document["quick_steps"]
    return [*quick, *(step["id"] for step in document["steps"] if step["id"] not in quick)]


def step_url(app, lang, step_id, phone=None):
    return f"/{lang}/instellingen/{app}/{step_id}" + (f"?telefoon={phone}" if phone else "")


def text_of(element):
    return " ".join(element.get_text(" ", strip=True).split())


# --- Pages: listed, linked, and each step's page shows its content.


def test_every_walkthrough_page_is_listed_for_the_generic_tests():
    for (app, lang), document in WALKTHROUGHS.items():
        assert f"/{lang}/instellingen" in PAGE_URLS
        assert f"/{lang}/instellingen/{app}" in PAGE_URLS
        for step in document["steps"]:
            assert step_url(app, lang, step["id"]) in PAGE_URLS


def test_home_tile_leads_to_the_walkthroughs(client, lang):
    soup = parse(client.get(f"/{lang}/"))
    assert f"/{lang}/instellingen" in [a["href"] for a in soup.select(".tile__link")]


def test_every_tile_endpoint_exists(app):
    with app.test_request_context():
        assert [url_for(endpoint, lang="nl") for endpoint in PAGES]


def test_overview_offers_every_app_and_both_phones(client, lang):
    soup = parse(client.get(f"/{lang}/instellingen"))
    tiles = {a["href"]: text_of(a) for a in soup.select(".tile__link")}
    assert tiles == {f"/{lang}/instellingen/{app}": WALKTHROUGHS[(app, lang)]["name"] for app in APPS}
    choices = {a["data-phone-choice"]: a["href"] for a in soup.select("[data-phone-choice]")}
    assert choices == {
        "iphone": f"/{lang}/instellingen?telefoon=iphone",
        "android": f"/{lang}/instellingen?telefoon=android",
    }


def test_overview_keeps_the_chosen_phone_in_its_links(client):
    soup = parse(client.get("/en/instellingen?telefoon=android"))
    assert [a["href"] for a in soup.select(".tile__link")] == [
        f"/en/instellingen/{app}?telefoon=android" for app in APPS
    ]
    (current,) = soup.select('[data-phone-choice][aria-current="true"]')
    assert current["data-phone-choice"] == "android"


@pytest.mark.parametrize(("name", "lang"), list(WALKTHROUGHS))
def test_app_page_lists_its_steps_in_order_with_a_tick_each(client, name, lang):
    document = WALKTHROUGHS[(name, lang)]
    soup = parse(client.get(f"/{lang}/instellingen/{name}"))
    assert text_of(soup.h1) == document["title"]
    items = soup.select(".step-list__item")
    assert [item["id"] for item in items] == route_order(document), "the short route first, then the rest"
    steps = {step["id"]: step for step in document["steps"]}
    for item, step in zip(items, [steps[step_id] for step_id in route_order(document)], strict=True):
        link = item.select_one(".step-list__link")
        assert link["href"] == step_url(name, lang, step["id"])
        assert text_of(link) == step["title"]
        tick = item.select_one("input[type=checkbox]")
        assert tick["data-step"] == f"{name}/{step['id']}"
        assert step["title"] in text_of(soup.find("label", attrs={"for": tick["id"]}))
    assert soup.select_one("[data-forget]")
    assert soup.select_one('[role="status"][data-ticks-status]')
    assert soup.select_one(".walkthrough-end").find("a", href=f"/{lang}/hulp")


@pytest.mark.parametrize(("name", "lang", "index"), STEPS)
def test_step_page_shows_why_where_what_and_when(client, name, lang, index):
    document = WALKTHROUGHS[(name, lang)]
    step = document["steps"][index]
    soup = parse(client.get(step_url(name, lang, step["id"])))
    assert text_of(soup.h1) == step["title"]
    assert text_of(soup.select_one(".lead")) == " ".join(step["why"].split())
    paths = soup.select(".path")
    assert paths and all(path.select("ol.taps > li") for path in paths)
    if "taps" in step:
        for path in paths:
            assert text_of(path.select("ol.taps > li")[-1].strong) == step["taps"][-1]["label"]
    assert " ".join(step["choose"].split()) in text_of(soup.find("section", attrs={"aria-labelledby": "choose-title"}))
    # The drawing: one row per row in the content, its words as text; no words inside the SVG.
    rows = soup.select(".screen__row")
    assert [text_of(row.select_one(".screen__label")) for row in rows] == [
        row["label"] for row in step["screen"]["rows"]
    ]
    for row, content_row in zip(rows, step["screen"]["rows"], strict=True):
        assert bool(row.select(".visually-hidden")) == (content_row["mark"] not in {"plain", "unselected"}), (
            "a screen reader hears the state"
        )
    assert soup.select(".screen svg") and not soup.select(".screen svg text")
    checked = soup.select_one(".checked")
    assert checked.time["datetime"] == step["checked"][:7], "sources give a month at best: the page claims no day"
    assert OVERVIEW[lang]["checked_with"][step["checked_with"]] in text_of(checked)
    done = soup.select_one(".step-done button[type=button][aria-pressed=false]")
    assert done["data-step"] == f"{name}/{step['id']}"


def test_unknown_app_or_step_is_not_found(client):
    assert client.get("/nl/instellingen/tiktok").status_code == 404
    assert client.get("/nl/instellingen/instagram/no-such-step").status_code == 404


# --- iPhone or Android: in the address, so it works without JavaScript.


def test_without_a_phone_a_differing_step_shows_both_paths(client):
    soup = parse(client.get(step_url("whatsapp", "nl", "groups")))
    assert [path["data-phone"] for path in soup.select(".path")] == ["iphone", "android"]
    assert [text_of(path.h3) for path in soup.select(".path")] == ["Op een iPhone", "Op een Android-telefoon"]
    assert soup.select("[data-phone-choice]")


@pytest.mark.parametrize(("phone", "first_tap"), [("iphone", "Settings"), ("android", "More options")])
def test_a_chosen_phone_shows_only_its_path_and_keeps_it_in_links(client, phone, first_tap):
    soup = parse(client.get(step_url("whatsapp", "en", "groups", phone)))
    (path,) = soup.select(".path")
    assert path["data-phone"] == phone
    assert text_of(path.select_one("ol.taps > li").strong) == first_tap
    assert soup.select_one('.step-nav a[rel="next"]')["href"] == step_url("whatsapp", "en", "profile-photo", phone)
    assert soup.select_one(".crumb a")["href"] == f"/en/instellingen/whatsapp?telefoon={phone}#groups"


def test_an_unknown_phone_is_ignored(client):
    soup = parse(client.get(step_url("whatsapp", "en", "groups", "nokia")))
    assert len(soup.select(".path")) == 2


def test_a_step_that_is_the_same_on_both_phones_asks_nothing(client):
    soup = parse(client.get(step_url("instagram", "en", "private-account")))
    (path,) = soup.select(".path")
    assert not path.get("data-phone") and not path.h3
    assert not soup.select("[data-phone-choice]")
    assert not parse(client.get("/en/instellingen/instagram")).select("[data-phone-choice]")


# --- Content: what it covers, and advice the facts call outdated.


@pytest.mark.parametrize("app", APPS)
def test_walkthrough_covers_the_issue_and_ends_with_block_and_report(app):
    ids = [step["id"] for step in WALKTHROUGHS[(app, "en")]["steps"]]
    assert REQUIRED_STEPS[app] <= set(ids)
    assert ids[-1] == "block-report"
    assert "evidence" in WALKTHROUGHS[(app, "en")]["steps"][-1]["title"]


def test_whatsapp_uses_the_current_privacy_path():
    """The facts: "Settings > Account > Privacy" is outdated; Privacy sits right under Settings."""
    (privacy,) = [route for route in WALKTHROUGHS[("whatsapp", "en")]["routes"] if route["id"] == "privacy"]
    for phone in ("iphone", "android"):
        labels = [tap["label"] for tap in privacy[phone]]
        assert labels[-2:] == ["Settings", "Privacy"]
        assert "Account" not in labels


def test_snapchat_never_offers_contact_from_everyone():
    """The facts: teens cannot open Who Can Contact Me to everyone; do not tell them to switch from it."""
    (contact,) = [step for step in WALKTHROUGHS[("snapchat", "en")]["steps"] if step["id"] == "contact-me"]
    shown = [row["label"] for row in contact["screen"]["rows"]] + [contact["choose"]]
    assert not any("Everyone" in text for text in shown)


def test_no_step_claims_a_phone_test_that_was_not_done():
    """The fact sheet says nothing was checked on a device, so every step says it comes from sources."""
    assert {step["checked_with"] for document in WALKTHROUGHS.values() for step in document["steps"]} == {"sources"}


# --- The content build: a step without a date, a path or a translation stops it, with file and line.

FIRST_STEP_DATE = "    checked: 2025-10-31\n"


def cut(path, start, end):
    """Remove the text from `start` up to (not including) `end`."""
    text = path.read_text(encoding="utf-8")
    begin = text.index(start)
    path.write_text(text[:begin] + text[text.index(end, begin) :], encoding="utf-8")


ONE_TAP = "      - label:\n          nl: Extra\n          en: Extra\n"

# (file, how to break it, the line the problem is on, the problem after "file:line: ").
BROKEN_CONTENT = [
    pytest.param(
        "instagram",
        lambda path: replace_in(path, FIRST_STEP_DATE, ""),
        "  - id: private-account",
        'steps[0]: "checked" is missing',
        id="step without review date",
    ),
    pytest.param(
        "instagram",
        lambda path: cut(path, "    route: settings\n", "    choose:"),
        "  - id: private-account",
        'steps[0]: the path is missing: give a "route", "taps", or "iphone" and "android"',
        id="step without path",
    ),
    pytest.param(
        "instagram",
        lambda path: replace_in(path, "          en: Account privacy\n", ""),
        "nl: Accountprivacy",
        'steps[0].taps[0].label: the "en" text is missing',
        id="tap without translation",
    ),
    pytest.param(
        "snapchat",
        lambda path: replace_in(path, "    route: settings\n", "    route: setings\n"),
        "route: setings",
        "steps[0].route: 'setings' is not a route in this file (routes: settings)",
        id="unknown route",
    ),
    pytest.param(
        "whatsapp",
        lambda path: cut(path, "    android:\n", "  - id: account"),
        "  - id: privacy",
        'routes[0]: "android" taps are missing: where phones differ, give both',
        id="route for one phone only",
    ),
    pytest.param(
        "whatsapp",
        lambda path: replace_in(
            path, "    route: privacy\n    taps:\n", "    route: privacy\n    iphone:\n" + ONE_TAP + "    taps:\n"
        ),
        "  - id: groups",
        'steps[0]: give "taps" or "iphone" and "android", not both',
        id="shared and phone taps",
    ),
    pytest.param(
        "snapchat",
        lambda path: replace_in(path, "routes:\n", "routes:\n  - id: spare\n    taps:\n" + ONE_TAP),
        "  - id: spare",
        "routes[0].id: route 'spare' is not used by any step",
        id="unused route",
    ),
]


@pytest.mark.parametrize(("name", "break_it", "anchor", "problem"), BROKEN_CONTENT)
def test_broken_walkthrough_stops_the_build_with_file_and_line(content_copy, name, break_it, anchor, problem):
    path = content_copy / "walkthroughs" / f"{name}.yaml"
    break_it(path)
    assert problems_of(content_copy) == [f"content/walkthroughs/{name}.yaml:{line_number_of(path, anchor)}: {problem}"]


# --- The maintainer report.


def report(app, *args):
    result = app.test_cli_runner().invoke(args=["walkthrough-report", *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def every_step(lang="en"):
    return [(app, step) for app in APPS for step in WALKTHROUGHS[(app, lang)]["steps"]]


def test_report_lists_every_step_with_its_date_and_age(app):
    lines = report(app, "--max-age-days", "100000")
    rows = lines[1:-1]
    assert len(rows) == len(every_step())
    today = datetime.date.today()
    for row, (name, step) in zip(rows, every_step(), strict=True):
        flag, place, checked, age, *_ = row.split()
        assert (flag, place, checked) == ("ok", f"{name}/{step['id']}", step["checked"])
        assert int(age) == (today - datetime.date.fromisoformat(step["checked"])).days
    assert lines[-1] == f"{len(rows)} steps, 0 to check again on a phone (see the fact sheet's checklist)."


def app_with_first_step_changed(tmp_path, content_copy, new_lines):
    """An app whose Instagram private-account step has `new_lines` in place of its date."""
    replace_in(
        content_copy / "walkthroughs" / "instagram.yaml", FIRST_STEP_DATE + "    checked_with: sources\n", new_lines
    )
    build_content(content_copy, tmp_path / "content.db")
    return create_app({**TEST_CONFIG, "CONTENT_DIR": str(content_copy), "CONTENT_DB": str(tmp_path / "content.db")})


def test_a_step_tested_on_a_phone_shows_the_day(tmp_path, content_copy):
    fresh_app = app_with_first_step_changed(
        tmp_path, content_copy, "    checked: 2026-02-03\n    checked_with: phone\n"
    )
    checked = parse(fresh_app.test_client().get(step_url("instagram", "en", "private-account"))).select_one(".checked")
    assert checked.time["datetime"] == "2026-02-03"
    assert (
        text_of(checked).replace(" .", ".")
        == f"Tested on a phone: February 3, 2026. {OVERVIEW['en']['checked_with']['phone']}"
    )


def test_report_flags_steps_older_than_the_limit(tmp_path, content_copy):
    today = datetime.date.today().isoformat()
    fresh_app = app_with_first_step_changed(
        tmp_path, content_copy, f"    checked: {today}\n    checked_with: sources\n"
    )
    rows = report(fresh_app)[1:-1]
    assert "instagram/private-account" in rows[0] and rows[0].startswith("ok ")
    # With no days allowed, every step is old but the one checked today.
    strict = report(fresh_app, "--max-age-days", "0")
    assert [row.split()[0] for row in strict[1:-1]] == ["ok"] + ["OLD"] * (len(rows) - 1)
    assert (
        strict[-1] == f"{len(rows)} steps, {len(rows) - 1} to check again on a phone (see the fact sheet's checklist)."
    )
