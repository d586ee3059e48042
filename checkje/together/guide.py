"""The guide for mentors: signals, how to act, where to report, one page per section, and a one-page print version.

For youth-care staff, reached from the "together" start page. The help lines it names
come from content/helpfinder/lines.yaml by id, so their numbers live in one place.
"""

from flask import render_template

from checkje.content import content
from checkje.core import sequence, sitemap
from checkje.core.i18n import language_blueprint
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.helpfinder.lines import named_help_lines

# In Dutch and English only, like every page for teachers and mentors.
bp = language_blueprint("mentor", __name__, languages=WRITTEN_LANGUAGES)


def _with_lines(section):
    """A section with its help lines filled in from helplines.yaml, each with when to use it."""
    return {**section, "lines": named_help_lines(section.get("lines", []))}


@bp.get("/mentor")
def guide():
    """What the guide is for, its sections, and the print version."""
    page = content("together/guide")
    return render_template(
        "together/guide.html", page=page, sections=sequence.links(page["sections"], ".guide_section", "section_id")
    )


@bp.get("/mentor/<section_id>")
def guide_section(section_id):
    """One section of the guide, with the way back and on."""
    page = content("together/guide")
    sections = page["sections"]
    position = sequence.position(sections, section_id, ".guide_section", start_endpoint=".guide", argument="section_id")
    return render_template(
        "together/guide_section.html", page=page, position=position, section=_with_lines(position["step"])
    )


@bp.get("/mentor/print")
def guide_print():
    """The whole guide in short, on one A4 page: each section's short lines and the help lines' numbers."""
    page = content("together/guide")
    return render_template(
        "together/guide_print.html", page=page, sections=[_with_lines(section) for section in page["sections"]]
    )


sitemap.lists_pages("mentor.guide_section")(sequence.pages_of("together/guide", "sections", "section_id"))
