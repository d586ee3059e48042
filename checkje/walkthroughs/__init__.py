"""Privacy walkthroughs: one setting per step for Instagram, Snapchat and WhatsApp."""


def init_app(app):
    # Imported here, not at the top: checkje.documents imports .shapes while the
    # content module is still loading, and the views need that content module.
    from checkje.walkthroughs import report, views

    app.register_blueprint(views.bp)
    app.cli.add_command(report.walkthrough_report_command)
