"""The class poll's form fields and the teacher's actions: defined here once, handed to templates
(`lesson_fields`), imported by tests."""

CODE = "code"
SECRET = "geheim"
ACTION = "actie"
STATEMENT = "stelling"
ANSWER = "antwoord"

# The teacher's controls: show the results, open another statement, end the poll (after being asked
# whether to), or only look again.
REVEAL = "toon"
GO_TO = "naar"
ASK_END = "stop-vragen"
END = "stop"
REFRESH = "ververs"
ACTIONS = (REVEAL, GO_TO, ASK_END, END, REFRESH)
