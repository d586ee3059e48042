"""Every page is valid HTML by the Nu Html Checker (npm vnu-jar): every Dutch and English page, a sample of the others.

All pages go to one JVM: starting Java once costs seconds, checking a page costs
milliseconds. Besides the pages of the sitemap, this checks the pages that only an
answer or a poll leads to (htmx swaps parts of them, but without JavaScript they are
whole pages) and the not-found pages.
"""

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app import create_app
from checkje.core.settings import ROOT, WRITTEN_LANGUAGES
from tests.conftest import APP, CATALOGUE_SAMPLE, PAGE_URLS, TEST_CONFIG
from tests.helpers import parse

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: the quick compiler and the simple collector take half the CPU time of the defaults
# here; the quick compiler's deeper stack frames need a bigger stack (the checker stops and says so).
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]

# A document with one known error (an hx-* attribute), checked with the pages: if the
# checker stops reporting it, the checker is not really looking at our files.
CANARY = '<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body><p hx-get="/">x</p></body></html>'
CANARY_NAME = "canary.html"

NOT_FOUND = {"nl": "/nl/niet-hier", "en": "/en/not-here"}


def _friendcheck_results(client, lang):
    """Each friend-check result page, from the ids a youth can pick, and a form shown again with a problem."""
    store = APP.extensions["checkje.content"]
    check, requests = store.get("friendcheck/check", lang), store.get("friendcheck/requests", lang)
    base = f"/{lang}/vriendencheck"
    parts = {
        ("mijn-regels-nu", "rules_now"): [reason["id"] for reason in check["rules_now"]["reasons"]],
        ("mijn-profiel", "profile"): [item["id"] for item in check["profile"]["items"]],
        ("mijn-regels", "my_rules"): [rule["id"] for rule in check["my_rules"]["rules"]],
    }
    for (path, question), ids in parts.items():
        yield f"POST {base}/{path}", client.post(f"{base}/{path}", data={"vraag": question, "keuze": ids})
    yield (
        f"POST {base}/mijn-profiel (nothing picked)",
        client.post(f"{base}/mijn-profiel", data={"vraag": "profile"}),
    )
    # Each answer to each practice request: the check-first advice shows for some pairs only.
    for practice, answer in itertools.product(requests["requests"], requests["answers"]):
        url = f"{base}/oefenen/{practice['id']}"
        yield f"POST {url} keuze={answer}", client.post(url, data={"vraag": "practice", "keuze": answer})
    yield f"{base}/mijn-profiel/uitslag (an old result address)", client.get(f"{base}/mijn-profiel/uitslag")
    yield (
        f"POST {base}/mijn-regels-nu (nothing picked)",
        client.post(f"{base}/mijn-regels-nu", data={"vraag": "rules_now"}),
    )


def _helpfinder_answers(client, lang):
    """The help finder after each answer, every result it can end at, and a question left unanswered."""
    url = f"/{lang}/hulpzoeker"
    questions = ("danger", "image", "anonymous", "wish")
    ways = [("yes",), ("no",), ("no", "yes"), ("no", "yes", "no")]
    ways += list(itertools.product(["no"], ["yes", "no"], ["yes", "no"], ["talk", "report"]))
    for answers in ways:
        data = {**dict(zip(questions, answers, strict=False)), "asked": questions[len(answers) - 1]}
        yield f"POST {url} {'/'.join(answers)}", client.post(url, data=data)
    yield f"POST {url} (no answer)", client.post(url, data={"asked": "danger"})


