"""gunicorn's settings for Checkje (`gunicorn -c python:checkje.server.config 'app:create_app()'`).

The time limits for slow clients are Checkje's settings (checkje/core/settings.py), read by the worker.
"""

import os
import subprocess
import sys

from checkje.core import per_client
from checkje.core.settings import setting
from checkje.server import logs

worker_class = "checkje.server.worker.CheckjeWorker"
# WEB_CONCURRENCY is gunicorn's own variable for this, not a Checkje setting: only our default differs.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Per worker: room for hundreds of slow clients beside the visitors.
worker_connections = 1000
# Files the server writes (the class polls, the anonymous counts) are for the server alone.
umask = 0o077
# The access log is our own (checkje.access: method, kind of page, status, time); gunicorn's would add addresses.
accesslog = None
logconfig_dict = logs.LOGGING
# gunicorn's own request parsing limits: a little stricter than its defaults, our URLs are short.
limit_request_line = 2048
limit_request_fields = 50
limit_request_field_size = 4096
# In the gevent worker keep-alive only needs to be non-zero: CheckjeWorker times the wait for headers itself.
keepalive = 5
# Nothing outside needs to steer a running server.
control_socket_disable = True


def on_starting(server):
    """Check the public address is set; build the content database and the poll store once, before any worker
    starts, so workers never race for them; make the table of the limits per client that the workers share."""
    if not setting("SITE_URL"):
        raise SystemExit(
            "Set CHECKJE_SITE_URL to the address visitors use, like https://checkje.nl: links and QR codes use it, "
            "and requests for any other host are refused. (`make run` sets it to http://HOST:PORT.)"
        )
    os.umask(umask)
    module, _, factory = server.app.app_uri.partition(":")
    subprocess.run([sys.executable, "-c", f"import {module}; {module}.{factory}"], check=True)
    per_client.share_between_workers()


def post_worker_init(worker):
    """Each worker sweeps expired class polls away on time, even when nobody opens a poll page."""
    from checkje.lesson import start_sweeping  # noqa: PLC0415 - the app's package, loaded by the worker

    start_sweeping(worker.app.wsgi())
