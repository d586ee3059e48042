"""The shape of the lesson content (content/lesson/*.yaml) and the checks that tie it to the rest.

Slides draw from Checkje's own content by id (a practice request, snaps steps,
walkthrough steps, help lines) instead of copying its texts, so a change there
shows in the lesson too. The build checks that every id exists, that the plan
uses each slide once in the deck's order, and that its minutes add up.
"""

from checkje.content.references import unknown_ids
from checkje.content.schema import ListOf, Problem, Record, Slug, Text, Whole, Words
from checkje.helpfinder.lines import unknown_help_lines
from checkje.lesson.poll_store.contract import shown_times
from checkje.walkthroughs.steps import known_steps, step_reference

LESSON_MINUTES = 50
# How a pupil answers a statement; a practice request uses the friend check's answers instead.
OPINIONS = ("agree", "disagree", "unsure")
# Texts about the class poll say its time limits with these placeholders; the pages fill in the poll store's.
POLL_TIMES = tuple(shown_times())

PLAN = Record(
    {
        "title": Text(),
        "description": Text(),
        "intro": Text(),
        "goals": ListOf(Text()),
        "poll": Text(placeholders=POLL_TIMES),
        "parts": ListOf(
            Record(
                {
                    "id": Slug(),
                    "minutes": Whole(1, LESSON_MINUTES),
                    "title": Text(),
                    "activity": Text(),
                    "slides": ListOf(Slug()),
                }
            ),
            unique="id",
        ),
    }
)

SLIDES = Record(
    {
        "slides": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "body": Text(optional=True),
                    "points": ListOf(Text(), optional=True),
                    # Ids of items in friendcheck/check.yaml's profile part: what a loverboy sees.
                    "profile": ListOf(Slug(), optional=True),
                    "snaps": ListOf(Slug(), optional=True),
                    "settings": ListOf(step_reference(), optional=True),
                    "statement": Slug(optional=True),
                    "lines": ListOf(Slug(), optional=True),
                    # For the teacher: what to ask or say. Folded away on the projected slide.
                    "notes": Text(optional=True),
                    # For maintainers: where the slide's facts come from, each source with its date.
                    "source": Words(optional=True),
                }
            ),
            min_items=8,
            unique="id",
        )
    }
)

STATEMENTS = Record(
    {
        "answers": Record({answer: Text() for answer in OPINIONS}),
        # Each statement has a "text", or names a practice "request" to vote on.
        "statements": ListOf(
            Record(
                {"id": Slug(), "text": Text(optional=True), "request": Slug(optional=True), "prompts": ListOf(Text())}
            ),
            unique="id",
        ),
    }
)

GUIDE = Record(
    {
        "title": Text(),
        "description": Text(),
        "intro": Text(),
        "sections": ListOf(
            Record(
                {
                    "id": Slug(),
                    "heading": Text(),
                    "body": Text(),
                    "points": ListOf(Text(placeholders=POLL_TIMES), optional=True),
                    "lines": ListOf(Slug(), optional=True),
                    # For maintainers: where the section's facts come from, each source with its date.
                    "source": Words(optional=True),
                }
            ),
            unique="id",
        ),
    }
)

SCHEMAS = {"lesson/plan": PLAN, "lesson/slides": SLIDES, "lesson/statements": STATEMENTS, "lesson/guide": GUIDE}


def _ids(items):
    return [item["id"] for item in items]


def _plan_follows_the_deck(documents):
    """The plan uses every slide once, in the deck's order, and its minutes add up to the lesson."""
    plan, slide_ids = documents["lesson/plan"], _ids(documents["lesson/slides"]["slides"])
    used = []
    for index, part in enumerate(plan["parts"]):
        yield from unknown_ids(
            "lesson/plan",
            f"parts[{index}].slides",
            part["slides"],
            slide_ids,
            "a slide id in content/lesson/slides.yaml",
        )
        used.extend(part["slides"])
    if [slide for slide in used if slide in slide_ids] != slide_ids:
        yield (
            "lesson/plan",
            Problem(
                "parts",
                plan["parts"].line,
                f"the parts should show every slide once, in the deck's order: {', '.join(slide_ids)}",
            ),
        )
    minutes = sum(part["minutes"] for part in plan["parts"])
    if minutes != LESSON_MINUTES:
        yield (
            "lesson/plan",
            Problem("parts", plan["parts"].line, f"the parts take {minutes} minutes; a lesson has {LESSON_MINUTES}"),
        )


def _slides_name_what_exists(documents):
    """Every id on a slide names a profile item, snaps step, walkthrough step, statement or help line that exists."""
    slides = documents["lesson/slides"]["slides"]
    statement_ids = _ids(documents["lesson/statements"]["statements"])
    known = {
        "profile": (
            _ids(documents["friendcheck/check"]["profile"]["items"]),
            "a profile item id in content/friendcheck/check.yaml",
        ),
        "snaps": (_ids(documents["snaps/demo"]["steps"]), "a step id in content/snaps/demo.yaml"),
        "settings": (known_steps(documents), "a step in content/walkthroughs/"),
    }
    for index, slide in enumerate(slides):
        for field, (ids, what) in known.items():
            yield from unknown_ids("lesson/slides", f"slides[{index}].{field}", slide.get(field, []), ids, what)
        if "statement" in slide and slide["statement"] not in statement_ids:
            what = "a statement id in content/lesson/statements.yaml"
            yield (
                "lesson/slides",
                Problem(
                    f"slides[{index}].statement", slide.line_of("statement"), f"{slide['statement']!r} is not {what}"
                ),
            )
        if "lines" in slide:
            yield from unknown_help_lines(documents, "lesson/slides", f"slides[{index}].lines", slide["lines"])
    shown = [slide["statement"] for slide in slides if slide.get("statement") in statement_ids]
    if shown != [statement for statement in statement_ids if statement in shown]:
        yield (
            "lesson/slides",
            Problem(
                "slides",
                slides.line,
                "slides show statements in another order than the poll asks them (content/lesson/statements.yaml)",
            ),
        )


def _statements_have_one_question(documents):
    """A statement has a text or a practice request, not both; the request exists."""
    statements = documents["lesson/statements"]["statements"]
    request_ids = _ids(documents["friendcheck/requests"]["requests"])
    for index, statement in enumerate(statements):
        place = f"statements[{index}]"
        if ("text" in statement) == ("request" in statement):
            yield (
                "lesson/statements",
                Problem(place, statement.line, 'give a "text" or a "request", not both and not neither'),
            )
        elif "request" in statement and statement["request"] not in request_ids:
            what = "a practice request id in content/friendcheck/requests.yaml"
            yield (
                "lesson/statements",
                Problem(f"{place}.request", statement.line_of("request"), f"{statement['request']!r} is not {what}"),
            )


def _guide_lines_exist(documents):
    for index, section in enumerate(documents["lesson/guide"]["sections"]):
        if "lines" in section:
            yield from unknown_help_lines(documents, "lesson/guide", f"sections[{index}].lines", section["lines"])


CROSS_CHECKS = (_plan_follows_the_deck, _slides_name_what_exists, _statements_have_one_question, _guide_lines_exist)
