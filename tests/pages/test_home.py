"""The home page: first what is going on (a door per situation, each one tap from its advice, the way out of
trouble among them), then every part of Checkje: one thing to do next, then the rest."""

import pytest

from checkje.core.settings import LANGUAGES
from tests.helpers import problems_of, replace_in
from tests.shared_app import document

# Where each door leads, by its id in content/pages/home.yaml ({lang} is the page's language).
DOORS = {
    "naaktfoto": "/{lang}/nee-zeggen",
    "foto-rond": "/{lang}/het-is-gebeurd",
    "twijfel": "/{lang}/vriendencheck",
    "gebruikt": "/{lang}/hulp#loverboy",
    "gevaar": "tel:112",
    "vertellen": "/{lang}/mijn-mensen",
}
WAYS_OUT_OF_TROUBLE = ["foto-rond", "gevaar"]


def doors_of(site, lang):
    return site(f"/{lang}/").soup.select("nav.doors a.door")


def tiles_of(site, lang):
    return site(f"/{lang}/").soup.select("ul.tiles > li.tile")


def test_home_opens_with_the_doors_then_the_tools(site, lang):
    soup = site(f"/{lang}/").soup
    main = soup.find("main")
    doors, tiles = main.select_one("nav.doors"), main.select_one("ul.tiles")
    question = soup.find(id=doors["aria-labelledby"])
    assert question.name == "h2" and question.get_text(strip=True) == document("pages/home", lang)["doors_heading"]
    headings = main.find_all(["h1", "h2"])
    assert [h.name for h in headings[:2]] == ["h1", "h2"] and headings[1] is question, "the question comes first"
    assert main.find_all(["nav", "ul"]).index(doors) < main.find_all(["nav", "ul"]).index(tiles)


def test_each_door_leads_to_its_advice_in_one_tap(site, lang):
    content = document("pages/home", lang)["doors"]
    doors = doors_of(site, lang)
    assert [door.select_one(".door__text").get_text(strip=True) for door in doors] == [d["text"] for d in content]
    assert {door["id"]: link["href"] for door, link in zip(content, doors, strict=True)} == {
        door_id: href.format(lang=lang) for door_id, href in DOORS.items()
    }
    for link in doors:
        assert link.select_one("svg.icon[aria-hidden=true]"), "an icon with the words"


def test_every_door_opens_a_page_that_is_there(site, lang):
    """Each door's page answers, and a door to a part of a page finds that part."""
    for link in doors_of(site, lang):
        if link["href"].startswith("tel:"):
            continue
        path, _, anchor = link["href"].partition("#")
        page = site(path)
        assert page.status_code == 200, path
        assert not anchor or page.soup.find(id=anchor), link["href"]


def test_the_ways_out_of_trouble_are_marked_with_words_and_an_icon(site, lang):
    by_id = dict(zip((door["id"] for door in document("pages/home", lang)["doors"]), doors_of(site, lang), strict=True))
    crisis = [door_id for door_id, link in by_id.items() if "door--crisis" in link["class"]]
    assert crisis == WAYS_OUT_OF_TROUBLE
    assert by_id["gevaar"]["href"] == "tel:112" and "112" in by_id["gevaar"].get_text()


@pytest.mark.parametrize(("lang", "words"), [("nl", "naaktfoto"), ("en", "nude photo")])
def test_a_door_for_being_asked_for_nude_photos_apart_from_a_photo_that_is_out(site, lang, words):
    """The most common early moment has a door of its own: to saying no, not to the crisis flow."""
    asked = next(link for link in doors_of(site, lang) if words in link.get_text())
    out = next(link for link in doors_of(site, lang) if link["href"] == f"/{lang}/het-is-gebeurd")
    assert asked is not out and asked["href"] == f"/{lang}/nee-zeggen"
    assert "door--crisis" not in asked["class"] and "door--crisis" in out["class"]


@pytest.mark.parametrize(
    ("lang", "send", "report"),
    [("nl", "Stuur geen naaktfoto", "meld het in de app"), ("en", "Do not send a nude photo", "report them")],
)
def test_saying_no_says_not_to_send_to_block_and_report_and_names_a_help_line(site, lang, send, report):
    page = site(f"/{lang}/nee-zeggen").soup
    text = page.find("main").get_text(" ")
    assert send in text and report in text
    steps = {a["href"] for a in page.select("main a")}
    for app in ("instagram", "snapchat", "whatsapp", "tiktok"):
        assert f"/{lang}/instellingen/{app}/block-report" in steps, f"how to block and report in {app}"
        assert site(f"/{lang}/instellingen/{app}/block-report").status_code == 200
    line = page.select_one(".help-now .help-now__line")
    assert line.get_text(strip=True).startswith("Helpwanted")
    assert line.select('a[href^="tel:"]') and line.select('a[href^="https://"]'), "call or chat in one tap"


def test_tiktok_is_named_with_the_other_apps(site, lang):
    soup = site(f"/{lang}/").soup
    home = document("pages/home", lang)
    settings = next(tile for tile in home["tiles"] if tile["page"] == "walkthroughs.overview")
    for text in (home["intro"], home["description"], settings["text"]):
        assert all(app in text for app in ("Instagram", "Snapchat", "WhatsApp", "TikTok")), text
    assert "TikTok" in soup.find("meta", attrs={"name": "description"})["content"]
    assert "TikTok" in soup.select_one("main .lead").get_text()


def test_exactly_one_primary_tile_and_it_comes_first(site, lang):
    tiles = tiles_of(site, lang)
    kinds = [next((c for c in tile["class"] if c.startswith("tile--")), None) for tile in tiles]
    assert kinds[0] == "tile--primary" and kinds.count("tile--primary") == 1
    tag = tiles[0].select_one(".card__tag")
    assert tag.select_one("svg.icon") and tag.get_text(strip=True), "marked with an icon and words, not colour alone"


def test_the_tools_stay_reachable(site, lang):
    targets = {a["href"] for a in site(f"/{lang}/").soup.select(".tile__link")}
    for path in ("vriendencheck", "instellingen", "snaps", "hulp", "mijn-mensen", "veiligheid", "samen"):
        assert f"/{lang}/{path}" in targets


def test_every_tile_and_door_of_the_content_is_shown_once(site):
    for lang in LANGUAGES:
        home = document("pages/home", lang)
        shown = [tile.select_one(".tile__title").get_text(strip=True) for tile in tiles_of(site, lang)]
        assert sorted(shown) == sorted(tile["title"] for tile in home["tiles"])
        doors = [link.select_one(".door__text").get_text(strip=True) for link in doors_of(site, lang)]
        assert doors == [door["text"] for door in home["doors"]]


def test_the_drawing_is_decorative_and_has_no_words(site, lang):
    soup = site(f"/{lang}/").soup
    drawing = soup.select_one(".hero svg.drawing")
    assert drawing["aria-hidden"] == "true" and drawing["focusable"] == "false"
    assert drawing.find("text") is None


def test_a_door_to_the_help_page_must_open_at_one_of_its_situations(content_copy):
    replace_in(content_copy / "pages" / "home.yaml", "    section: loverboy\n", "    section: loverboys\n")
    (problem,) = problems_of(content_copy)
    assert "doors[3].section: 'loverboys' is not a situation of content/pages/help.yaml" in problem
