"""The youth pages that are plain content: home, help, trusted people, help card, safety."""

from checkje import content
from checkje.pages import shapes, views


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(views.bp)
