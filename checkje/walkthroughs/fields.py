"""The walkthroughs' field names: defined here once, handed to templates (`walkthroughs_fields`) and to
walkthroughs.js (data attributes on its script tag), imported by tests.

The youth's phone is an address parameter (PHONE). "My screen looks different" is a form
of three fields (REPORT_APP, REPORT_STEP and PHONE, which may be empty); its answer is the
step's address with SHOW_HELP, which shows the step's help for a changed screen.
"""

from checkje.walkthroughs.shapes import PHONES

PHONE = "telefoon"
REPORT_APP = "app"
REPORT_STEP = "stap"
SHOW_HELP = "hulp"
# The value of SHOW_HELP, and the id of the part of the step page it opens.
HELP_SHOWN = "scherm-anders"

__all__ = ["HELP_SHOWN", "PHONE", "PHONES", "REPORT_APP", "REPORT_STEP", "SHOW_HELP"]
