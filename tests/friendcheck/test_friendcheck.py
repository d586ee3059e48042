"""Friend check without a browser: every step's structure, the no-JS and htmx flows, feedback, bad input, privacy."""

import logging
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from checkje.core.icons import ICONS
from checkje.core.settings import LANGUAGES, ROOT, WRITTEN_LANGUAGES
from checkje.friendcheck.fields import PICKS, QUESTION
from checkje.friendcheck.practice_views import answer_tone
from checkje.friendcheck.shapes import CARD_PARTS, TONES
from tests.conftest import APP, PAGE_URLS, TEST_CONFIG
from tests.core.test_every_page import FIRST_ROUND_TRIP, WHOLE_PAGE
from tests.helpers import line_number_of, page_weight, parse, problems_of, replace_in

STORE = APP.extensions["checkje.content"]


def check(lang):
    return STORE.get("friendcheck/check", lang)


def requests_doc(lang):
    return STORE.get("friendcheck/requests", lang)


REQUEST_IDS = [practice["id"] for practice in requests_doc("nl")["requests"]]
QUICK_IDS = requests_doc("nl")["quick_round"]["requests"]
REASON_IDS = [reason["id"] for reason in check("nl")["rules_now"]["reasons"]]
ITEM_IDS = [item["id"] for item in check("nl")["profile"]["items"]]
RULE_IDS = [rule["id"] for rule in check("nl")["my_rules"]["rules"]]

# Each question (the hidden question name): its form's path (after /<lang>) and a valid answer.
QUESTIONS = {
    "rules_now": ("/vriendencheck/mijn-regels-nu", ["leuke-foto", "ken-in-het-echt"]),
    "practice": ("/vriendencheck/oefenen/snel-geld", ["decline"]),
    "quick": ("/vriendencheck/snel/klasgenoot", ["accept"]),
    "profile": ("/vriendencheck/mijn-profiel", ["open-account"]),
    "my_rules": ("/vriendencheck/mijn-regels", ["vertel-het", "alleen-in-het-echt"]),
}
# Where results were before they left the address bar: each now only says to do the part again.
OLD_RESULT_PATHS = {
    "/vriendencheck/mijn-regels-nu/uitslag": "/vriendencheck/mijn-regels-nu",
    "/vriendencheck/oefenen/snel-geld/uitslag": "/vriendencheck/oefenen/snel-geld",
    "/vriendencheck/snel/klasgenoot/uitslag": "/vriendencheck/snel/klasgenoot",
    "/vriendencheck/mijn-profiel/uitslag": "/vriendencheck/mijn-profiel",
}
SAVED_RULES_PATH = "/vriendencheck/mijn-regels/overzicht"
FORM_PATHS = (
    ["/vriendencheck"]
    + [form for form, _ in QUESTIONS.values()]
    + [f"/vriendencheck/oefenen/{i}" for i in REQUEST_IDS]
    + [f"/vriendencheck/snel/{i}" for i in QUICK_IDS]
)

HTMX = {"HX-Request": "true"}


def answered(client, lang, form_path, question, picks, headers=None):
    """The result: the answer to the form at `form_path`, posted with these picks."""
    return client.post(f"/{lang}{form_path}", data={QUESTION: question, PICKS: picks}, headers=headers or {})


def post(client, lang, question, picks, headers=None):
    return answered(client, lang, QUESTIONS[question][0], question, picks, headers)


def picks_of(form):
    """A form's choices: checkboxes or radios to tick, or (a practice request) the answer buttons."""
    return form.find_all(["input", "button"], attrs={"name": PICKS})


def fragment_of(soup):
    return soup.select_one("#friendcheck")


# --- Every step is a page in both languages, with forms that work without JavaScript


def test_every_step_is_listed_in_both_languages():
    for lang in WRITTEN_LANGUAGES:
        for path in [*FORM_PATHS, "/vriendencheck/snel/klaar", SAVED_RULES_PATH]:
            assert f"/{lang}{path}" in PAGE_URLS
        for path in OLD_RESULT_PATHS:
            assert f"/{lang}{path}" not in PAGE_URLS


@pytest.mark.parametrize("path", FORM_PATHS[1:])
def test_each_form_posts_ids_to_itself_and_swaps_in_place(client, lang, path):
    response = client.get(f"/{lang}{path}")
    soup = parse(response)
    (form,) = soup.select("#friendcheck form")
    assert form["method"] == "post" and form["action"] == f"/{lang}{path}"
    assert (
        form["data-hx-post"] == form["action"]
        and form["data-hx-target"] == "#friendcheck"
        and form["data-hx-swap"] == "outerHTML"
    )
    assert soup.select_one("#friendcheck")["data-hx-history"] == "false"
    assert form.find("input", type="hidden", attrs={"name": QUESTION})["value"] in QUESTIONS
    fieldset = form.find("fieldset")
    assert fieldset.legend.get_text(strip=True)
    choices = picks_of(form)
    assert len(choices) >= 3
    if choices[0].name == "button":
        # A practice request: one tap on an answer sends it; each answer has its own icon beside its word.
        icons = [button.find("use")["href"].rsplit("#", 1)[1] for button in choices]
        assert icons == [f"answer-{button['value']}" for button in choices]
        assert all(button["type"] == "submit" and button.get_text(strip=True) for button in choices)
        return
    assert len({choice["type"] for choice in choices}) == 1
    labels = [form.find("label", attrs={"for": choice["id"]}) for choice in choices]
    assert all(label.get_text(strip=True) for label in labels)
    if form.find("input", type="hidden", attrs={"name": QUESTION})["value"] in ("rules_now", "my_rules"):
        # Issue 28: each choice carries a drawing of its own before its words, not words alone.
        drawings = [label.find("svg", recursive=False).use["href"].rsplit("#", 1)[1] for label in labels]
        assert set(drawings) <= set(ICONS) and len(set(drawings)) >= len(drawings) - 2
    assert form.find("button", type="submit").get_text(strip=True)
    assert soup.select_one('[role="status"]#friendcheck-status') is not None


