"""Friend check: a youth's own rules for accepting friend and follow requests."""

from checkje import content
from checkje.friendcheck import shapes, views


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(views.bp)
