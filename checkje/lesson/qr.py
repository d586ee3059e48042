"""QR codes drawn on our own server as inline SVG: no third party ever sees what they hold."""

import functools

import segno
from markupsafe import Markup, escape

# A poll's join address is drawn on every teacher control and slide (about 5 ms each time);
# each worker keeps the drawings of the polls it has seen lately. An address holds only a poll's code.
KEPT_DRAWINGS = 1024


@functools.lru_cache(maxsize=KEPT_DRAWINGS)
def _drawing(text):
    return segno.make(text, error="m").svg_inline(
        scale=1, dark="#000", light="#fff", svgclass="qr-code", lineclass=None, omitsize=True
    )


def qr_svg(text, label):
    """An SVG QR code of `text`, named `label` for screen readers.

    Dark on light in every colour scheme, so phones can read it."""
    # segno writes no role or name; add them. It writes colours as attributes, never as style="".
    return Markup(_drawing(text).replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
