"""Snaps can be saved: every step in both languages, the help it leads to, and the content checks."""

import re

import pytest

from checkje.core.settings import ROOT, WRITTEN_LANGUAGES
from checkje.snaps.shapes import SCENE_MOMENTS
from tests.conftest import APP, PAGE_URLS
from tests.helpers import line_number_of, parse, problems_of, replace_in

PROGRESS = {"nl": "Stap {} van {}", "en": "Step {} of {}"}


_CONTENT = APP.extensions["checkje.content"]


def document(name, lang):
    return _CONTENT.get(name, lang)


DEMO = {lang: document("snaps/demo", lang) for lang in WRITTEN_LANGUAGES}
HAPPENED = {lang: document("snaps/happened", lang) for lang in WRITTEN_LANGUAGES}
SAY_NO = {lang: document("snaps/say-no", lang) for lang in WRITTEN_LANGUAGES}
DEMO_STEPS = [(lang, index) for lang in WRITTEN_LANGUAGES for index in range(len(DEMO[lang]["steps"]))]
HAPPENED_STEPS = [(lang, index) for lang in WRITTEN_LANGUAGES for index in range(len(HAPPENED[lang]["steps"]))]


def steps_id(value):
    return f"{value[0]}-{value[1]}"


def test_every_step_is_listed_in_both_languages():
    for lang in WRITTEN_LANGUAGES:
        assert {f"/{lang}/snaps", f"/{lang}/het-is-gebeurd", f"/{lang}/nee-zeggen"} <= set(PAGE_URLS)
        for step in DEMO[lang]["steps"]:
            assert f"/{lang}/snaps/{step['id']}" in PAGE_URLS
        for step in HAPPENED[lang]["steps"]:
            assert f"/{lang}/het-is-gebeurd/{step['id']}" in PAGE_URLS


def test_the_demonstration_shows_every_way_a_snap_is_kept():
    scenes = [step.get("scene") for step in DEMO["nl"]["steps"]]
    assert scenes[0] == "countdown", "it starts with the snap that disappears"
    assert set(SCENE_MOMENTS) <= set(scenes), "every drawn scene is used"
    assert [step["id"] for step in DEMO["nl"]["steps"][-2:]] == ["waarom", "onthoud"], (
        "then why it matters, and what to remember"
    )


def nav_links(soup):
    nav = soup.find("nav", class_="step-nav")
    return {a["rel"][0]: a["href"] for a in nav.find_all("a")}


def step_page(client, lang_and_index, flow, documents):
    """A step's page, checked for what every step has: its title, where it is, and the way back and on."""
    lang, index = lang_and_index
    steps = documents[lang]["steps"]
    soup = parse(client.get(f"/{lang}/{flow}/{steps[index]['id']}"))
    assert soup.h1.get_text(strip=True) == steps[index]["title"]
    assert soup.select_one(".step-count").get_text(strip=True) == PROGRESS[lang].format(index + 1, len(steps))
    links = nav_links(soup)
    assert links["prev"] == (f"/{lang}/{flow}/{steps[index - 1]['id']}" if index else f"/{lang}/{flow}")
    assert links.get("next") == (f"/{lang}/{flow}/{steps[index + 1]['id']}" if index + 1 < len(steps) else None)
    return lang, steps[index], soup


