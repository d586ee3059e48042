"""Checkje: one package per area; app.py lists the areas and puts them together."""
