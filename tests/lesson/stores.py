"""The poll stores the contract suite runs on, each on a clock the test moves."""


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now=1_000_000.0):
        self.now = now

    def __call__(self):
        return self.now