@pytest.mark.parametrize("lang_and_index", DEMO_STEPS, ids=steps_id)
def test_demonstration_step(client, lang_and_index):
    lang, step, soup = step_page(client, lang_and_index, "snaps", DEMO)
    if step is DEMO[lang]["steps"][-1]:
        ends = {a["href"] for a in soup.select(".snap-links a")}
        assert {f"/{lang}/nee-zeggen", f"/{lang}/het-is-gebeurd", f"/{lang}/snaps"} <= ends

    stage = soup.find("section", class_="snap-stage")
    if "scene" not in step:
        assert stage is None and not soup.find("script", src=re.compile("snaps.js"))
        return
    moments = [li.get_text(strip=True) for li in stage.select("ol.snap-moments li")]
    assert moments == step["moments"]
    assert len(moments) == SCENE_MOMENTS[step["scene"]]
    assert stage.find(attrs={"role": "status"}) is not None, "each moment is announced"
    controls = stage.find(attrs={"data-snap-controls": True})
    assert controls.has_attr("hidden"), "no buttons that do nothing without the script"
    assert [button["type"] for button in controls.find_all("button")] == ["button", "button"]
    assert soup.find("script", src=re.compile(r"/static/js/snaps\.js"))["defer"] is not None
    if step.get("notice"):
        assert step["notice"] in soup.select_one(".snap-notice").get_text(" ", strip=True)


@pytest.mark.parametrize("scene", sorted(SCENE_MOMENTS))
def test_scene_is_a_drawing_without_words_and_shows_a_still_moment(client, scene):
    step = next(step for step in DEMO["nl"]["steps"] if step.get("scene") == scene)
    soup = parse(client.get(f"/nl/snaps/{step['id']}"))
    drawing = soup.select_one(".snap-stage svg.snap-art")
    assert drawing["aria-hidden"] == "true"
    assert drawing.find_all(["text", "foreignobject", "image"]) == [], "no words or photos inside the drawing"
    parts = soup.select(".snap-stage [data-moments]")
    assert parts, "the drawing has parts that come and go"
    still = 1 if scene == "countdown" else SCENE_MOMENTS[scene]
    for part in parts:
        shown_in = {int(number) for number in part["data-moments"].split()}
        assert shown_in <= set(range(1, SCENE_MOMENTS[scene] + 1)), part
        assert ("is-off" in part.get("class", [])) == (still not in shown_in), part


def test_countdown_without_script_shows_the_snap_still_there(client):
    soup = parse(client.get("/en/snaps/versturen"))
    assert "is-off" not in soup.select_one(".snap-art__snap")["class"]
    assert "is-off" in soup.select_one(".snap-art__gone")["class"]
    stage = soup.select_one("[data-snap-stage]")
    assert int(stage["data-countdown"]) == int(soup.select_one("[data-snap-timer]").get_text(strip=True)) > 0
    assert not stage.has_attr("data-autoplay"), "the youth starts the countdown"


def test_every_snaps_page_draws_without_words(client):
    for url in PAGE_URLS:
        if "/snaps" in url or "gebeurd" in url or "nee-zeggen" in url:
            assert parse(client.get(url)).find_all("text") == [], url


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_unknown_step_is_not_found(client, lang):
    assert client.get(f"/{lang}/snaps/bestaat-niet").status_code == 404
    assert client.get(f"/{lang}/het-is-gebeurd/bestaat-niet").status_code == 404


def help_entries(soup):
    """The ids of the lines in the "Help now" box, and every address its links go to."""
    box = soup.find("aside", class_="help-now")
    lines = [item["id"].removeprefix("help-now-") for item in box.select(".help-now__line")]
    return lines, {a["href"] for a in box.find_all("a")}


def test_happened_starts_with_not_your_fault_and_help(client, lang):
    soup = parse(client.get(f"/{lang}/het-is-gebeurd"))
    lead = soup.select_one(".lead").get_text(" ", strip=True)
    assert {"nl": "niet jouw schuld", "en": "not your fault"}[lang] in lead
    lines, links = help_entries(soup)
    assert lines == ["helpwanted", "take-it-down", "fier", "csg", "zelfmoordpreventie"]
    assert {"tel:0202615275", "https://takeitdown.ncmec.org/nl/", "tel:112"} <= links, "calls, not links to /hulp"
    assert "tel:08000188" in links, "Centrum Seksueel Geweld, one tap on the first page (issue 30, item 3)"
    # 113 on the first page, with one plain sentence on when (issue 30, item 2).
    suicide_line = soup.select_one(".help-now #help-now-zelfmoordpreventie")
    assert suicide_line.select_one("a[href='tel:113']")
    why = suicide_line.p.get_text(" ", strip=True)
    assert {"nl": "eind aan je leven", "en": "ending your life"}[lang] in why
    assert {"nl": "dag en nacht", "en": "day and night"}[lang] in why
    first = soup.select_one(".first-do")
    assert first.get_text(" ", strip=True).count(HAPPENED[lang]["first"]["text"]) == 1
    assert first.find_next("aside")["class"] == ["help-now"], "what to do first, then help at once"
    steps = [a["href"] for a in soup.select(".step-list a")]
    assert steps == [f"/{lang}/het-is-gebeurd/{step['id']}" for step in HAPPENED[lang]["steps"]]


