"""gunicorn's gevent worker with deadlines for headers, body and answer, and our own pages for requests it cannot
read."""

import contextlib
import errno

import gevent
from gunicorn.http.errors import (
    InvalidResponseHeader,
    InvalidResponseHeaderName,
    LimitRequestHeaders,
    LimitRequestLine,
    NoMoreData,
    ParseException,
)
from gunicorn.workers.ggevent import GeventWorker
from werkzeug.exceptions import BadRequest, RequestTimeout

from checkje.core.errors import http_error_response
from checkje.core.settings import setting
from checkje.server import strict

# Seconds for a request's headers, then for its body: Checkje's settings (checkje/core/settings.py).
HEADER_TIMEOUT = setting("HEADER_TIMEOUT")
BODY_TIMEOUT = setting("BODY_TIMEOUT")
SEND_TIMEOUT = setting("SEND_TIMEOUT")
# What gunicorn's parser rejects, by the answer it gets; anything else it cannot read is a 400.
CLIENT_ERROR_STATUS = {LimitRequestLine: 414, LimitRequestHeaders: 431}
SERVER_ERRORS = (InvalidResponseHeader, InvalidResponseHeaderName)


class DeadlineInput:
    """A request body that must arrive before a deadline; reading after it raises 408.

    gunicorn reads a chunked body only when the app does, so a malformed chunk (`5g`, a bare LF after a chunk
    extension) or a body cut short raises inside the view: the app would answer 500 and log a traceback of
    the visitor's mistake. Here it is the 400 it is; gunicorn then closes the connection, as the next
    request's start is unknown.
    """

    def __init__(self, stream, seconds):
        self.stream = stream
        self.deadline = gevent.get_hub().loop.now() + seconds

    def _before_deadline(self, read, *args):
        left = max(self.deadline - gevent.get_hub().loop.now(), 0)
        try:
            with gevent.Timeout(left):
                return read(*args)
        except gevent.Timeout:
            raise RequestTimeout() from None
        except (ParseException, NoMoreData):
            raise BadRequest() from None

    def read(self, *args):
        return self._before_deadline(self.stream.read, *args)

    def readline(self, *args):
        return self._before_deadline(self.stream.readline, *args)

    def __iter__(self):
        return iter(self.readline, b"")


def with_body_deadline(wsgi_app, seconds):
    def app(environ, start_response):
        environ["wsgi.input"] = DeadlineInput(environ["wsgi.input"], seconds)
        return wsgi_app(environ, start_response)

    return app


class AnswerDeadline:
    """The client's socket while one answer goes out: all of it must be taken in before a deadline.

    Without one, a client that sends requests and never reads the answers keeps its connection forever: once the
    kernel's buffers (megabytes) are full, the write waits, and the greenlet, the socket and the buffers with it.
    Past the deadline the write fails as a broken pipe, which gunicorn closes quietly.
    """

    def __init__(self, sock, seconds):
        self.sock = sock
        self.seconds = seconds
        self.deadline = None

    def __getattr__(self, name):
        return getattr(self.sock, name)

    def _in_time(self, send, *args, **kwargs):
        now = gevent.get_hub().loop.now()
        if self.deadline is None:
            self.deadline = now + self.seconds
        deadline = gevent.Timeout(max(self.deadline - now, 0))
        try:
            with deadline:
                return send(*args, **kwargs)
        except gevent.Timeout as timeout:
            if timeout is not deadline:
                raise
            raise BrokenPipeError(errno.EPIPE, "the answer was not read in time") from None

    def send(self, *args, **kwargs):
        return self._in_time(self.sock.send, *args, **kwargs)

    def sendall(self, *args, **kwargs):
        return self._in_time(self.sock.sendall, *args, **kwargs)

    def sendfile(self, *args, **kwargs):
        return self._in_time(self.sock.sendfile, *args, **kwargs)


def status_for(error):
    if isinstance(error, ParseException) and not isinstance(error, SERVER_ERRORS):
        return next((status for kind, status in CLIENT_ERROR_STATUS.items() if isinstance(error, kind)), 400)
    return 500


class CheckjeWorker(GeventWorker):
    def init_process(self):
        strict.answer_anonymously()
        super().init_process()

    def load_wsgi(self):
        super().load_wsgi()
        # Made once per worker: the same page for every request gunicorn cannot read.
        self.error_answers = {status: http_error_response(self.wsgi, status) for status in (400, 414, 431, 500)}
        self.wsgi = with_body_deadline(self.wsgi, BODY_TIMEOUT)

    def handle_request(self, listener_name, req, sock, addr):
        strict.check_framing(req)
        super().handle_request(listener_name, req, AnswerDeadline(sock, SEND_TIMEOUT), addr)
        # The answer has gone out; what is left of the body must be read before the next request. gunicorn does
        # that itself, but a malformed chunk there (in a body the page never read) makes handle_error send a
        # second answer that nobody asked for. Read it here, and close quietly if it cannot be read in time.
        try:
            with gevent.Timeout(BODY_TIMEOUT):
                while req.body and req.body.read(8192):
                    pass
        except (gevent.Timeout, ParseException, NoMoreData):
            raise StopIteration from None

    def timeout_ctx(self):
        # One deadline for all the headers, not one per read: trickling a line every few seconds does not help.
        return gevent.Timeout(HEADER_TIMEOUT, False)

    def handle_error(self, req, client, addr, exc):
        """Answer with our page and headers, and log only the kind of error.

        gunicorn's own version logs the client's address and quotes the request.
        """
        status = status_for(exc)
        if status == 500:
            self.log.error("Error handling a request: %s", type(exc).__name__, exc_info=exc)
        with contextlib.suppress(OSError):
            client.sendall(self.error_answers[status])
