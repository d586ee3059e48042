"""Translators' catalogues: gettext PO files for every language the team does not write in content/.

Two domains per language, both in translations/<lang>/LC_MESSAGES/:
- messages.po: the interface words of templates and code (msgid = the English words, as in nl and en);
- content.po: the texts of content/ (msgid = the Dutch text, the source). Each entry's msgctxt names its
  place, file and path within the YAML (`walkthroughs/instagram.yaml:steps.2.body`), so the same words in
  two places stay two entries and a changed Dutch text stays tied to its place.
They are separate domains because they change at different times, from different sources, and because
content texts are read at content build (into the content database), interface words at run time (.mo).

A string's state: missing (no translation), fuzzy (the source changed or the match is a guess: a
translator must look), translated; and reviewed, when a native speaker checked it: the PO flag
`reviewed`. A flag travels with its entry through Poedit, Weblate and msgmerge, a translator sees
and sets it in the entry itself, and `update` drops it whenever an entry turns fuzzy.

Catalogues are read and written with Babel only (read_po, write_po, Catalog.update).
"""

from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from checkje.core.settings import SOURCE_LANGUAGE

CONTENT_DOMAIN = "content"
INTERFACE_DOMAIN = "messages"
REVIEWED = "reviewed"
FUZZY = "fuzzy"


def path_of(translations_dir, lang, domain):
    return Path(translations_dir) / lang / "LC_MESSAGES" / f"{domain}.po"


def read(path, lang):
    """The catalogue at `path`, or an empty one for `lang` when there is none yet."""
    path = Path(path)
    if not path.is_file():
        # Not fuzzy: a fuzzy header would make pybabel skip the whole catalogue.
        return Catalog(
            locale=lang,
            domain=path.stem,
            project="Checkje",
            header_comment=f"# {path.stem} of Checkje in {lang}: see checkje/content/catalogues.py.",
            fuzzy=False,
        )
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=path.stem)


def write(catalogue, path, *, sort_output=False, omit_header=False):
    """Write a catalogue (a template without its header, so a second run changes nothing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalogue, width=0, ignore_obsolete=True, sort_output=sort_output, omit_header=omit_header)


def context_of(document, place):
    """The msgctxt of a content text: its file and its path within the file."""
    return f"{document}.yaml:{place}"


def has_translation(message):
    string = message.string
    return bool(string if isinstance(string, str) else string and all(string))


def state_of(message):
    """'missing', 'fuzzy' or 'translated'."""
    if not has_translation(message):
        return "missing"
    return "fuzzy" if message.fuzzy else "translated"


def is_reviewed(message):
    return state_of(message) == "translated" and REVIEWED in message.flags


def entries(catalogue):
    return [message for message in catalogue if message.id]


def content_template(documents, registry, languages):
    """A catalogue template of every Dutch text of the documents shown in any of `languages`."""
    template = Catalog(domain=CONTENT_DOMAIN, locale=SOURCE_LANGUAGE)
    for name in sorted(documents):
        if not set(registry.languages_of(name)) & set(languages):
            continue
        for place, text in registry.schemas[name].texts(documents[name], ""):
            template.add(text, context=context_of(name, place))
    return template


def _follow_changed_sources(catalogue, template):
    """Entries whose place stays but whose source text changed: the new text, the old translation, fuzzy.

    Catalog.update matches entries by (msgid, msgctxt) and guesses the rest by likeness; a place
    is a surer match than a guess. Returns {context: old msgid}.
    """
    by_context = {message.context: message for message in template if message.id and message.context}
    changed = {}
    for old in entries(catalogue):
        new = by_context.get(old.context)
        if new is None or new.id == old.id:
            continue
        catalogue.delete(old.id, context=old.context)
        flags = (set(old.flags) | {FUZZY}) - {REVIEWED} if has_translation(old) else set()
        catalogue[new.id] = Message(
            new.id, string=old.string, context=old.context, flags=flags, user_comments=old.user_comments
        )
        changed[old.context] = old.id
    return changed


def update(template, path, lang, *, by_place):
    """Bring the catalogue at `path` in step with `template`; a changed source turns its entry fuzzy.

    `by_place`: entries are tied to their msgctxt (content texts); otherwise Babel's likeness
    matching may offer an old translation of a changed msgid, marked fuzzy (interface words).
    """
    catalogue = read(path, lang)
    changed = _follow_changed_sources(catalogue, template) if by_place else {}
    catalogue.update(template, no_fuzzy_matching=by_place, update_header_comment=False, update_creation_date=False)
    for message in entries(catalogue):
        if message.fuzzy:
            message.flags.discard(REVIEWED)
        if message.context in changed:
            message.previous_id = [changed[message.context]]
    write(catalogue, path, sort_output=not by_place)
    return catalogue


class WrittenLanguage:
    """A language whose texts are in content/ itself."""

    def __init__(self, lang):
        self.lang = lang
        self.unreviewed = 0

    def pick(self, place, versions):
        return versions[self.lang]


def isolated(text):
    """Each paragraph of a Dutch stand-in, isolated with its own direction.

    FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: on a right-to-left page the browser lays the
    paragraph out left to right, full stop at its end, without markup (a content text is plain text,
    also in titles and attributes). The isolates also mark the stand-in, so that where text becomes
    markup (the call_links and paragraphs filters) it gets lang="nl" and a screen reader reads it
    as Dutch, in every language.
    """
    return "\n\n".join(f"\u2068{paragraph}\u2069" for paragraph in text.split("\n\n"))


class CatalogueLanguage:
    """A language whose texts come from its content catalogue; the Dutch text where none fits.

    Counts, per document, the texts not reviewed by a native speaker (Dutch stand-ins included).
    """

    def __init__(self, lang, catalogue, document):
        self.lang = lang
        self.catalogue = catalogue
        self.document = document
        self.unreviewed = 0

    def pick(self, place, versions):
        source = versions[SOURCE_LANGUAGE]
        message = self.catalogue.get(source, context=context_of(self.document, place))
        if message is None or state_of(message) != "translated":
            self.unreviewed += 1
            return isolated(source)
        if not is_reviewed(message):
            self.unreviewed += 1
        return message.string
