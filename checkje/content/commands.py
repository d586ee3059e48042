"""Content commands: `flask build-content`, `flask update-translations`, `flask translation-report`."""

from pathlib import Path

import click
from flask import current_app

from checkje.content import catalogues, report
from checkje.content.registry import registry_of
from checkje.content.store import ContentError, build, check_all
from checkje.core.settings import CATALOGUE_LANGUAGES


def _checked_documents(config, registry):
    documents, problems = check_all(config["CONTENT_DIR"], registry)
    if problems:
        error = ContentError(problems)
        click.echo(f"Content has {len(error.problems)} problem(s):\n{error}", err=True)
        raise SystemExit(1)
    return documents


@click.command("build-content")
def build_content_command():
    """Check every file in content/ and build the content database."""
    config = current_app.config
    try:
        count = build(
            config["CONTENT_DIR"],
            config["CONTENT_DB"],
            registry_of(current_app),
            translations_dir=config["TRANSLATIONS_DIR"],
        )
    except ContentError as error:
        click.echo(f"Content has {len(error.problems)} problem(s):\n{error}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Built {count} content files into {config['CONTENT_DB']}")


@click.command("update-translations")
@click.argument("interface_template", type=click.Path(dir_okay=False, exists=True))
def update_translations_command(interface_template):
    """Bring every catalogue in step: content.po from content/, messages.po from INTERFACE_TEMPLATE (a .pot)."""
    config = current_app.config
    translations = Path(config["TRANSLATIONS_DIR"])
    registry = registry_of(current_app)
    content_template = catalogues.content_template(_checked_documents(config, registry), registry, CATALOGUE_LANGUAGES)
    catalogues.write(content_template, translations / f"{catalogues.CONTENT_DOMAIN}.pot", omit_header=True)
    interface_template = catalogues.read(interface_template, None)
    for lang in CATALOGUE_LANGUAGES:
        path = catalogues.path_of(translations, lang, catalogues.CONTENT_DOMAIN)
        catalogues.update(content_template, path, lang, by_place=True)
    existing = {path.parents[1].name for path in translations.glob(f"*/LC_MESSAGES/{catalogues.INTERFACE_DOMAIN}.po")}
    for lang in sorted(existing | set(CATALOGUE_LANGUAGES)):
        path = catalogues.path_of(translations, lang, catalogues.INTERFACE_DOMAIN)
        catalogues.update(interface_template, path, lang, by_place=False)
    texts, words = (len(catalogues.entries(template)) for template in (content_template, interface_template))
    click.echo(f"{texts} content texts, {words} interface words")


@click.command("translation-report")
def translation_report_command():
    """Print, per language, how many strings are translated, fuzzy, missing and reviewed."""
    click.echo(report.table(report.figures(current_app.config["TRANSLATIONS_DIR"], CATALOGUE_LANGUAGES)))
