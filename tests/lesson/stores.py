"""What the poll stores keep per poll, the same fields on SQLite (columns) and Redis (hash fields)."""

KEPT_PER_POLL = {
    "secret_hash",
    "statement",
    "waiting",
    "statements",
    "class_size",
    "shown",
    "resets",
    "version",
    "created",
    "expires",
    "window_second",
    "window_votes",
}
