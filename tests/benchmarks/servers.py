"""Servers for the benchmarks, each started on 127.0.0.1 and always stopped: gunicorn, Checkje, nginx, wrk."""

import contextlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from tests.real_server import GUNICORN, checkje_server, free_port, running

# Same load for every server in one run: 2 threads, 32 connections, 5 seconds, on this machine only.
WRK_ARGS = ["-t2", "-c32", "-d5s", "--timeout", "2s"]
BROWSER_HEADERS = ["-H", "Accept-Encoding: gzip"]


@dataclass
class Served:
    url: str
    pid: int


@contextlib.contextmanager
def gunicorn(app_spec, probe_path="/"):
    """Serve a bare WSGI app the plain way: two sync workers. Yields Served(url, pid of the master)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(
        [str(GUNICORN), "--workers", "2", "--bind", f"127.0.0.1:{port}", app_spec], base + probe_path
    ) as process:
        yield Served(base, process.pid)


@contextlib.contextmanager
def checkje(probe_path="/nl/"):
    """Serve Checkje as `make run` does. Yields Served(url, pid of the master)."""
    with checkje_server(probe_path=probe_path) as (base, process):
        yield Served(base, process.pid)


NGINX_CONF = """
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  types {{ application/manifest+json webmanifest; }}
  access_log off;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  gzip on;
  gzip_comp_level 6;
  gzip_types text/css text/javascript application/javascript application/manifest+json image/svg+xml;
  server {{
    listen 127.0.0.1:{port};
    root {site};
    location / {{ try_files $uri $uri.html $uri/index.html =404; }}
    error_page 404 /404.html;
  }}
}}
"""


@contextlib.contextmanager
def nginx(site, work):
    """Serve the static export in `site` with nginx (gzip on, like the app). Yields the base URL."""
    port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    conf = work / "nginx.conf"
    conf.write_text(NGINX_CONF.format(work=work, port=port, site=site))
    with running(
        [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work)], f"http://127.0.0.1:{port}/nl/"
    ) as process:
        yield Served(f"http://127.0.0.1:{port}", process.pid)


def wrk(url, duration=None):
    """Requests per second for `url` under the fixed load (for `duration`, like "1s", if given); raises if any
    request failed. Answers slower than wrk's timeout are no failure, as a busy shared machine makes some:
    their count goes to stderr."""
    args = [*WRK_ARGS, "-d", duration] if duration else WRK_ARGS
    result = subprocess.run(["wrk", *args, *BROWSER_HEADERS, url], capture_output=True, text=True, check=True)
    output = result.stdout
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if "Non-2xx or 3xx responses" in output or (sockets and any(int(count) for count in sockets.groups()[:3])):
        raise RuntimeError(f"wrk saw failed requests for {url}:\n{output}")
    if sockets and int(sockets[4]):
        print(f"(wrk: {sockets[4]} answers for {url} took over its timeout)", file=sys.stderr)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
