"""Privacy walkthroughs: one setting per step for Instagram, Snapchat, WhatsApp and TikTok."""

from checkje import content
from checkje.walkthroughs import fields, report, shapes, views
from checkje.walkthroughs.reports_store import SQLiteReportStore


def init_app(app):
    app.jinja_env.globals["walkthroughs_fields"] = fields
    content.register(app, shapes)
    # Beside the class polls: one database of anonymous counts that expire.
    app.extensions["checkje.screen_reports"] = SQLiteReportStore(app.config["POLLS_DB"], shapes.PHONES)
    app.register_blueprint(views.bp)
    app.cli.add_command(report.walkthrough_report_command)
    app.cli.add_command(report.purge_screen_reports_command)
