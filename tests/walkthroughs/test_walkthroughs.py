"""Privacy walkthroughs: every app, step and language has its page; content and the report command."""

import datetime
import re

import pytest
from babel.dates import format_date
from flask import url_for

from app import create_app
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.pages.shapes import TILE_PAGES as PAGES
from checkje.walkthroughs.shapes import APPS
from tests.conftest import APP, PAGE_URLS, TEST_CONFIG
from tests.helpers import line_number_of, parse, problems_of, replace_in
from tests.shared_app import build_content

# The built test content, read once: {(app, lang): document}.
_STORE = APP.extensions["checkje.content"]
WALKTHROUGHS = {(app, lang): _STORE.get(f"walkthroughs/{app}", lang) for app in APPS for lang in WRITTEN_LANGUAGES}
OVERVIEW = {lang: _STORE.get("walkthroughs/overview", lang) for lang in WRITTEN_LANGUAGES}
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
        "nudity-protection",
        "reels-friends",
        "phone-location",
        "two-factor",
    },
    "snapchat": {
        "contact-me",
        "story",
        "snap-map",
        "find-friends",
        "activity-indicator",
        "family-center",
        "two-factor",
        "phone-number",
        "remove-friends",
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
        "username",
        "unknown-accounts",
        "chat-privacy",
    },
    "tiktok": {
        "private-account",
        "messages",
        "comments",
        "duet-stitch",
        "suggest-account",
        "location",
        "downloads",
        "family-pairing",
        "block-report",
    },
}

# What a step says it was checked against, as each language says it (templates/walkthroughs/checked.html).
CHECKED_AGAINST_WORDS = {
    "help-pages": {"nl": "de hulppagina's van {app}", "en": "{app}'s help pages"},
    "app-news": {"nl": "nieuws van {app} zelf", "en": "news from {app} itself"},
    "news": {"nl": "nieuwsberichten", "en": "news reports"},
    "guides": {"nl": "uitleg op andere websites", "en": "guides on other websites"},
    "phone": {"nl": "een echte telefoon", "en": "a real phone"},
}
CHECKED_LINE = {"nl": "Gecontroleerd met", "en": "Checked against"}


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
    # The apps come before any paragraph, each with its own drawing (not one icon for all).
    first_paragraph = soup.main.find("p", class_=lambda name: name != "tile__text")
    assert soup.select_one(".tiles") in first_paragraph.find_all_previous("ul")
    drawings = [use["href"].rsplit("#", 1)[1] for use in soup.select(".tile__link use")]
    assert drawings == [f"app-{app}" for app in APPS]
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
    assert_checked_line(soup.select_one(".checked"), document["name"], step, lang)
    done = soup.select_one(".step-done button[type=button][aria-pressed=false]")
    assert done["data-step"] == f"{name}/{step['id']}"


def assert_checked_line(checked, app_name, step, lang):
    """Month and year (sources give a month at best), and what the step was checked against, in words."""
    month = datetime.date.fromisoformat(step["checked"])
    assert checked.time["datetime"] == step["checked"][:7]
    assert text_of(checked.time) == format_date(month, "LLLL yyyy", locale=lang)
    said = text_of(checked)
    assert said.startswith(CHECKED_LINE[lang])
    for each in step["checked_against"]:
        assert CHECKED_AGAINST_WORDS[each][lang].format(app=app_name) in said


def test_no_step_carries_the_untested_disclaimer(client, lang):
    """The overview says once how steps are checked; a step says what it was checked against, not what it was not."""
    overview = parse(client.get(f"/{lang}/instellingen"))
    assert " ".join(OVERVIEW[lang]["how_checked"].split()) in text_of(overview.select_one(".how-checked"))
    for name in APPS:
        for step in WALKTHROUGHS[(name, lang)]["steps"]:
            page = text_of(parse(client.get(step_url(name, lang, step["id"]))).main)
            assert "getest" not in page and "not tested" not in page


def test_unknown_app_or_step_is_not_found(client):
    assert client.get("/nl/instellingen/myspace").status_code == 404
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
    # Snapchat's steps are the same on both phones, so its list asks nothing either.
    assert not parse(client.get("/en/instellingen/snapchat")).select("[data-phone-choice]")
    assert parse(client.get("/en/instellingen/instagram")).select("[data-phone-choice]"), "phone-location differs"


# --- Content: what it covers, and advice the facts call outdated.


