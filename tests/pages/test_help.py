"""The help page starts with the answer, every line shows where its details come from, and 112 is always a call."""

import re

import pytest

from checkje.core.settings import LANGUAGES
from tests.helpers import line_number_of, parse, problems_of, replace_in, unlinked_calls_to_112
from tests.shared_app import document

HELP = {lang: document("pages/help", lang) for lang in LANGUAGES}
LINES = {lang: {line["id"]: line for line in document("helpfinder/lines", lang)["lines"]} for lang in LANGUAGES}
WORDS = {lang: {word["id"]: word for word in document("pages/words", lang)["words"]} for lang in LANGUAGES}


@pytest.fixture
def help_page(site, lang):
    rendered = site(f"/{lang}/hulp")
    assert rendered.status_code == 200
    return rendered.soup.find("main")


def first_action(article):
    """The first one-tap way to reach a line: its address, and whether it calls or chats."""
    link = article.select_one(".helpline__actions a")
    line = LINES["nl"][article["id"]]
    return link["href"], link["href"].startswith("tel:") or link["href"] == line.get("chat")


def test_the_first_screen_offers_a_line_the_finder_and_the_doors(help_page, lang):
    """Issue 28: a line to call or chat (not 112) right under the title, then the help finder, then the doors: those to
    other pages as on home, then one for each situation of this page. No help line's card comes before them."""
    after_the_heading = [tag for tag in help_page.find_all(recursive=False) if tag.name not in ("h1", "div")]
    lead, talk_now, finder, doors = after_the_heading[:4]
    assert lead.name == "p" and "lead" in lead["class"]
    calls = [a["href"] for a in talk_now.select(".helpline__actions a")]
    line = LINES[lang][HELP[lang]["talk_now"]["line"]]
    assert calls == [f"tel:{line['phones'][0]['dial']}", line["chat"]] and "tel:112" not in calls
    assert line["hours"] in talk_now.get_text(" ", strip=True), "when it is open"
    assert talk_now.select_one(f"a[href='#{HELP[lang]['talk_now']['older']['line']}']"), "18 and older: their line"
    assert finder.a["href"] == f"/{lang}/hulpzoeker"
    assert doors.name == "nav" and "doors" in doors["class"]
    situations = HELP[lang]["situations"]
    assert [a["href"] for a in doors.select("a")] == [f"/{lang}/nee-zeggen"] + [f"#{s['id']}" for s in situations]
    texts = [door["text"] for door in HELP[lang]["doors"]] + [situation["choice"] for situation in situations]
    assert [a.get_text(strip=True) for a in doors.select("a")] == [text + "→" for text in texts]
    assert [a["href"] for a in doors.select(".door--crisis")] == ["#foto", "#gevaar"]
    assert not doors.find_previous("article"), "no help line's card comes before the doors"


def test_each_choice_leads_to_a_call_or_chat_of_a_line_that_fits(help_page, lang):
    for situation in HELP[lang]["situations"]:
        section = help_page.find("section", id=situation["id"])
        assert section is not None, situation["id"]
        articles = section.select("article.helpline")
        assert [article["id"] for article in articles] == situation["lines"]
        href, calls_or_chats = first_action(articles[0])
        assert calls_or_chats, f"{situation['id']}: the first action is {href}, not a call or a chat"


def test_the_first_action_for_each_need(help_page):
    firsts = {
        section["id"]: first_action(section.select_one("article.helpline"))[0]
        for section in help_page.select("section.situation")
    }
    assert firsts["foto"] == "tel:0202615275", "Helpwanted comes first for photos"
    assert firsts["loverboy"] == LINES["nl"]["fier"]["chat"], "a loverboy: Fier's chat, a line that certainly answers"
    assert firsts["gevaar"] == "tel:112"
    assert firsts["thuis"] == "tel:08002000", "Veilig Thuis for something at home"
    assert firsts["seksueel-geweld"] == "tel:08000188", "Centrum Seksueel Geweld for sexual violence"


def test_centrum_seksueel_geweld_is_one_tap_away(help_page, lang):
    """Issue 30, item 3: 0800-0188, free and day and night, in its own situation, with its source and month."""
    section = help_page.find("section", id="seksueel-geweld")
    csg = section.find("article", id="csg")
    assert csg.select_one(".helpline__actions a")["href"] == "tel:08000188"
    assert "0800-0188" in csg.select_one(".helpline__actions a").get_text()
    assert {"nl": "Dag en nacht", "en": "Day and night"}[lang] in csg.select_one(".helpline__facts").get_text()
    assert {"nl": "7 dagen", "en": "7 days"}[lang] in csg.get_text(), "soon after, it matters: within 7 days"
    assert csg.select_one(".helpline__facts time")["datetime"] == "2022-11"


