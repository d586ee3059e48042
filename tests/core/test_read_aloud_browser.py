"""Read aloud with the browser's own speech: the page's text, in its language, with pause and stop."""

import pytest

from tests.browser_helpers import axe_violations

pytestmark = pytest.mark.browser

# Stands in for the browser's speech, so the test hears exactly what the page asks it to say, and with which voice.
# Like desktop Chrome, it has online voices (localService false) beside the phone's own.
FAKE_SPEECH = """
window.spoken = [];
window.speechCalls = [];
const voices = window.fakeVoices || [
  {name: 'Online Nederlands', lang: 'nl-NL', localService: false},
  {name: 'Telefoon Nederlands', lang: 'nl-NL', localService: true},
  {name: 'Online English', lang: 'en-GB', localService: false},
  {name: 'Phone English', lang: 'en-US', localService: true},
];
const fake = {
  getVoices() { return voices; },
  speak(utterance) {
    window.spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name});
  },
  pause() { window.speechCalls.push('pause'); },
  resume() { window.speechCalls.push('resume'); },
  cancel() { window.speechCalls.push('cancel'); },
};
Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
// The real utterance accepts only the browser's own voice objects.
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""

NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


@pytest.mark.parametrize(
    ("lang", "play", "pause", "resume"),
    [("nl", "Voorlezen", "Pauze", "Verder lezen"), ("en", "Read aloud", "Pause", "Go on reading")],
)
def test_reads_the_page_in_its_language_with_pause_and_stop(context, live_server, lang, play, pause, resume):
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/veiligheid")
    toggle = page.get_by_role("button", name=play)
    toggle.tap()
    spoken = page.evaluate("window.spoken")
    heading = page.locator("h1").inner_text()
    voice = {"nl": "Telefoon Nederlands", "en": "Phone English"}[lang]
    assert spoken[0] == {"text": heading, "lang": lang, "voice": voice}
    assert len(spoken) > 5 and all(item["lang"] == lang and item["voice"] == voice for item in spoken)
    assert not [item for item in spoken if play in item["text"]], "the controls are not read out"
    assert page.get_by_role("button", name=pause).get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name=pause).tap()
    page.get_by_role("button", name=resume).tap()
    assert page.evaluate("window.speechCalls").count("pause") == 1
    assert "resume" in page.evaluate("window.speechCalls")
    page.get_by_role("button", name="Stop").tap()
    assert page.get_by_role("button", name=play).is_visible()
    assert axe_violations(page) == []


def test_hidden_where_the_browser_has_no_speech(context, live_server):
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    page.goto(live_server + "/nl/hulp")
    assert page.locator("[data-read-aloud]").is_hidden()


def test_says_so_where_the_phone_has_only_online_voices(context, live_server):
    only_online = "window.fakeVoices = [{name: 'Online Nederlands', lang: 'nl-NL', localService: false}];"
    context.add_init_script(only_online + FAKE_SPEECH)
    page = context.new_page()
    page.goto(live_server + "/nl/veiligheid")
    page.get_by_role("button", name="Voorlezen").tap()
    assert page.evaluate("window.spoken") == [], "nothing goes to an online voice"
    assert page.get_by_role("status").filter(has_text="geen eigen stem").is_visible()
    assert axe_violations(page) == []
