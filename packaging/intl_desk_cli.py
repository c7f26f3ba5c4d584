"""Entry point of the bundled console command ``intl-desk`` (scripts, reports, checks)."""

import sys

from intl_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
