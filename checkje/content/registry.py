"""Which content files exist and the shape each must have, collected from the areas.

Each area keeps its own shapes in a module with `SCHEMAS` ({document name: schema})
and optionally `CROSS_CHECKS` (checks across fields or files) and registers that
module in its `init_app`. Nothing here knows the areas.
"""

import hashlib
from pathlib import Path

from checkje.core.settings import CATALOGUE_LANGUAGES, LANGUAGES


class Registry:
    """The shape modules of every area, in the order they were registered."""

    def __init__(self):
        self.modules = []
        self.schemas = {}
        self.cross_checks = []
        self.languages = {}

    def add(self, shapes, languages=LANGUAGES):
        """Take a module's SCHEMAS and CROSS_CHECKS, shown in `languages`; a document name may have one shape only.

        A module's own `LANGUAGES` ({document name: languages}) overrides that for its documents."""
        taken = self.schemas.keys() & shapes.SCHEMAS.keys()
        if taken:
            raise ValueError(f"{shapes.__name__} registers {sorted(taken)}, which another area registered already")
        self.modules.append(shapes)
        self.schemas.update(shapes.SCHEMAS)
        own = getattr(shapes, "LANGUAGES", {})
        self.languages.update({name: tuple(own.get(name, languages)) for name in shapes.SCHEMAS})
        self.cross_checks.extend(getattr(shapes, "CROSS_CHECKS", ()))

    def languages_of(self, name):
        return self.languages[name]

    def fingerprint(self, content_dir, translations_dir):
        """A hash of every content file and content catalogue, every shape module and the content package.

        A changed one gives a new hash."""
        digest = hashlib.sha256()
        content_dir = Path(content_dir)
        code = {Path(module.__file__) for module in self.modules} | set(Path(__file__).parent.glob("*.py"))
        files = [(path.parent.name + "/" + path.name, path) for path in code]
        files += [(path.relative_to(content_dir).as_posix(), path) for path in content_dir.rglob("*.yaml")]
        for lang in CATALOGUE_LANGUAGES:
            catalogue = Path(translations_dir) / lang / "LC_MESSAGES" / "content.po"
            if catalogue.is_file():
                files.append((f"{lang}/content.po", catalogue))
        for name, path in sorted(files):
            digest.update(name.encode() + b"\0")
            digest.update(path.read_bytes())
        return digest.hexdigest()


def registry_of(app):
    """The app's registry, made on first use."""
    return app.extensions.setdefault("checkje.content_registry", Registry())


def register(app, shapes, languages=LANGUAGES):
    """Register an area's shape module (see Registry.add)."""
    registry_of(app).add(shapes, languages)
