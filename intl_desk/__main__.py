import sys

from intl_desk.cli import main

sys.exit(main())
