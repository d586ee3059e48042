"""The walkthroughs' address parameter for the youth's phone: defined here once, handed to templates
(`walkthroughs_fields`) and to walkthroughs.js (data attributes on its script tag), imported by tests."""

from checkje.walkthroughs.shapes import PHONES

PHONE = "telefoon"

__all__ = ["PHONE", "PHONES"]
