"""The help finder: every path in both languages, bad input, and the same result with and without htmx."""

import itertools

import pytest
from werkzeug.datastructures import MultiDict

from checkje.content.store import ContentError
from checkje.helpfinder.rules import read_answers, result_for
from tests.helpers import parse, replace_in, unlinked_calls_to_112
from tests.shared_app import build_content

# Every way through the questions, as form data, with the help lines it must end at.
UNDER_18, ADULT = "under-18", "18-or-older"
EXPECTED_LINES = {
    # (danger, sexual, age, image, home, anonymous, wish): lines. A photo comes first, then home, then what the
    # youth wants; a youth of 18 or older gets the lines for adults (StopNCII, De Luisterlijn), not the ones for
    # under-18s (De Kindertelefoon).
    **{
        ("no", "no", age, "yes", home, "yes", wish): lines
        for age, lines in (
            (UNDER_18, ["helpwanted", "take-it-down"]),
            (ADULT, ["helpwanted", "stopncii", "take-it-down"]),
        )
        for home in ("yes", "no")
        for wish in ("talk", "report")
    },
    **{
        ("no", "no", age, "yes", home, "no", "talk"): lines
        for age, lines in (
            (UNDER_18, ["helpwanted", "take-it-down"]),
            (ADULT, ["helpwanted", "stopncii", "take-it-down"]),
        )
        for home in ("yes", "no")
    },
    **{
        ("no", "no", age, "yes", home, "no", "report"): ["helpwanted", "politie"]
        for age in (UNDER_18, ADULT)
        for home in ("yes", "no")
    },
    **{
        ("no", "no", age, "no", "yes", anonymous, wish): ["veilig-thuis", other]
        for age, other in ((UNDER_18, "kindertelefoon"), (ADULT, "luisterlijn"))
        for anonymous in ("yes", "no")
        for wish in ("talk", "report")
    },
    **{("no", "no", age, "no", "no", "yes", "report"): ["meld-misdaad-anoniem", "fier"] for age in (UNDER_18, ADULT)},
    **{("no", "no", age, "no", "no", "no", "report"): ["politie", "fier"] for age in (UNDER_18, ADULT)},
    **{
        ("no", "no", age, "no", "no", anonymous, "talk"): ["fier", other]
        for age, other in ((UNDER_18, "kindertelefoon"), (ADULT, "luisterlijn"))
        for anonymous in ("yes", "no")
    },
}
QUESTIONS = ("danger", "sexual", "age", "image", "home", "anonymous", "wish")


def post_answers(client, lang, answers, **headers):
    data = dict(zip(QUESTIONS[: len(answers)], answers, strict=True))
    data["asked"] = QUESTIONS[len(answers) - 1]
    return client.post(f"/{lang}/hulpzoeker", data=data, headers=headers)


def shown_lines(soup):
    return [article["id"] for article in soup.select("#finder article.helpline")]


def test_expected_paths_cover_every_combination():
    yes_no = ["yes", "no"]
    combinations = itertools.product(["no"], ["no"], [UNDER_18, ADULT], yes_no, yes_no, yes_no, ["talk", "report"])
    assert set(combinations) == set(EXPECTED_LINES)


@pytest.mark.parametrize(("answers", "lines"), EXPECTED_LINES.items())
def test_every_path_ends_at_the_lines_that_fit(client, lang, answers, lines):
    response = post_answers(client, lang, answers)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    soup = parse(response)
    assert shown_lines(soup) == lines
    assert soup.find(id="finder-heading").get_text(strip=True)
    for article in soup.select("#finder article.helpline"):
        assert article.select(".helpline__actions a"), "each line can be reached in one tap"


def test_at_home_ends_at_veilig_thuis(client, lang):
    soup = parse(post_answers(client, lang, ("no", "no", UNDER_18, "no", "yes", "no", "talk")))
    assert shown_lines(soup) == ["veilig-thuis", "kindertelefoon"]
    assert soup.select_one("#veilig-thuis a[href='tel:08002000']")


def test_danger_stops_at_once_with_112(client, lang):
    soup = parse(post_answers(client, lang, ("yes",)))
    assert shown_lines(soup) == ["politie"]
    assert soup.select_one("#finder a[href='tel:112']")
    assert unlinked_calls_to_112(soup) == [], "the heading and the text call 112 in one tap too"
    assert not soup.select("#finder input[type=radio]")


