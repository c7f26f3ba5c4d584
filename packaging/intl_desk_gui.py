"""Entry point of the bundled windowed application (no console window on Windows)."""

import sys

from intl_desk.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
