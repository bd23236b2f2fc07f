"""wkb_desk: the Wkb intake desk of a small municipality."""

__version__ = "0.1.0"
