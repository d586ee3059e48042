"""Limits per client that keep nothing personal: how much one client did lately, and nothing of who it is.

A client is the network it asks from: its IPv4 address, or the /64 of its IPv6 address (one home or school gets a
whole /64, so single IPv6 addresses would be free to change). Behind the HTTPS proxy that is the address the proxy
puts in `X-Forwarded-For`, believed only when the request comes from an address in `TRUSTED_PROXIES`.

What is kept of it is an 8-byte keyed hash (BLAKE2b, with a random key made at start-up and never written
anywhere) beside one number: when its allowance is full again (GCRA, a token bucket in one number). That sits in
a fixed table in memory, never logged and never on disk; an entry is worth nothing once its time has passed and
is then reused, so nothing lasts longer than its limit needs (minutes). gunicorn's master makes the table before
it starts its workers (checkje/server/config.py), so every worker of one server counts in the same table; without
gunicorn (`flask run`) each process has its own.
"""

import functools
import hashlib
import ipaddress
import math
import mmap
import multiprocessing
import secrets
import struct
import time
from dataclasses import dataclass

from flask import current_app, g, request
from werkzeug.exceptions import TooManyRequests

# 65,536 entries of 16 bytes: 1 MiB, room for far more clients than one server sees within minutes. A key may sit
# in any of the WAYS entries of its group; when all are in use the one nearest its end makes room.
ENTRIES = 1 << 16
WAYS = 8
ENTRY = struct.Struct("=Qd")  # the client's keyed hash, and when its allowance is full again (monotonic seconds)
# A worker that died holding the lock must not stop the others: past this they go on without it.
LOCK_SECONDS = 0.05


@dataclass(frozen=True)
class Limit:
    """`burst` at once, then one more every `every` seconds."""

    name: str
    burst: int
    every: float


class TooMany(TooManyRequests):
    """A client is over a limit: 429, with the whole seconds until it may try again."""

    def __init__(self, limit, wait):
        super().__init__(retry_after=max(1, math.ceil(wait)))
        self.limit = limit


class Table:
    """The shared table: keyed hashes and their times, in anonymous shared memory."""

    def __init__(self):
        self.memory = mmap.mmap(-1, ENTRIES * ENTRY.size)
        self.lock = multiprocessing.Lock()
        self.secret = secrets.token_bytes(32)

    def key(self, *parts):
        text = "\0".join(str(part) for part in parts).encode()
        # 0 marks an empty entry.
        return int.from_bytes(hashlib.blake2b(text, key=self.secret, digest_size=8).digest(), "little") or 1

    def _place(self, key):
        """The entry of `key`: (its offset, when it is full again), with 0 when the key has no entry yet."""
        first = (key % (ENTRIES // WAYS)) * WAYS
        room, room_full_at = None, math.inf
        for index in range(first, first + WAYS):
            offset = index * ENTRY.size
            held, full_at = ENTRY.unpack_from(self.memory, offset)
            if held == key:
                return offset, full_at
            if full_at < room_full_at:
                room, room_full_at = offset, full_at
        return room, 0.0

    def charge(self, key, limit, burst, *, refuse):
        """Use one of the allowance; return the seconds to wait when that is over it (and, if `refuse`, leave it
        unused). Without `refuse` it is used all the same, only up to one past the allowance."""
        locked = self.lock.acquire(timeout=LOCK_SECONDS)
        try:
            now = time.monotonic()
            offset, full_at = self._place(key)
            after = max(full_at, now) + limit.every
            over = after - now - burst * limit.every
            if over > 0 and refuse:
                return over
            ENTRY.pack_into(self.memory, offset, key, min(after, now + (burst + 1) * limit.every))
            return max(over, 0)
        finally:
            if locked:
                self.lock.release()

    def wait(self, key, limit, burst):
        """The seconds until one more would be allowed (0: now), using nothing."""
        _, full_at = self._place(key)
        return max(full_at - time.monotonic() + limit.every - burst * limit.every, 0)


_table = None


def share_between_workers():
    """Make the table before gunicorn forks its workers, so they all count in it."""
    global _table
    _table = Table()


def _the_table():
    global _table
    if _table is None:
        _table = Table()
    return _table


@functools.lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(part.strip()) for part in trusted.split(",") if part.strip())


def _network_of(address):
    """The client as its network: an IPv4 address, or an IPv6 address's /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return str(ip) if ip.version == 4 else str(ipaddress.ip_network(f"{ip}/64", strict=False))


def client_address(environ, trusted):
    """The address the request came from: the socket's, or behind a trusted proxy the last address in
    `X-Forwarded-For` that is not a trusted proxy (what came before it, the client could have written). A request
    on a Unix socket (no address) comes from this machine: from the proxy."""
    networks = _networks(trusted)

    def is_trusted(address, unix_socket=False):
        try:
            return any(ipaddress.ip_address(address) in network for network in networks)
        except ValueError:
            return unix_socket

    address = environ.get("REMOTE_ADDR", "")
    if not is_trusted(address, unix_socket=True):
        return address
    hops = [hop.strip() for hop in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return next((hop for hop in reversed(hops) if not is_trusted(hop)), address)


def _client():
    if "checkje_client" not in g:
        address = client_address(request.environ, current_app.config["TRUSTED_PROXIES"])
        g.checkje_client = _network_of(address)
    return g.checkje_client


def _on():
    return current_app.config["CLIENT_LIMITS"]


def take(limit, *scope, burst=None):
    """Count one for this client (in `scope`, such as a poll's statement), or raise TooMany when it is over."""
    if not _on():
        return
    table = _the_table()
    wait = table.charge(table.key(limit.name, _client(), *scope), limit, burst or limit.burst, refuse=True)
    if wait:
        raise TooMany(limit, wait)


def check(limit, *scope):
    """Raise TooMany when this client could not take one more now; count nothing, except while it is over:
    then each ask counts too, so a client that keeps asking stays refused and only a quiet one gets a new try."""
    if not _on():
        return
    table = _the_table()
    key = table.key(limit.name, _client(), *scope)
    wait = table.wait(key, limit, limit.burst)
    if wait:
        table.charge(key, limit, limit.burst, refuse=False)
        raise TooMany(limit, wait)


def spend(limit, *scope):
    """Count one for this client after the fact (it has happened: nothing to refuse)."""
    if _on():
        table = _the_table()
        table.charge(table.key(limit.name, _client(), *scope), limit, limit.burst, refuse=False)


def limited(limit):
    """A view that counts one of `limit` for its client first (429 when over)."""

    def decorate(view):
        @functools.wraps(view)
        def counted(*args, **kwargs):
            take(limit)
            return view(*args, **kwargs)

        return counted

    return decorate
