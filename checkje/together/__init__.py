""" "Together with your mentor": the guided talk for a mentor and a youth, and the guide for mentors."""

from checkje import content
from checkje.together import guide, shapes, talk, way_back


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(talk.bp)
    app.register_blueprint(guide.bp)
    # The way back from an activity to its step of the talk: kept on the activity's addresses, shown on its pages.
    app.url_defaults(way_back.keep_talk_step)
    app.context_processor(way_back.way_back)
