"""``python -m gongwen``: the same as the ``gongwen`` command."""

import sys

from gongwen.entry import main

sys.exit(main())
