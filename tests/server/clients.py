"""Raw HTTP clients for the real-server tests, all from one loopback address the logs must never show."""

import http.client
import socket
import time
from urllib.parse import urlencode, urlsplit

# The server listens on 127.0.0.1; our clients come from here, so the address is only in the log if a client's is.
CLIENT_ADDRESS = "127.0.0.3"


def connect(base, timeout=5, source=CLIENT_ADDRESS):
    address = urlsplit(base)
    return socket.create_connection((address.hostname, address.port), timeout=timeout, source_address=(source, 0))


def read_until_closed(sock, seconds=10):
    """Everything the server sends until it closes the connection; raises TimeoutError if it never does."""
    sock.settimeout(seconds)
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def exchange(base, raw, source=CLIENT_ADDRESS):
    """Send raw bytes as one request on a new connection; return (status, headers as a dict, body)."""
    with connect(base, source=source) as sock:
        sock.sendall(raw)
        data = read_until_closed(sock)
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def get(base, path, headers=()):
    host = [] if any(line.lower().startswith("host:") for line in headers) else [f"Host: {urlsplit(base).netloc}"]
    lines = [f"GET {path} HTTP/1.1", *host, "Connection: close", *headers]
    return exchange(base, ("\r\n".join(lines) + "\r\n\r\n").encode())


def post(base, path, form=None, headers=(), source=CLIENT_ADDRESS):
    """POST `form` as a browser's form would, with `headers` added; return (status, headers as a dict, body)."""
    body = urlencode(form or {}).encode()
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {urlsplit(base).netloc}",
        "Connection: close",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {len(body)}",
        *headers,
    ]
    return exchange(base, ("\r\n".join(lines) + "\r\n\r\n").encode() + body, source)


def timed_get(base, path):
    started = time.monotonic()
    status, _, _ = get(base, path)
    return status, time.monotonic() - started


class KeptAlive:
    """One phone or laptop: requests on one kept-alive connection from `source` (a loopback address of its own,
    so the limits per client of one test do not reach another's)."""

    def __init__(self, base, source):
        address = urlsplit(base)
        self.connection = http.client.HTTPConnection(
            address.hostname, address.port, timeout=5, source_address=(source, 0)
        )

    def ask(self, method, path, form=None):
        """Return (status, headers as a dict with lower-case names, body)."""
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if form is not None else {}
        body = None if form is None else urlencode(form)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # The server closed the idle connection (the header deadline): a browser asks again on a new one.
            self.connection.close()
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()

    def close(self):
        self.connection.close()
