"""The youth pages that are plain content: home, help, safety, trusted people and the help card."""

from flask import make_response, render_template

from checkje.content import content
from checkje.core.delivery import kept_nowhere
from checkje.core.i18n import language_blueprint
from checkje.helpfinder.lines import emergency, help_lines, named_help_lines

bp = language_blueprint("pages", __name__)


@bp.app_context_processor
def help_bar_context():
    """The help bar on every page, error pages included, shows the emergency number."""
    return {"helplines_emergency": emergency()}


@bp.app_template_global()
def explanation(word_id):
    """A hard word's short explanation (content/pages/words.yaml), for templates/components/explainer.html."""
    return next(word for word in content("pages/words")["words"] if word["id"] == word_id)


@bp.get("/")
def home():
    """Show the welcome and a tile for each part of Checkje."""
    return render_template("pages/home.html", page=content("pages/home"))


@bp.get("/hulp")
def help():
    """Ask what is going on, then give the lines that fit each answer, one tap away.

    Lines for professionals are in the mentor guide; the build checks that each youth line is in one situation.
    """
    page = content("pages/help")
    situations = [{**situation, "lines": help_lines(situation["lines"])} for situation in page["situations"]]
    (talk_now,) = help_lines([page["talk_now"]["line"]])
    return render_template("pages/help.html", page=page, situations=situations, talk_now=talk_now)


@bp.get("/mijn-mensen")
def trusted():
    """Let the youth keep trusted people on this phone, each one tap away."""
    return render_template("pages/trusted.html", page=content("pages/trusted"))


@bp.get("/hulpkaart")
def card():
    """Show a card to screenshot or print: the youth's people and key help numbers."""
    page = content("pages/card")
    return render_template("pages/card.html", page=page, lines=named_help_lines(page["lines"]))


@bp.get("/veiligheid")
def safety():
    """Explain what quick exit hides and what it cannot hide."""
    return render_template("pages/safety.html", page=content("pages/safety"))


@bp.post("/veiligheid/wissen")
@kept_nowhere
def wipe():
    """Remove everything Checkje kept on this phone, also without JavaScript.

    The browser does the removing: Clear-Site-Data empties this site's storage (trusted people, saved
    rules, the service worker and its offline copies) and its HTTP cache. The server keeps nothing to remove.
    """
    # Another site cannot make a youth's phone forget its trusted people: checkje/core/same_origin.py refuses its form.
    response = make_response(render_template("pages/safety.html", page=content("pages/safety"), wiped=True))
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response
