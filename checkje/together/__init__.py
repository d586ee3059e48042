""" "Together with your mentor": the guided talk for a mentor and a youth, and the guide for mentors."""

from checkje import content
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.together import guide, shapes, talk  # noqa: F401 - guide adds its routes to talk.bp


def init_app(app):
    content.register(app, shapes, languages=WRITTEN_LANGUAGES)
    app.register_blueprint(talk.bp)
