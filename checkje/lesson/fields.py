"""The class poll's form fields and the teacher's actions: defined here once, handed to templates
(`lesson_fields`), imported by tests."""

from checkje.lesson.poll_store import contract

CODE = "code"
SECRET = "geheim"
ACTION = "actie"
STATEMENT = "stelling"
ANSWER = "antwoord"
# On a slide's count: the poll's version that the count shows, so an unchanged one needs no new answer.
SHOWN_VERSION = "versie"
# How many pupils the class has: a statement takes at most that many votes.
CLASS_SIZE = "klas"
# Sent by the lesson page's main button: start the poll and show the first slide with it, not the poll screen.
WITH_SLIDES = "met-dias"
DEFAULT_CLASS_SIZE, MAX_CLASS_SIZE = contract.DEFAULT_CLASS_SIZE, contract.MAX_CLASS_SIZE

# The teacher's controls: show the results, open another statement, let the class vote again on this
# statement, end the poll (after being asked whether to), or only look again.
REVEAL = "toon"
GO_TO = "naar"
RESET = "opnieuw"
ASK_END = "stop-vragen"
END = "stop"
REFRESH = "ververs"
ACTIONS = (REVEAL, GO_TO, RESET, ASK_END, END, REFRESH)
