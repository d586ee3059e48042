"""The friend-check content files: mistakes stop the build with file and line; an editor can add a request."""

from app import create_app
from checkje.core.sitemap import page_paths
from checkje.friendcheck.fields import PICKS
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
    replace_in(requests, "        en: Is in your class\n", "")
    problems = problems_of(content_copy)
    assert (
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'best: maybe')}: "
        "requests[0].best: 'maybe' should be one of: accept, decline, check" in problems
    )
    assert (
        f"content/friendcheck/requests.yaml:{line_number_of(requests, 'nl: Zit bij jou in de klas')}: "
        'requests[0].facts[2]: the "en" text is missing' in problems
    )


def test_the_check_needs_at_least_eight_requests(content_copy):
    requests = content_copy / "friendcheck" / "requests.yaml"
    text = requests.read_text(encoding="utf-8")
    head, first_request, *_ = text.split("\n  - id: ")
    requests.write_text(head + "\n  - id: " + first_request, encoding="utf-8")
    (problem,) = problems_of(content_copy)
    line = requests.read_text(encoding="utf-8").splitlines().index("requests:") + 1
    assert problem == f"content/friendcheck/requests.yaml:{line}: requests: should have at least 8 item(s)"


def test_an_editor_adds_a_practice_request_in_yaml_only(content_copy, tmp_path):
    requests = content_copy / "friendcheck" / "requests.yaml"
    new_request = """
  - id: gamer-vriend
    name: xX_Gamer_Xx
    photo:
      nl: Een figuurtje uit een game.
      en: A character from a game.
    facts:
      - nl: Geen vrienden samen
        en: No friends in common
    message:
      nl: Hoi, ik ken je van de game. Zullen we verder praten op een andere app?
      en: Hi, I know you from the game. Shall we carry on talking on another app?
    best: decline
    signs:
      - nl: Hij wil naar een andere app.
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
    before_last = parse(client.get(f"/nl/vriendencheck/oefenen/model-worden/uitslag?{PICKS}=decline"))
    assert before_last.select_one(".onward .button")["href"] == "/nl/vriendencheck/oefenen/gamer-vriend"
    result = parse(client.get(f"/en/vriendencheck/oefenen/gamer-vriend/uitslag?{PICKS}=accept"))
    assert result.h1.get_text(strip=True) == "This request is not safe"
    assert [li.get_text(strip=True) for li in result.select(".signs li")] == ["He wants to move to another app."]
