""" "Snaps can be saved": the demonstration, "it already happened", and ways to say no."""

from checkje import content
from checkje.snaps import shapes, views


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(views.bp)
