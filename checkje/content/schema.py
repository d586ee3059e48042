"""The shapes content files must have: check them, then pick one language.

A schema is a tree of Field objects. `check` yields a Problem for every place
that does not fit, with the line it is on; `localize` turns a checked value
into plain data for one language, ready to store as JSON; `texts` yields every
Dutch text with its place (like `steps.2.body`), for the translators' catalogues.

Only the written languages (Dutch and English) are in the YAML. `localize` asks
a `language` for each text: a written one picks its own version, a catalogue
language looks the place up in its catalogue (checkje/content/catalogues.py).
"""

import datetime
import re
from dataclasses import dataclass

from checkje.content import placeholders
from checkje.core.settings import CATALOGUE_LANGUAGES, SOURCE_LANGUAGE, WRITTEN_LANGUAGES


@dataclass(frozen=True)
class Problem:
    place: str
    line: int
    message: str


class Field:
    def __init__(self, *, optional=False):
        self.optional = optional

    def check(self, value, place, line):
        yield from ()

    def localize(self, value, language, place):
        return value

    def texts(self, value, place):
        yield from ()


def _join(place, key):
    return f"{place}.{key}" if place else str(key)


class Words(Field):
    """Text that is the same in every language: a name, a phone number as shown."""

    def check(self, value, place, line):
        if not isinstance(value, str) or not value.strip():
            yield Problem(place, line, "should be text, and not empty")


class Pattern(Words):
    def __init__(self, regex, explanation, **kwargs):
        super().__init__(**kwargs)
        self.regex = re.compile(regex)
        self.explanation = explanation

    def check(self, value, place, line):
        problems = list(super().check(value, place, line))
        if problems:
            yield from problems
        elif not self.regex.fullmatch(value):
            yield Problem(place, line, f"{value!r} {self.explanation}")


def Slug(**kwargs):
    return Pattern(r"[a-z0-9]+(-[a-z0-9]+)*", "should be lower-case letters, digits and dashes", **kwargs)


def Url(**kwargs):
    return Pattern(r"https://[^\s\"'<>]+", "should be a full web address starting with https://", **kwargs)


def Dialable(**kwargs):
    return Pattern(r"\+?[0-9]{3,15}", "should be digits only (a leading + is fine), as a phone dials them", **kwargs)


class Choice(Words):
    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = tuple(choices)

    def check(self, value, place, line):
        if value not in self.choices:
            yield Problem(place, line, f"{value!r} should be one of: {', '.join(self.choices)}")


class Flag(Field):
    def check(self, value, place, line):
        if not isinstance(value, bool):
            yield Problem(place, line, "should be true or false")


class Whole(Field):
    """A whole number from `least` to `most`, like the minutes of a part of a lesson."""

    def __init__(self, least, most, **kwargs):
        super().__init__(**kwargs)
        self.least, self.most = least, most

    def check(self, value, place, line):
        if not isinstance(value, int) or isinstance(value, bool) or not self.least <= value <= self.most:
            yield Problem(place, line, f"should be a whole number from {self.least} to {self.most}")


class Date(Field):
    def check(self, value, place, line):
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            yield Problem(place, line, "should be a date written as YYYY-MM-DD")
        elif value > datetime.date.today():
            yield Problem(place, line, f"{value} is in the future")

    def localize(self, value, language, place):
        return value.isoformat()


class Month(Field):
    """A month written as YYYY-MM, like the date of a source that gives no day; never in the future."""

    def check(self, value, place, line):
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", value):
            yield Problem(place, line, f"{value!r} should be a month written as YYYY-MM, like 2025-10")
        elif value > datetime.date.today().isoformat()[:7]:
            yield Problem(place, line, f"{value} is in the future")


