"""Privacy walkthroughs: one setting per step for Instagram, Snapchat, WhatsApp and TikTok."""

from checkje import content
from checkje.walkthroughs import fields, report, shapes, views


def init_app(app):
    app.jinja_env.globals["walkthroughs_fields"] = fields
    content.register(app, shapes)
    app.register_blueprint(views.bp)
    app.cli.add_command(report.walkthrough_report_command)
