"""Lighthouse scores (mobile, default throttling) in Debian's Chromium, when both are installed."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu"
    " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
)


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def available():
    return LIGHTHOUSE.exists() and chromium() is not None


# Lighthouse sometimes loses its own trace on this machine (NO_NAVSTART); a second run is fine.
ATTEMPTS = 2
# Performance varies from run to run (Lighthouse's own advice: take the median of several).
RUNS = 3


def scores(url):
    """{category: score 0–100} for `url` from the median run by performance, and the audits that cost points."""
    runs = sorted((_scores_with_retry(url) for _ in range(RUNS)), key=lambda run: run[0]["performance"])
    return runs[len(runs) // 2]


def _scores_with_retry(url):
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _scores_once(url)
        except RuntimeError:
            if attempt == ATTEMPTS:
                raise


def _scores_once(url):
    with tempfile.TemporaryDirectory() as work:
        report_path = Path(work) / "report.json"
        run = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report_path}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            env={**os.environ, "CHROME_PATH": chromium()},
            capture_output=True,
            text=True,
            timeout=180,
        )
        if run.returncode != 0:
            raise RuntimeError(f"Lighthouse failed on {url}: {run.stderr.strip()[-500:]}")
        report = json.loads(report_path.read_text())
    categories = report["categories"]
    lost = sorted(
        f"{ref['id']} ({report['audits'][ref['id']].get('displayValue') or report['audits'][ref['id']]['score']})"
        for category in categories.values()
        for ref in category["auditRefs"]
        if ref["weight"]
        and (report["audits"][ref["id"]]["score"] or 0) < 1
        and report["audits"][ref["id"]]["score"] is not None
    )
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}, lost