@pytest.mark.parametrize("app", APPS)
def test_walkthrough_covers_the_issue_and_its_last_step_says_to_keep_evidence(app):
    """The build makes block-report every walkthrough's last step (LAST_STEP); it says to keep evidence too."""
    steps = WALKTHROUGHS[(app, "en")]["steps"]
    assert REQUIRED_STEPS[app] <= {step["id"] for step in steps}
    assert "evidence" in steps[-1]["title"]


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
    """The fact sheets say nothing was checked on a device, so no step says it was."""
    assert not any(
        "phone" in step["checked_against"] for document in WALKTHROUGHS.values() for step in document["steps"]
    )


@pytest.mark.parametrize("app", APPS)
def test_every_step_names_a_dated_source_and_what_it_was_checked_against(app):
    for step in WALKTHROUGHS[(app, "en")]["steps"]:
        assert re.search(r"\b20\d\d\b", step["source"]), f"{app}/{step['id']}: the source gives no date"
        assert step["checked_against"], f"{app}/{step['id']}"


def test_whatsapp_no_longer_says_the_number_cannot_be_hidden():
    """The facts: since 2026 a username means new contacts need not see your number."""
    for lang in WRITTEN_LANGUAGES:
        intro = WALKTHROUGHS[("whatsapp", lang)]["intro"]
        assert "niet verbergen" not in intro and "cannot hide" not in intro
    assert "username" in [step["id"] for step in WALKTHROUGHS[("whatsapp", "en")]["steps"]]


def test_whatsapp_usernames_are_reserved_now_and_work_later():
    """Issue 30, item 6: on 2026-06-29 only reservations opened; messaging by username comes later, country by
    country; people who have your number and your groups still see it. Android: Settings > Account."""
    for lang, words in {
        "nl": ("vastleggen", "later", "land voor land", "Nederland"),
        "en": ("reserve", "later", "country by country", "Netherlands"),
    }.items():
        document = WALKTHROUGHS[("whatsapp", lang)]
        for said in words:
            assert said in document["intro"], said
        step = next(step for step in document["steps"] if step["id"] == "username")
        assert {"nl": "vast", "en": "Reserve"}[lang] in step["title"]
        assert {"nl": "Later", "en": "Later"}[lang] in step["why"]
        assert {"nl": "groepen", "en": "groups"}[lang] in step["why"], "groups still see your number"
        assert [tap["label"] for tap in step["android"]][-1] == "Account"
        for old in ("Sinds 2026 kun je ook een gebruikersnaam kiezen", "Since 2026 you can also choose a username"):
            assert old not in document["intro"] + step["why"]
        assert "2026-06-29" in step["source"]


# --- The content build: a step without a date, a path or a translation stops it, with file and line.

FIRST_STEP_DATE = "    checked: 2026-12-01\n"
FIRST_STEP_CHECKED = FIRST_STEP_DATE + "    checked_against: [help-pages, news, guides]\n"


def cut(path, start, end):
    """Remove the text from `start` up to (not including) `end`."""
    text = path.read_text(encoding="utf-8")
    begin = text.index(start)
    path.write_text(text[:begin] + text[text.index(end, begin) :], encoding="utf-8")


