"""The snaps demonstration's steps as other areas (the lesson) name them."""

from checkje.content import content


def demo_steps():
    """Every step of the demonstration, in order, with its id and title."""
    return content("snaps/demo")["steps"]