def test_start_page_leads_to_the_four_parts_in_order(client, lang):
    soup = parse(client.get(f"/{lang}/vriendencheck"))
    links = [a["href"] for a in soup.select(".parts a")]
    assert links == [
        f"/{lang}{QUESTIONS[q][0]}" if q != "practice" else f"/{lang}/vriendencheck/oefenen/{REQUEST_IDS[0]}"
        for q in QUESTIONS
        if q != "quick"
    ]
    for link in links:
        assert client.get(link).status_code == 200


def test_the_start_says_a_loverboy_can_be_your_own_age(client, lang):
    """Issue 30, item 9: seed 000 1.5, most suspects are close in age to the victim; it is said where the friend
    check explains who loverboys are, and in the feedback on "the person is my age"."""
    intro = parse(client.get(f"/{lang}/vriendencheck")).main.get_text(" ", strip=True)
    assert {"nl": "even oud zijn als jij", "en": "your own age"}[lang] in intro
    same_age = next(reason for reason in check(lang)["rules_now"]["reasons"] if reason["id"] == "zelfde-leeftijd")
    assert {"nl": "van jouw leeftijd", "en": "your own age"}[lang] in same_age["feedback"]


def test_no_often_where_the_seeds_give_no_frequency():
    """Seed 000 1.5 gives no frequency for fake photos, adding your friends first or compliments on your photo."""
    reasons = {reason["id"]: reason["feedback"] for reason in check("nl")["rules_now"]["reasons"]}
    for reason_id in ("leuke-foto", "vrienden-samen"):
        assert "vaak" not in reasons[reason_id], reason_id
    explanations = [practice["explanation"] for practice in requests_doc("nl")["requests"]]
    assert not [text for text in explanations if "begint vaak met complimenten" in text]


def test_home_has_a_tile_for_the_friend_check(client, lang):
    soup = parse(client.get(f"/{lang}/"))
    assert f"/{lang}/vriendencheck" in [a["href"] for a in soup.select(".tile__link")]


def test_htmx_is_loaded_on_friend_check_pages_only(client, lang):
    def scripts(url):
        return [script["src"].split("?")[0] for script in parse(client.get(url)).find_all("script", src=True)]

    assert "/static/vendor/htmx.min.js" in scripts(f"/{lang}/vriendencheck/mijn-regels-nu")
    assert "/static/js/friendcheck.js" in scripts(f"/{lang}/vriendencheck/mijn-regels-nu")
    for other in (f"/{lang}/", f"/{lang}/hulp"):
        assert "/static/vendor/htmx.min.js" not in scripts(other)


# --- Without JavaScript: the POST is answered with the result. With htmx: the same result, in place.


