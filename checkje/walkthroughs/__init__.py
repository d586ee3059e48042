"""Privacy walkthroughs: one setting per step for Instagram, Snapchat, WhatsApp and TikTok."""

from checkje import content
from checkje.core import shared_store
from checkje.walkthroughs import fields, report, shapes, views
from checkje.walkthroughs.reports_store import SQLiteReportStore


def _report_store(app):
    if shared_store.wants_redis(app.config):
        from checkje.walkthroughs.reports_redis import RedisReportStore  # noqa: PLC0415 - needs the redis package

        return RedisReportStore(shared_store.redis_client(app), shapes.PHONES)
    return SQLiteReportStore(app.config["POLLS_DB"], shapes.PHONES)


def init_app(app):
    app.jinja_env.globals["walkthroughs_fields"] = fields
    content.register(app, shapes)
    # Beside the class polls: one database (or one Redis) of anonymous counts that expire.
    app.extensions["checkje.screen_reports"] = _report_store(app)
    app.register_blueprint(views.bp)
    app.cli.add_command(report.walkthrough_report_command)
    app.cli.add_command(report.purge_screen_reports_command)
