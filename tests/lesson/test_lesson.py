"""Lesson mode for teachers: plan, slides and guide, and the build checks that tie them to the rest of Checkje."""

import pytest

from checkje.content.store import check_all
from checkje.core.settings import DEFAULTS
from checkje.lesson.poll_store import contract
from checkje.lesson.shapes import LESSON_MINUTES
from tests.conftest import PAGE_URLS
from tests.helpers import line_number_of, parse, problems_of, replace_in
from tests.shared_app import REGISTRY


@pytest.fixture(scope="module")
def documents():
    documents, problems = check_all(DEFAULTS["CONTENT_DIR"], REGISTRY)
    assert problems == []
    return documents


def test_the_plan_takes_50_minutes_and_shows_every_slide_once_in_order(documents):
    parts = documents["lesson/plan"]["parts"]
    assert sum(part["minutes"] for part in parts) == LESSON_MINUTES == 50
    slides = [slide["id"] for slide in documents["lesson/slides"]["slides"]]
    assert [slide for part in parts for slide in part["slides"]] == slides
    assert 8 <= len(slides) <= 12


def test_the_deck_draws_from_checkjes_own_content(documents):
    slides = documents["lesson/slides"]["slides"]
    kinds = {
        field for slide in slides for field in ("profile", "snaps", "settings", "statement", "lines") if field in slide
    }
    assert kinds == {"profile", "snaps", "settings", "statement", "lines"}
    assert slides[-1]["lines"], "the closing slide has the help lines"
    assert any("request" in statement for statement in documents["lesson/statements"]["statements"])


