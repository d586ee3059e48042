"""What every page shares: settings, languages, rails, the address, forms from our own pages only, delivery,
templating, errors, site map, steps."""

from checkje.core import assets, delivery, errors, hosts, i18n, rails, same_origin, templating


def init_app(app):
    i18n.init_app(app)
    rails.init_app(app)
    hosts.init_app(app)
    same_origin.init_app(app)
    assets.init_app(app)
    delivery.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