@pytest.mark.parametrize("answered", range(1, 7))
def test_each_answer_leads_to_the_next_question(client, lang, answered):
    answers = ("no", "no", UNDER_18, "no", "no", "yes")[:answered]
    soup = parse(post_answers(client, lang, answers))
    radios = soup.select("#finder input[type=radio]")
    assert {radio["name"] for radio in radios} == {QUESTIONS[answered]}
    hidden = {field["name"]: field["value"] for field in soup.select("#finder input[type=hidden]")}
    assert hidden == {**dict(zip(QUESTIONS[: len(answers)], answers, strict=True)), "asked": QUESTIONS[answered]}


def test_sexual_violence_stops_at_once_with_centrum_seksueel_geweld(client, lang):
    """Issue 30, item 3: like danger, the second question ends at once, at 0800-0188, with no more questions."""
    soup = parse(post_answers(client, lang, ("no", "yes")))
    assert shown_lines(soup) == ["csg", "politie"]
    first = soup.select_one("#finder article#csg .helpline__actions a")
    assert first["href"] == "tel:08000188"
    assert not soup.select("#finder input[type=radio]")


def test_the_18_plus_lines_are_reached_and_say_who_they_are_for(client, lang):
    """Issue 30, item 4: a youth of 18 or older gets StopNCII and De Luisterlijn, each saying its age range."""
    reached = {line for answers, lines in EXPECTED_LINES.items() if answers[2] == ADULT for line in lines}
    assert {"stopncii", "luisterlijn"} <= reached and "kindertelefoon" not in reached
    under_18 = {line for answers, lines in EXPECTED_LINES.items() if answers[2] == UNDER_18 for line in lines}
    assert not {"stopncii", "luisterlijn"} & under_18
    photo = parse(post_answers(client, lang, ("no", "no", ADULT, "yes", "no", "yes", "talk")))
    ages = {"nl": ("18 of ouder", "jonger dan 18"), "en": ("18 or older", "under 18")}[lang]
    for line_id in ("stopncii", "take-it-down"):
        text = photo.select_one(f"#finder article#{line_id}").get_text(" ")
        assert all(age in text for age in ages), f"{line_id} says which photos it is for"
    talk = parse(post_answers(client, lang, ("no", "no", ADULT, "no", "no", "no", "talk")))
    luisterlijn = talk.select_one("#finder article#luisterlijn")
    assert luisterlijn.select_one(".helpline__actions a")["href"] == "tel:0880767000"
    assert {"nl": "18 of ouder", "en": "18 or older"}[lang] in luisterlijn.get_text(" ")
    kids = parse(post_answers(client, lang, ("no", "no", UNDER_18, "no", "no", "no", "talk")))
    assert {"nl": "8 tot 18", "en": "8 to 18"}[lang] in kids.select_one("#finder article#kindertelefoon").get_text()


def test_first_question_page(client, lang):
    response = client.get(f"/{lang}/hulpzoeker")
    soup = parse(response)
    form = soup.select_one("#finder form")
    assert form["method"] == "post" and form["action"] == f"/{lang}/hulpzoeker"
    assert form["data-hx-post"] == form["action"] and form["data-hx-target"] == "#finder"
    assert {radio["name"] for radio in form.select("input[type=radio]")} == {"danger"}
    assert soup.select_one("fieldset legend #finder-heading")


def test_no_answer_asks_again_with_a_clear_message(client, lang):
    response = client.post(f"/{lang}/hulpzoeker", data={"danger": "no", "sexual": "no", "asked": "age"})
    assert response.status_code == 400, "the form again, as htmx and a plain form both show it"
    soup = parse(response)
    summary = soup.select_one(".error-summary[role=alert]")
    assert summary and summary.a["href"] == f"#answer-age-{UNDER_18}"
    assert soup.find(id=f"answer-age-{UNDER_18}")
    assert {radio["name"] for radio in soup.select("#finder input[type=radio]")} == {"age"}


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({"danger": "maybe", "asked": "danger"}, 400),
        ({"danger": ["no", "yes"], "asked": "danger"}, 400),
        ({"image": "yes", "asked": "image"}, 400),
        ({"danger": "no", "image": "<script>", "asked": "image"}, 400),
        ({"asked": "nonsense"}, 400),
        ({}, 200),
    ],
)
def test_garbage_never_breaks_the_finder(client, form, status):
    """Garbage gets a question again (a 400 where an answer was asked for), never an error page."""
    response = client.post("/en/hulpzoeker", data=MultiDict(form))
    assert response.status_code == status
    soup = parse(response)
    assert soup.select("#finder input[type=radio]")
    assert "<script>" not in str(soup.select_one("#finder"))


