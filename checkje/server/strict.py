"""What gunicorn lets through and Checkje does not: framing a proxy might read another way, and its own name."""

from gunicorn.http import wsgi
from gunicorn.http.errors import InvalidHeader


def check_framing(req):
    """Refuse a Transfer-Encoding that is not exactly one `chunked`, as gunicorn refuses a bad header: our 400 page,
    then the connection closes.

    gunicorn reads `identity, chunked`, `gzip, chunked` and the header sent twice as chunked. A proxy in front may
    read the same bytes another way, and where two servers disagree on where a request ends, a second request can
    hide inside the first (request smuggling). Browsers send `chunked` alone, if anything.
    """
    codings = [value.strip(" \t").lower() for name, value in req.headers if name == "TRANSFER-ENCODING"]
    if codings and codings != ["chunked"]:
        raise InvalidHeader("TRANSFER-ENCODING")


class AnonymousResponse(wsgi.Response):
    """gunicorn's response without its `Server: gunicorn` line: the server's name helps only someone looking for a
    known hole in it."""

    def default_headers(self):
        return [line for line in super().default_headers() if not line.startswith("Server:")]


def answer_anonymously():
    # gunicorn has no setting for this; it makes each answer with the `Response` its wsgi module names.
    wsgi.Response = AnonymousResponse
