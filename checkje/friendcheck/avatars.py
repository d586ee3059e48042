"""The drawn profile pictures of the practice requests: what content may ask for, and the colours it gets.

A picture is a few named parameters (content/friendcheck/requests.yaml); the macro
in templates/components/avatar.html draws it, so every picture costs a few hundred bytes.
"""

# What a picture can show: a person, or a thing in place of a face.
DRAWINGS = ("person", "car", "cash", "camera", "gamepad")
FACES = ("round", "long")
HAIR_STYLES = ("short", "long", "curly", "bun")
EXTRAS = ("smile", "sunglasses", "cap", "beard", "earrings")

# Backgrounds and shirts.
PALETTE = {
    "teal": "#2a9d8f",
    "pink": "#e76f9a",
    "sky": "#74b3e8",
    "sand": "#e9c46a",
    "purple": "#8e6cc9",
    "green": "#5aa35a",
    "orange": "#f08a3c",
    "navy": "#2b3f73",
    "grey": "#8a94a3",
}
# Skin tones from 1 (lightest) to 5 (darkest), and hair colours.
SKIN = {1: "#f6d7c3", 2: "#e8b896", 3: "#c98e62", 4: "#9a6440", 5: "#6b4129"}
HAIR = {"black": "#1d1a1a", "brown": "#6b3e1f", "blond": "#e0b84f", "red": "#b5452b"}

# What the drawing macro reads (the template global `avatar_colours`).
COLOURS = {"palette": PALETTE, "skin": SKIN, "hair": HAIR}
