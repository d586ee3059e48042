"""The class poll's form fields and the teacher's actions: defined here once, handed to templates
(`lesson_fields`), imported by tests."""

CODE = "code"
SECRET = "geheim"
ACTION = "actie"
STATEMENT = "stelling"
ANSWER = "antwoord"

# The teacher's controls: show the results, open another statement, end the poll, or only look again.
REVEAL = "toon"
GO_TO = "naar"
END = "stop"
REFRESH = "ververs"
ACTIONS = (REVEAL, GO_TO, END, REFRESH)
