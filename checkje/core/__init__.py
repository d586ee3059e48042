"""What every page shares: settings, languages, rails, the address, delivery, templating, errors, site map, steps."""

from checkje.core import assets, delivery, errors, hosts, i18n, rails, templating


def init_app(app):
    i18n.init_app(app)
    rails.init_app(app)
    hosts.init_app(app)
    assets.init_app(app)
    delivery.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
