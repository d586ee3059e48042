"""The shape of the walkthrough content files, and the checks that span a whole file.

A step's path is the taps a youth makes, in order. Taps that many steps share
(say, opening the settings) live once in a named `route`, so a menu that
changes is fixed in one place. Where iPhone and Android differ, a route or a
step gives `iphone` and `android` taps instead of `taps`.

`quick_steps` names the few most important steps, in the order a youth does
them: the short route every walkthrough starts with; the other steps follow.
Every walkthrough ends with the same step: what to do when someone crosses a line.
"""

from checkje.content.schema import Choice, Date, ListOf, Problem, Record, Slug, Text, Words

APPS = ("instagram", "snapchat", "whatsapp", "tiktok")
PHONES = ("iphone", "android")
# What a step was last checked against, in words a youth reads on the step (templates/walkthroughs/checked.html):
# the app maker's help pages or its own news, news reports, guides on other websites, or a real phone.
CHECKED_AGAINST = ("help-pages", "app-news", "news", "guides", "phone")
# The short route: enough to matter, few enough to finish.
QUICK_STEPS_RANGE = (3, 5)
# What the drawn screen shows next to a row's label.
MARKS = ("on", "off", "selected", "unselected", "tap", "plain")
# The step every walkthrough ends with, whatever the app: keep evidence, block and report.
LAST_STEP = "block-report"


_TAPS = ListOf(Record({"label": Text(), "where": Text(optional=True)}), optional=True)
_PHONE_TAPS = {"taps": _TAPS, "iphone": _TAPS, "android": _TAPS}

ROUTE = Record({"id": Slug(), **_PHONE_TAPS})

# The drawn screen: its title bar (the last tap's label unless given) and its rows.
SCREEN = Record({"title": Text(optional=True), "rows": ListOf(Record({"label": Text(), "mark": Choice(MARKS)}))})

STEP = Record(
    {
        "id": Slug(),
        "title": Text(),
        "why": Text(),
        "route": Slug(optional=True),
        **_PHONE_TAPS,
        "choose": Text(),
        "note": Text(optional=True),
        "screen": SCREEN,
        "look_for": Text(),
        "if_missing": Text(),
        # The month the step was last compared with what `checked_against` names; the page shows month and year.
        "checked": Date(),
        "checked_against": ListOf(Choice(CHECKED_AGAINST)),
        # For maintainers: exactly where the path and the advice come from, each source with its own date.
        "source": Words(),
    }
)


class Walkthrough(Record):
    """One app's walkthrough: its fields, then the rules that tie its routes and steps together."""

    def check(self, value, place, line):
        problems = list(super().check(value, place, line))
        yield from problems
        if not problems:
            yield from _route_and_path_problems(value)
            yield from _repeated_checked_against(value)
            yield from _quick_steps_problems(value)
            yield from _last_step_problems(value)


def _phone_taps_problems(part, place):
    has_shared = "taps" in part
    phones = [phone for phone in PHONES if phone in part]
    if has_shared and phones:
        yield Problem(place, part.line, 'give "taps" or "iphone" and "android", not both')
    elif phones and len(phones) != len(PHONES):
        (missing,) = set(PHONES) - set(phones)
        yield Problem(place, part.line, f'"{missing}" taps are missing: where phones differ, give both')


def _route_and_path_problems(walkthrough):
    routes = walkthrough["routes"]
    route_ids = [route["id"] for route in routes]
    used = set()
    for index, route in enumerate(routes):
        place = f"routes[{index}]"
        yield from _phone_taps_problems(route, place)
        if not any(key in route for key in _PHONE_TAPS):
            yield Problem(place, route.line, 'a route needs "taps", or "iphone" and "android"')
    for index, step in enumerate(walkthrough["steps"]):
        place = f"steps[{index}]"
        yield from _phone_taps_problems(step, place)
        if "route" in step:
            used.add(step["route"])
            if step["route"] not in route_ids:
                known = ", ".join(route_ids) or "none"
                yield Problem(
                    f"{place}.route",
                    step.line_of("route"),
                    f"{step['route']!r} is not a route in this file (routes: {known})",
                )
        elif not any(key in step for key in _PHONE_TAPS):
            yield Problem(place, step.line, 'the path is missing: give a "route", "taps", or "iphone" and "android"')
    for index, route in enumerate(routes):
        if route["id"] not in used:
            yield Problem(f"routes[{index}].id", route.line_of("id"), f"route {route['id']!r} is not used by any step")


def _repeated_checked_against(walkthrough):
    for index, step in enumerate(walkthrough["steps"]):
        named = step["checked_against"]
        for twice in sorted({each for each in named if named.count(each) > 1}):
            line = step.line_of("checked_against")
            yield Problem(f"steps[{index}].checked_against", line, f"{twice!r} is named twice")


def _quick_steps_problems(walkthrough):
    quick = walkthrough["quick_steps"]
    least, most = QUICK_STEPS_RANGE
    if not least <= len(quick) <= most:
        yield Problem(
            "quick_steps", walkthrough.line_of("quick_steps"), f"name {least} to {most} steps, not {len(quick)}"
        )
    step_ids = [step["id"] for step in walkthrough["steps"]]
    for index, step_id in enumerate(quick):
        place, line = f"quick_steps[{index}]", quick.line_of(index)
        if step_id not in step_ids:
            yield Problem(place, line, f"{step_id!r} is not a step in this file")
        elif step_id in quick[:index]:
            yield Problem(place, line, f"{step_id!r} is named twice")


def _last_step_problems(walkthrough):
    steps = walkthrough["steps"]
    last = steps[-1]
    if last["id"] != LAST_STEP:
        message = f"the last step must be {LAST_STEP!r} (block, report and keep evidence), not {last['id']!r}"
        yield Problem(f"steps[{len(steps) - 1}].id", last.line_of("id"), message)


WALKTHROUGH = Walkthrough(
    {
        "name": Words(),
        "title": Text(),
        "description": Text(),
        "intro": Text(),
        "quick_steps": ListOf(Slug()),
        "routes": ListOf(ROUTE, min_items=0, unique="id"),
        "steps": ListOf(STEP, unique="id"),
    }
)

OVERVIEW = Record(
    {
        "title": Text(),
        "description": Text(),
        "intro": Text(),
        "apps": Record({app: Text() for app in APPS}),
        "phone_intro": Text(),
        "progress_intro": Text(),
        "different_screen": Text(),
        # Said once, on the overview: how steps are checked, and that screens differ per phone and app version.
        "how_checked": Text(),
        "end": Text(),
    }
)

SCHEMAS = {"walkthroughs/overview": OVERVIEW, **{f"walkthroughs/{app}": WALKTHROUGH for app in APPS}}
