"""``intl-desk gui [FILE]``: the application, the command run when none is given."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import _


def cmd_gui(args: argparse.Namespace) -> int:
    from intl_desk.ui.app import run_app

    return run_app(
        Path(args.file) if args.file else None,
        quit_when_shown=getattr(args, "quit_when_shown", False),
        quit_when_painted=getattr(args, "quit_when_painted", False),
        language=args.language,  # --language given: this run's, not the saved choice
    )


def add_gui_parser(sub: Any) -> None:
    gui = sub.add_parser("gui", help=_("open the application (the default)"))
    gui.add_argument("file", nargs="?", metavar=_("FILE"))
    # For measuring start-up (bench, bundle test): quit once the file is open in the main
    # window, or once the first window is painted on screen.
    gui.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    gui.add_argument("--quit-when-painted", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)
