"""The friend-check content files: mistakes stop the build with file and line; an editor can add a request."""

from app import create_app
from checkje.core.sitemap import page_paths
from checkje.friendcheck.fields import PICKS, QUESTION
from tests.helpers import line_number_of, parse, problems_of, replace_in


def test_a_reason_must_name_an_existing_rule(content_copy):
    check = content_copy / "friendcheck" / "check.yaml"
    replace_in(check, "      rule: niets-aannemen\n", "      rule: niets-annemen\n")
    line = line_number_of(check, "rule: niets-annemen")
    (problem,) = problems_of(content_copy)
    assert problem.startswith(
        f"content/friendcheck/check.yaml:{line}: rules_now.reasons[7].rule: 'niets-annemen' is not the id of a rule"
    )


def test_settings_must_name_an_app_and_a_step(content_copy):
    check = content_copy / "friendcheck" / "check.yaml"
    replace_in(check, "settings: instagram/private-account", "settings: Instagram > Private account")
    line = line_number_of(check, "settings: Instagram")
    assert problems_of(content_copy) == [
        f"content/friendcheck/check.yaml:{line}: profile.items[0].settings: 'Instagram > Private account' "
        "should name an app and a step, like instagram/private-account"
    ]


def test_a_request_needs_a_known_best_answer_and_both_languages(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    replace_in(requests, "    best: accept\n", "    best: maybe\n")
    replace_in(requests, "      en: Hockey and drawing\n", "")
    problems = problems_of(content_copy)
    assert (
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'best: maybe')}: "
        "requests[0].best: 'maybe' should be one of: accept, decline, check" in problems
    )
    assert (
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'nl: Hockey en tekenen')}: "
        'requests[0].bio: the "en" text is missing' in problems
    )


def test_the_check_needs_at_least_eight_requests(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    text = requests.read_text(encoding="utf-8")
    head, first_request, *_ = text.split("\n  - id: ")
    requests.write_text(head + "\n  - id: " + first_request, encoding="utf-8")
    (problem,) = problems_of(content_copy)
    line = requests.read_text(encoding="utf-8").splitlines().index("requests:") + 1
    assert problem == f"content/friendcheck/requests.yaml:{line}: requests: should have at least 8 item(s)"


def test_a_picture_must_be_drawable_and_its_own(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    replace_in(requests, "      drawing: cash\n", "      drawing: cash\n      hair: long\n")
    replace_in(requests, "      extra: sunglasses\n", "")
    # Daan gets Sanne's picture.
    for daan, sanne in (
        ("hair: short\n      hair_colour: blond", "hair: long\n      hair_colour: brown"),
        ("shirt: orange\n      background: green", "shirt: purple\n      background: sky"),
    ):
        replace_in(requests, f"      {daan}\n", f"      {sanne}\n")
    lines = [line.strip() for line in requests.read_text(encoding="utf-8").splitlines()]
    picture_lines = [number for number, line in enumerate(lines, start=1) if line == "picture:"]
    daan = [line for line in lines if line.startswith("- id: ")].index("- id: teamgenoot")
    assert sorted(problems_of(content_copy)) == sorted(
        [
            f"content/friendcheck/requests.yaml:{picture_lines[1]}: requests[1].picture: only a person has hair",
            f"content/friendcheck/requests.yaml:{picture_lines[2]}: requests[2].picture: a person needs extra too",
            f"content/friendcheck/requests.yaml:{picture_lines[daan]}: requests[{daan}].picture: "
            "looks the same as the picture of 'klasgenoot': change one of its parameters",
        ]
    )


def test_a_sign_must_point_at_a_part_of_its_card(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    replace_in(requests, "    posts: 3\n", "")
    line = line_number_of(requests, "part: posts")
    assert problems_of(content_copy) == [
        f"content/friendcheck/requests.yaml:{line}: requests[2].signs[4].part: "
        "points at the posts, but this request has no 'posts'"
    ]


def test_the_quick_round_names_requests_and_rules_that_exist(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    replace_in(requests, "requests: [snel-geld, klasgenoot", "requests: [snel-gel, klasgenoot")
    replace_in(requests, "rules: [alleen-in-het-echt,", "rules: [alleen-echt,")
    problems = problems_of(content_copy)
    assert len(problems) == 2
    assert problems[0].startswith(
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'snel-gel,')}: "
        "quick_round.requests[0]: 'snel-gel' is not one of the requests"
    )
    assert problems[1].startswith(
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'alleen-echt,')}: "
        "quick_round.rules[0]: 'alleen-echt' is not one of the rules"
    )


def test_an_editor_adds_a_practice_request_in_yaml_only(content_copy, tmp_path):
    requests = content_copy / "friendcheck" / "requests.yaml"
    new_request = """
  - id: gamer-vriend
    app: snapchat
    name: xX_Gamer_Xx
    display_name: Gamer
    picture:
      drawing: car
      background: pink
      says:
        nl: Een auto uit een game.
        en: A car from a game.
    mutual:
      nl: Geen vrienden samen
      en: No friends in common
    message:
      nl: Hoi, ik ken je van de game. Zullen we verder praten op een andere app?
      en: Hi, I know you from the game. Shall we carry on talking on another app?
    best: decline
    signs:
      - part: message
        tone: risk
        short:
          nl: Naar een andere app
          en: Off to another app
        text:
          nl: Hij wil naar een andere app.
          en: He wants to move to another app.
    explanation:
      nl: Blijf in de game, of stop het gesprek.
      en: Stay in the game, or stop the chat.
"""
    requests.write_text(requests.read_text(encoding="utf-8") + new_request, encoding="utf-8")
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy), "CONTENT_DB": str(tmp_path / "content.db")})
    with app.test_request_context():
        assert "/en/vriendencheck/oefenen/gamer-vriend" in page_paths("en")
    client = app.test_client()
    before_last = parse(
        client.post("/nl/vriendencheck/oefenen/afpersing", data={QUESTION: "practice", PICKS: "decline"})
    )
    assert before_last.select_one(".onward .button")["href"] == "/nl/vriendencheck/oefenen/gamer-vriend"
    result = parse(client.post("/en/vriendencheck/oefenen/gamer-vriend", data={QUESTION: "practice", PICKS: "accept"}))
    assert result.h1.get_text(strip=True) == "This request is not safe"
    assert [li.select_one(".sign__text").get_text(strip=True) for li in result.select(".signs li")] == [
        "He wants to move to another app."
    ]
    assert result.select_one('.request-card [data-part="message"].is-sign .tone').get_text() == "Off to another app"
    assert result.select_one(".request-card svg.avatar")["aria-label"] == "A car from a game."
