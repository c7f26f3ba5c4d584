"""How a command ends: its exit code (0 done, 1 problems found, 2 unusable input) and an
error as one line on stderr."""

from __future__ import annotations

import sys

from intl_desk.core.errors import IntlDeskError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


class UsageError(IntlDeskError):
    """Bad arguments: reported like any other error, with exit code 2."""


def print_error(message: str) -> None:
    print(f"intl-desk: {message}", file=sys.stderr)
