"""coach: a terminal interview coach for Python and FastAPI roles."""

__version__ = "0.1.0"