def test_help_entries_exist_on_the_help_page(client, lang):
    help_page = parse(client.get(f"/{lang}/hulp"))
    lines, _ = help_entries(parse(client.get(f"/{lang}/het-is-gebeurd")))
    for line_id in lines:
        entry = help_page.find("article", id=line_id)
        assert entry is not None, line_id
        assert entry.select(".helpline__actions a"), "the entry has a one-tap way to reach the line"


@pytest.mark.parametrize("lang_and_index", HAPPENED_STEPS, ids=steps_id)
def test_happened_step(client, lang_and_index):
    lang, step, soup = step_page(client, lang_and_index, "het-is-gebeurd", HAPPENED)
    lines, links = help_entries(soup)
    assert lines == [entry["id"] for entry in HAPPENED[lang]["help"]], "the same help on every step"
    assert {"tel:112", "tel:0202615275", "tel:08000188"} <= links, "help is one tap away on every step"
    if step.get("help_here"):
        assert soup.select_one(".help-now").find_next("nav", class_="step-nav"), (
            "on the help step, the help comes before the way on"
        )
    sentences = [li.get_text(strip=True) for li in soup.select(".sentences li")]
    assert sentences == step.get("sentences", [])


def test_happened_covers_what_to_do(client):
    ids = [step["id"] for step in HAPPENED["nl"]["steps"]]
    assert ids == ["niet-betalen", "bewijs-bewaren", "blokkeren-en-melden", "vertel-het", "hulp"]
    tell = next(step for step in HAPPENED["en"]["steps"] if step["id"] == "vertel-het")
    assert len(tell["sentences"]) >= 3, "a few ready-made sentences to start the conversation"


def test_keep_the_evidence_says_it_can_vanish_so_screenshots_first(client, lang):
    """Issue 30, item 7: disappearing messages (WhatsApp), chats Snapchat deletes, Instagram: screenshots at once."""
    soup = parse(client.get(f"/{lang}/het-is-gebeurd/bewijs-bewaren"))
    paragraphs = [p.get_text(" ", strip=True) for p in soup.select("main p")]
    vanish = next(p for p in paragraphs if {"nl": "vanzelf verdwijnen", "en": "disappear by themselves"}[lang] in p)
    first = {"nl": "Maak meteen screenshots", "en": "Take screenshots of the messages right away"}[lang]
    assert vanish.startswith(first)
    for app in ("Snapchat", "WhatsApp", "Instagram"):
        assert app in vanish, app
    step = next(step for step in HAPPENED[lang]["steps"] if step["id"] == "bewijs-bewaren")
    assert "673193694148537" in step["source"], "the source of each fact is kept with the step"


def test_say_no_page(client, lang):
    soup = parse(client.get(f"/{lang}/nee-zeggen"))
    sections = soup.select("main section")
    situations = SAY_NO[lang]["situations"]
    assert [section.h2.get_text(strip=True) for section in sections] == [s["heading"] for s in situations]
    for section, situation in zip(sections, situations, strict=True):
        replies = [li.find("span").get_text(strip=True) for li in section.select(".replies li")]
        assert replies == situation["replies"]
        for li in section.select(".replies li"):
            button = li.select_one("button[data-reply]")
            assert button.has_attr("hidden"), "without a script there is no button, only the words to select"
            assert button["data-reply"] == button["aria-describedby"] == li.find("span")["id"]
    assert {f"/{lang}/het-is-gebeurd", f"/{lang}/snaps"} <= {a["href"] for a in soup.select(".snap-links a")}


