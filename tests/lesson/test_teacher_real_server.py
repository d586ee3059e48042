"""The teacher's screen against the real server process (gunicorn, gevent workers, polls in Redis): the screen
keeps its poll alive while it is open (issue 29, lesson #4), and it says when Redis is away and what happened
when Redis comes back empty, with the teacher kept in control (issue 31 #9)."""

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.lesson.short_polls_app import IDLE_SECONDS
from tests.lesson.test_lesson_browser import PROJECTOR, start_poll
from tests.real_server import checkje_server
from tests.server.clients import get, post

pytestmark = pytest.mark.browser

STORE_AWAY = "De klassenpeiling is nu even niet bereikbaar."
LOST = "De peiling is weg. De opslag van de server is opnieuw gestart"


def test_an_open_screen_keeps_its_poll_alive_and_says_when_redis_is_away(browser, own_redis, tmp_path):
    env = {"CHECKJE_POLLS_URL": own_redis.url, "CHECKJE_POLLS_DB": str(tmp_path / "polls.db")}
    with checkje_server("tests.lesson.short_polls_app:create_app()", env=env) as (base, _):
        context = browser.new_context(**PROJECTOR)
        teacher = context.new_page()
        code = start_poll(teacher, base)
        status, _, screen = post(base, "/nl/les/peiling")  # a poll whose screen was closed at once
        assert status == 200
        closed = BeautifulSoup(screen, "html.parser").select_one(".poll-code").get_text()

        # Polls here end after IDLE_SECONDS without a vote or a control (20 minutes in class): two of those
        # pass with no vote, and the screen alone keeps its poll alive; pupils of the closed one see it ended.
        teacher.wait_for_timeout(2 * IDLE_SECONDS * 1000)
        assert get(base, f"/nl/stem/{code}")[0] == 200, "the open screen's poll is alive"
        status, _, page = get(base, f"/nl/stem/{closed}")
        assert status == 404 and "Deze peiling is gestopt" in page.decode(), "the poll nobody looked at ended"

        # Redis goes away: the screen says its count waits, instead of showing the old count as if all is well.
        own_redis.stop()
        expect(teacher.get_by_text(STORE_AWAY, exact=False)).to_be_visible(timeout=5000)
        # A control pressed now gets our page with a way back to the poll, not only to the lesson plan.
        teacher.get_by_role("button", name="Laat de uitslag zien").click()
        expect(teacher.get_by_role("heading", level=1)).to_have_text("De klassenpeiling werkt nu even niet")
        back = teacher.get_by_role("link", name="Terug naar de lopende peiling")
        assert back.get_attribute("href") == f"/nl/les/peiling/{code}"

        # Redis comes back empty (a restart without persistence): the teacher is told what really happened,
        # not "it was stopped, everything is deleted", and a new poll is one tap.
        own_redis.start()
        back.click()
        expect(teacher.get_by_role("heading", level=1)).to_have_text("De peiling is verloren gegaan")
        expect(teacher.get_by_text(LOST, exact=False)).to_be_visible()
        expect(teacher.get_by_text("Hij is gestopt", exact=False)).to_be_hidden()
        teacher.get_by_role("button", name="Start een peiling").click()
        second = teacher.locator(".poll-screen .poll-code").inner_text()
        assert second != code

        # The same on the screen itself, while it stays open through the outage.
        teacher.wait_for_load_state()
        own_redis.stop()
        expect(teacher.get_by_text(STORE_AWAY, exact=False)).to_be_visible(timeout=5000)
        own_redis.start()
        lost = teacher.locator("[data-poll-status-for=lost]")
        expect(lost).to_be_visible(timeout=5000)
        lost.get_by_role("button", name="Start een peiling").click()
        expect(teacher.locator(".poll-screen .poll-code")).not_to_have_text(second)
        context.close()
