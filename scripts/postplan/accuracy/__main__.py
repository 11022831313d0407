"""``python -m postplan.accuracy``: measure the policy checks on the labelled corpus."""

import sys

from postplan.accuracy.report import main

sys.exit(main(sys.argv[1:]))
