"""Who is working: the name a change, a lock and a merge are recorded under."""

from __future__ import annotations

import getpass


def current_user() -> str:
    """The operating system's name for the person logged in, or "unknown"."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