def _poll_pages(client, lang):
    """The class poll as teacher and pupil see it, from start to end, and its friendly problem pages."""
    start = client.post(f"/{lang}/les/peiling")
    yield f"POST /{lang}/les/peiling", start
    soup = parse(start)
    code, secret = soup.select_one(".poll-code").get_text(), soup.select_one("input[name=geheim]")["value"]
    teacher, pupil = f"/{lang}/les/peiling/{code}", f"/{lang}/stem/{code}"
    yield f"GET {pupil}", client.get(pupil)
    yield f"POST {pupil} (no answer)", client.post(pupil, data={"stelling": "1"})
    client.post(pupil, data={"stelling": "1", "antwoord": "agree"})
    yield f"GET {pupil}/bedankt", client.get(f"{pupil}/bedankt", query_string={"stelling": "1"})
    yield f"POST {teacher} toon", client.post(teacher, data={"geheim": secret, "actie": "toon"})
    yield f"GET {pupil} (results shown)", client.get(pupil)
    yield f"POST {pupil} (after the reveal)", client.post(pupil, data={"stelling": "1", "antwoord": "agree"})
    yield f"POST {teacher} opnieuw", client.post(teacher, data={"geheim": secret, "actie": "opnieuw"})
    yield f"POST /{lang}/les/peiling klas=0", client.post(f"/{lang}/les/peiling", data={"klas": "0"})
    yield f"POST {teacher} (another site)", client.post(teacher, headers={"Sec-Fetch-Site": "cross-site"})
    yield f"GET {teacher}/uitslag", client.get(f"{teacher}/uitslag", query_string={"stelling": "1"})
    # The slides with the poll on them: joining, a statement with its count and its results, a practice request.
    poll = {"code": code, "geheim": secret}
    slides = f"/{lang}/les/dia"
    yield f"POST {slides}/start (with the poll)", client.post(f"{slides}/start", data=poll)
    yield f"GET {pupil} (waiting: look at the screen)", client.get(pupil)
    yield f"POST {pupil} (too late)", client.post(pupil, data={"stelling": "1", "antwoord": "agree"})
    yield f"POST {slides}/vrienden (with the poll)", client.post(f"{slides}/vrienden", data=poll)
    yield f"POST {slides}/vrienden toon", client.post(f"{slides}/vrienden", data={**poll, "actie": "toon"})
    yield f"POST {slides}/verzoek-een (with the poll)", client.post(f"{slides}/verzoek-een", data=poll)
    yield f"POST {teacher} stop-vragen", client.post(teacher, data={"geheim": secret, "actie": "stop-vragen"})
    yield f"POST {teacher} naar 2", client.post(teacher, data={"geheim": secret, "actie": "naar", "stelling": "2"})
    yield f"GET {pupil} (statement 2)", client.get(pupil)
    yield f"POST {teacher} (wrong secret)", client.post(teacher, data={"geheim": "wrong", "actie": "toon"})
    yield f"POST {teacher} (bad button)", client.post(teacher, data={"geheim": secret, "actie": "wis"})
    yield f"POST {teacher} stop", client.post(teacher, data={"geheim": secret, "actie": "stop"})
    yield f"GET {teacher}/uitslag (ended)", client.get(f"{teacher}/uitslag")
    yield f"GET {pupil} (ended)", client.get(pupil)
    yield f"GET /{lang}/stem?code=!!", client.get(f"/{lang}/stem", query_string={"code": "!!"})
    yield f"GET /{lang}/stem?code={code} (ended)", client.get(f"/{lang}/stem", query_string={"code": code})


def _pages(site, tmp_path):
    """(label, response) of every page to check; asserts each answered as it should."""
    pages = [(url, site(url)) for url in [*PAGE_URLS, *CATALOGUE_SAMPLE]]
    assert all(page.status_code == 200 for _, page in pages), [url for url, page in pages if page.status_code != 200]
    client = APP.test_client()
    # The poll pages change a poll store: they get an app and a store of their own.
    poll_client = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "polls.db")}).test_client()
    for lang in WRITTEN_LANGUAGES:
        responses = [
            *_friendcheck_results(client, lang),
            *_helpfinder_answers(client, lang),
            *_poll_pages(poll_client, lang),
            (f"GET {NOT_FOUND[lang]}", client.get(NOT_FOUND[lang])),
            (f"POST /{lang}/hulp", client.post(f"/{lang}/hulp")),
        ]
        for label, response in responses:
            # Each is a whole page of ours, never a fragment or a bare error.
            soup = parse(response)
            assert response.mimetype == "text/html" and soup.find("html") and soup.find("main"), label
            pages.append((label, response))
    return [(label, page.get_data() if hasattr(page, "get_data") else page.text.encode()) for label, page in pages]


def _java():
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(
            "The HTML check needs Java and node_modules/vnu-jar: run `make test`, which installs both "
            f"(java: {java or 'missing'}, {VNU_JAR.relative_to(ROOT)}: {'found' if VNU_JAR.is_file() else 'missing'})"
        )
    return java


def _vnu(java, files):
    """Run the checker once over `files`; its JSON messages."""
    command = [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--errors-only", *files]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    try:
        return json.loads(done.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The Nu Html Checker gave no report (exit {done.returncode}): {done.stderr[-2000:]}")


def _readable(errors):
    """The errors grouped by message, each with the pages and lines where it occurs."""
    by_message = {}
    for label, line, message in errors:
        by_message.setdefault(message, []).append(f"{label}:{line}")
    lines = [f"{len(errors)} HTML errors on {len({label for label, _, _ in errors})} pages:"]
    for message, places in sorted(by_message.items(), key=lambda item: -len(item[1])):
        shown = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
        lines.append(f"- {message} ({len(places)}x): {shown}")
    return "\n".join(lines)


def test_every_page_is_valid_html(site, tmp_path):
    java = _java()
    pages = _pages(site, tmp_path)
    folder = tmp_path / "pages"
    folder.mkdir()
    labels = {}
    for number, (label, body) in enumerate(pages):
        path = folder / f"{number:04d}.html"
        path.write_bytes(body)
        labels[path.name] = label
    (folder / CANARY_NAME).write_text(CANARY, encoding="utf-8")

    messages = _vnu(java, [*map(str, sorted(folder.glob("[0-9]*.html"))), str(folder / CANARY_NAME)])

    errors, canary = [], []
    for message in messages:
        name = Path(message.get("url", "")).name
        if name == CANARY_NAME:
            canary.append(message)
            continue
        errors.append((labels.get(name, message.get("url", "?")), message.get("lastLine", "?"), message["message"]))
    assert any("hx-get" in message["message"] for message in canary), f"the checker missed a known error: {canary}"
    assert not errors, _readable(errors)
