"""The home page: the way out of trouble first, then one thing to do next, then the rest."""

from checkje.core.settings import LANGUAGES
from tests.shared_app import document


def tiles_of(site, lang):
    return site(f"/{lang}/").soup.select("ul.tiles > li.tile")


def test_the_crisis_tile_comes_first_and_leads_to_what_to_do_now(site, lang):
    first = tiles_of(site, lang)[0]
    assert "tile--crisis" in first["class"]
    assert first.select_one(".tile__link")["href"] == f"/{lang}/het-is-gebeurd"
    tag = first.select_one(".card__tag")
    assert tag.select_one("svg.icon") and tag.get_text(strip=True), "marked with an icon and words, not colour alone"


def test_exactly_one_primary_tile_right_after_the_crisis_tile(site, lang):
    tiles = tiles_of(site, lang)
    kinds = [next((c for c in tile["class"] if c.startswith("tile--")), None) for tile in tiles]
    assert kinds[:2] == ["tile--crisis", "tile--primary"]
    assert kinds.count("tile--primary") == 1


def test_every_tile_of_the_content_is_shown_once(site):
    for lang in LANGUAGES:
        shown = [tile.select_one(".tile__title").get_text(strip=True) for tile in tiles_of(site, lang)]
        assert sorted(shown) == sorted(tile["title"] for tile in document("pages/home", lang)["tiles"])


def test_the_drawing_is_decorative_and_has_no_words(site, lang):
    soup = site(f"/{lang}/").soup
    drawing = soup.select_one(".hero svg.drawing")
    assert drawing["aria-hidden"] == "true" and drawing["focusable"] == "false"
    assert drawing.find("text") is None
