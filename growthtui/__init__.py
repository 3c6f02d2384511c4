"""growthtui: plan your professional growth in the terminal."""

__version__ = "0.1.0"
