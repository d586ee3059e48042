"""The nginx example of docs/deploying.md (deploy/nginx/checkje.conf), run as it is in front of the real server:
nginx accepts it, serves Checkje over HTTPS, and the limits per client see each client, not the proxy."""

import http.client
import re
import shutil
import socket
import ssl
import subprocess
import time
from urllib.parse import urlencode, urlsplit

from checkje.lesson import client_limits
from tests.real_server import ROOT, free_port
from tests.server.conftest import SHARED_SERVER

pytestmark = SHARED_SERVER

EXAMPLE = ROOT / "deploy" / "nginx" / "checkje.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _for_this_test(example, app_port, https_port, http_port, certificate, key):
    """The example with this machine's addresses and a certificate of the test's own; nothing else changes."""
    swaps = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("/etc/ssl/checkje/fullchain.pem", str(certificate)),
        ("/etc/ssl/checkje/privkey.pem", str(key)),
    ]
    for old, new in swaps:
        assert old in example, old
        example = example.replace(old, new)
    # This machine may have no IPv6.
    return re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", example)


def _nginx_conf(folder, server_block):
    (folder / "checkje.conf").write_text(server_block)
    temp = {name: folder / name for name in ("body", "proxy")}
    for path in temp.values():
        path.mkdir()
    conf = folder / "nginx.conf"
    conf.write_text(
        f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        f"http {{\n client_body_temp_path {temp['body']};\n proxy_temp_path {temp['proxy']};\n"
        f" include {folder / 'checkje.conf'};\n}}\n"
    )
    return conf


def _wait_for_port(port, process, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nginx did not listen on {port}")


def _client(port, source, app_host):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, source_address=(source, 0))

    def ask(method, path, form=None, headers=None):
        # The app answers only its own site's host: a browser would send the public one, which nginx passes on.
        headers = {"Host": app_host, **(headers or {})}
        body = None
        if form is not None:
            body, headers["Content-Type"] = urlencode(form), "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()

    return connection, ask


def test_the_nginx_example_serves_checkje_and_passes_on_each_clients_address(server, tmp_path):
    base, _, _ = server
    app = urlsplit(base)
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        + ["-keyout", str(key), "-out", str(certificate), "-days", "1", "-subj", "/CN=checkje.example"],
        check=True,
        capture_output=True,
    )
    https_port, http_port = free_port(), free_port()
    conf = _nginx_conf(tmp_path, _for_this_test(EXAMPLE.read_text(), app.port, https_port, http_port, certificate, key))
    checked = subprocess.run([NGINX, "-t", "-c", str(conf), "-e", str(tmp_path / "error.log")], capture_output=True)
    assert checked.returncode == 0, checked.stderr.decode()

    nginx = subprocess.Popen([NGINX, "-c", str(conf), "-e", str(tmp_path / "error.log")], stderr=subprocess.DEVNULL)
    connections = []
    try:
        _wait_for_port(https_port, nginx)
        school, ask_school = _client(https_port, "127.0.0.21", app.netloc)
        neighbour, ask_neighbour = _client(https_port, "127.0.0.22", app.netloc)
        connections += [school, neighbour]
        status, headers, _ = ask_school("GET", "/nl/hulp")
        assert status == 200 and "content-security-policy" in headers
        assert "gunicorn" not in headers.get("server", "") and "nginx/" not in headers.get("server", "")
        # One school starts polls until it is refused; what it writes in X-Forwarded-For changes nothing.
        forged = {"X-Forwarded-For": "203.0.113.9"}
        starts = [
            ask_school("POST", "/nl/les/peiling", {}, forged)[0] for _ in range(client_limits.NEW_POLLS.burst + 1)
        ]
        other = ask_neighbour("POST", "/nl/les/peiling", {})[0]
    finally:
        for connection in connections:
            connection.close()
        nginx.terminate()
        nginx.wait(10)
    assert starts == [200] * client_limits.NEW_POLLS.burst + [429]
    assert other == 200, "behind the proxy each client is itself, not the proxy's address"
    assert not list((tmp_path / "body").iterdir()) and not list((tmp_path / "proxy").iterdir()), "nothing on disk"
