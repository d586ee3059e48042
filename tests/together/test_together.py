"""Together with your mentor and the mentor guide: every step and section in both languages, the links
they lead to, the help lines by id, and the content checks with file and line."""

import re

import pytest

from checkje.core import hosts
from checkje.core.settings import CATALOGUE_LANGUAGES, ROOT, WRITTEN_LANGUAGES
from checkje.lesson.qr import qr_svg
from checkje.together.fields import TALK_STEP
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
MY_RULES = {"nl": "Mijn regels", "en": "My rules"}
WHAT_I_CHANGED = {"nl": "Wat ik heb veranderd", "en": "What I changed"}


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


def test_friend_step_uses_the_quick_round_and_asks_after_each_part(client, lang):
    soup = get_ok(client, f"/{lang}/samen/vrienden")
    links = soup.select(".together-activities a")
    quick = _CONTENT.get("friendcheck/requests", lang)["quick_round"]
    assert [a["href"] for a in links] == [
        f"/{lang}/vriendencheck/snel/{quick['requests'][0]}?{TALK_STEP}=2",
        f"/{lang}/vriendencheck/mijn-regels?{TALK_STEP}=2",
    ], "the short route: the quick round, then the youth's own rules"
    after = soup.select_one(".mentor-panel__after")
    assert [dt.get_text(strip=True) for dt in after.find_all("dt")] == [a.get_text(strip=True) for a in links]
    assert all(dd.get_text(strip=True) for dd in after.find_all("dd"))


def test_settings_step_opens_each_walkthrough_at_its_most_important_steps(client, lang):
    soup = get_ok(client, f"/{lang}/samen/instellingen")
    expected = []
    for app in ("instagram", "snapchat", "whatsapp", "tiktok"):
        first = _CONTENT.get(f"walkthroughs/{app}", lang)["quick_steps"][0]
        expected.append(f"/{lang}/instellingen/{app}/{first}?{TALK_STEP}=3")
    assert [a["href"] for a in soup.select(".together-activities a")] == expected


def test_trusted_people_step_leads_to_my_people(client, lang):
    soup = get_ok(client, f"/{lang}/samen/mensen")
    assert f"/{lang}/mijn-mensen?{TALK_STEP}=5" in [a["href"] for a in soup.select(".together-activities a")]


def test_unknown_step_or_section_is_not_found(client, lang):
    assert client.get(f"/{lang}/samen/niet-hier").status_code == 404
    assert client.get(f"/{lang}/mentor/niet-hier").status_code == 404


def test_checklist_has_boxes_to_tick_and_nothing_to_send(client, lang):
    response = client.get(f"/{lang}/samen/klaar")
    soup = parse(response)
    assert "Set-Cookie" not in response.headers
    assert soup.select_one(".done-list").find(["form", "button"]) is None, "the checklist itself sends nothing"
    groups = soup.select(".done-list fieldset")
    assert len(groups) == len(STEPS[lang]["done"]["groups"])
    boxes = soup.select(".done-list input[type=checkbox]")
    assert boxes and all(not box.has_attr("name") for box in boxes), "nothing could be sent"
    headings = [h2.get_text(strip=True) for h2 in soup.select(".done-list legend h2")]
    assert headings[:2] == [MY_RULES[lang], WHAT_I_CHANGED[lang]], "the youth's own list, nothing imposed"
    # Issue 29, the talk #2: her own rules and apps are there for together.js to show, hidden; the general items show.
    rules = _CONTENT.get("friendcheck/check", lang)["my_rules"]["rules"]
    own_rules = soup.select("[data-talk-own=rules] [data-talk-item][hidden]")
    assert [item["data-talk-item"] for item in own_rules] == [rule["id"] for rule in rules]
    assert [item.label.get_text(strip=True) for item in own_rules] == [rule["text"] for rule in rules]
    own_apps = soup.select("[data-talk-own=settings] [data-talk-item][hidden]")
    assert [item["data-talk-item"] for item in own_apps] == ["instagram", "snapchat", "whatsapp", "tiktok"]
    did = {
        "nl": "Instagram: ik heb de belangrijkste instellingen veranderd",
        "en": "Instagram: I changed the most important settings",
    }
    assert own_apps[0].label.get_text(strip=True) == did[lang], "what I changed names the walkthroughs the talk opens"
    shown = [item.label.get_text(strip=True) for item in soup.select(".done-list .choice:not([hidden])")]
    general = [item for group in STEPS[lang]["done"]["groups"] for item in group["items"]]
    assert shown == general, "without script, a general list: not all seven rules and four apps"
    ids = [box["id"] for box in boxes]
    assert len(ids) == len(set(ids))


