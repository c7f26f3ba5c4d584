import sys

from intl_desk.bench.runner import main

sys.exit(main())
