"""Together with your mentor and the mentor guide: every step and section in both languages, the links
they lead to, the help lines by id, and the content checks with file and line."""

import pytest

from checkje.core.settings import ROOT, WRITTEN_LANGUAGES
from tests.conftest import APP, PAGE_URLS
from tests.helpers import line_number_of, parse, problems_of, replace_in

_CONTENT = APP.extensions["checkje.content"]
STEPS = {lang: _CONTENT.get("together/steps", lang) for lang in WRITTEN_LANGUAGES}
GUIDE = {lang: _CONTENT.get("together/guide", lang) for lang in WRITTEN_LANGUAGES}
HELPLINES = {
    lang: {line["id"]: line for line in _CONTENT.get("helpfinder/lines", lang)["lines"]} for lang in WRITTEN_LANGUAGES
}
STEP_IDS = [step["id"] for step in STEPS["nl"]["steps"]]
SECTION_IDS = [section["id"] for section in GUIDE["nl"]["sections"]]
PROGRESS = {"nl": "Stap {} van {}", "en": "Step {} of {}"}
MENTOR_PANEL = {"nl": "Voor de mentor", "en": "For the mentor"}
REPORT_LINES = ["politie", "veilig-thuis", "meld-misdaad-anoniem", "comensha"]


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response)


def test_every_page_is_listed_in_both_languages():
    for lang in WRITTEN_LANGUAGES:
        assert {f"/{lang}/samen", f"/{lang}/samen/klaar", f"/{lang}/mentor", f"/{lang}/mentor/print"} <= set(PAGE_URLS)
        assert {f"/{lang}/samen/{step_id}" for step_id in STEP_IDS} <= set(PAGE_URLS)
        assert {f"/{lang}/mentor/{section_id}" for section_id in SECTION_IDS} <= set(PAGE_URLS)


def test_the_talk_has_the_five_steps_of_the_issue():
    assert STEP_IDS == ["apps", "vrienden", "instellingen", "snaps", "mensen"]


def test_home_has_a_tile_for_the_talk_and_none_for_the_guide(client, lang):
    targets = [a["href"] for a in get_ok(client, f"/{lang}/").select(".tile__link")]
    assert f"/{lang}/samen" in targets
    assert not [target for target in targets if "/mentor" in target], "the home page stays for youths"


def test_start_page_lists_the_steps_in_order_and_leads_to_the_guide(client, lang):
    soup = get_ok(client, f"/{lang}/samen")
    steps = soup.select(".together-steps a")
    assert [a.get_text(strip=True) for a in steps] == [step["title"] for step in STEPS[lang]["steps"]]
    assert [a["href"] for a in steps] == [f"/{lang}/samen/{step_id}" for step_id in STEP_IDS]
    panel = soup.select_one("details.mentor-panel")
    assert panel.summary.get_text(strip=True) == MENTOR_PANEL[lang]
    assert f"/{lang}/mentor" in [a["href"] for a in panel.find_all("a")]


@pytest.mark.parametrize("index", range(len(STEP_IDS)), ids=STEP_IDS)
def test_step_shows_the_youths_screen_and_a_closed_mentor_panel(client, lang, index):
    step = STEPS[lang]["steps"][index]
    soup = get_ok(client, f"/{lang}/samen/{step['id']}")
    assert soup.select_one(".step-count").get_text(strip=True) == PROGRESS[lang].format(index + 1, len(STEP_IDS))
    assert soup.h1.get_text(strip=True) == step["title"]
    panel = soup.select_one("details.mentor-panel")
    assert not panel.has_attr("open"), "the youth's screen comes first"
    assert panel.summary.get_text(strip=True) == MENTOR_PANEL[lang]
    lists = [[li.get_text(strip=True) for li in ul.find_all("li")] for ul in panel.find_all("ul")]
    mentor = step["mentor"]
    tips = {tip["id"]: tip["text"] for tip in GUIDE[lang]["talk_tips"]}
    assert lists == [mentor["ask"], mentor["listen_for"], mentor["avoid"], [tips[tip] for tip in mentor["tips"]]]


@pytest.mark.parametrize("index", range(len(STEP_IDS)), ids=STEP_IDS)
def test_step_leads_back_and_on_and_ends_at_the_checklist(client, lang, index):
    soup = get_ok(client, f"/{lang}/samen/{STEP_IDS[index]}")
    previous = soup.select_one(".step-nav a[rel=prev]")["href"]
    following = soup.select_one(".step-nav a[rel=next]")["href"]
    assert previous == (f"/{lang}/samen/{STEP_IDS[index - 1]}" if index else f"/{lang}/samen")
    assert following == (
        f"/{lang}/samen/{STEP_IDS[index + 1]}" if index + 1 < len(STEP_IDS) else f"/{lang}/samen/klaar"
    )


