"""QR codes drawn on our own server as inline SVG: no third party ever sees what they hold."""

import segno
from markupsafe import Markup, escape


def qr_svg(text, label):
    """An SVG QR code of `text`, named `label` for screen readers.

    Dark on light in every colour scheme, so phones can read it."""
    svg = segno.make(text, error="m").svg_inline(
        scale=1, dark="#000", light="#fff", svgclass="qr-code", lineclass=None, omitsize=True
    )
    # segno writes no role or name; add them. It writes colours as attributes, never as style="".
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