def test_home_has_a_tile_for_the_demonstration_and_a_door_for_it_already_happened(client, lang):
    soup = parse(client.get(f"/{lang}/"))
    assert f"/{lang}/snaps" in [a["href"] for a in soup.select(".tile__link")]
    assert f"/{lang}/het-is-gebeurd" in [a["href"] for a in soup.select(".door")]


def test_snaps_content_copies_no_help_line_details():
    """Numbers and addresses live only in lines.yaml; our texts name no number of theirs (112 is everyone's)."""
    helplines = document("helpfinder/lines", "nl")
    numbers = set()
    for line in helplines["lines"]:
        numbers |= {phone["dial"] for phone in line.get("phones", [])}
        numbers |= {phone["shown"] for phone in line.get("phones", [])}
    numbers.discard(helplines["emergency"]["dial"])
    for path in (ROOT / "content" / "snaps").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert [number for number in numbers if number in text] == [], path
        assert "https://" not in text, path


# --- The build checks what the pages rely on, with file and line.


@pytest.mark.parametrize(
    ("edited", "old", "new", "reported", "marker", "problem"),
    [
        pytest.param(
            "snaps/demo.yaml",
            "      - nl: Jouw snap staat open.\n        en: Your snap is open.\n",
            "",
            "snaps/demo.yaml",
            "  - id: screenshot",
            'steps[1].moments: the scene "screenshot" shows 3 moments; write one sentence for each, not 2',
            id="moments-do-not-fit-the-scene",
        ),
        pytest.param(
            "snaps/demo.yaml",
            "    scene: recording\n",
            "",
            "snaps/demo.yaml",
            "  - id: schermopname",
            'steps[2].moments: moments need a "scene" to describe',
            id="moments-without-a-scene",
        ),
        pytest.param(
            "snaps/demo.yaml",
            "scene: recording",
            "scene: hologram",
            "snaps/demo.yaml",
            "scene: hologram",
            "steps[2].scene: 'hologram' should be one of: countdown",
            id="unknown-scene",
        ),
        pytest.param(
            "snaps/happened.yaml",
            "  - id: fier\n",
            "  - id: feir\n",
            "snaps/happened.yaml",
            "  - id: feir",
            "help[2].id: 'feir' is not a help line id in content/helpfinder/lines.yaml",
            id="unknown-help-line",
        ),
        pytest.param(
            "helpfinder/lines.yaml",
            "  - id: take-it-down",
            "  - id: take-down",
            "snaps/happened.yaml",
            "  - id: take-it-down",
            "help[1].id: 'take-it-down' is not a help line id in content/helpfinder/lines.yaml",
            id="help-line-renamed-in-helplines",
        ),
    ],
)
def test_build_rejects_what_the_pages_cannot_show(content_copy, edited, old, new, reported, marker, problem):
    replace_in(content_copy / edited, old, new)
    line = line_number_of(content_copy / reported, marker)
    expected = f"content/{reported}:{line}: {problem}"
    assert [found for found in problems_of(content_copy) if found.startswith(expected)]


def test_save_in_chat_says_only_snaps_without_a_time_limit_can_be_saved():
    """The December 2026 fact sheet: a snap sent with a time limit cannot be saved in the chat."""
    (step,) = [step for step in DEMO["en"]["steps"] if step["id"] == "bewaren-in-de-chat"]
    assert "no time limit" in step["body"] and "with a time limit cannot be saved" in step["body"]
    (dutch,) = [step for step in DEMO["nl"]["steps"] if step["id"] == "bewaren-in-de-chat"]
    assert "zonder tijdslimiet" in dutch["body"] and "met een tijdslimiet kan niet" in dutch["body"]