@pytest.mark.parametrize("step_id", STEP_IDS)
def test_every_activity_opens_a_page_of_checkje(client, lang, step_id):
    soup = get_ok(client, f"/{lang}/samen/{step_id}")
    for link in soup.select(".together-activities a"):
        assert link["href"].startswith(f"/{lang}/"), link
        assert get_ok(client, link["href"]).h1, link["href"]


def test_friend_step_has_a_prompt_after_each_part_of_the_friend_check(client, lang):
    soup = get_ok(client, f"/{lang}/samen/vrienden")
    parts = [a.get_text(strip=True) for a in soup.select(".together-activities a")]
    assert len(parts) == 4
    assert [a["href"] for a in soup.select(".together-activities a")][0] == f"/{lang}/vriendencheck/mijn-regels-nu"
    after = soup.select_one(".mentor-panel__after")
    assert [dt.get_text(strip=True) for dt in after.find_all("dt")] == parts
    assert all(dd.get_text(strip=True) for dd in after.find_all("dd"))


def test_settings_step_links_to_the_walkthrough_steps_it_names(client, lang):
    soup = get_ok(client, f"/{lang}/samen/instellingen")
    (step,) = [step for step in STEPS[lang]["steps"] if step["id"] == "instellingen"]
    expected = [f"/{lang}/instellingen/{activity['setting']}" for activity in step["activities"]]
    assert [a["href"] for a in soup.select(".together-activities a")] == expected


def test_trusted_people_step_leads_to_my_people(client, lang):
    soup = get_ok(client, f"/{lang}/samen/mensen")
    assert f"/{lang}/mijn-mensen" in [a["href"] for a in soup.select(".together-activities a")]


def test_unknown_step_or_section_is_not_found(client, lang):
    assert client.get(f"/{lang}/samen/niet-hier").status_code == 404
    assert client.get(f"/{lang}/mentor/niet-hier").status_code == 404


def test_checklist_has_boxes_to_tick_and_nothing_to_send(client, lang):
    response = client.get(f"/{lang}/samen/klaar")
    soup = parse(response)
    assert "Set-Cookie" not in response.headers
    assert soup.find("form") is None and soup.find("button", type="submit") is None
    groups = soup.select(".done-list fieldset")
    assert len(groups) == len(STEPS[lang]["done"]["groups"])
    boxes = soup.select(".done-list input[type=checkbox]")
    assert boxes and all(not box.has_attr("name") for box in boxes), "nothing could be sent"
    labels = [label.get_text(strip=True) for label in soup.select(".done-list label")]
    rules = [rule["text"] for rule in _CONTENT.get("friendcheck/check", lang)["my_rules"]["rules"]]
    assert set(rules) <= set(labels), "the rules agreed come from the friend check itself"
    instagram = _CONTENT.get("walkthroughs/instagram", lang)
    private = next(step for step in instagram["steps"] if step["id"] == "private-account")
    assert f"Instagram: {private['title']}" in labels, "settings changed name the walkthrough steps"


def test_guide_lists_every_section_and_the_print_version(client, lang):
    soup = get_ok(client, f"/{lang}/mentor")
    links = [a["href"] for a in soup.select(".guide-sections a")]
    assert links == [f"/{lang}/mentor/{section_id}" for section_id in SECTION_IDS]
    assert f"/{lang}/mentor/print" in [a["href"] for a in soup.find_all("a")]


def test_guide_covers_what_the_issue_asks():
    assert {"signalen", "handelen", "beroepsgeheim", "melden", "na-verlof", "jongens", "lovergirls", "praten"} <= set(
        SECTION_IDS
    )


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_guide_section_shows_its_content(client, lang, section_id):
    section = next(section for section in GUIDE[lang]["sections"] if section["id"] == section_id)
    soup = get_ok(client, f"/{lang}/mentor/{section_id}")
    assert soup.h1.get_text(strip=True) == section["title"]
    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    for group in section.get("lists", []):
        assert group["heading"] in headings
    if section.get("numbered"):
        assert len(soup.select("ol.guide-groups > li")) == len(section["lists"])


