"""``python -m visitplanner``."""

import sys

from visitplanner.launcher import main

sys.exit(main())
