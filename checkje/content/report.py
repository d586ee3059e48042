"""How far each catalogue language is: translated, fuzzy, missing and reviewed, per domain and in all."""

from dataclasses import dataclass

from checkje.content import catalogues

DOMAINS = (catalogues.INTERFACE_DOMAIN, catalogues.CONTENT_DOMAIN)


@dataclass(frozen=True)
class Figures:
    lang: str
    domain: str
    total: int
    translated: int
    fuzzy: int
    missing: int
    reviewed: int


def _count(lang, domain, messages):
    states = [catalogues.state_of(message) for message in messages]
    return Figures(
        lang,
        domain,
        total=len(messages),
        translated=states.count("translated"),
        fuzzy=states.count("fuzzy"),
        missing=states.count("missing"),
        reviewed=sum(catalogues.is_reviewed(message) for message in messages),
    )


def figures(translations_dir, languages):
    """A row per language and domain, then one per language for both domains together ("all")."""
    rows = []
    for lang in languages:
        both = []
        for domain in DOMAINS:
            messages = catalogues.entries(catalogues.read(catalogues.path_of(translations_dir, lang, domain), lang))
            rows.append(_count(lang, domain, messages))
            both += messages
        rows.append(_count(lang, "all", both))
    return rows


def _share(part, total):
    return f"{part} ({100 * part / total:.0f}%)" if total else "0"


def table(rows):
    header = ("language", "catalogue", "strings", "translated", "fuzzy", "missing", "reviewed")
    lines = [header] + [
        (
            row.lang,
            row.domain,
            str(row.total),
            *(_share(value, row.total) for value in (row.translated, row.fuzzy, row.missing, row.reviewed)),
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines
    )
