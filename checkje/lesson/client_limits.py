"""What one client may do in lesson mode (checkje/core/per_client.py keeps the counts, nothing personal).

One client is one address: that may be one attacker, or a whole school behind one router. The figures let a
class of 35 behind one address through a whole lesson (every pupil votes on every statement, reloads, types a
code wrong once or twice; at the end every phone finds the poll gone), and stop one client from filling the
store with polls, stuffing a statement or guessing codes. They count per server: all its workers together.
"""

import functools

from checkje.core import per_client
from checkje.lesson.poll_store import DEFAULT_CLASS_SIZE, PollGone

# The store holds 20,000 polls; an idle one leaves after 20 minutes. A school starts a few dozen at the top of
# the hour; one client that keeps its polls alive for their 4 hours holds at most 40 + 4 × 40 = 200.
NEW_POLLS = per_client.Limit("new-polls", burst=40, every=90)
# Per statement (and per reset of it): as many votes at once as the class has pupils (at least 35, as the class
# size is a guide), then one every 10 seconds; the poll itself takes three times the class size at most.
VOTES = per_client.Limit("votes", burst=DEFAULT_CLASS_SIZE, every=10)
# Codes asked for that no poll has. A class spends about 140 in a lesson (35 phones × two typing mistakes, and
# × two when the poll ends); guessing gets 200 and then 720 an hour instead of 200,000 (6 letters of 32: one
# guess in 54,000 finds a poll when the store is full, one in 3.6 million with 300 polls running).
CODE_MISSES = per_client.Limit("code-misses", burst=200, every=5)

# The store's calls that take no code from the request; every other call does (a new one too, by default).
WITHOUT_A_CODE = frozenset({"create", "purge_expired", "sweep"})

new_poll = per_client.limited(NEW_POLLS)


def take_vote(poll):
    """Count a vote of this client on the poll's open statement; 429 when it is over."""
    burst = max(poll.class_size, VOTES.burst)
    per_client.take(VOTES, poll.code, poll.statement, poll.resets, burst=burst)


class Guarded:
    """The poll store as one client reaches it. Every code that finds no poll counts; a client with too many
    is refused (429) before the store is asked about any code, so the refusal says nothing about a code."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        call = getattr(self._store, name)
        if name in WITHOUT_A_CODE or not callable(call):
            return call

        @functools.wraps(call)
        def asked(*args, **kwargs):
            per_client.check(CODE_MISSES)
            try:
                return call(*args, **kwargs)
            except PollGone:
                per_client.spend(CODE_MISSES)
                raise

        return asked
