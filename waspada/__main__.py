"""`python -m waspada ...`: the same command line as the `waspada` script."""

import sys

from waspada.cli import main

sys.exit(main())
