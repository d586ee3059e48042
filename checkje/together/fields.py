"""The together talk's address parameter: defined here once, imported by the code that reads and keeps it
(way_back.py, the friend check's query guard, the service worker's config) and by tests.

An activity opened from a step of the talk carries the step's number (1 for the first step) in its address,
so its pages can lead back to that very step. Nothing else is kept: no cookie, nothing on the server.
"""

# The number of the talk's step, in the address of every page of an activity that step opened.
TALK_STEP = "samen"
