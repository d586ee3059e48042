"""Friend check: a youth's own rules for accepting friend and follow requests."""

from checkje import content
from checkje.friendcheck import avatars, fields, practice_views, shapes, views  # noqa: F401 - practice_views adds its routes to views.bp


def init_app(app):
    app.jinja_env.globals["friendcheck_fields"] = fields
    # The drawn profile pictures' colours, for templates/components/avatar.html (also on lesson slides).
    app.jinja_env.globals["avatar_colours"] = avatars.COLOURS
    content.register(app, shapes)
    app.register_blueprint(views.bp)