def test_watch_is_named_as_stopped_and_links_nowhere(help_page, lang):
    """WATCH stopped (Terre des Hommes, 2022-09-09): named, said to have stopped, and no link to its old domain."""
    watch = help_page.find("article", id="watch")
    assert watch.find_parent("section")["id"] == "loverboy"
    assert watch is not help_page.select_one("#loverboy article.helpline"), "WATCH is never the first line"
    assert watch.h3.get_text(strip=True) == "WATCH Nederland"
    said_first = watch.h3.find_next_sibling()
    assert "helpline__stopped" in said_first["class"], "that it stopped comes before anything to tap"
    assert {"nl": "gestopt", "en": "stopped"}[lang] in said_first.get_text()
    links = [a["href"] for a in watch.find_all("a")]
    assert not [href for href in links if "watch" in href.lower()], "no link to WATCH's old domain or number"
    text = watch.get_text(" ", strip=True)
    assert "088-208" not in text and "0882080044" not in text
    for fact in ("2017", "2021", "Fier", "CKM", "Terre des Hommes"):
        assert fact in text, fact
    assert not re.search(r"Fier (hoort bij|is part of) WATCH", help_page.get_text(" ")), "WATCH was run by Fier"
    assert watch.select_one(".helpline__facts time")["datetime"] == "2022-09"


def test_watch_offers_one_tap_to_the_lines_that_do_its_work_now(help_page, lang):
    """Fier's chat, Meld Misdaad Anoniem's number and the police's numbers, each named, right under "stopped"."""
    watch = help_page.find("article", id="watch")
    offered = watch.select(".helpline__instead > li")
    assert [item.strong.get_text(strip=True) for item in offered] == ["Fier", "Meld Misdaad Anoniem", "Politie"]
    fier, mma, police = ([a["href"] for a in item.select(".helpline__actions a")] for item in offered)
    assert fier == [LINES[lang]["fier"]["chat"]]
    assert mma == ["tel:08007000"]
    assert police == ["tel:112", "tel:09008844"]
    assert offered[0].find_previous_sibling() is None and watch.select_one(".helpline__instead").find_previous(
        "p"
    ) is watch.select_one(".helpline__stopped"), "the way on comes right after the word that it stopped"


def test_veilig_thuis_and_take_it_down_are_there(help_page):
    veilig_thuis = help_page.select_one("#thuis article#veilig-thuis")
    assert veilig_thuis.select_one("a[href='tel:08002000']")
    take_it_down = help_page.select_one("#foto article#take-it-down")
    assert [a["href"] for a in take_it_down.select(".helpline__actions a")] == ["https://takeitdown.ncmec.org/nl/"]
    assert take_it_down.find_previous("article")["id"] == "helpwanted", "beside Helpwanted"


def test_take_it_down_is_also_for_a_threat_and_stopncii_for_adults(help_page, lang):
    """Issue 30, items 4 and 5: Take It Down also when someone only threatens, with the photo on your own phone;
    StopNCII (named in nl and en) for a photo from when you were 18 or older; each says which photos it is for."""
    photo = help_page.find("section", id="foto")
    assert [article["id"] for article in photo.select("article.helpline")] == ["helpwanted", "take-it-down", "stopncii"]
    take_it_down = photo.find("article", id="take-it-down").get_text(" ", strip=True)
    words = {
        "nl": ("bang dat het online komt", "op je eigen telefoon", "jonger dan 18 op de foto", "StopNCII"),
        "en": ("afraid it will be", "on your own phone", "under 18 in the photo", "StopNCII"),
    }[lang]
    for said in words:
        assert said in take_it_down, said
    stopncii = photo.find("article", id="stopncii")
    assert stopncii.h3.get_text(strip=True) == "StopNCII"
    assert [a["href"] for a in stopncii.select(".helpline__actions a")] == ["https://stopncii.org/"]
    assert {"nl": "18 of ouder op de", "en": "18 or older in the"}[lang] in stopncii.get_text(" ")
    assert stopncii.select_one(".helpline__facts time")["datetime"] == "2026-12"


def test_de_luisterlijn_is_there_for_18_and_older(help_page, lang):
    luisterlijn = help_page.select_one("#vertellen article#luisterlijn")
    assert luisterlijn.select_one(".helpline__actions a")["href"] == "tel:0880767000"
    text = luisterlijn.get_text(" ", strip=True)
    assert {"nl": "18 of ouder", "en": "18 or older"}[lang] in text
    assert {"nl": "niet gratis", "en": "not free"}[lang] in text, "it costs money to call: say so"


