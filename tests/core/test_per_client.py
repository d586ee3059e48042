"""Who a client is for the limits per client, and what the table keeps of it (checkje/core/per_client.py)."""

import pytest

from checkje.core import per_client

TRUSTED = "127.0.0.1,::1,10.0.0.0/8"


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # No proxy: the socket's address, whatever the client writes in X-Forwarded-For.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # The proxy's X-Forwarded-For: its last address that is no trusted proxy.
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        ("10.1.2.3", "203.0.113.7, 10.9.9.9", "203.0.113.7"),
        # A proxy on the app server's Unix socket (no address): this machine's, so trusted.
        ("", "203.0.113.7", "203.0.113.7"),
        # A trusted proxy that names nobody: the proxy it is.
        ("127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_the_client_is_named_by_the_socket_or_a_trusted_proxy(remote, forwarded, client):
    environ = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert per_client.client_address(environ, TRUSTED) == client


def test_an_ipv6_client_is_its_64_and_a_mapped_ipv4_its_address():
    assert per_client._network_of("2001:db8:1:2:aaaa::1") == per_client._network_of("2001:db8:1:2:bbbb::9")
    assert per_client._network_of("2001:db8:1:2::1") != per_client._network_of("2001:db8:1:3::1")
    assert per_client._network_of("::ffff:203.0.113.7") == "203.0.113.7"


def test_the_table_allows_a_burst_then_one_per_interval_and_keeps_only_a_keyed_hash(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(per_client.time, "monotonic", lambda: now[0])
    table, limit = per_client.Table(), per_client.Limit("test", burst=3, every=10)
    key = table.key("test", "203.0.113.7")
    assert [table.charge(key, limit, 3, refuse=True) for _ in range(4)] == [0, 0, 0, 10]
    now[0] += 10
    assert table.charge(key, limit, 3, refuse=True) == 0
    assert table.key("test", "203.0.113.7") != per_client.Table().key("test", "203.0.113.7"), "a key per process"
    assert b"203.0.113.7" not in table.memory[:]
