"""Checkje's app factory: settings, then each area of the checkje package in turn."""

from flask import Flask

from checkje import content, core, friendcheck, helpfinder, lesson, pages, pwa, snaps, together, walkthroughs
from checkje.core import page_cache, settings

# Every area of Checkje; each registers its pages, content shapes and commands.
AREAS = (core, content, pages, helpfinder, friendcheck, walkthroughs, snaps, together, lesson, pwa)


def create_app(test_config=None):
    """Create the Checkje app; test_config overrides settings and the environment."""
    app = Flask(__name__)
    app.config.from_mapping(settings.DEFAULTS)
    app.config.update(settings.from_environment())
    if test_config:
        app.config.update(test_config)
    for area in AREAS:
        area.init_app(app)
    # Last: its after_request then runs first and keeps each view's own response.
    page_cache.init_app(app)
    content.open_store(app)
    return app