def test_htmx_gets_only_the_finder_with_the_same_result(client, lang):
    answers = ("no", "no", ADULT, "yes", "no", "no", "report")
    full = parse(post_answers(client, lang, answers))
    response = post_answers(client, lang, answers, **{"HX-Request": "true"})
    fragment = parse(response)
    assert fragment.find("html") is None
    root = fragment.find(True)
    assert root["id"] == "finder"
    assert "HX-Request" in response.headers["Vary"]
    assert response.headers["Cache-Control"] == "no-store"
    assert shown_lines(fragment) == shown_lines(full)
    assert fragment.find(id="finder-heading").get_text() == full.find(id="finder-heading").get_text()


def test_read_answers_stops_at_the_first_gap(app):
    with app.test_request_context("/nl/hulpzoeker"):
        from checkje.content import content

        finder = content("helpfinder/questions")
    answers = read_answers(finder, MultiDict({"danger": "no", "anonymous": "yes", "wish": "talk"}))
    assert answers == {"danger": "no"}
    assert result_for(finder, answers) is None


def test_unreachable_result_stops_the_build(tmp_path, content_copy):
    finder = content_copy / "helpfinder" / "questions.yaml"
    replace_in(finder, "        result: danger\n", "")
    with pytest.raises(ContentError) as caught:
        build_content(content_copy, tmp_path / "content.db")
    lines = finder.read_text(encoding="utf-8").splitlines()
    danger_result = lines.index("  - id: danger", lines.index("results:")) + 1
    assert str(caught.value).splitlines() == [
        f"content/helpfinder/questions.yaml:{danger_result}: results[0]: "
        'no answer leads here: give it a "when", or name it in the "result" of an answer'
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    lines: [politie]\n", "    lines: [polite]\n", "results[0].lines[0]: 'polite' is not a help line id"),
        (
            "        result: danger\n",
            "        result: dangr\n",
            "questions[0].answers[0].result: 'dangr' is not a result id",
        ),
        (
            '      image: "yes"\n      wish: report',
            '      imag: "yes"\n      wish: report',
            "results[2].when.imag: 'imag' is not a question id",
        ),
        (
            '      wish: report\n      anonymous: "no"',
            '      wish: shout\n      anonymous: "no"',
            "results[2].when.wish: 'shout' is not an answer of 'wish'",
        ),
        (
            "      age: 18-or-older\n",
            "      age: adult\n",
            "results[3].when.age: 'adult' is not an answer of 'age'",
        ),
    ],
)
def test_broken_references_stop_the_build(tmp_path, content_copy, old, new, message):
    finder = content_copy / "helpfinder" / "questions.yaml"
    replace_in(finder, old, new)
    with pytest.raises(ContentError) as caught:
        build_content(content_copy, tmp_path / "content.db")
    (problem,) = [problem for problem in str(caught.value).splitlines() if message in problem]
    line = next(number for number, text in enumerate(finder.read_text().splitlines(), 1) if new.splitlines()[0] in text)
    assert problem.startswith(f"content/helpfinder/questions.yaml:{line}: ")


def test_the_page_carries_every_step_for_offline_and_no_answer(site, lang):
    """Offline the browser takes the steps the server would (static/js/helpfinder.js): every run of answers, by the
    answer ids so far, leads to the next question or a result."""
    import json

    soup = site(f"/{lang}/hulpzoeker").soup
    offline = json.loads(soup.select_one("script#finder-offline[type='application/json']").string)
    steps = offline["steps"]
    assert steps[""] == {"question": "danger"} and steps["yes"] == {"result": "danger"}
    assert steps["no yes"] == {"result": "sexual-violence"}
    assert steps["no no 18-or-older yes no no talk"] == {"result": "image-adult"}
    assert steps["no no under-18 no no yes report"] == {"result": "report-anonymous"}
    assert len(steps) == 67, "33 questions asked on the way, 34 ends"
    assert offline["order"] == ["danger", "sexual", "age", "image", "home", "anonymous", "wish"]
