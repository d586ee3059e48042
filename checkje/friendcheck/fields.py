"""The friend check's form fields: defined here once, handed to templates and scripts, imported by tests."""

# The picked option ids (form and result address), and the hidden field that names the
# question: a body without it is not one of our forms.
PICKS_FIELD = "keuze"
QUESTION_FIELD = "vraag"