def test_each_line_folds_its_source_and_month_away_below_the_action(help_page, lang):
    """Name, action, what it is for, when and languages show; the source and its month are one tap away."""
    for article in help_page.select("article.helpline"):
        line = LINES[lang][article["id"]]
        more = article.select_one("details.helpline__more")
        assert more.summary.get_text(strip=True) == {"nl": "Meer weten", "en": "More about it"}[lang]
        assert more.find_previous_sibling("ul", class_=["helpline__actions", "helpline__instead"]), "after the action"
        month = more.select_one("dl.helpline__facts time")
        assert month["datetime"] == line["source"]["month"]
        assert re.fullmatch(r"\w+ 20\d\d", month.get_text(strip=True)), "a month and a year, no day"
        assert line["source"]["shown"] in more.get_text(" ", strip=True)
        if "stopped" not in line:
            shown = article.select_one("dl.helpline__facts")
            assert not shown.find_parent("details") and shown.find_next_sibling("details") is more


def test_each_line_says_which_languages_it_speaks_and_where_english_is_fine(help_page, lang):
    """Issue 28: the languages, shown; Helpwanted says you may call or chat in English (its source says so)."""
    word = {"nl": "Talen", "en": "Languages"}[lang]
    for article in help_page.select("article.helpline:not(.helpline--stopped)"):
        facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select(".helpline__facts dt")}
        assert facts[word].get_text(strip=True), article["id"]
    helpwanted = help_page.find("article", id="helpwanted").select_one(".helpline__facts").get_text(" ")
    assert {"nl": "in het Engels bellen of chatten", "en": "call or chat in English"}[lang] in helpwanted


def test_each_line_says_when_it_is_open_or_what_to_do_when_nobody_knows(help_page, lang):
    """Issue 30, item 10: the hours, or "we do not know: try, or call 112 in danger" with 112 one tap away."""
    unknown = re.compile({"nl": r"(we weten|weten we) niet", "en": r"we do not know"}[lang], re.IGNORECASE)
    for article in help_page.select("article.helpline:not(.helpline--stopped)"):
        facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select(".helpline__facts dt")}
        when = facts[{"nl": "Wanneer", "en": "When"}[lang]]
        assert when.get_text(strip=True), article["id"]
        if unknown.search(when.get_text()):
            assert when.select_one("a[href='tel:112']"), f"{article['id']}: times unknown, so 112 in one tap"
    for line_id in ("helpwanted", "fier", "meld-misdaad-anoniem"):
        assert unknown.search(help_page.find("article", id=line_id).select_one(".helpline__facts").get_text())


def test_fier_says_plainly_how_to_reach_it(help_page, lang):
    """No source gives Fier a phone number (check-2026-12-07): the chat on fier.nl, which needs the internet."""
    fier = help_page.find("article", id="fier")
    assert not fier.select(".helpline__actions a[href^='tel:']"), "no Fier number (112 is in its hours)"
    assert [a["href"] for a in fier.select(".helpline__actions a")] == ["https://www.fier.nl/"]
    note = fier.select_one(".helpline__note").get_text()
    assert "fier.nl" in note and {"nl": "internet", "en": "internet"}[lang] in note


@pytest.mark.parametrize("url", ["/{lang}/hulpkaart", "/{lang}/offline"])
def test_the_help_card_puts_113_first_with_when_to_call(site, lang, url):
    """Issue 30, item 2: 113 one tap away on the printed help card (and offline), with one plain sentence."""
    card = site(url.format(lang=lang)).soup.select_one(".help-card__lines")
    first = card.select_one("li")
    assert first.strong.get_text(strip=True) == "113 Zelfmoordpreventie"
    assert first.select_one("a[href='tel:113']").get_text(strip=True) == "113"
    when = first.select_one(".help-card__when").get_text(strip=True)
    assert when.startswith({"nl": "Wil je niet meer leven?", "en": "Do you not want to live any more?"}[lang])
    assert card.select_one("a[href='tel:08000188']"), "and Centrum Seksueel Geweld"


def test_no_stale_phrases(help_page):
    text = help_page.get_text(" ")
    for stale in ("gegevens uit 2019", "details from 2019", "volgens de start in 2017", "as announced at the start"):
        assert stale not in text


