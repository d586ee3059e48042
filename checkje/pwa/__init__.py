"""Installable and offline: manifest, service worker, offline page; and a static copy of the site."""

from checkje import content
from checkje.pwa import export, shapes, views


def init_app(app):
    content.register(app, shapes)
    app.register_blueprint(views.bp)
    app.register_blueprint(views.root_bp)
    app.cli.add_command(export.export_static_command)
