"""The server's error log: what happened and where in the code, never who asked or what they sent.

Exception messages can quote what a visitor sent (`invalid literal for int(): '²'`), so
tracebacks keep the exception's type and the code's frames and drop the message.
Checkje's own code logs endpoints, never paths, queries or headers.
"""

import logging
import traceback


class PlainFormatter(logging.Formatter):
    """Timestamps and messages as usual; tracebacks without the exception's message."""

    def formatException(self, exc_info):
        kind, _, trace = exc_info
        frames = "".join(traceback.format_list(traceback.extract_tb(trace)))
        return f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__}"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"()": PlainFormatter, "format": "%(asctime)s [%(process)d] %(levelname)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    # gunicorn.error at INFO: its DEBUG lines quote the request being read.
    "loggers": {"gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False}},
    # Everything else (the app's own errors included) goes through the same handler.
    "root": {"level": "INFO", "handlers": ["stderr"]},
}
