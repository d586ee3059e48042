"""Where the anonymous counts live: SQLite on this server (POLLS_DB), or Redis shared by every app
server when POLLS_URL is set (redis://host:port/db). One client per app, made on first use.

The redis package is imported only when POLLS_URL asks for Redis: `make run` needs nothing extra.
"""

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
# Every key this app writes starts with this: one Redis may serve other things too.
KEY_PREFIX = "checkje:"


class StoreDown(Exception):
    """The shared store cannot be reached now; it may be back in a moment."""


def wants_redis(config):
    return config["POLLS_URL"].startswith(REDIS_SCHEMES)


def redis_client(app):
    """The app's Redis client for POLLS_URL: quick to give up while Redis is down, and it finds Redis
    again by itself when it is back (each command takes a fresh connection from the pool as needed)."""
    if "checkje.redis" not in app.extensions:
        import redis  # noqa: PLC0415 - only deployments that ask for Redis need the package

        app.extensions["checkje.redis"] = redis.Redis.from_url(
            app.config["POLLS_URL"],
            socket_timeout=2,
            socket_connect_timeout=2,
            health_check_interval=30,
            decode_responses=True,
        )
    return app.extensions["checkje.redis"]