class Text(Field):
    """Text a youth reads: a Dutch and an English version, both required; other languages come from catalogues.

    `placeholders` names the {placeholders} it may hold, which its page fills in (checkje/content/placeholders.py).
    """

    def __init__(self, *, placeholders=(), **kwargs):
        super().__init__(**kwargs)
        self.placeholders = tuple(placeholders)

    def check(self, value, place, line):
        if not hasattr(value, "line_of"):
            yield Problem(place, line, f"should have a text for each language: {', '.join(WRITTEN_LANGUAGES)}")
            return
        for lang in WRITTEN_LANGUAGES:
            if lang not in value:
                yield Problem(place, value.line, f'the "{lang}" text is missing')
            elif not isinstance(value[lang], str) or not value[lang].strip():
                yield Problem(f"{place}.{lang}", value.line_of(lang), "should be text, and not empty")
            else:
                yield from self._placeholder_problems(value[lang], f"{place}.{lang}", value.line_of(lang))
        for unknown in value.keys() - set(WRITTEN_LANGUAGES):
            if unknown in CATALOGUE_LANGUAGES:
                message = f'"{unknown}" texts live in translations/{unknown}/LC_MESSAGES/content.po, not here'
            else:
                message = f'"{unknown}" is not a language of this site'
            yield Problem(f"{place}.{unknown}", value.line_of(unknown), message)

    def _placeholder_problems(self, text, place, line):
        known = ", ".join(f"{{{name}}}" for name in self.placeholders) or "none"
        for name in placeholders.names_in(text):
            if name not in self.placeholders:
                yield Problem(place, line, f"{{{name}}} is not a placeholder this text may hold (it may hold: {known})")

    def localize(self, value, language, place):
        return language.pick(place, {lang: value[lang].strip() for lang in WRITTEN_LANGUAGES})

    def texts(self, value, place):
        yield place, value[SOURCE_LANGUAGE].strip()


class Record(Field):
    """A mapping with known keys; a key not listed here is a mistake."""

    def __init__(self, fields, **kwargs):
        super().__init__(**kwargs)
        self.fields = fields

    def check(self, value, place, line):
        if not isinstance(value, dict):
            yield Problem(place, line, "should be a set of named fields")
            return
        prefix = f"{place}." if place else ""
        for key, field in self.fields.items():
            if key in value:
                yield from field.check(value[key], prefix + key, value.line_of(key))
            elif not field.optional:
                yield Problem(place or "(top)", value.line, f'"{key}" is missing')
        for key in value.keys() - self.fields.keys():
            known = ", ".join(self.fields)
            yield Problem(prefix + key, value.line_of(key), f'"{key}" is not a known field here (known: {known})')

    def localize(self, value, language, place):
        return {
            key: field.localize(value[key], language, _join(place, key))
            for key, field in self.fields.items()
            if key in value
        }

    def texts(self, value, place):
        for key, field in self.fields.items():
            if key in value:
                yield from field.texts(value[key], _join(place, key))


class MapOf(Field):
    """A mapping from names (slugs) to values of one kind, like `when: {image: "yes"}`."""

    def __init__(self, value, **kwargs):
        super().__init__(**kwargs)
        self.value = value
        self.key = Slug()

    def check(self, value, place, line):
        if not isinstance(value, dict) or not value:
            yield Problem(place, line, "should be one or more `name: value` lines")
            return
        for key, item in value.items():
            yield from self.key.check(key, f"{place}.{key}", value.line_of(key))
            yield from self.value.check(item, f"{place}.{key}", value.line_of(key))

    def localize(self, value, language, place):
        return {key: self.value.localize(item, language, _join(place, key)) for key, item in value.items()}

    def texts(self, value, place):
        for key, item in value.items():
            yield from self.value.texts(item, _join(place, key))


class ListOf(Field):
    """A list of items; `unique` names a key that must differ between items."""

    def __init__(self, item, *, min_items=1, unique=None, **kwargs):
        super().__init__(**kwargs)
        self.item = item
        self.min_items = min_items
        self.unique = unique

    def check(self, value, place, line):
        if not isinstance(value, list):
            yield Problem(place, line, "should be a list (lines starting with -)")
            return
        if len(value) < self.min_items:
            yield Problem(place, line, f"should have at least {self.min_items} item(s)")
        seen = {}
        for index, item in enumerate(value):
            item_line = value.line_of(index)
            yield from self.item.check(item, f"{place}[{index}]", item_line)
            key = item.get(self.unique) if self.unique and isinstance(item, dict) else None
            if not isinstance(key, str):
                continue
            if key in seen:
                yield Problem(
                    f"{place}[{index}].{self.unique}", item_line, f"{key!r} is used twice (also on line {seen[key]})"
                )
            seen[key] = item_line

    def localize(self, value, language, place):
        return [self.item.localize(item, language, _join(place, index)) for index, item in enumerate(value)]

    def texts(self, value, place):
        for index, item in enumerate(value):
            yield from self.item.texts(item, _join(place, index))


# The title and description every page document has.
PAGE_BASICS = {"title": Text(), "description": Text()}
