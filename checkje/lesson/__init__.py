"""Lesson mode for schools: the lesson plan, the slides, the teacher guide, and the anonymous class poll."""

from checkje import content
from checkje.core import shared_store
from checkje.lesson import fields, poll_views, shapes, slides  # noqa: F401 - poll_views adds its routes to slides.bp
from checkje.lesson.commands import purge_polls_command
from checkje.lesson.poll_store import SQLitePollStore


def _poll_store(app):
    if shared_store.wants_redis(app.config):
        from checkje.lesson.poll_store.redis import RedisPollStore  # noqa: PLC0415 - needs the redis package

        return RedisPollStore(shared_store.redis_client(app), prefix=shared_store.KEY_PREFIX)
    return SQLitePollStore(app.config["POLLS_DB"])


def init_app(app):
    app.jinja_env.globals["lesson_fields"] = fields
    content.register(app, shapes)
    app.extensions["checkje.polls"] = _poll_store(app)
    app.register_blueprint(slides.bp)
    app.cli.add_command(purge_polls_command)