def move_before(path, start, before):
    """Move the text from `start` to the end of the file to just before `before`."""
    text = path.read_text(encoding="utf-8")
    begin = text.index(start)
    rest, moved = text[:begin], text[begin:]
    at = rest.index(before)
    path.write_text(rest[:at] + moved + rest[at:], encoding="utf-8")


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
        lambda path: replace_in(path, FIRST_STEP_CHECKED, FIRST_STEP_DATE),
        "  - id: private-account",
        'steps[0]: "checked_against" is missing',
        id="step without checked against",
    ),
    pytest.param(
        "tiktok",
        lambda path: replace_in(path, "    checked_against: [help-pages]\n", "    checked_against: [tiktok-itself]\n"),
        "checked_against: [tiktok-itself]",
        "steps[0].checked_against[0]: 'tiktok-itself' should be one of: help-pages, app-news, news, guides, phone",
        id="unknown checked against",
    ),
    pytest.param(
        "tiktok",
        lambda path: replace_in(path, "    checked_against: [help-pages]\n", "    checked_against: [news, news]\n"),
        "checked_against: [news, news]",
        "steps[0].checked_against: 'news' is named twice",
        id="checked against named twice",
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
    pytest.param(
        "instagram",
        lambda path: move_before(path, "  - id: block-report", "  - id: two-factor"),
        "  - id: two-factor",
        f"steps[{len(WALKTHROUGHS[('instagram', 'nl')]['steps']) - 1}].id: the last step must be 'block-report' "
        "(block, report and keep evidence), not 'two-factor'",
        id="block-report not last",
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


@pytest.fixture
def app_without_reports(tmp_path):
    """The report lists "looks different" counts beside the steps: other tests' reports would reorder it."""
    return create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")})


def test_report_lists_every_step_with_its_date_and_age(app_without_reports):
    app = app_without_reports
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
    replace_in(content_copy / "walkthroughs" / "instagram.yaml", FIRST_STEP_CHECKED, new_lines)
    build_content(content_copy, tmp_path / "content.db")
    return create_app(
        {
            **TEST_CONFIG,
            "CONTENT_DIR": str(content_copy),
            "CONTENT_DB": str(tmp_path / "content.db"),
            "POLLS_DB": str(tmp_path / "polls.db"),
        }
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Checked against a real phone and Instagram's help pages, February 2026."),
        ("nl", "Gecontroleerd met een echte telefoon en de hulppagina's van Instagram, februari 2026."),
    ],
)
def test_a_step_tried_on_a_phone_says_so_with_month_and_year(tmp_path, content_copy, lang, line):
    fresh_app = app_with_first_step_changed(
        tmp_path, content_copy, "    checked: 2026-02-03\n    checked_against: [phone, help-pages]\n"
    )
    checked = parse(fresh_app.test_client().get(step_url("instagram", lang, "private-account"))).select_one(".checked")
    assert checked.time["datetime"] == "2026-02"
    assert text_of(checked).replace(" ,", ",").replace(" .", ".") == line


def test_report_flags_steps_older_than_the_limit(tmp_path, content_copy):
    fresh_app = app_with_first_step_changed(
        tmp_path, content_copy, "    checked: 2020-01-01\n    checked_against: [news]\n"
    )
    rows = report(fresh_app)[1:-1]
    assert "instagram/private-account" in rows[0] and rows[0].startswith("OLD")
    assert "against news " in rows[0]
    # A limit just above every other step's age flags only the one from 2020.
    today = datetime.date.today()
    others = [step for name, step in every_step() if (name, step["id"]) != ("instagram", "private-account")]
    limit = max((today - datetime.date.fromisoformat(step["checked"])).days for step in others)
    strict = report(fresh_app, "--max-age-days", str(limit))
    assert [row.split()[0] for row in strict[1:-1]] == ["OLD"] + ["ok"] * (len(rows) - 1)
    assert strict[-1] == f"{len(rows)} steps, 1 to check again on a phone (see the fact sheet's checklist)."


# --- Other areas name walkthrough steps ("tiktok/messages"): the build knows every app's steps, TikTok's too.

# (file, the reference as it is, the same place naming a TikTok step instead).
STEP_REFERENCES = [
    pytest.param("friendcheck/check.yaml", "settings: instagram/private-account", "settings: {}", id="friend check"),
    pytest.param("lesson/slides.yaml", "settings: [instagram/private-account,", "settings: [{},", id="lesson slide"),
]


@pytest.mark.parametrize(("file", "reference", "tiktok_reference"), STEP_REFERENCES)
def test_a_reference_to_a_tiktok_step_that_is_missing_stops_the_build(content_copy, file, reference, tiktok_reference):
    path = content_copy / file
    replace_in(path, reference, tiktok_reference.format("tiktok/no-such-step"))
    (problem,) = problems_of(content_copy)
    line = line_number_of(path, "tiktok/no-such-step")
    assert problem.startswith(f"content/{file}:{line}: ")
    assert "'tiktok/no-such-step' is not a step in content/walkthroughs/" in problem


@pytest.mark.parametrize(("file", "reference", "tiktok_reference"), STEP_REFERENCES)
def test_a_reference_to_a_tiktok_step_that_exists_builds(tmp_path, content_copy, file, reference, tiktok_reference):
    replace_in(content_copy / file, reference, tiktok_reference.format("tiktok/private-account"))
    assert build_content(content_copy, tmp_path / "content.db")


# --- Plain words (issue 18): hard words go, or come with an explanation.


def youth_texts(value):
    """Every text a youth reads in a walkthrough document (not the maintainers' sources)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() if key != "source" for text in youth_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in youth_texts(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("app", APPS)
def test_walkthroughs_use_no_hard_words_and_explain_the_second_lock(app):
    dutch = WALKTHROUGHS[(app, "nl")]
    said = " ".join(youth_texts(dutch)).lower()
    assert "afperser" not in said and "uitbuit" not in said
    for step in dutch["steps"]:
        if "tweestapsverificatie" in " ".join(youth_texts(step)).lower():
            assert "tweede slot" in step["why"], f"{app}/{step['id']} names the word without explaining it"
