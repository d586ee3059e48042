"""Expired polls leave on time, even when nobody opens a poll page: each server worker sweeps the store.

Started by the server (checkje/server/config.py, `post_worker_init`), never by the app itself: tests and
flask commands make apps by the hundred and need no sweeper. Under gevent the thread is a greenlet.
"""

import logging
import threading
import time

from checkje.lesson.poll_store.contract import StoreDown

log = logging.getLogger(__name__)


def _sweep_forever(store, every):
    while True:
        time.sleep(every)
        try:
            store.sweep()
        except StoreDown:
            pass  # said in the log once by the store; the next sweep tries again
        except Exception:  # a sweeper that stops would leave expired polls on disk: log it and go on
            log.exception("Sweeping the class polls failed")


def start(store, every):
    """Sweep `store` every `every` seconds for as long as this process lives."""
    threading.Thread(target=_sweep_forever, args=(store, every), name="poll-sweep", daemon=True).start()