@pytest.mark.parametrize("question", QUESTIONS)
def test_post_is_answered_with_its_result_kept_by_no_cache(client, lang, question):
    _, picks = QUESTIONS[question]
    result = post(client, lang, question, picks)
    assert result.status_code == 200 and "Location" not in result.headers
    assert result.headers["Cache-Control"] == "no-store"
    assert "HX-Request" in result.headers["Vary"]
    soup = parse(result)
    assert len(soup.find_all("h1")) == 1 and soup.html["lang"] == lang
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [id_ for id_, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("question", QUESTIONS)
def test_htmx_gets_the_same_result_as_a_plain_form(client, lang, question):
    _, picks = QUESTIONS[question]
    plain = parse(post(client, lang, question, picks))
    # The one form rule: htmx posts the same form and swaps in the fragment of the same answer.
    htmx_response = post(client, lang, question, picks, headers=HTMX)
    assert htmx_response.status_code == 200 and "Location" not in htmx_response.headers
    assert htmx_response.headers["Cache-Control"] == "no-store"
    swapped = parse(htmx_response)
    assert swapped.find("html") is None and swapped.find("header") is None, "htmx gets the fragment only"
    assert swapped.title.get_text() == plain.title.get_text(), "the tab names the new step"
    assert str(fragment_of(swapped)) == str(fragment_of(plain))


def test_result_language_switch_leads_to_the_same_part_without_the_answers(client):
    soup = parse(post(client, "nl", "rules_now", ["leuke-foto"]))
    menu = {link["hreflang"]: link["href"] for link in soup.select(".language-menu__list a")}
    assert menu == {lang: f"/{lang}/vriendencheck/mijn-regels-nu" for lang in LANGUAGES}
    assert {link["href"] for link in soup.find_all("link", hreflang=True)} >= {
        f"http://localhost/{lang}/vriendencheck/mijn-regels-nu" for lang in LANGUAGES
    }


def _addresses(soup):
    """Every address on a page: links, forms, scripts, htmx requests."""
    for tag in soup.find_all(True):
        for attribute in ("href", "src", "action", "data-hx-get", "data-hx-post"):
            if tag.get(attribute):
                yield tag[attribute]


def _answers_in(address, picked):
    """The picked ids an address carries, as a path segment or in its query."""
    parts = urlsplit(address)
    query = parse_qsl(parts.query, keep_blank_values=True)
    carried = set(parts.path.split("/")) | {value for _, value in query}
    names = {name for name, _ in query}
    return (carried & set(picked)) | (names & {PICKS})


def _every_way_to_answer(client, lang):
    """Each form of the check with every answer alone, and for multiple choice all answers together."""
    for path in FORM_PATHS[1:]:
        form = parse(client.get(f"/{lang}{path}")).select_one("#friendcheck form")
        question = form.find("input", attrs={"name": QUESTION})["value"]
        choices = [choice["value"] for choice in picks_of(form)]
        ways = [[choice] for choice in choices]
        if picks_of(form)[0].get("type") == "checkbox":
            ways.append(choices)
        for picks in ways:
            yield path, question, picks


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_no_answer_leads_to_an_address_with_the_answers(client, lang, headers):
    """Every form, every choice: the result is the POST's own answer and no address on it carries a choice."""
    walked = 0
    for path, question, picks in _every_way_to_answer(client, lang):
        response = answered(client, lang, path, question, picks, headers)
        where = f"{path} {picks}"
        assert response.status_code == 200, where
        assert "Location" not in response.headers and response.headers["Cache-Control"] == "no-store", where
        soup = parse(response)
        assert soup.select_one("#friendcheck form") is None, f"{where}: a result, not the form again"
        carried = {address: _answers_in(address, picks) for address in _addresses(soup)}
        assert {address: ids for address, ids in carried.items() if ids} == {}, where
        walked += 1
    assert walked >= len(FORM_PATHS) * 3


def test_a_link_to_a_result_address_would_be_found():
    """The check above can fail: an address with a picked id, as a segment or in the query, is caught."""
    assert _answers_in(f"/nl/vriendencheck/mijn-regels-nu/uitslag?{PICKS}=leuke-foto", ["leuke-foto"])
    assert _answers_in("/nl/vriendencheck/snel/klasgenoot/accept", ["accept"])
    assert _answers_in(f"/nl/vriendencheck?{PICKS}=", ["accept"])
    assert not _answers_in("/nl/vriendencheck/oefenen/snel-geld", ["check"])


@pytest.mark.parametrize(("old_path", "form_path"), OLD_RESULT_PATHS.items())
def test_an_old_result_address_drops_its_answers_and_says_do_the_part_again(client, lang, old_path, form_path):
    redirected = client.get(f"/{lang}{old_path}?{PICKS}=leuke-foto&{PICKS}=accept")
    assert redirected.status_code == 303 and redirected.headers["Location"] == f"/{lang}{old_path}"
    assert redirected.headers["Cache-Control"] == "no-store"
    gone = client.get(redirected.headers["Location"])
    assert gone.status_code == 410 and gone.headers["Cache-Control"] == "no-store"
    soup = parse(gone)
    assert soup.select_one(".onward .button")["href"] == f"/{lang}{form_path}"
    assert not [address for address in _addresses(soup) if "?" in address and "/static/" not in address]


def test_saved_rules_overview_is_the_same_page_for_everyone_with_an_empty_state(client, lang):
    rules = check(lang)["my_rules"]["rules"]
    response = client.get(f"/{lang}{SAVED_RULES_PATH}")
    assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")
    soup = parse(response)
    empty = soup.select_one("[data-saved-rules-empty]")
    assert not empty.has_attr("hidden"), "without saved rules or JavaScript: the empty state"
    assert empty.select_one("a.button")["href"] == f"/{lang}{QUESTIONS['my_rules'][0]}"
    saved = soup.select_one("[data-saved-rules]")
    assert saved.has_attr("hidden")
    items = saved.select(".my-rules li")
    assert [item["data-rule"] for item in items] == [rule["id"] for rule in rules]
    assert all(item.has_attr("hidden") for item in items), "friendcheck.js shows only the saved ones"
    assert [item.select_one(".my-rules__text").get_text(strip=True) for item in items] == [r["text"] for r in rules]
    assert saved.find("button", attrs={"data-rules-action": "forget"})["type"] == "button"
    assert (
        client.get(f"/{lang}{SAVED_RULES_PATH}?{PICKS}=vertel-het").headers["Location"] == f"/{lang}{SAVED_RULES_PATH}"
    )


def test_the_rules_form_links_to_the_saved_rules_by_a_bare_address(client, lang):
    soup = parse(client.get(f"/{lang}{QUESTIONS['my_rules'][0]}"))
    (link,) = soup.select("[data-rules-remembered] a")
    assert link["href"] == f"/{lang}{SAVED_RULES_PATH}"


# --- Feedback: figures from the content, per choice


def test_my_rules_now_gives_feedback_on_each_choice_in_content_order(client, lang):
    reasons = {reason["id"]: reason for reason in check(lang)["rules_now"]["reasons"]}
    rules = {rule["id"]: rule for rule in check(lang)["my_rules"]["rules"]}
    picks = ["iets-aangeboden", "ken-in-het-echt", "bijna-iedereen"]
    soup = parse(post(client, lang, "rules_now", picks))
    items = soup.select(".feedback")
    in_order = [reason_id for reason_id in REASON_IDS if reason_id in picks]
    assert [item.h2.get_text(strip=True) for item in items] == [reasons[i]["label"] for i in in_order]
    for item, reason_id in zip(items, in_order, strict=True):
        reason = reasons[reason_id]
        assert ("feedback--safe" if reason["safe"] else "feedback--warn") in item["class"]
        (tag,) = item.select(".feedback__tag .tone")
        assert tag["class"] == ["tone", "tone--safe" if reason["safe"] else "tone--warn"] and tag.get_text(strip=True)
        assert reason["feedback"] in item.get_text(" ", strip=True)
        rule = item.select_one(".feedback__rule")
        assert (rule is not None) == ("rule" in reason)
        if rule:
            assert rules[reason["rule"]]["text"] in rule.get_text(" ", strip=True)
    assert soup.select_one(".onward .button")["href"] == f"/{lang}/vriendencheck/oefenen/{REQUEST_IDS[0]}"


@pytest.mark.parametrize("request_id", REQUEST_IDS)
@pytest.mark.parametrize("answer", ["accept", "decline", "check"])
def test_practice_feedback_names_the_signs(client, lang, request_id, answer):
    doc = requests_doc(lang)
    practice = next(p for p in doc["requests"] if p["id"] == request_id)
    verdict = doc["verdicts"][practice["best"]]
    soup = parse(answered(client, lang, f"/vriendencheck/oefenen/{request_id}", "practice", answer))
    assert soup.h1.get_text(strip=True) == verdict["title"]
    assert doc["answers"][answer] in soup.select_one(".verdict").get_text()
    assert soup.select_one(".lead").get_text(strip=True) == verdict[f"after_{answer}"]
    signs = soup.select(".signs li")
    assert [li.select_one(".sign__text").get_text(strip=True) for li in signs] == [s["text"] for s in practice["signs"]]
    assert [li["data-part"] for li in signs] == [s["part"] for s in practice["signs"]]
    assert all(li.strong.get_text(strip=True) for li in signs), "each sign names its part of the card in words"
    check_first = soup.select_one(".check-first")
    assert (check_first is not None) == ("check" in (answer, practice["best"]))
    if check_first:
        assert [li.get_text(strip=True) for li in check_first.select("li")] == doc["check_first"]["steps"]
    following = REQUEST_IDS.index(request_id) + 1
    expected_next = (
        f"/{lang}/vriendencheck/oefenen/{REQUEST_IDS[following]}"
        if following < len(REQUEST_IDS)
        else f"/{lang}/vriendencheck/mijn-profiel"
    )
    assert soup.select_one(".onward .button")["href"] == expected_next


# --- The request card: drawn like the app, and after answering it points at its signs


def card_of(soup):
    (card,) = soup.select("article.request-card")
    return card


@pytest.mark.parametrize("request_id", REQUEST_IDS)
def test_each_request_is_a_card_with_its_own_drawn_picture(client, lang, request_id):
    practice = next(p for p in requests_doc(lang)["requests"] if p["id"] == request_id)
    card = card_of(parse(client.get(f"/{lang}/vriendencheck/oefenen/{request_id}")))
    assert f"request-card--{practice['app']}" in card["class"]
    assert card.select_one(".request-card__app").strong.get_text(strip=True).lower() == practice["app"]
    (picture,) = card.select('[data-part="picture"] svg')
    assert picture["role"] == "img" and picture["aria-label"] == practice["picture"]["says"]
    assert picture.find_all(["path", "circle", "rect", "ellipse"]), "a drawing, not an empty frame"
    assert not card.find_all(["image", "img", "text", "foreignobject"]), "no photo and no words inside the drawing"
    words = card.get_text(" ", strip=True)
    assert practice["picture"]["says"] not in words, "the picture is described only as its accessible name"
    for label in ("Profielfoto", "Profile photo", "Profile picture", "Foto:"):
        assert label not in words
    assert card.select_one(".request-card__name").get_text(strip=True) == practice["name"]
    assert card.select_one(".request-card__display-name").get_text(strip=True) == practice["display_name"]
    assert card.select_one('[data-part="message"] .request-card__bubble').get_text(strip=True) == practice["message"]
    assert card.select_one('[data-part="mutual"]').get_text(strip=True) == practice["mutual"]
    for part in ("bio", "posts", "followers", "following", "age"):
        shown = card.select_one(f'[data-part="{part}"]')
        assert (shown is not None) == (part in practice), part
        if shown:
            assert str(practice[part]) in shown.get_text(" ", strip=True)
    assert not card.select(".is-sign, .tone"), "before answering, the card does not give the signs away"


def test_no_two_requests_share_a_picture(lang):
    pictures = [
        tuple(sorted((k, str(v)) for k, v in practice["picture"].items() if k != "says"))
        for practice in requests_doc(lang)["requests"]
    ]
    assert len(set(pictures)) == len(pictures)


@pytest.mark.parametrize("request_id", REQUEST_IDS)
def test_every_sign_the_feedback_names_is_marked_on_the_card(client, lang, request_id):
    practice = next(p for p in requests_doc(lang)["requests"] if p["id"] == request_id)
    soup = parse(answered(client, lang, f"/vriendencheck/oefenen/{request_id}", "practice", "check"))
    card = card_of(soup)
    assert {part["data-part"] for part in card.select("[data-part]")} <= set(CARD_PARTS)
    for sign in practice["signs"]:
        part = card.select_one(f'[data-part="{sign["part"]}"]')
        assert part is not None, f"{sign['part']} is not on the card"
        assert "is-sign" in part["class"], "the part is outlined"
        tags = {tag.get_text(strip=True): tag["class"] for tag in part.find_all(class_="tone", recursive=False)}
        assert tags[sign["short"]] == ["tone", f"tone--{sign['tone']}"], "the outline carries the sign's tone and words"
    signed = {sign["part"] for sign in practice["signs"]}
    assert {part["data-part"] for part in card.select(".is-sign")} == signed, "only the signs are marked"


@pytest.mark.parametrize(
    ("answer", "best", "tone"),
    [
        ("accept", "decline", "risk"),
        ("decline", "decline", "safe"),
        ("check", "decline", "warn"),
        ("accept", "check", "warn"),
        ("check", "check", "safe"),
        ("accept", "accept", "safe"),
        ("decline", "accept", "safe"),
        ("check", "accept", "warn"),
    ],
)
def test_the_answer_gets_the_tone_of_how_safe_it_was(answer, best, tone):
    assert answer_tone(answer, best) == tone


@pytest.mark.parametrize("request_id", ["videobellen", "snel-geld"])
def test_a_request_carries_its_result_for_every_answer_for_offline(client, lang, request_id):
    """Issue 28: offline, friendcheck.js answers from the result the page carries: the server's own result, with each
    answer's verdict marked for that answer, and the steps to check first marked for the answers that show them."""
    path = f"/vriendencheck/oefenen/{request_id}"
    best = next(p for p in requests_doc(lang)["requests"] if p["id"] == request_id)["best"]
    (template,) = parse(client.get(f"/{lang}{path}")).select("template[data-offline-result]")
    carried = parse(template.decode_contents())  # parsed again: BeautifulSoup reads no words inside a <template>
    assert [box["data-for-answers"] for box in carried.select(".verdict")] == list(requests_doc(lang)["answers"])
    check_first = carried.select_one(".check-first")
    assert check_first["data-for-answers"].split() == [a for a in requests_doc(lang)["answers"] if "check" in (a, best)]
    for answer in requests_doc(lang)["answers"]:
        posted = fragment_of(parse(answered(client, lang, path, "practice", answer)))
        box = carried.select_one(f'.verdict[data-for-answers="{answer}"]')
        assert box.get_text(" ", strip=True) == posted.select_one(".verdict").get_text(" ", strip=True)
        assert carried.h1.get_text() == posted.h1.get_text()
        assert carried.select_one(".onward .button")["href"] == posted.select_one(".verdict + .onward .button")["href"]


def test_a_risky_and_a_safe_answer_look_different_with_icon_words_and_colour(client, lang):
    def verdict(answer):
        soup = parse(post(client, lang, "practice", answer))
        box = soup.select_one(".verdict")
        (tag,) = box.select(".verdict__choice .tone")
        return box["class"], tag["class"], tag.get_text(strip=True)

    risky, safe = verdict("accept"), verdict("decline")
    assert risky == (["verdict", "verdict--risk"], ["tone", "tone--risk"], risky[2])
    assert safe == (["verdict", "verdict--safe"], ["tone", "tone--safe"], safe[2])
    assert risky[2] and safe[2] and risky[2] != safe[2], "different words, not only a different colour"


def test_every_part_of_the_check_uses_the_same_tone_tags(client, lang):
    answers = {"rules_now": "leuke-foto", "practice": "accept", "profile": "open-account", "my_rules": "vertel-het"}
    for question, picks in answers.items():
        tags = parse(post(client, lang, question, picks)).select("#friendcheck .tone")
        assert tags, question
        for tag in tags:
            (tone,) = [name.removeprefix("tone--") for name in tag["class"] if name.startswith("tone--")]
            assert tone in TONES and tag.get_text(strip=True), question


# --- The quick round: a few requests first, a first result in about ten taps, the rest after


def test_the_quick_round_comes_first_on_the_start_page(client, lang):
    soup = parse(client.get(f"/{lang}/vriendencheck"))
    first = soup.select_one("#friendcheck a.button")
    assert first["href"] == f"/{lang}/vriendencheck/snel/{QUICK_IDS[0]}"
    assert first.find_parent(class_="quick-start") is not None
    assert soup.select(".parts a"), "the whole check stays available"


def test_the_quick_round_leads_from_request_to_request_to_its_result(client, lang):
    quick = requests_doc(lang)["quick_round"]
    assert 2 <= len(QUICK_IDS) <= 3, "a first result in about ten taps: three taps per request"
    for index, request_id in enumerate(QUICK_IDS):
        form = parse(client.get(f"/{lang}/vriendencheck/snel/{request_id}"))
        assert form.select_one(".step-count").get_text(strip=True) == quick["title"]
        bar = form.select_one("progress.progress")
        assert (bar["value"], bar["max"]) == (str(index + 1), str(len(QUICK_IDS)))
        result = parse(answered(client, lang, f"/vriendencheck/snel/{request_id}", "quick", "decline"))
        assert result.select(".request-card .is-sign"), "the same feedback as in the whole check"
        expected = (
            f"/{lang}/vriendencheck/snel/{QUICK_IDS[index + 1]}"
            if index + 1 < len(QUICK_IDS)
            else f"/{lang}/vriendencheck/snel/klaar"
        )
        assert result.select_one(".onward .button")["href"] == expected


def test_the_quick_round_ends_with_a_reward_the_top_rules_and_more_practice(client, lang):
    quick = requests_doc(lang)["quick_round"]
    rules = {rule["id"]: rule["text"] for rule in check(lang)["my_rules"]["rules"]}
    response = client.get(f"/{lang}/vriendencheck/snel/klaar")
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == quick["done_title"]
    assert str(len(QUICK_IDS)) in soup.select_one(".reward .reward__text").get_text()
    assert [item.get_text(strip=True) for item in soup.select(".my-rules__text")] == [
        rules[rule_id] for rule_id in quick["rules"]
    ]
    first_more = next(request_id for request_id in REQUEST_IDS if request_id not in QUICK_IDS)
    more, whole = soup.select(".onward a")
    assert more["href"] == f"/{lang}/vriendencheck/oefenen/{first_more}"
    assert str(len(REQUEST_IDS) - len(QUICK_IDS)) in more.get_text()
    assert whole["href"] == f"/{lang}{QUESTIONS['rules_now'][0]}"
    tools = soup.select_one(".reward-tools")
    assert tools["data-reward"] == str(len(QUICK_IDS))
    buttons = tools.find_all("button")
    assert [button["data-reward-action"] for button in buttons] == ["keep", "forget"], "kept only when asked"
    assert all(button["type"] == "button" for button in buttons) and buttons[1].has_attr("hidden")
    assert "Set-Cookie" not in response.headers


def test_practice_requests_cover_the_mission(lang):
    """At least 8 requests, some safe, some to check first, most with signs of a groomer."""
    requests = requests_doc(lang)["requests"]
    best = Counter(practice["best"] for practice in requests)
    assert len(requests) >= 8
    assert best["accept"] >= 2, "youths learn that not everyone is fake"
    assert best["check"] >= 1 and best["decline"] >= 4


def test_practice_is_for_boys_too_and_the_quick_round_starts_for_anyone(lang):
    """Issue 28: the money-sextortion pattern that mostly hits boys (a "girl" who flirts and wants to swap photos, then
    the money demand), a gaming chat, a first quick request that fits any youth, and the one who threatens is anyone."""
    requests = {practice["id"]: practice for practice in requests_doc(lang)["requests"]}
    assert {"foto-ruilen", "afpersing"} <= set(requests) and requests["game-vriend"]["app"] == "discord"
    first = requests[requests_doc(lang)["quick_round"]["requests"][0]]
    words = " ".join([first["message"], first["explanation"], *(sign["text"] for sign in first["signs"])]).lower()
    gendered = {
        "nl": {"mooie", "meid", "meiden", "meisjes", "knapperd", "bro", "hij", "hem"},
        "en": {"beautiful", "girls", "handsome", "bro", "he", "him"},
    }
    assert not set(words.replace(".", " ").replace(",", " ").replace("!", " ").split()) & gendered[lang]
    anyone = {"nl": ("iedereen", "elke leeftijd"), "en": ("anyone", "any age")}[lang]
    for threat in ("foto-ruilen", "afpersing", "model-worden"):
        told = " ".join([requests[threat]["explanation"], *(sign["text"] for sign in requests[threat]["signs"])])
        assert all(words in told for words in anyone), threat


def test_the_profile_is_an_example_profile_to_tap_on_with_a_checkbox_under_each_part(client, lang):
    """Issue 28: part 3 is a drawn profile whose parts the youth taps, not a list of sentences: each item is one part
    at its spot, a checkbox's label whose name holds what the part shows and the item's whole sentence."""
    items = check(lang)["profile"]["items"]
    soup = parse(client.get(f"/{lang}/vriendencheck/mijn-profiel"))
    parts = soup.select("form .mock label.mock__part")
    assert sorted(part["for"] for part in parts) == sorted(f"choice-{item['id']}" for item in items)
    for item in items:
        (part,) = soup.select(f'label[for="choice-{item["id"]}"]')
        assert f"mock__part--{item['spot']}" in part["class"]
        assert part.select_one(".mock__shows").get_text(strip=True) == item["shows"]
        assert item["label"] in part.get_text(" ", strip=True)
        checkbox = soup.find(id=f"choice-{item['id']}")
        assert checkbox["type"] == "checkbox" and checkbox.find_next_sibling() is part


def test_profile_result_shows_what_a_loverboy_sees_and_one_step(client, lang):
    items = {item["id"]: item for item in check(lang)["profile"]["items"]}
    picks = ["open-account", "school-zichtbaar"]
    soup = parse(post(client, lang, "profile", picks))
    sections = soup.select("section.feedback")
    assert [section.h2.get_text(strip=True) for section in sections] == [items[i]["label"] for i in picks]
    for section, item_id in zip(sections, picks, strict=True):
        text = section.get_text(" ", strip=True)
        assert items[item_id]["what_they_see"] in text and items[item_id]["step"] in text


def test_profile_result_links_to_the_matching_walkthrough_step(client, lang):
    items = check(lang)["profile"]["items"]
    picks = [item["id"] for item in items]
    soup = parse(post(client, lang, "profile", picks))
    for section, item in zip(soup.select("section.feedback"), items, strict=True):
        links = [a["href"] for a in section.find_all("a")]
        if "settings" in item:
            assert links == [f"/{lang}/instellingen/{item['settings']}"]
            assert client.get(links[0]).status_code == 200
        else:
            assert links == []


def test_profile_step_must_exist_in_the_walkthroughs(content_copy):
    replace_in(
        content_copy / "friendcheck" / "check.yaml",
        "settings: instagram/private-account",
        "settings: instagram/privat-account",
    )
    line = line_number_of(content_copy / "friendcheck" / "check.yaml", "settings: instagram/privat-account")
    assert problems_of(content_copy) == [
        f"content/friendcheck/check.yaml:{line}: profile.items[0].settings: "
        "'instagram/privat-account' is not a step in content/walkthroughs/instagram.yaml"
    ]


def test_profile_with_nothing_chosen_is_an_answer_not_an_error(client, lang):
    response = post(client, lang, "profile", [])
    assert response.status_code == 200
    soup = parse(response)
    assert soup.select("section.feedback") == []
    assert check(lang)["profile"]["nothing_chosen"] in soup.get_text(" ", strip=True)


def test_my_rules_summary_lists_the_chosen_rules_with_their_safe_alternative(client, lang):
    rules = {rule["id"]: rule for rule in check(lang)["my_rules"]["rules"]}
    picks = ["alleen-in-het-echt", "vertel-het"]
    soup = parse(post(client, lang, "my_rules", picks))
    items = soup.select(".my-rules li")
    assert [item.select_one(".my-rules__text").get_text(strip=True) for item in items] == [
        rules[i]["text"] for i in picks
    ]
    assert [item.select_one(".my-rules__instead").get_text(strip=True) for item in items] == [
        rules[i]["instead"] for i in picks
    ]
    tools = soup.select_one(".rules-tools")
    assert tools["data-rules"].split() == picks
    buttons = tools.find_all("button")
    assert buttons[0].has_attr("data-print"), "print uses the one print handler of every page"
    assert [button.get("data-rules-action") for button in buttons[1:]] == ["remember", "forget"]
    assert all(button["type"] == "button" for button in tools.find_all("button"))
    assert tools.find("button", attrs={"data-rules-action": "forget"}).has_attr("hidden")


# --- Bad input: the step again, with a message in the visitor's language; never a 500

MESSAGES = {
    ("nl", "missing-many"): "Kies minstens één antwoord.",
    ("en", "missing-many"): "Choose at least one answer.",
    ("nl", "missing-one"): "Kies één antwoord.",
    ("en", "missing-one"): "Choose one answer.",
    ("nl", "too-many"): "Kies maar één antwoord.",
    ("en", "too-many"): "Choose only one answer.",
    ("nl", "repeated"): "Kies elk antwoord maar één keer.",
    ("en", "repeated"): "Choose each answer only once.",
    ("nl", "unknown"): "Een van deze antwoorden staat niet op deze pagina. Kies opnieuw.",
    ("en", "unknown"): "One of these answers is not on this page. Please choose again.",
    ("nl", "unreadable"): "We konden je antwoord niet lezen. Kies opnieuw.",
    ("en", "unreadable"): "We could not read your answer. Please choose again.",
    ("nl", "too-large"): "Dat was te veel tegelijk. Kies opnieuw.",
    ("en", "too-large"): "That was too much at once. Please choose again.",
}


def assert_form_again(response, lang, form_path, message):
    soup = parse(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert soup.select_one("#friendcheck form")["action"] == f"/{lang}{form_path}"
    problem = soup.select_one("#choices-problem")
    assert problem.get_text(strip=True) == MESSAGES[(lang, message)]
    assert problem["role"] == "alert"
    assert soup.select_one("fieldset")["aria-describedby"] == "choices-problem"


BAD_FORMS = [
    ("rules_now", {QUESTION: "rules_now"}, "missing-many"),
    ("practice", {QUESTION: "practice"}, "missing-one"),
    ("practice", {QUESTION: "practice", PICKS: ["accept", "decline"]}, "too-many"),
    ("rules_now", {QUESTION: "rules_now", PICKS: ["leuke-foto", "leuke-foto"]}, "repeated"),
    ("my_rules", {QUESTION: "my_rules", PICKS: ["vertel-het", "<script>"]}, "unknown"),
    ("practice", {QUESTION: "practice", PICKS: "ken-in-het-echt"}, "unknown"),
    ("profile", {PICKS: "open-account"}, "unreadable"),
    ("profile", {QUESTION: "rules_now", PICKS: "open-account"}, "unreadable"),
]


@pytest.mark.parametrize(("question", "data", "message"), BAD_FORMS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_form_gets_the_step_again(client, lang, question, data, message, headers):
    response = client.post(f"/{lang}{QUESTIONS[question][0]}", data=data, headers=headers)
    assert response.status_code == 400
    assert_form_again(response, lang, QUESTIONS[question][0], message)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"\x00\xff\xfe garbage \x80\x81", "application/x-www-form-urlencoded"),
        (b'{QUESTION: "rules_now", PICKS: ["leuke-foto"]}', "application/json"),
        (b'--nope\r\nContent-Disposition: form-data; name=f"{PICKS}"\r\n\r\nx', "multipart/form-data; boundary=else"),
        (b"{QUESTION}=rules_now&{PICKS}=%ZZ%00", "application/x-www-form-urlencoded"),
        (b"", "text/plain"),
    ],
)
def test_garbage_bodies_get_the_step_again(client, lang, body, content_type):
    response = client.post(f"/{lang}/vriendencheck/mijn-regels-nu", data=body, content_type=content_type)
    assert response.status_code == 400
    assert parse(response).select_one("#choices-problem").get_text(strip=True)


