"""The way back from an activity to the step of the talk that opened it: the step's number travels in the
address (TALK_STEP) along the activity's own links and forms, with and without htmx, and nothing is kept."""

from urllib.parse import parse_qs, urlsplit

import pytest
from babel.support import Translations
from werkzeug.exceptions import MethodNotAllowed, NotFound

from checkje.core.settings import LANGUAGES, TRANSLATIONS_DIR
from checkje.friendcheck import fields as friendcheck_fields
from checkje.together.fields import TALK_STEP
from checkje.together.way_back import is_activity
from tests.conftest import APP
from tests.helpers import parse

_CONTENT = APP.extensions["checkje.content"]
STEP_IDS = [step["id"] for step in _CONTENT.get("together/steps", "nl")["steps"]]
# The button's words in each language, as its catalogue has them.
BACK = {lang: Translations.load(TRANSLATIONS_DIR, [lang]).gettext("Back to the talk") for lang in LANGUAGES}
# How many pages of one activity the walk visits (each form answered on the way): several requests in a row.
PAGES_PER_ACTIVITY = 4
# The way on through an activity, as the youth taps it.
ONWARD = "main .step-nav a[rel=next], main .step-nav a:not([rel]), main .onward a.button, main .route-choice a.button"


def activities(client, lang):
    """(step number, step id, the activity's address) for every activity of every step."""
    found = []
    for number, step_id in enumerate(STEP_IDS, start=1):
        soup = parse(client.get(f"/{lang}/samen/{step_id}"))
        found += [(number, step_id, a["href"]) for a in soup.select(".together-activities a")]
    return found


