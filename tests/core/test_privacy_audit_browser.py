"""Privacy audit: after a browser goes through every feature, nothing personal is anywhere on the server.

The app runs with every file it writes (content and poll databases, its logs,
a static export) in one folder of this test. A youth answers the friend check
and the help finder, adds trusted people, reads the walkthroughs (and says a
screen looks different) and snaps, goes through the talk with a mentor and ticks
its checklist;
a teacher runs a class poll and pupils vote. Then every byte in that folder,
and every header of every response, is searched for the client's address, the
browser's user agent and every string the test typed.
"""

import logging
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from app import create_app
from checkje.pwa.export import export_site
from tests.browser_helpers import PHONE
from tests.conftest import TEST_CONFIG, serving
from tests.lesson.test_lesson_browser import confirm_stop, join_and_vote, start_poll
from tests.pages.test_help_browser import add_person

pytestmark = pytest.mark.browser

CLIENT_ADDRESS = "127.0.0.1"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14) AuditPhone/7.7 CheckjePrivacyAudit"
TYPED = {"name": "Yasmina van Oudergem", "phone": "0612983745"}


@pytest.fixture
def audited(tmp_path):
    """The app with everything it writes in tmp_path, its logs included; yields (base URL, folder)."""
    app = create_app({**TEST_CONFIG, "POLLS_DB": str(tmp_path / "instance" / "polls.db")})
    log_file = logging.FileHandler(tmp_path / "app.log", encoding="utf-8")
    loggers = [logging.getLogger(), logging.getLogger("checkje.access"), logging.getLogger("werkzeug"), app.logger]
    for logger in loggers:
        logger.addHandler(log_file)
    try:
        with serving(app) as base_url:
            yield app, base_url, tmp_path
    finally:
        for logger in loggers:
            logger.removeHandler(log_file)
        log_file.close()


def _go_through_every_feature(browser, base_url, responses):
    youth = browser.new_context(**PHONE, user_agent=USER_AGENT)
    teacher = browser.new_context(viewport={"width": 1280, "height": 720}, user_agent=USER_AGENT)
    pupil = browser.new_context(**PHONE, user_agent=USER_AGENT)
    for context in (youth, teacher, pupil):
        context.on("response", lambda response: responses.append(response))
    try:
        page = youth.new_page()
        page.goto(base_url + "/nl/mijn-mensen")
        add_person(page, TYPED["name"], TYPED["phone"])
        expect(page.locator(".people__name")).to_have_text(TYPED["name"])

        page.goto(base_url + "/nl/vriendencheck/mijn-regels-nu")
        page.locator("form.choices label").first.tap()
        page.locator("form.choices button[type=submit]").tap()
        page.goto(base_url + "/nl/vriendencheck/mijn-regels")
        page.locator("form.choices label").first.tap()
        page.locator("form.choices button[type=submit]").tap()
        expect(page.locator(".my-rules__text")).to_have_count(1)

        page.goto(base_url + "/en/hulpzoeker")
        page.get_by_label("No", exact=True).tap()
        page.get_by_role("button", name="Next").tap()
        page.get_by_text(re.compile(r"^Question 2 of \d+$")).wait_for()

        # "My screen looks different": the one thing a walkthrough tells the server, as a count.
        page.goto(base_url + "/nl/instellingen/instagram/private-account")
        page.get_by_role("button", name="Mijn scherm ziet er anders uit").tap()
        expect(page.get_by_role("heading", name="Zo vind je het toch")).to_be_focused()
        for path in (
            "/nl/snaps/screenshot",
            "/nl/het-is-gebeurd",
            "/nl/veiligheid",
            "/nl/mentor",
        ):
            page.goto(base_url + path)

        # Together with a mentor: through the steps to the checklist, every box she sees ticked (the list shows
        # what she chose in the talk, or the general items).
        page.goto(base_url + "/nl/samen/apps")
        while page.url != base_url + "/nl/samen/klaar":
            with page.expect_navigation():
                page.locator(".step-nav a[rel=next]").tap()
        boxes = page.locator("input[type=checkbox]:visible").all()
        assert boxes, "the checklist has boxes to tick"
        for box in boxes:
            box.check()

        teacher_page = teacher.new_page()
        code = start_poll(teacher_page, base_url)
        join_and_vote(pupil.new_page(), base_url, code, "Eens")
        expect(teacher_page.locator(".poll-count")).to_have_text("1 stem", timeout=2000)
        confirm_stop(teacher_page)
        expect(teacher_page.get_by_role("heading", level=1)).to_have_text("De peiling is gestopt")
    finally:
        for context in (youth, teacher, pupil):
            context.close()


def _needles():
    """Each secret as text and as a browser would encode it in a URL or form."""
    secrets = [CLIENT_ADDRESS, USER_AGENT, "AuditPhone", *TYPED.values()]
    return {variant for secret in secrets for variant in (secret, quote(secret), quote(secret).replace("%20", "+"))}


def test_nothing_personal_is_kept_or_sent_back(browser, audited):
    app, base_url, folder = audited
    responses = []
    _go_through_every_feature(browser, base_url, responses)
    # The export as `make export` makes it: by an app of the same settings whose address is not this machine's.
    export_site(create_app({**app.config, "SITE_URL": TEST_CONFIG["SITE_URL"]}), folder / "export")

    written = [path for path in folder.rglob("*") if path.is_file()]
    assert any(path.name.startswith("polls.db") for path in written), "the poll database is part of the audit"
    assert (folder / "app.log").stat().st_size > 0, "the access log is part of the audit"
    found = [
        (path.relative_to(folder).as_posix(), needle)
        for path in written
        for needle in _needles()
        if needle.encode() in path.read_bytes()
    ]
    assert found == []

    assert len(responses) > 20
    in_headers = [
        (response.url, name)
        for response in responses
        for name, value in response.headers.items()
        for needle in _needles()
        if needle in value
    ]
    assert in_headers == []
    assert not any("set-cookie" in response.headers for response in responses)
