"""The icons of our own sprite (static/img/icons.svg) that content may name: read from the sprite itself, so a
drawing added there can be used at once and a name that is not there is a build error."""

import re
from pathlib import Path

SPRITE = Path(__file__).resolve().parents[2] / "static" / "img" / "icons.svg"
# The scenes and the mascot are larger drawings, not icons that stand next to words.
ICONS = tuple(
    name
    for name in re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text(encoding="utf-8"))
    if not name.startswith("scene-") and name != "mascot"
)
