"""The shape of "snaps can be saved", "it already happened" and "ways to say no" (content/snaps/)."""

from checkje.content.schema import PAGE_BASICS, Choice, Date, Flag, ListOf, Problem, Record, Slug, Text, Words
from checkje.helpfinder.lines import unknown_help_lines

# The drawn scenes of the demonstration (templates/snaps/scenes.html),
# each with the number of moments it shows one after the other.
SCENE_MOMENTS = {
    "countdown": 3,
    "screenshot": 3,
    "recording": 3,
    "second-phone": 3,
    "save-in-chat": 3,
    "other-apps": 3,
    "view-once": 3,
}

DEMO = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        # The day the facts were last compared with their sources; the steps show it.
        "checked": Date(),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "body": Text(),
                    # A step with a scene tells, in "moments", what the drawing shows, one sentence per moment.
                    "scene": Choice(SCENE_MOMENTS, optional=True),
                    "moments": ListOf(Text(), optional=True),
                    # Does the sender get a notice? Short answer, shown in a box.
                    "notice": Text(optional=True),
                    # For maintainers: where the facts come from (see shared/facts/app-settings.md).
                    "source": Words(),
                }
            ),
            unique="id",
        ),
    }
)

HAPPENED = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        # The one thing to do first, on the first screen of the start page.
        "first": Record({"heading": Text(), "text": Text(), "why": Text()}),
        "more": Text(),
        # Help lines that fit, by id, each with why; every page of the flow has their call or chat buttons.
        "help": ListOf(Record({"id": Slug(), "why": Text()})),
        "steps": ListOf(
            Record(
                {
                    "id": Slug(),
                    "title": Text(),
                    "body": Text(),
                    # true: the help lines follow right after the text, before the way on.
                    "help_here": Flag(optional=True),
                    # Ready-made sentences to start a conversation.
                    "sentences": ListOf(Text(), optional=True),
                    # For maintainers: where the step's facts come from, each source with its date.
                    "source": Words(optional=True),
                }
            ),
            unique="id",
        ),
    }
)

SAY_NO = Record(
    {
        **PAGE_BASICS,
        "intro": Text(),
        "situations": ListOf(Record({"id": Slug(), "heading": Text(), "replies": ListOf(Text())}), unique="id"),
        "after": Text(),
        # The words before the links to each app's block-and-report step (every walkthrough with a "block-report").
        "block_report": Text(),
        # Help lines that fit, by id, each with why: shown with their call or chat buttons.
        "help": ListOf(Record({"id": Slug(), "why": Text()})),
    }
)


def _happened_lines_exist(documents):
    """The "it already happened" flow and the ways to say no name help lines that exist."""
    for name in ("snaps/happened", "snaps/say-no"):
        yield from unknown_help_lines(documents, name, "help", documents[name]["help"], key="id")


def _scenes_match_their_moments(documents):
    demo = documents["snaps/demo"]
    for index, step in enumerate(demo["steps"]):
        place, line = f"steps[{index}]", demo["steps"].line_of(index)
        told = len(step.get("moments", []))
        if "scene" not in step:
            if told:
                yield "snaps/demo", Problem(f"{place}.moments", line, 'moments need a "scene" to describe')
        elif told != SCENE_MOMENTS[step["scene"]]:
            wanted = SCENE_MOMENTS[step["scene"]]
            message = f'the scene "{step["scene"]}" shows {wanted} moments; write one sentence for each, not {told}'
            yield "snaps/demo", Problem(f"{place}.moments", line, message)


SCHEMAS = {"snaps/demo": DEMO, "snaps/happened": HAPPENED, "snaps/say-no": SAY_NO}
CROSS_CHECKS = (_happened_lines_exist, _scenes_match_their_moments)
