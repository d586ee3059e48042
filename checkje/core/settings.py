"""Settings with safe defaults, each overridable by an environment variable."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Dutch is the source. The team writes Dutch and English side by side in content/ (English is the
# second language of many youths and of every check of the facts); translators write the others in
# gettext catalogues under translations/<lang>/LC_MESSAGES/ (see checkje/content/catalogues.py).
WRITTEN_LANGUAGES = ("nl", "en")
CATALOGUE_LANGUAGES = ("ar", "uk", "pl")
LANGUAGES = WRITTEN_LANGUAGES + CATALOGUE_LANGUAGES
DEFAULT_LANGUAGE = "nl"
# What catalogue entries translate (their msgid), and what shows where a translation is missing or fuzzy.
SOURCE_LANGUAGE = "nl"
# Languages written right to left: their pages get dir="rtl".
RIGHT_TO_LEFT = frozenset({"ar"})
TRANSLATIONS_DIR = ROOT / "translations"

DEFAULTS = {
    # Where "quick exit" sends the youth: a neutral site that looks ordinary.
    "QUICK_EXIT_URL": "https://www.buienradar.nl/",
    # Set to 1 only when the site is served over HTTPS, so browsers never try HTTP again.
    "HTTPS": False,
    # The public address, like https://checkje.nl, for links that must be absolute.
    # Empty: taken from each request.
    "SITE_URL": "",
    "CONTENT_DIR": str(ROOT / "content"),
    "CONTENT_DB": str(ROOT / "instance" / "content.db"),
    # The catalogues: interface words (messages.po) and, for the catalogue languages, content texts (content.po).
    "TRANSLATIONS_DIR": str(TRANSLATIONS_DIR),
    # Anonymous counts that expire: class polls of lesson mode (codes, counts and timestamps, deleted
    # within hours) and "my screen looks different" per walkthrough step, phone type and day (180 days).
    "POLLS_DB": str(ROOT / "instance" / "polls.db"),
    # redis://host:port/db: keep those counts in Redis instead, shared by every app server
    # (checkje/core/shared_store.py). Empty: the SQLite file above.
    "POLLS_URL": "",
    # Forms are small; anything bigger is a mistake or an attack.
    "MAX_CONTENT_LENGTH": 16 * 1024,
    "MAX_FORM_PARTS": 100,
    # Seconds a client may take to send a request's headers (on a kept-alive connection: to start and send
    # them), and then its body (else 408; our forms are a few hundred bytes). The app server enforces them
    # (checkje/server/worker.py); the defaults suit a phone on a slow mobile network.
    "HEADER_TIMEOUT": 10.0,
    "BODY_TIMEOUT": 10.0,
    # Seconds a client may take to take in one answer; a client that asks and does not read is then dropped,
    # with the socket and the memory it held (checkje/server/worker.py).
    "SEND_TIMEOUT": 30.0,
    # Limits per client in lesson mode (checkje/lesson/client_limits.py), kept in memory as keyed hashes only.
    # Off only for the tests that run the app in their own process: every test client there is one address.
    "CLIENT_LIMITS": True,
    # The proxies whose X-Forwarded-For names the client (addresses or networks, comma-separated): the HTTPS
    # proxy in front. Anyone else's X-Forwarded-For is ignored, as it could say anything.
    "TRUSTED_PROXIES": "127.0.0.1,::1",
}


def from_environment():
    """Return the settings that environment variables CHECKJE_<NAME> override."""
    overrides = {}
    for name, default in DEFAULTS.items():
        value = os.environ.get(f"CHECKJE_{name}")
        if value is None:
            continue
        if isinstance(default, bool):
            overrides[name] = value.strip().lower() in {"1", "true", "yes", "on"}
        elif isinstance(default, int):
            overrides[name] = int(value)
        elif isinstance(default, float):
            overrides[name] = float(value)
        else:
            overrides[name] = value
    return overrides


def setting(name):
    """One setting, from the environment or its default: for the app server's own code, which runs outside the app."""
    return from_environment().get(name, DEFAULTS[name])
