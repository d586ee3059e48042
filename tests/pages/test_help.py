"""The help page starts with the answer, every line shows where its details come from, and 112 is always a call."""

import re

import pytest

from checkje.core.settings import LANGUAGES
from tests.helpers import parse, unlinked_calls_to_112
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


def test_the_choice_comes_first(help_page, lang):
    after_the_heading = [tag for tag in help_page.find_all(recursive=False) if tag.name not in ("h1", "div")]
    assert after_the_heading[0].name == "p" and "lead" in after_the_heading[0]["class"]
    choices = after_the_heading[1]
    assert choices.name == "nav" and "situations" in choices["class"], "the choice comes before any help line"
    situations = HELP[lang]["situations"]
    assert [a["href"] for a in choices.select("a")] == [f"#{situation['id']}" for situation in situations]
    assert [a.get_text(strip=True) for a in choices.select("a")] == [situation["choice"] for situation in situations]
    assert not choices.find_previous("article"), "no help line comes before the choice"


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


def test_watch_stays_with_its_honest_text_and_a_link(help_page, lang):
    watch = help_page.find("article", id="watch")
    assert watch.find_parent("section")["id"] == "loverboy"
    assert watch is not help_page.select_one("#loverboy article.helpline"), "WATCH is never the first action"
    links = [a["href"] for a in watch.select(".helpline__actions a")]
    assert links == ["https://www.watchnederland.nl/"], "one tap to WATCH's site, no unconfirmed number"
    assert "button--secondary" in watch.select_one(".helpline__actions a")["class"], "not styled as the main action"
    text = watch.get_text(" ", strip=True)
    for fact in ("2017", "2018", "Fier", "CKM", "Terre des Hommes"):
        assert fact in text, fact
    assert not re.search(r"Fier (hoort bij|is part of) WATCH", help_page.get_text(" ")), "WATCH was run by Fier"
    assert watch.select_one(".helpline__facts time")["datetime"] == "2018-11"


def test_veilig_thuis_and_take_it_down_are_there(help_page):
    veilig_thuis = help_page.select_one("#thuis article#veilig-thuis")
    assert veilig_thuis.select_one("a[href='tel:08002000']")
    take_it_down = help_page.select_one("#foto article#take-it-down")
    assert [a["href"] for a in take_it_down.select(".helpline__actions a")] == ["https://takeitdown.ncmec.org/nl/"]
    assert take_it_down.find_previous("article")["id"] == "helpwanted", "beside Helpwanted"


def test_each_line_shows_its_source_and_month_small_below_the_action(help_page, lang):
    for article in help_page.select("article.helpline"):
        line = LINES[lang][article["id"]]
        facts = article.select_one("dl.helpline__facts")
        assert facts.find_previous_sibling("ul", class_="helpline__actions"), "details come after the action"
        month = facts.select_one("time")
        assert month["datetime"] == line["source"]["month"]
        assert re.fullmatch(r"\w+ 20\d\d", month.get_text(strip=True)), "a month and a year, no day"
        assert line["source"]["shown"] in facts.get_text(" ", strip=True)


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


# --- 112 is always a call: the finder of a "call 112" that is not a tel: link
# (tests/core/test_every_page.py runs it on every page).


def test_the_112_check_finds_a_call_that_is_not_a_link():
    assert unlinked_calls_to_112(parse("<p>Ben je in gevaar? Bel <b>112</b>.</p>")) == ["Ben je in gevaar? Bel 112 ."]
    assert unlinked_calls_to_112(parse('<p>Bel <a href="tel:112">112</a>.</p>')) == []
    assert unlinked_calls_to_112(parse("<p>Nog 112 dagen.</p>")) == []
