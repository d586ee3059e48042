"""Checkje: one package per area (core, content, pages, helpfinder, friendcheck, walkthroughs, snaps, together, lesson, pwa); app.py puts them together."""
