"""The friend check's form fields: defined here once, handed to templates (`friendcheck_fields`) and scripts
(data attributes), imported by tests."""

# The picked option ids, in a form's body (never in an address).
PICKS = "keuze"
# The hidden field that names the question: a body without it is not one of our forms.
QUESTION = "vraag"
