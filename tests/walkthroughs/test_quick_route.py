"""The short route first: each walkthrough starts with its quick steps, then offers the rest, with
progress on every step and a reward at the end of each part."""

import pytest

from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.walkthroughs.shapes import APPS, QUICK_STEPS_RANGE
from tests.conftest import PAGE_URLS
from tests.helpers import line_number_of, parse, problems_of, replace_in
from tests.walkthroughs.test_walkthroughs import WALKTHROUGHS, route_order, step_url, text_of

ROUTES = [(app, lang) for app in APPS for lang in WRITTEN_LANGUAGES]


def end_url(app, lang, end):
    return f"/{lang}/instellingen/{app}/{end}"


def next_href(soup):
    (way_on,) = soup.select(".step-nav a.button:not([rel=prev])")
    return way_on["href"]


@pytest.mark.parametrize("app", APPS)
def test_every_walkthrough_names_3_to_5_steps_of_its_own(app):
    document = WALKTHROUGHS[(app, "en")]
    quick = document["quick_steps"]
    least, most = QUICK_STEPS_RANGE
    assert least <= len(quick) <= most and len(set(quick)) == len(quick)
    assert set(quick) < {step["id"] for step in document["steps"]}, "there is a rest to offer"


@pytest.mark.parametrize(("name", "lang"), ROUTES)
def test_the_route_goes_quick_steps_then_a_choice_then_the_rest_then_the_end(client, name, lang):
    app = name
    document = WALKTHROUGHS[(app, lang)]
    quick = document["quick_steps"]
    rest = route_order(document)[len(quick) :]
    start = parse(client.get(f"/{lang}/instellingen/{app}")).select_one(".route-start a.button")
    assert start["href"] == step_url(app, lang, quick[0])

    for part, ids, after in (("quick", quick, end_url(app, lang, "snel-klaar")), ("rest", rest, None)):
        for index, step_id in enumerate(ids):
            soup = parse(client.get(step_url(app, lang, step_id)))
            words = text_of(soup.select_one(".step-count")).split()
            assert words[-3:] == [str(index + 1), words[-2], str(len(ids))], "step 2 of 5, within its part"
            assert (words[0] == "Extra") == (part == "rest")
            bar = soup.select(".route-progress li")
            assert len(bar) == len(ids) and len(soup.select(".route-progress__done")) == index + 1
            last = index + 1 == len(ids)
            assert next_href(soup) == (
                (after or end_url(app, lang, "klaar")) if last else step_url(app, lang, ids[index + 1])
            )
            previous = soup.select_one(".step-nav a[rel=prev]")
            if index:
                assert previous["href"] == step_url(app, lang, ids[index - 1])
            elif part == "rest":
                assert previous["href"] == end_url(app, lang, "snel-klaar"), (
                    "the rest starts where the short route ends"
                )
            else:
                assert previous is None

    choice = parse(client.get(end_url(app, lang, "snel-klaar")))
    assert choice.select_one(".reward [data-reward]")["data-reward"] == app
    options = [a["href"] for a in choice.select(".route-choice__options a.button")]
    assert options == [step_url(app, lang, rest[0]), f"/{lang}/instellingen"], "do the rest, or stop here"
    assert str(len(rest)) in text_of(choice.select_one(".route-choice__options a"))

    end = parse(client.get(end_url(app, lang, "klaar")))
    assert end.select_one(".reward [data-reward]")["data-reward"] == app
    assert end.select_one(".walkthrough-end").find("a", href=f"/{lang}/hulp"), "every walkthrough ends with help"


@pytest.mark.parametrize(("name", "lang"), ROUTES)
def test_the_reward_counts_on_the_phone_only(client, name, lang):
    app = name
    for end in ("snel-klaar", "klaar"):
        reward = parse(client.get(end_url(app, lang, end))).select_one("[data-reward]")
        assert "{count}" in reward["data-many"] and "1" in reward["data-one"]
        assert "{count}" not in text_of(reward) and not any(char.isdigit() for char in text_of(reward)), (
            "without JavaScript a general well done: the server does not know the count"
        )


def test_the_end_pages_are_listed_for_the_generic_tests():
    for app, lang in ROUTES:
        assert {end_url(app, lang, "snel-klaar"), end_url(app, lang, "klaar")} <= set(PAGE_URLS)


def test_a_phone_in_the_address_stays_on_the_route(client):
    soup = parse(client.get(step_url("whatsapp", "en", "block-report", "android")))
    assert next_href(soup) == "/en/instellingen/whatsapp/snel-klaar?telefoon=android"
    options = parse(client.get("/en/instellingen/whatsapp/snel-klaar?telefoon=android")).select(
        ".route-choice__options a"
    )
    assert [a["href"] for a in options] == [
        "/en/instellingen/whatsapp/silence-unknown-callers?telefoon=android",
        "/en/instellingen?telefoon=android",
    ]


QUICK = "quick_steps:\n  - private-account\n  - messages\n  - location-map\n  - remove-followers\n  - block-report\n"


@pytest.mark.parametrize(
    ("new", "anchor", "problem"),
    [
        (
            QUICK.replace("  - messages\n", "  - mesages\n"),
            "  - mesages",
            "quick_steps[1]: 'mesages' is not a step in this file",
        ),
        (
            QUICK.replace("  - messages\n", "  - block-report\n"),
            "  - block-report",
            "quick_steps[4]: 'block-report' is named twice",
        ),
        ("quick_steps:\n  - private-account\n  - messages\n", "quick_steps:", "quick_steps: name 3 to 5 steps, not 2"),
        (QUICK + "  - restrict\n", "quick_steps:", "quick_steps: name 3 to 5 steps, not 6"),
        ("", "name: Instagram", '(top): "quick_steps" is missing'),
    ],
    ids=["unknown step", "twice", "too few", "too many", "missing"],
)
def test_broken_quick_steps_stop_the_build_with_file_and_line(content_copy, new, anchor, problem):
    path = content_copy / "walkthroughs" / "instagram.yaml"
    replace_in(path, QUICK, new)
    # A step named twice: the problem is on its second line.
    lines = path.read_text(encoding="utf-8").splitlines()
    line = len(lines) - lines[::-1].index(anchor) if "twice" in problem else line_number_of(path, anchor)
    assert problems_of(content_copy) == [f"content/walkthroughs/instagram.yaml:{line}: {problem}"]
