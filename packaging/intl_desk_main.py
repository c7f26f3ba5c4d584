"""Entry point of the Linux bundle's one executable: ``intl-desk`` runs the command line,
``intl-desk-gui`` (a link to it) the windowed application."""

import sys
from pathlib import Path

from intl_desk.cli import gui_main, main

if __name__ == "__main__":
    sys.exit(gui_main() if Path(sys.argv[0]).name.startswith("intl-desk-gui") else main())