def endpoint_of(address):
    """The endpoint an address of ours leads to, or None (another site, tel:, a page we do not have)."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    try:
        endpoint, _ = APP.url_map.bind("localhost").match(parts.path, method="GET")
    except MethodNotAllowed:
        endpoint, _ = APP.url_map.bind("localhost").match(parts.path, method="POST")
    except NotFound:
        return None
    return endpoint


def talk_step_in(address):
    return parse_qs(urlsplit(address).query).get(TALK_STEP)


def check_page(soup, lang, number, step_id, where):
    """The way back leads to the step, and every address of an activity on the page carries the step on."""
    (back,) = soup.select("main .talk-back a")
    assert back["href"] == f"/{lang}/samen/{step_id}", where
    assert back.get_text(strip=True) == BACK[lang], where
    addresses = [a["href"] for a in soup.select("main a[href]")]
    addresses += [form["action"] for form in soup.select("form[action]")]
    for address in addresses:
        if is_activity(endpoint_of(address)):
            assert talk_step_in(address) == [str(number)], f"{where}: {address}"
    for form in soup.select("form[data-hx-post]"):
        assert form["data-hx-post"] == form["action"], where


def answer_form(client, form, htmx=False):
    """Post a friend-check form with its first choice (a box to tick, or a practice request's answer button), or
    any other form as it is."""
    data = {hidden["name"]: hidden["value"] for hidden in form.select("input[type=hidden]")}
    first = form.select_one("input[type=radio], input[type=checkbox], button[name][value]")
    if first is not None:
        data[first["name"]] = first["value"]
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(form["action"], data=data, headers=headers, follow_redirects=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_activity_of_every_step_leads_back_from_each_of_its_pages(client, lang):
    walked, opened = 0, activities(client, lang)
    for number, step_id, start in opened:
        assert talk_step_in(start) == [str(number)], start
        seen, queue = set(), [start]
        while queue and len(seen) < PAGES_PER_ACTIVITY:
            address = queue.pop(0)
            if address.split("#")[0] in seen:
                continue
            seen.add(address.split("#")[0])
            response = client.get(address)
            assert response.status_code == 200, address
            soup = parse(response)
            check_page(soup, lang, number, step_id, address)
            # On, as the youth goes: the answer to a form first, then the activity's own links.
            for form in soup.select("main form"):
                asks = form.select_one(f"input[name={friendcheck_fields.QUESTION}]")
                if asks or "scherm-anders" in form.get("action", ""):
                    answered = answer_form(client, form)
                    assert answered.status_code == 200, form["action"]
                    check_page(parse(answered), lang, number, step_id, f"answer to {form['action']}")
                    walked += 1
                    queue += [a["href"] for a in parse(answered).select(ONWARD) if not a.has_attr("data-talk-onward")]
            queue += [a["href"] for a in soup.select(ONWARD) if not a.has_attr("data-talk-onward")]
            walked += 1
    assert walked >= 2 * len(opened), "several pages of most activities"


def test_htmx_answers_keep_the_step_in_their_links(client):
    number, step_id, start = next(each for each in activities(client, "nl") if "/vriendencheck/snel/" in each[2])
    form = parse(client.get(start)).select_one("main form")
    fragment = parse(answer_form(client, form, htmx=True))
    assert fragment.select_one(".talk-back") is None, "the way back stays where it is, outside the swapped part"
    following = [a["href"] for a in fragment.select(".onward a")]
    assert following and all(talk_step_in(address) == [str(number)] for address in following)


def test_my_screen_looks_different_comes_back_with_the_step(client):
    response = client.post(
        f"/nl/instellingen/scherm-anders?{TALK_STEP}=3", data={"app": "instagram", "stap": "messages", "telefoon": ""}
    )
    assert response.status_code == 303
    assert talk_step_in(response.headers["Location"]) == ["3"]


@pytest.mark.parametrize("value", ["", "0", "6", "02", "99", "-1", "2.0", " 2", "٢", "²", "abc", "2,3"])
def test_a_step_number_that_is_not_a_step_is_ignored(client, value):
    for address in ("/nl/snaps", "/nl/mijn-mensen", "/nl/instellingen/instagram/messages"):
        response = client.get(address, query_string={TALK_STEP: value})
        assert response.status_code == 200, address
        soup = parse(response)
        assert soup.select_one(".talk-back") is None, (address, value)
        assert not [a for a in soup.select("a[href]") if TALK_STEP in parse_qs(urlsplit(a["href"]).query)]


def test_the_friend_check_drops_every_other_query_but_keeps_the_step(client):
    kept = client.get(f"/nl/vriendencheck/mijn-regels?{TALK_STEP}=2&keuze=geld")
    assert kept.status_code == 303 and kept.headers["Location"] == f"/nl/vriendencheck/mijn-regels?{TALK_STEP}=2"
    dropped = client.get(f"/nl/vriendencheck/mijn-regels?{TALK_STEP}=7")
    assert dropped.status_code == 303 and dropped.headers["Location"] == "/nl/vriendencheck/mijn-regels"
    assert client.get(f"/nl/vriendencheck/mijn-regels?{TALK_STEP}=2").status_code == 200


def test_pages_outside_the_activities_show_no_way_back_and_keep_nothing(client):
    for address in ("/nl/", f"/nl/samen/vrienden?{TALK_STEP}=2", "/nl/mentor", "/nl/snaps"):
        response = client.get(address)
        assert parse(response).select_one(".talk-back") is None, address
        assert "Set-Cookie" not in response.headers
    response = client.get(f"/nl/snaps?{TALK_STEP}=4")
    assert "Set-Cookie" not in response.headers
    header_home = parse(response).select_one(".site-header__home")["href"]
    assert header_home == "/nl/", "the way out of the activity does not carry the step"


def test_the_language_switch_keeps_the_way_back(client):
    soup = parse(client.get(f"/nl/mijn-mensen?{TALK_STEP}=5"))
    switch = soup.select_one(".language-menu__list a[hreflang=en]")["href"]
    assert switch == f"/en/mijn-mensen?{TALK_STEP}=5"
    assert parse(client.get(switch)).select_one(".talk-back a")["href"] == "/en/samen/mensen"


def test_after_the_quick_round_the_talk_comes_first(client):
    """Issue 29, the talk #3: in the talk, the quick round's end leads back to its step before anything else."""
    onward = parse(client.get(f"/nl/vriendencheck/snel/klaar?{TALK_STEP}=2")).select("main .onward a.button")
    assert onward[0]["href"] == "/nl/samen/vrienden" and onward[0].get_text(strip=True) == BACK["nl"]
    assert "button--secondary" in onward[1]["class"], "practising more comes second"
    alone = parse(client.get("/nl/vriendencheck/snel/klaar")).select("main .onward a.button")
    assert "/samen/" not in alone[0]["href"] and "button--secondary" not in alone[0]["class"]
    # The same at the end of a walkthrough's most important steps.
    choices = parse(client.get(f"/nl/instellingen/snapchat/snel-klaar?{TALK_STEP}=3")).select(".route-choice a.button")
    assert choices[0]["href"] == "/nl/samen/instellingen" and "button--secondary" in choices[1]["class"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guides_way_back_returns_to_the_step_the_pair_left(client, lang):
    """Issue 29, the talk #3: the mentor panel opens the guide with the step; every page of the guide leads back."""
    panel = parse(client.get(f"/{lang}/samen/instellingen")).select_one("details.mentor-panel")
    (guide,) = [a["href"] for a in panel.find_all("a") if urlsplit(a["href"]).path == f"/{lang}/mentor"]
    assert talk_step_in(guide) == ["3"]
    soup = parse(client.get(guide))
    check_page(soup, lang, 3, "instellingen", guide)
    assert [a["href"] for a in soup.find_all("a") if a.get_text(strip=True) == BACK[lang]] == [
        f"/{lang}/samen/instellingen"
    ] * 2
    for address in [a["href"] for a in soup.select(".guide-sections a")][:2] + [f"/{lang}/mentor/print?{TALK_STEP}=3"]:
        check_page(parse(client.get(address)), lang, 3, "instellingen", address)
    plain = parse(client.get(f"/{lang}/mentor"))
    assert [a["href"] for a in plain.find_all("a") if a.get_text(strip=True) == BACK[lang]] == [f"/{lang}/samen"]
