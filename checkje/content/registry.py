"""Which content files exist and the shape each must have, collected from the areas.

Each area keeps its own shapes in a module with `SCHEMAS` ({document name: schema})
and optionally `CROSS_CHECKS` (checks across fields or files) and registers that
module in its `init_app`. Nothing here knows the areas.
"""

import hashlib
from pathlib import Path


class Registry:
    """The shape modules of every area, in the order they were registered."""

    def __init__(self):
        self.modules = []
        self.schemas = {}
        self.cross_checks = []

    def add(self, shapes):
        """Take a module's SCHEMAS and CROSS_CHECKS; a document name may have one shape only."""
        taken = self.schemas.keys() & shapes.SCHEMAS.keys()
        if taken:
            raise ValueError(f"{shapes.__name__} registers {sorted(taken)}, which another area registered already")
        self.modules.append(shapes)
        self.schemas.update(shapes.SCHEMAS)
        self.cross_checks.extend(getattr(shapes, "CROSS_CHECKS", ()))

    def fingerprint(self, content_dir):
        """A hash of every content file, every shape module and the content package: a changed one gives a new hash."""
        digest = hashlib.sha256()
        content_dir = Path(content_dir)
        code = {Path(module.__file__) for module in self.modules} | set(Path(__file__).parent.glob("*.py"))
        files = [(path.parent.name + "/" + path.name, path) for path in code]
        files += [(path.relative_to(content_dir).as_posix(), path) for path in content_dir.rglob("*.yaml")]
        for name, path in sorted(files):
            digest.update(name.encode() + b"\0")
            digest.update(path.read_bytes())
        return digest.hexdigest()


def registry_of(app):
    """The app's registry, made on first use."""
    return app.extensions.setdefault("checkje.content_registry", Registry())


def register(app, shapes):
    """Register an area's shape module (see Registry.add)."""
    registry_of(app).add(shapes)
