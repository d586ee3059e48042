"""Friend check: a youth's own rules for accepting friend and follow requests."""

from checkje import content
from checkje.friendcheck import fields, shapes, views


def init_app(app):
    app.jinja_env.globals["friendcheck_fields"] = fields
    content.register(app, shapes)
    app.register_blueprint(views.bp)
