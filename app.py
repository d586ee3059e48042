"""Checkje's app factory: settings, then one module per area from the checkje package."""

from flask import Flask

from checkje import (
    assets,
    cli,
    delivery,
    errors,
    export,
    friendcheck,
    helpfinder,
    i18n,
    lesson,
    mentor_guide,
    page_cache,
    pages,
    poll_views,
    pwa,
    rails,
    settings,
    snaps,
    templating,
    together,
    walkthroughs,
)
from checkje.content import ContentError, ContentStore


def create_app(test_config=None):
    """Create the Checkje app; test_config overrides settings and the environment."""
    app = Flask(__name__)
    app.config.from_mapping(settings.DEFAULTS)
    app.config.update(settings.from_environment())
    if test_config:
        app.config.update(test_config)

    i18n.init_app(app)
    rails.init_app(app)
    assets.init_app(app)
    delivery.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    export.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(friendcheck.bp)
    app.register_blueprint(helpfinder.bp)
    app.register_blueprint(snaps.bp)
    app.register_blueprint(together.bp)
    app.register_blueprint(mentor_guide.bp)
    walkthroughs.init_app(app)
    app.register_blueprint(lesson.bp)
    poll_views.init_app(app)
    pwa.init_app(app)
    page_cache.init_app(app)

    # Content is read once, here: a page can never fail on it later. A missing
    # database is built first; content that does not fit stops start-up.
    try:
        app.extensions["checkje.content"] = ContentStore.open(app.config["CONTENT_DB"], app.config["CONTENT_DIR"])
    except ContentError as error:
        raise SystemExit(f"Checkje cannot start: fix these content problems first.\n{error}") from None
    return app
