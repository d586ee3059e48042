"""`make bench`: Checkje's figures against its performance budget, printed as Markdown tables.

Every load test runs on 127.0.0.1 for a few seconds, and every server it starts
is stopped. wrk shares the cores with the servers it measures, so compare the
ratios of one run, not absolute numbers across machines.
"""

import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import create_app  # noqa: E402
from checkje.core.settings import LANGUAGES  # noqa: E402
from checkje.core.sitemap import page_paths  # noqa: E402
from checkje.pwa.export import export_site  # noqa: E402
from tests.benchmarks import lighthouse, pages, servers, throughput  # noqa: E402
from tests.benchmarks.slow_clients import print_slow_clients  # noqa: E402

FIRST_ROUND_TRIP = 14 * 1024
WHOLE_PAGE = 50 * 1024
RENDER_MEDIAN_MS = 2.0
# The page the static export is loaded on, and the pages Lighthouse scores, in every language.
LOAD_PAGE = "/{lang}/hulp"
LIGHTHOUSE_PAGES = (
    "/{lang}/",
    "/{lang}/vriendencheck",
    "/{lang}/instellingen/instagram/private-account",
    "/{lang}/snaps",
    "/{lang}/hulp",
)


def verdict(ok):
    return "yes" if ok else "**NO**"


def machine():
    system = f"{platform.system()} {platform.release()}"
    return f"{platform.node()}: {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def print_pages(figures):
    print("## Pages\n")
    print('Bytes are gzipped, as sent. "Made" is one in-process request with the page rendered anew;')
    print('"served" is the same request answered from the worker\'s page cache (ms).\n')
    print("| page | HTML | first render | whole page | made median | made p99 | served median |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for page in figures:
        print(
            f"| {page.path} | {page.html} | {page.first_render} | {page.whole} "
            f"| {page.made_median_ms:.2f} | {page.made_p99_ms:.2f} | {page.served_median_ms:.2f} |"
        )
    biggest_first = max(figures, key=lambda page: page.first_render)
    biggest_whole = max(figures, key=lambda page: page.whole)
    made = statistics.median(page.made_median_ms for page in figures)
    slowest = max(figures, key=lambda page: page.made_median_ms)
    served = statistics.median(page.served_median_ms for page in figures)
    print(f"\n- pages: {len(figures)}")
    print(
        f"- largest first render: {biggest_first.first_render} B ({biggest_first.path}); "
        f"≤ {FIRST_ROUND_TRIP} B: {verdict(biggest_first.first_render <= FIRST_ROUND_TRIP)}"
    )
    print(
        f"- largest whole page: {biggest_whole.whole} B ({biggest_whole.path}); "
        f"≤ {WHOLE_PAGE} B: {verdict(biggest_whole.whole <= WHOLE_PAGE)}"
    )
    print(
        f"- made anew, median over all pages: {made:.2f} ms "
        f"(slowest page: {slowest.made_median_ms:.2f} ms, {slowest.path}); "
        f"≤ {RENDER_MEDIAN_MS} ms: {verdict(made <= RENDER_MEDIAN_MS)}"
    )
    print(f"- served from the page cache, median over all pages: {served:.2f} ms\n")


def print_throughput(app, work):
    print(throughput.HEADING)
    if not (shutil.which("wrk") and (shutil.which("nginx") or Path("/usr/sbin/nginx").exists())):
        print("wrk or nginx is missing: install them (`apt-get install wrk nginx-light`) for these figures.\n")
        return
    shares, hello_runs, page_runs = throughput.measure()
    throughput.print_shares(shares, hello_runs, page_runs)
    export_site(app, work / "site")
    with servers.nginx(work / "site", work / "nginx") as nginx:
        static = servers.wrk(nginx.url + LOAD_PAGE.format(lang="nl"))
    served = statistics.mean(page_runs["help"])
    print(f"- nginx (2 workers), static export of {LOAD_PAGE.format(lang='nl')}: {static:.0f} requests/s")
    print(f"- static export on nginx / Checkje on gunicorn: {static / served:.1f}×\n")


def print_lighthouse():
    print(f"## Lighthouse (mobile, default throttling; the median of {lighthouse.RUNS} runs)\n")
    if not lighthouse.available():
        print("Lighthouse or Chromium is missing: `make bench` installs them (as root).\n")
        return
    print("| page | " + " | ".join(lighthouse.CATEGORIES) + " | points lost on |")
    print("|---|" + "---:|" * len(lighthouse.CATEGORIES) + "---|")
    with servers.checkje() as checkje:
        for lang in LANGUAGES:
            for template in LIGHTHOUSE_PAGES:
                path = template.format(lang=lang)
                try:
                    scores, lost = lighthouse.scores(checkje.url + path)
                except RuntimeError as failure:
                    print(f"| {path} |" + " – |" * len(lighthouse.CATEGORIES) + f" {failure} |", flush=True)
                    continue
                cells = " | ".join(str(scores[name]) for name in lighthouse.CATEGORIES)
                print(f"| {path} | {cells} | {', '.join(lost) or '–'} |", flush=True)
    print()


def main():
    app = create_app()
    # The access log would print a line for every request the figures make.
    logging.getLogger("checkje.access").disabled = True
    print(f"# Checkje benchmarks\n\nMachine: {machine()}\n")
    with app.test_request_context():
        paths = [path for lang in LANGUAGES for path in page_paths(lang)]
    print_pages(pages.measure(app, paths))
    with tempfile.TemporaryDirectory() as work:
        # nginx's workers run as an unprivileged user: they must be able to read the export.
        Path(work).chmod(0o755)
        print_throughput(app, Path(work))
    print_slow_clients()
    print_lighthouse()


if __name__ == "__main__":
    main()
