"""`python -m store …` (see store/cli.py)."""

import sys

from store.cli import main

sys.exit(main())