def test_loverboy_is_explained_where_the_word_is(help_page, lang):
    section = help_page.find("section", id="loverboy")
    explainer = section.select_one("details.explainer")
    assert explainer.summary.get_text(strip=True) == WORDS[lang]["loverboy"]["question"]
    answer = explainer.get_text(" ", strip=True)
    for words in {"nl": ("lovergirl", "jongens", "misdaad"), "en": ("lovergirl", "boys", "crime")}[lang]:
        assert words in answer


def test_every_youth_line_is_in_one_situation_and_professional_lines_in_none(help_page, lang):
    listed = [article["id"] for article in help_page.select("article.helpline")]
    assert len(listed) == len(set(listed))
    assert set(listed) == {line_id for line_id, line in LINES[lang].items() if line.get("youth_line", True)}


# --- A line that stopped: the content build keeps it off every page but the help page, and without an address.


def test_a_stopped_line_named_anywhere_else_stops_the_build(content_copy):
    finder = content_copy / "helpfinder" / "questions.yaml"
    replace_in(finder, "    lines: [meld-misdaad-anoniem, fier]\n", "    lines: [meld-misdaad-anoniem, watch]\n")
    line = line_number_of(finder, "lines: [meld-misdaad-anoniem, watch]")
    (problem,) = problems_of(content_copy)
    assert re.fullmatch(
        rf"content/helpfinder/questions\.yaml:{line}: results\[\d+\]\.lines\[1\]: 'watch' has stopped: "
        r"name a line that does its work now \(fier, meld-misdaad-anoniem, politie\)",
        problem,
    )


@pytest.mark.parametrize(
    ("added", "message"),
    [
        ("    web: https://www.watchnederland.nl/\n", 'a line that stopped has no "web"'),
        (
            '    phones:\n      - shown: 088-208 00 44\n        dial: "0882080044"\n',
            'a line that stopped has no "phones"',
        ),
    ],
)
def test_a_stopped_line_has_no_way_to_reach_it(content_copy, added, message):
    lines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(lines, "    name: WATCH Nederland\n", "    name: WATCH Nederland\n" + added)
    (problem,) = problems_of(content_copy)
    assert problem.startswith(f"content/helpfinder/lines.yaml:{line_number_of(lines, 'name: WATCH Nederland') + 1}: ")
    assert message in problem


@pytest.mark.parametrize(
    ("instead", "message"),
    [
        ("[fier, meld-misdaad-anonim, politie]", "'meld-misdaad-anonim' is not a help line id"),
        ("[fier, watch, politie]", "'watch' has stopped too: name a line that works"),
        ("[fier, comensha, politie]", "'comensha' is a line for professionals, not for young people"),
    ],
)
def test_a_stopped_line_points_to_youth_lines_that_work(content_copy, instead, message):
    lines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(lines, "instead: [fier, meld-misdaad-anoniem, politie]", f"instead: {instead}")
    (problem,) = problems_of(content_copy)
    assert problem.endswith(message)
    assert problem.startswith(f"content/helpfinder/lines.yaml:{line_number_of(lines, f'instead: {instead}')}: ")


def test_a_working_line_without_hours_stops_the_build(content_copy):
    lines = content_copy / "helpfinder" / "lines.yaml"
    line = line_number_of(lines, "- id: take-it-down")
    replace_in(lines, "    hours:\n      nl: Altijd. Het is een website.\n      en: Any time. It is a website.\n", "")
    assert problems_of(content_copy) == [
        f"content/helpfinder/lines.yaml:{line}: lines[1]: "
        '"hours" is missing: say when it is open, or that we do not know (then: try, or 112 in danger)'
    ]


def test_a_working_line_needs_a_web_address(content_copy):
    lines = content_copy / "helpfinder" / "lines.yaml"
    replace_in(lines, "    web: https://www.meldmisdaadanoniem.nl/\n", "")
    (problem,) = problems_of(content_copy)
    assert re.fullmatch(r'content/helpfinder/lines\.yaml:\d+: lines\[\d+\]: "web" is missing', problem)


# --- 112 is always a call: the finder of a "call 112" that is not a tel: link
# (tests/core/test_every_page.py runs it on every page).


def test_the_112_check_finds_a_call_that_is_not_a_link():
    assert unlinked_calls_to_112(parse("<p>Ben je in gevaar? Bel <b>112</b>.</p>")) == ["Ben je in gevaar? Bel 112 ."]
    assert unlinked_calls_to_112(parse('<p>Bel <a href="tel:112">112</a>.</p>')) == []
    assert unlinked_calls_to_112(parse("<p>Nog 112 dagen.</p>")) == []