def test_signals_are_grouped_as_in_the_seed(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/signalen")
    assert len(soup.select(".guide-groups > h2")) == 6


def test_reporting_section_shows_the_help_lines_by_id(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/melden")
    articles = soup.select("article.helpline")
    assert [article["id"] for article in articles] == REPORT_LINES
    for article in articles:
        line = HELPLINES[lang][article["id"]]
        dialled = {a["href"] for a in article.find_all("a") if a["href"].startswith("tel:")}
        assert dialled == {f"tel:{phone['dial']}" for phone in line["phones"]}
    assert "watch" not in [article["id"] for article in articles], "WATCH shows no sign of life since 2018"
    for article in articles:
        assert article.select_one(".helpline__facts time[datetime]"), "each line shows the month of its source"


def test_print_version_has_every_section_and_the_reporting_numbers(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/print")
    assert soup.h1.get_text(strip=True) == GUIDE[lang]["print"]["title"]
    assert [h2.get_text(strip=True) for h2 in soup.select(".guide-print h2")] == [
        section["title"] for section in GUIDE[lang]["sections"]
    ]
    dialled = {a["href"] for a in soup.select(".guide-print__lines a")}
    for line_id in REPORT_LINES:
        assert {f"tel:{phone['dial']}" for phone in HELPLINES[lang][line_id]["phones"]} <= dialled
    assert len(soup.select(".guide-print__lines time[datetime]")) == len(REPORT_LINES), "each with its source month"


def test_youth_help_page_leaves_out_lines_for_professionals(client, lang):
    listed = [article["id"] for article in get_ok(client, f"/{lang}/hulp").select("article.helpline")]
    assert "comensha" not in listed
    youth_lines = [line_id for line_id, line in HELPLINES[lang].items() if line.get("youth_line", True)]
    assert sorted(listed) == sorted(youth_lines)


def test_comensha_says_who_it_is_for_and_when_it_answers():
    comensha = HELPLINES["nl"]["comensha"]
    assert comensha["phones"][0]["dial"] == "0334481186"
    assert comensha["youth_line"] is False
    assert "dag en nacht" in comensha["hours"] and "Niet" in comensha["hours"], "the 24/7 pilot ended in 2017"
    assert comensha["source"]["month"] and comensha["source"]["detail"]


def test_together_content_copies_no_help_line_numbers():
    """Numbers live only in helplines.yaml: the talk and the guide name lines by id."""
    numbers = {
        phone[key] for line in HELPLINES["nl"].values() for phone in line.get("phones", []) for key in ("dial", "shown")
    }
    for path in (ROOT / "content" / "together").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert sorted(number for number in numbers if number in text) == [], path


# --- The build checks what the pages rely on, with file and line.


@pytest.mark.parametrize(
    ("edited", "old", "new", "marker", "problem"),
    [
        pytest.param(
            "together/steps.yaml",
            "setting: instagram/private-account",
            "setting: instagram/prive",
            "setting: instagram/prive",
            "steps[2].activities[0].setting: 'instagram/prive' is not a step in content/walkthroughs/instagram.yaml",
            id="unknown-walkthrough-step",
        ),
        pytest.param(
            "together/steps.yaml",
            "      - setting: snapchat/snap-map\n",
            "      - setting: snapchat/snap-map\n        page: snaps.demo\n",
            "setting: snapchat/snap-map",
            "steps[2].activities[3]: give exactly one of page, part, setting, not page and setting",
            id="two-targets",
        ),
        pytest.param(
            "together/steps.yaml",
            "tips: [kort, tijd, luister]",
            "tips: [kort, tijd, luisteren]",
            "tips: [kort, tijd, luisteren]",
            "steps[0].mentor.tips[2]: 'luisteren' is not a talk tip id in content/together/guide.yaml",
            id="unknown-talk-tip",
        ),
        pytest.param(
            "together/steps.yaml",
            "  - id: mensen\n",
            "  - id: klaar\n",
            "  - id: klaar",
            "steps[4].id: 'klaar' is the address of another page",
            id="step-takes-the-checklist-address",
        ),
        pytest.param(
            "together/steps.yaml",
            "      from: rules\n",
            "      from: rules\n      items:\n        - nl: Nog iets\n          en: Something else\n",
            "    - id: regels",
            'done.groups[1]: give either "items" or "from"',
            id="checklist-group-with-items-and-from",
        ),
        pytest.param(
            "together/guide.yaml",
            "      - id: comensha\n",
            "      - id: comenscha\n",
            "      - id: comenscha",
            "sections[3].lines[3].id: 'comenscha' is not a help line id in content/helpfinder/lines.yaml",
            id="unknown-help-line",
        ),
        pytest.param(
            "together/guide.yaml",
            "  - id: lovergirls\n",
            "  - id: print\n",
            "  - id: print",
            "sections[7].id: 'print' is the address of another page",
            id="section-takes-the-print-address",
        ),
    ],
)
def test_build_rejects_what_the_pages_cannot_show(content_copy, edited, old, new, marker, problem):
    replace_in(content_copy / edited, old, new)
    line = line_number_of(content_copy / edited, marker)
    expected = f"content/{edited}:{line}: {problem}"
    problems = problems_of(content_copy)
    assert [found for found in problems if found.startswith(expected)], problems