def test_checklist_offers_a_screenshot_print_and_a_code_that_carries_nothing_of_hers(client, lang):
    """Issue 29, the talk #2: a screenshot on her phone; print, or a QR code of this very page, on a shared screen."""
    soup = parse(client.get(f"/{lang}/samen/klaar"))
    keep = soup.select_one(".done-keep")
    assert [part["data-keep-on"] for part in keep.select("[data-keep-on]")] == ["phone", "shared"]
    shared = keep.select_one("[data-keep-on=shared]")
    assert shared.select_one("button[data-print]") and shared.select_one("svg.qr-code[role=img][aria-label]")
    assert STEPS[lang]["done"]["keep"]["to_phone"] == shared.h3.get_text(strip=True)
    code = shared.select_one("svg.qr-code")
    with APP.test_request_context():
        drawn = qr_svg(f"{hosts.address_for_phones()}/{lang}/samen/klaar", code["aria-label"])
    assert str(code) == str(parse(str(drawn)).svg), "the code holds the page's own address, nothing else"


def test_checklist_ends_in_the_sites_one_wipe(client, lang):
    """For a shared phone, tablet or laptop: the last step offers the one wipe, and it is the site's own."""
    soup = parse(client.get(f"/{lang}/samen/klaar"))
    (form,) = soup.find_all("form")
    assert form.has_attr("data-wipe") and form["method"] == "post" and form["action"] == f"/{lang}/veiligheid/wissen"
    assert STEPS[lang]["done"]["wipe"]["heading"] in soup.select_one(".done-wipe h2").get_text()
    assert form.find_parent("section").select_one("[role=status][data-wipe-status]")


def test_the_talk_never_says_it_keeps_nothing_on_the_phone(client, lang):
    """It keeps trusted people and rules on the phone: only the ticks are kept nowhere (issue 29)."""
    nowhere = {"nl": "Checkje bewaart hier niets", "en": "Checkje keeps none of this"}[lang]
    for url in (f"/{lang}/samen", f"/{lang}/samen/klaar", *(f"/{lang}/samen/{step}" for step in STEP_IDS)):
        assert nowhere not in parse(client.get(url)).get_text(" "), url


def test_guide_lists_every_section_and_the_print_version(client, lang):
    soup = get_ok(client, f"/{lang}/mentor")
    links = [a["href"] for a in soup.select(".guide-sections a")]
    assert links == [f"/{lang}/mentor/{section_id}" for section_id in SECTION_IDS]
    assert f"/{lang}/mentor/print" in [a["href"] for a in soup.find_all("a")]


def test_guide_covers_what_the_issue_asks():
    assert {
        "signalen",
        "handelen",
        "beroepsgeheim",
        "melden",
        "na-verlof",
        "jongens",
        "lovergirls",
        "praten",
        "vlaggen",
    } <= set(SECTION_IDS)


# --- Issue 29, the talk #5: the guide is complete for a Dutch youth-care mentor.


