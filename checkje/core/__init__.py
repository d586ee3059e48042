"""What every page shares: settings, languages, rails, delivery, templating, errors, site map, step flows."""

from checkje.core import assets, delivery, errors, i18n, rails, templating


def init_app(app):
    i18n.init_app(app)
    rails.init_app(app)
    assets.init_app(app)
    delivery.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
