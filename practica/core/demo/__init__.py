"""Demo data: a water utility, its engineering partner and their communities of practice.

``load_demo()`` loads it idempotently; ``practica demo`` is the command that calls it.
"""

from .loader import PASSWORD, SOURCE, DemoDataError, Step, Summary, load_demo
from .people import HOST_NAME

__all__ = ["HOST_NAME", "PASSWORD", "SOURCE", "DemoDataError", "Step", "Summary", "load_demo"]
