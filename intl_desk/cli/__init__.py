"""The command line: ``intl-desk COMMAND …``, one module per group of commands.

:mod:`~intl_desk.cli.entry` parses the arguments, picks the handler and turns errors into
one line on stderr and an exit code (0 done, 1 problems found, 2 unusable input). The
other modules each add their commands to the parser and hold their handlers: the
``reports``, ``exchange``, ``server`` and ``sync`` packages expose functions, and only
this package knows about ``argparse``.
"""

from __future__ import annotations

from intl_desk.cli.entry import gui_main, main

__all__ = ["gui_main", "main"]