def test_oversized_body_gets_the_step_again(client, lang):
    body = f"{QUESTION}=rules_now&" + f"{PICKS}=leuke-foto&" * 2000
    response = client.post(
        f"/{lang}/vriendencheck/mijn-regels-nu", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert_form_again(response, lang, "/vriendencheck/mijn-regels-nu", "too-large")


def test_unknown_practice_request_is_not_found(client, lang):
    assert client.get(f"/{lang}/vriendencheck/oefenen/bestaat-niet").status_code == 404
    assert (
        client.post(
            f"/{lang}/vriendencheck/oefenen/bestaat-niet", data={QUESTION: "practice", PICKS: "accept"}
        ).status_code
        == 404
    )
    assert client.get(f"/{lang}/vriendencheck/oefenen/bestaat-niet/uitslag").status_code == 404


# --- Privacy: the answers leave no trace on the server


class _AllRecords(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


WATCHED_DIRS = [ROOT, Path(TEST_CONFIG["CONTENT_DB"]).parent]
SKIPPED = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", "test-results"}


def files_and_times():
    found = {}
    for directory in WATCHED_DIRS:
        for path in directory.rglob("*"):
            if path.is_file() and not SKIPPED & set(path.relative_to(directory).parts):
                found[path] = path.stat().st_mtime_ns
    return found


def test_answers_leave_no_trace_in_logs_cookies_or_files(client):
    loggers = [logging.getLogger(), logging.getLogger("checkje.access"), logging.getLogger("werkzeug")]
    records = _AllRecords()
    for logger in loggers:
        logger.addHandler(records)
    before = files_and_times()
    responses = []
    try:
        for question, (_, picks) in QUESTIONS.items():
            for headers in ({}, HTMX):
                responses.append(post(client, "nl", question, picks, headers=headers))
    finally:
        for logger in loggers:
            logger.removeHandler(records)
    after = files_and_times()
    answers = {pick for _, picks in QUESTIONS.values() for pick in picks}
    assert len(records.lines) >= len(responses), "the access log did record the requests"
    for line in records.lines:
        for answer in answers:
            assert answer not in line, line
        assert PICKS not in line and "?" not in line
    for response in responses:
        assert "Set-Cookie" not in response.headers
    assert client.get_cookie("session") is None
    assert after == before, "the app wrote or changed files while answering"


# --- Weight: the answers' pages are sent unzipped (no gzip next to a secret), so the cards must stay small


@pytest.mark.parametrize("request_id", REQUEST_IDS)
def test_a_practice_result_with_its_drawn_card_fits_the_first_round_trip(client, lang, request_id):
    # "check" shows the most: the marked card, the signs and the steps to check first.
    weight = page_weight(
        client, f"/{lang}/vriendencheck/oefenen/{request_id}", data={QUESTION: "practice", PICKS: "check"}
    )
    assert weight.first_render <= FIRST_ROUND_TRIP and weight.whole <= WHOLE_PAGE, weight
