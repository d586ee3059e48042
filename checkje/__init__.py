"""Checkje: the pieces that app.py's factory puts together, one module per area."""
