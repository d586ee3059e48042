"""Help: the help lines every area names by id, and the help finder that picks the ones that fit."""

from checkje import content
from checkje.helpfinder import shapes, views


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(views.bp)
