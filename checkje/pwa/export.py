"""A static copy of Checkje: every page that needs no server, as files any static host can serve.

One app server per school does not scale; a folder on a CDN does. The export
asks the app itself for every page of the sitemap, so an exported page is the
page the server sends, byte for byte. Only answers to a form (the friend
check's results, the help finder's answers) and the class poll need the app
server; docs/deploying.md says which is which.

File names follow what static hosts expect: /nl/ is nl/index.html, /nl/hulp is
nl/hulp.html (hosts serve /nl/hulp from it), and 404.html is the not-found page.
"""

import shutil
from pathlib import Path

import click
from flask import current_app, url_for
from werkzeug.exceptions import HTTPException

from checkje.core import sitemap
from checkje.core.rails import SECURITY_HEADERS, not_a_visit
from checkje.core.settings import DEFAULT_LANGUAGE, LANGUAGES

# For hosts that read a _headers file (Netlify, Cloudflare Pages): the headers the app sends.
HEADERS_FILE = "_headers"


def file_for(path):
    """The file that holds the page at `path` in the export."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        return f"{relative}index.html"
    if "." in relative.rsplit("/", 1)[-1]:
        return relative
    return f"{relative}.html"


def needs_server(app, path):
    """Does `path` lead to a page only the app server can make (an answer computed per request)?"""
    try:
        endpoint, _ = app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:
        return False
    return sitemap.is_per_request(app.view_functions[endpoint])


def paths_to_export():
    """Every page and PWA file of every language. Needs an app context."""
    paths = []
    for lang in LANGUAGES:
        paths += sitemap.page_paths(lang)
        paths += [url_for("pwa.service_worker", lang=lang), url_for("pwa.manifest", lang=lang)]
    return [*paths, url_for("pwa_root.offline_worker")]


def _get(client, path, expected_status=200):
    # Asked at the site's own address, if it has one: the app answers no other host.
    site = client.application.config["SITE_URL"]
    response = client.get(path, headers={"Accept-Encoding": "identity"}, **({"base_url": site} if site else {}))
    body = response.get_data()
    response.close()
    if response.status_code != expected_status:
        raise click.ClickException(f"{path} answered {response.status_code}, not {expected_status}")
    return body


def _headers_file():
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    lines += ["/static/*", "  Cache-Control: public, max-age=31536000, immutable"]
    for worker in ["/sw.js"] + [f"/{lang}/sw.js" for lang in LANGUAGES]:
        lines += [worker, "  Cache-Control: no-cache"]
    return "\n".join(lines) + "\n"


def export_site(app, target):
    """Write the static site into `target` (emptied first); return how many files were written."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(app.static_folder, target / "static")
    client = app.test_client()
    with app.test_request_context():
        paths = paths_to_export()
        home = url_for("pages.home", lang=DEFAULT_LANGUAGE)
    with not_a_visit():
        files = {file_for(path): _get(client, path) for path in paths}
        not_found = _get(client, f"/{DEFAULT_LANGUAGE}/404", expected_status=404)
    # A static host cannot read the browser's languages: the root is the Dutch home page,
    # which links to the English one.
    files["index.html"] = files[file_for(home)]
    files["404.html"] = not_found
    files[HEADERS_FILE] = _headers_file().encode()
    for name, body in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    return len(files) + sum(1 for path in (target / "static").rglob("*") if path.is_file())


@click.command("export-static")
@click.argument("target", type=click.Path(file_okay=False), default="build/site")
def export_static_command(target):
    """Write every page that needs no server into TARGET (default build/site)."""
    count = export_site(current_app._get_current_object(), target)
    click.echo(f"Exported {count} files into {target}")
