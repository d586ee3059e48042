"""Lesson mode for schools: the lesson plan, the slides, the teacher guide, and the anonymous class poll."""

from checkje import content
from checkje.core import shared_store
from checkje.core.settings import WRITTEN_LANGUAGES
from checkje.lesson import fields, poll_views, shapes, slides  # noqa: F401 - poll_views adds its routes to slides.bp
from checkje.lesson.commands import purge_polls_command
from checkje.lesson.poll_store import SWEEP_SECONDS, SQLitePollStore, sweep

# How often a pupil's phone asks whether the screen moved on to another statement.
FOLLOW_EVERY_MS = 4000


def _poll_store(app):
    if shared_store.wants_redis(app.config):
        from checkje.lesson.poll_store.redis import RedisPollStore  # noqa: PLC0415 - needs the redis package

        return RedisPollStore(shared_store.redis_client(app), prefix=shared_store.KEY_PREFIX)
    return SQLitePollStore(app.config["POLLS_DB"])


def init_app(app):
    app.config.setdefault("LESSON_FOLLOW_MS", FOLLOW_EVERY_MS)
    app.config.setdefault("POLL_SWEEP_SECONDS", SWEEP_SECONDS)
    app.jinja_env.globals["lesson_fields"] = fields
    content.register(app, shapes, languages=WRITTEN_LANGUAGES)
    app.extensions["checkje.polls"] = _poll_store(app)
    app.register_blueprint(slides.bp)
    app.cli.add_command(purge_polls_command)


def start_sweeping(app):
    """In a server worker: sweep expired polls away on time (checkje/lesson/poll_store/sweep.py)."""
    sweep.start(app.extensions["checkje.polls"], app.config["POLL_SWEEP_SECONDS"])