def test_the_guide_covers_preparation_disclosure_and_the_step_plan(documents):
    sections = [section["id"] for section in documents["lesson/guide"]["sections"]]
    assert {"voorbereiding", "als-een-leerling-iets-vertelt", "na-een-incident"} <= set(sections)
    assert documents["lesson/plan"]["goals"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_step_plan_names_the_meldcode_and_veilig_thuis(client, lang):
    """Issue 30: schools fall under the Wet verplichte meldcode; acute or structural unsafety goes to Veilig Thuis."""
    plan = parse(client.get(f"/{lang}/les/gids")).find("section", id="na-een-incident")
    text = plan.get_text(" ", strip=True)
    for name in ("Meldcode huiselijk geweld en kindermishandeling", "Wet verplichte meldcode", "Veilig Thuis"):
        assert name in text, name
    decide = next(li.get_text(" ", strip=True) for li in plan.select("li") if li.get_text(strip=True).startswith("5."))
    assert "Veilig Thuis" in decide and {"nl": "structureel onveilig", "en": "structurally unsafe"}[lang] in decide
    assert plan.select_one("a[href='tel:112']"), "danger now: 112 in one tap"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_flag_system_keeps_age_or_development(client, lang):
    """Seed 000 3.7: "Passend bij de leeftijd of ontwikkeling" (it matters for pupils with LVB)."""
    slide = parse(client.get(f"/{lang}/les/dia/vlaggen"))
    points = [li.get_text(" ", strip=True) for li in slide.select("main li")]
    assert any({"nl": "leeftijd of ontwikkeling", "en": "age or development"}[lang] in point for point in points)


def test_lesson_pages_are_listed_in_both_languages(documents):
    slides = [f"/les/dia/{slide['id']}" for slide in documents["lesson/slides"]["slides"]]
    for lang in ("nl", "en"):
        assert {f"/{lang}/les", f"/{lang}/les/gids", *(f"/{lang}{path}" for path in slides)} <= set(PAGE_URLS)


def test_the_start_page_has_the_plan_the_guide_and_a_poll_form(client):
    soup = parse(client.get("/nl/les"))
    parts = soup.select(".lesson-plan__part")
    assert len(parts) == 8
    assert soup.select_one("#plan-heading").get_text() == "Lesplan: 50 minuten"
    assert soup.find("a", href="/nl/les/gids") and soup.find("a", href="/nl/les/dia/start")
    form = soup.select_one(".lesson-poll form")
    assert form["method"] == "post" and form["action"] == "/nl/les/peiling"


def test_slides_link_one_after_another(client, documents):
    ids = [slide["id"] for slide in documents["lesson/slides"]["slides"]]
    for index, slide_id in enumerate(ids):
        soup = parse(client.get(f"/en/les/dia/{slide_id}"))
        assert soup.select_one(".step-count").get_text() == f"Slide {index + 1} of {len(ids)}"
        previous = soup.select_one(".step-nav a[rel=prev]")["href"]
        assert previous == (f"/en/les/dia/{ids[index - 1]}" if index else "/en/les")
        following = soup.select_one(".step-nav a[rel=next]")
        assert (following["href"] if following else None) == (
            f"/en/les/dia/{ids[index + 1]}" if index + 1 < len(ids) else None
        )


def test_slides_show_what_they_name(client):
    privacy = parse(client.get("/nl/les/dia/privacy"))
    assert privacy.find("a", href="/nl/instellingen/instagram/private-account")
    snaps = parse(client.get("/nl/les/dia/snaps"))
    assert snaps.find("a", href="/nl/snaps/screenshot")
    assert snaps.select_one(".slide__statement .step-count").get_text() == "Stelling 4 van 6"
    request = parse(client.get("/nl/les/dia/verzoek-een"))
    assert request.select_one(".request-card__name").get_text(strip=True) == "dylan_x_19"
    assert [item.get_text() for item in request.select(".slide__answers li")] == [
        "Accepteren",
        "Weigeren",
        "Eerst checken",
    ]
    help_slide = parse(client.get("/nl/les/dia/hulp"))
    assert help_slide.select(".help-card__lines li") and help_slide.find("a", href="tel:08007000")


def test_an_unknown_slide_is_a_friendly_404(client):
    response = client.get("/nl/les/dia/bestaat-niet")
    assert response.status_code == 404 and parse(response).find("h1")


def test_the_home_page_has_a_small_link_for_teachers(client):
    soup = parse(client.get("/nl/"))
    assert soup.select_one(".for-teachers a")["href"] == "/nl/les"
    assert not [tile for tile in soup.select(".tile a") if tile["href"] == "/nl/les"], "not a youth tile"


BROKEN = [
    (
        "lesson/plan.yaml",
        "    minutes: 4\n",
        "    minutes: 5\n",
        "  - id: start",
        "parts: the parts take 51 minutes; a lesson has 50",
    ),
    (
        "lesson/plan.yaml",
        "    slides: [jongens]\n",
        "    slides: [jongen]\n",
        "slides: [jongen]",
        "parts[4].slides[0]: 'jongen' is not a slide id",
    ),
    (
        "lesson/plan.yaml",
        "    slides: [privacy]\n",
        "    slides: [hulp]\n",
        None,
        "parts: the parts should show every slide once",
    ),
    (
        "lesson/slides.yaml",
        "    statement: likes\n",
        "    statement: like\n",
        "statement: like",
        "slides[1].statement: 'like' is not a statement id",
    ),
    (
        "lesson/slides.yaml",
        "tweede-telefoon, eenmalig-bekijken]",
        "tweede-telefoon, eenmalig]",
        "tweede-telefoon, eenmalig]",
        "slides[5].snaps[3]: 'eenmalig' is not a step id in content/snaps/demo.yaml",
    ),
    (
        "lesson/slides.yaml",
        "snapchat/snap-map,",
        "snapchat/snapkaart,",
        "snapchat/snapkaart,",
        "slides[9].settings[2]: 'snapchat/snapkaart' is not a step in content/walkthroughs/",
    ),
    (
        "lesson/slides.yaml",
        "[open-account, profielfoto,",
        "[open-account, foto,",
        "[open-account, foto,",
        "slides[2].profile[1]: 'foto' is not a profile item id",
    ),
    (
        "lesson/slides.yaml",
        "lines: [fier, helpwanted,",
        "lines: [fier, hulpwanted,",
        "lines: [fier, hulpwanted,",
        "slides[10].lines[1]: 'hulpwanted' is not a help line id",
    ),
    (
        "lesson/statements.yaml",
        "    request: klasgenoot\n",
        "    request: klasgenote\n",
        "request: klasgenote",
        "statements[2].request: 'klasgenote' is not a practice request id",
    ),
    (
        "lesson/statements.yaml",
        "    request: klasgenoot\n",
        "    request: klasgenoot\n    text:\n      nl: Twee\n      en: Two\n",
        None,
        'statements[2]: give a "text" or a "request", not both',
    ),
    (
        "lesson/guide.yaml",
        "lines: [fier, helpwanted, veilig",
        "lines: [fier, helpwant, veilig",
        "lines: [fier, helpwant, veilig",
        "sections[3].lines[1]: 'helpwant' is not a help line id",
    ),
    (
        "lesson/guide.yaml",
        "Dan stopt hij na {idle_minutes} minuten",
        "Dan stopt hij na {idle_minute} minuten",
        "Dan stopt hij na {idle_minute} minuten",
        "points[1].nl: {idle_minute} is not a placeholder this text may hold (it may hold: {idle_minutes}, "
        "{lifetime_hours})",
    ),
    (
        "lesson/plan.yaml",
        "  nl: Les voor de klas\n",
        "  nl: Les van {idle_minutes} minuten\n",
        "Les van {idle_minutes} minuten",
        "title.nl: {idle_minutes} is not a placeholder this text may hold (it may hold: none)",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "needle", "message"), BROKEN)
def test_broken_lesson_content_fails_the_build_with_file_and_place(content_copy, file, old, new, needle, message):
    """`needle` finds the line the problem should name, in the broken file."""
    path = content_copy / file
    replace_in(path, old, new)
    problems = problems_of(content_copy)
    matching = [problem for problem in problems if message in problem]
    assert matching, problems
    assert matching[0].startswith(f"content/{file}:")
    if needle:
        assert matching[0].startswith(f"content/{file}:{line_number_of(path, needle)}:")


@pytest.mark.parametrize(
    ("path", "minutes", "hours"),
    [
        ("/nl/les", "35 minuten", "3 uur"),
        ("/en/les", "35 minutes", "3 hours"),
        ("/nl/les/gids", "35 minuten", "3 uur"),
        ("/en/les/gids", "35 minutes", "3 hours"),
    ],
)
def test_the_poll_texts_say_the_poll_stores_time_limits(fresh_app, monkeypatch, path, minutes, hours):
    """The content says {idle_minutes} and {lifetime_hours}: the pages fill in the store's limits, whatever they are."""
    monkeypatch.setattr(contract, "IDLE_SECONDS", 35 * 60)
    monkeypatch.setattr(contract, "LIFETIME_SECONDS", 3 * 3600)
    text = parse(fresh_app.test_client().get(path)).get_text(" ")
    assert minutes in text and hours in text
    assert "{idle_minutes}" not in text and "{lifetime_hours}" not in text


def test_slides_are_a_presentation_without_site_chrome(client, documents):
    """No site header, help bar, read aloud or footer on a slide; quick exit stays (skip link and corner button)."""
    for slide in documents["lesson/slides"]["slides"]:
        soup = parse(client.get(f"/nl/les/dia/{slide['id']}"))
        assert not soup.select(".site-header, .help-bar, [data-read-aloud], .site-footer"), slide["id"]
        exits = soup.select("a[data-quick-exit]")
        assert [link.get("class") for link in exits] == [["skip-link"], ["quick-exit"]]
        assert soup.select_one(".slide-corner .quick-exit") is exits[1]
        deck = soup.select_one("main > [data-deck]")
        assert deck["data-deck-title"] == soup.title.get_text()
        assert deck.select_one("h1#slide-title")["tabindex"] == "-1", "focus moves to the new slide's title"


def test_without_a_poll_the_slides_move_by_plain_links(client):
    soup = parse(client.get("/nl/les/dia/vrienden"))
    assert not soup.select(".deck__nav form") and not soup.select("input[name=geheim]")
    following, previous = soup.select_one("a[data-deck-next]"), soup.select_one("a[data-deck-prev]")
    assert following["href"] == "/nl/les/dia/profiel" and following.has_attr("data-deck-move")
    assert previous["href"] == "/nl/les/dia/start" and previous.has_attr("data-deck-move")
    assert soup.select_one(".slide__vote-hint"), "without a poll the slide says how voting works"
    first = parse(client.get("/nl/les/dia/start")).select_one("a[data-deck-prev]")
    assert first["href"] == "/nl/les" and not first.has_attr("data-deck-move"), "the lesson plan is no slide"
    last = parse(client.get("/nl/les/dia/hulp")).select_one("a[data-deck-done]")
    assert last["href"] == "/nl/les" and not last.has_attr("data-deck-move")


def test_the_presentation_asks_for_only_the_slide(client):
    response = client.get("/nl/les/dia/vrienden", headers={"HX-Request": "true"})
    soup = parse(response)
    assert "<html" not in response.get_data(as_text=True) and soup.select_one("[data-deck] h1#slide-title")
    assert "HX-Request" in response.headers["Vary"]