def test_the_flag_system_has_its_six_criteria_as_the_lesson_uses_them(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/vlaggen")
    criteria = [h3.get_text(strip=True) for h3 in soup.select("ol.guide-groups > li > h3")]
    lesson = next(slide for slide in _CONTENT.get("lesson/slides", lang)["slides"] if slide["id"] == "vlaggen")
    assert len(criteria) == len(lesson["points"]) == 6
    # Each criterion by its name in the guide, and as the lesson words it for pupils, in the same order.
    pairs = {
        "nl": [
            ("toestemming", "toestemming"),
            ("vrijwilligheid", "vrijwillig"),
            ("gelijkwaardigheid", "gelijkwaardig"),
            ("leeftijd of ontwikkeling", "leeftijd of ontwikkeling"),
            ("situatie", "plek"),
            ("zelfrespect", "respect voor jezelf"),
        ],
        "en": [
            ("consent", "consent"),
            ("free will", "free choice"),
            ("equality", "equal"),
            ("age or development", "age or development"),
            ("situation", "place"),
            ("self-respect", "respect for yourself"),
        ],
    }[lang]
    for criterion, point, (ours, theirs) in zip(criteria, lesson["points"], pairs, strict=True):
        assert ours in criterion.lower() and theirs in point.lower(), (criterion, point)
    text = soup.main.get_text(" ", strip=True)
    assert "Sensoa" in text and "Movisie" in text and "(2010)" in text, "the source, with its year, on the page"
    printed = get_ok(client, f"/{lang}/mentor/print").select_one("#print-vlaggen").find_parent("section")
    assert len(printed.li.get_text().split(",")) >= 6, "all six on the print"


def test_the_meldcode_steps_name_the_aandachtsfunctionaris(client, lang):
    for section_id in ("handelen", "melden"):
        steps = get_ok(client, f"/{lang}/mentor/{section_id}").select("ol.guide-groups > li")
        assert len(steps) == 5
        assert "aandachtsfunctionaris" in steps[1].get_text(), (section_id, "step 2: consult")
        assert "aandachtsfunctionaris" not in " ".join(step.get_text() for step in steps[2:])
    printed = get_ok(client, f"/{lang}/mentor/print").select("ol.guide-print__steps > li")
    assert len(printed) == 5 and "aandachtsfunctionaris" in printed[1].get_text(), "the five steps, numbered, on paper"


def test_the_printed_guide_has_blanks_for_local_contacts(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/print")
    contacts = soup.select_one(".guide-print__contacts")
    assert contacts.h2.get_text(strip=True) == GUIDE[lang]["print"]["contacts"]["heading"]
    blanks = contacts.select(".guide-print__blanks > li")
    assert [li.get_text(strip=True).rstrip(":") for li in blanks] == GUIDE[lang]["print"]["contacts"]["items"]
    assert all(li.select_one(".guide-print__blank:empty") for li in blanks)
    assert "aandachtsfunctionaris" in blanks[0].get_text().lower() and len(blanks) >= 5


def test_every_source_of_the_guide_names_a_date():
    for section in GUIDE["nl"]["sections"]:
        assert re.search(r"\b(19|20)\d\d\b", section["source"]), section["id"]


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_guide_section_shows_its_content(client, lang, section_id):
    section = next(section for section in GUIDE[lang]["sections"] if section["id"] == section_id)
    soup = get_ok(client, f"/{lang}/mentor/{section_id}")
    assert soup.h1.get_text(strip=True) == section["title"]
    headings = [heading.get_text(strip=True) for heading in soup.select("main h2, main h3")]
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
        dialled = {a["href"] for a in article.select(".helpline__actions a[href^='tel:']")}
        assert dialled == {f"tel:{phone['dial']}" for phone in line["phones"]}
    assert "watch" not in [article["id"] for article in articles], "WATCH stopped (Terre des Hommes, 2022)"
    for article in articles:
        assert article.select_one(".helpline__facts time[datetime]"), "each line shows the month of its source"


def test_print_version_has_every_section_and_the_reporting_numbers(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/print")
    assert soup.h1.get_text(strip=True) == GUIDE[lang]["print"]["title"]
    assert [h2.get_text(strip=True) for h2 in soup.select(".guide-print__columns h2")] == [
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
            "walkthrough: instagram",
            "walkthrough: insta",
            "walkthrough: insta",
            "steps[2].activities[0].walkthrough: 'insta' should be one of: instagram, snapchat, whatsapp, tiktok",
            id="unknown-walkthrough",
        ),
        pytest.param(
            "together/steps.yaml",
            "      - walkthrough: snapchat\n",
            "      - walkthrough: snapchat\n        page: snaps.demo\n",
            "walkthrough: snapchat",
            "steps[2].activities[1]: give exactly one of page, part, walkthrough, not page and walkthrough",
            id="two-targets",
        ),
        pytest.param(
            "together/steps.yaml",
            "    minutes: 7\n",
            "    minutes: 12\n",
            "steps:",
            "steps: the steps and the checklist take 33 minutes together; make them fit 20 to 30",
            id="talk-too-long",
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
            "sections[8].id: 'print' is the address of another page",
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


# --- What the issue asks of the talk's words and the guide's content.


def texts_of(value):
    """Every text a page may show from a piece of content, however deep (not ids or notes for maintainers)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, each in value.items():
            if key not in ("id", "source"):
                yield from texts_of(each)
    elif isinstance(value, list):
        for each in value:
            yield from texts_of(each)


def test_the_whole_talk_takes_20_to_30_minutes_and_each_step_says_how_long(client, lang):
    steps = STEPS[lang]
    total = sum(step["minutes"] for step in steps["steps"]) + steps["done"]["minutes"]
    assert 20 <= total <= 30
    start = get_ok(client, f"/{lang}/samen")
    assert str(total) in start.select_one(".together-time").get_text()
    shown = [span.get_text(strip=True) for span in start.select(".together-steps .together-minutes")]
    assert [int("".join(filter(str.isdigit, text))) for text in shown] == [s["minutes"] for s in steps["steps"]]
    for step in steps["steps"]:
        minutes = get_ok(client, f"/{lang}/samen/{step['id']}").select_one("main .together-minutes").get_text()
        assert str(step["minutes"]) in minutes


def test_the_youths_screen_speaks_to_the_youth(lang):
    """What the youth reads says you/je; talk about "the young person" belongs in the mentor's panel."""
    third_person = {"nl": ("de jongere", "jullie", "hij of zij"), "en": ("the young person", "the youth")}[lang]
    steps = STEPS[lang]
    youth_texts = [steps["intro"], steps["done"]["intro"], steps["done"]["outro"], steps["done"]["title"]]
    for step in steps["steps"]:
        youth_texts += [step["title"], step["body"], *step.get("questions", [])]
    for group in steps["done"]["groups"]:
        youth_texts += [group["heading"], *group.get("items", [])]
    for text in youth_texts:
        assert not [word for word in third_person if word in text.lower()], text


def test_the_mentors_questions_are_open_and_without_blame():
    for lang in WRITTEN_LANGUAGES:
        for step in STEPS[lang]["steps"]:
            for question in step["mentor"]["ask"]:
                assert "?" in question, question
    asked = [question for step in STEPS["nl"]["steps"] for question in step["mentor"]["ask"]]
    assert not [question for question in asked if "waardoor je hier bent" in question or "problemen" in question]


def test_english_says_signs_not_signals(client):
    for document in (STEPS["en"], GUIDE["en"]):
        assert not [text for text in texts_of(document) if "signal" in text.lower()]
    pages = ["/en/samen", "/en/mentor", "/en/mentor/print"] + [f"/en/mentor/{section_id}" for section_id in SECTION_IDS]
    for url in pages:
        assert "signal" not in get_ok(client, url).main.get_text().lower(), url


def test_every_text_of_the_guide_is_whole_sentences():
    for lang in WRITTEN_LANGUAGES:
        for section in GUIDE[lang]["sections"]:
            texts = [section["intro"], section.get("body", "")]
            texts += [item for group in section.get("lists", []) for item in group["items"]]
            texts += [line["when"] for line in section.get("lines", [])]
            for paragraph in (part.strip() for text in texts for part in text.split("\n") if part.strip()):
                assert paragraph[0].isupper() and paragraph[-1] in ".?!", (section["id"], paragraph)
    whens = [line["when"] for line in GUIDE["nl"]["sections"][SECTION_IDS.index("melden")]["lines"]]
    assert not [when for when in whens if when.startswith("Bij een vermoeden van mensenhandel of loverboys.")]


def test_where_to_report_covers_veilig_thuis_the_meldcode_and_when_to_use_which(client, lang):
    soup = get_ok(client, f"/{lang}/mentor/melden")
    text = soup.main.get_text(" ", strip=True)
    for name in ("Veilig Thuis", "Meldcode huiselijk geweld en kindermishandeling", "afwegingskader", "CoMensha"):
        assert name in text, name
    assert "Meld Misdaad Anoniem" in text and "Rijksoverheid" in text and "2013" in text and "2019" in text
    assert len(soup.select("ol.guide-groups > li")) == 5, "the meldcode's five steps, in order"
    veilig_thuis = soup.select_one("article.helpline#veilig-thuis")
    assert {a["href"] for a in veilig_thuis.find_all("a") if a["href"].startswith("tel:")} == {"tel:08002000"}
    whens = [when.get_text(strip=True) for when in soup.select(".guide-line__when")]
    assert len(whens) == len(REPORT_LINES) and all(whens), "each line says when to use it"
    printed = get_ok(client, f"/{lang}/mentor/print").select_one(".guide-print").get_text(" ", strip=True)
    assert "Veilig Thuis" in printed and "meldcode" in printed


# --- Issue 30, item 8: the facts of the guide as the sources have them in December 2026.


@pytest.mark.parametrize("url", [url for url in PAGE_URLS if url.split("/")[2] == "mentor"])
def test_no_page_of_the_guide_names_the_old_intelligence_unit(site, url):
    """The CIE has been Team Criminele Inlichtingen (TCI) since 2013, and it is not for acute danger."""
    assert not re.search(r"\bCIE\b", site(url).soup.main.get_text(" ")), url


def test_where_to_report_names_the_tci_and_not_for_acute_danger(client, lang):
    mma = get_ok(client, f"/{lang}/mentor/melden").select_one("#meld-misdaad-anoniem").find_parent(class_="guide-line")
    text = mma.get_text(" ", strip=True)
    assert "Team Criminele Inlichtingen (TCI)" in text
    assert {"nl": "niet voor acuut gevaar", "en": "not for acute danger"}[lang] in text


def test_signals_follow_the_seeds_and_name_what_was_missing(client, lang):
    """Seed 000 3.8 names pain or blood at the anus or vagina; seed 003 and 1.5 the signs that were left out."""
    text = get_ok(client, f"/{lang}/mentor/signalen").main.get_text(" ", strip=True)
    words = {
        "nl": (
            "anus",
            "vagina",
            "tatoeage",
            "merkteken",
            "bang voor de eigen vriend",
            "leeftijdsgenoten",
            "Spoedeisende Hulp",
            "vrije tijd",
        ),
        "en": ("anus", "vagina", "tattoo", "brand", "afraid of their boyfriend", "peers", "A&E", "free time"),
    }[lang]
    for said in words:
        assert said in text, said
    assert {"nl": "onderbuik", "en": "lower belly"}[lang] not in text


def test_the_estimate_of_boys_says_whose_and_when(client, lang):
    for url in (f"/{lang}/mentor/jongens", f"/{lang}/mentor/print"):
        text = get_ok(client, url).main.get_text(" ", strip=True)
        number = {"nl": "1.500", "en": "1,500"}[lang]
        sentence = next(part for part in re.split(r"(?<=[.!?)])\s", text) if number in part)
        assert "Movisie" in sentence and "2013" in sentence, (url, sentence)


def test_comensha_arranges_shelter_for_adults_only(client, lang):
    comensha = HELPLINES[lang]["comensha"]
    assert {"nl": "alleen voor volwassenen", "en": "for adults only"}[lang] in comensha["purpose"]
    assert comensha["source"]["month"] == "2017-03" and not comensha["source"].get("undated"), "the item has a date"
    reporting = get_ok(client, f"/{lang}/mentor/melden").main.get_text(" ", strip=True)
    assert {"nl": "opvang te regelen", "en": "to arrange shelter"}[lang] not in reporting
    assert {"nl": "alleen voor volwassenen", "en": "for adults only"}[lang] in reporting


@pytest.mark.parametrize("lang", CATALOGUE_LANGUAGES)
def test_in_a_youths_own_language_the_mentor_panel_links_to_the_step_in_dutch(client, lang):
    """The talk is in every language; the mentor may read only Dutch, so the panel leads to its Dutch twin,
    in Dutch words marked as Dutch, and to the Dutch guide (the talk tips live in the guide)."""
    step_id = STEP_IDS[1]
    soup = get_ok(client, f"/{lang}/samen/{step_id}")
    assert soup.html["lang"] == lang
    panel = soup.select_one("details.mentor-panel")
    links = {a["href"]: a for a in panel.find_all("a")}
    dutch = links[f"/nl/samen/{step_id}"]
    assert dutch["lang"] == dutch["hreflang"] == "nl" and dutch.get_text(strip=True)
    assert f"/nl/mentor?{TALK_STEP}=2" in links, "the Dutch guide, with the way back to this step"
    assert len(panel.find_all("ul")) == 3, "ask, listen for, avoid: the tips are on the Dutch page"
    dutch_panel = get_ok(client, f"/nl/samen/{step_id}").select_one("details.mentor-panel")
    assert len(dutch_panel.find_all("ul")) == 4 and f"/nl/samen/{step_id}" not in [
        a["href"] for a in dutch_panel.find_all("a")
    ]
