"""``python -m postplan.accuracy``: measure the policy checks on the labelled corpus."""

import os
import sys

from postplan.accuracy.report import main

try:
    code = main(sys.argv[1:])
    sys.stdout.flush()
except BrokenPipeError:  # the reader stopped early (| head): not an error worth a traceback
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
sys.exit(code)
