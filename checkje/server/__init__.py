"""How `make run` serves Checkje: gunicorn with gevent workers, read in full and on time, logs that keep nothing.

Sync workers give each connection a whole process, so two clients trickling a header line
every few seconds stall every page. Gevent workers hold each connection in a greenlet:
a slow client costs a little memory, and `worker.CheckjeWorker` gives it a deadline for
its headers and its body. Start it with `gunicorn -c python:checkje.server.config`.
"""
