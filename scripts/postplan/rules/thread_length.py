"""A thread may have at most 25 parts.

Each line of three dashes (``---``) in a post's text starts another part of a thread. X's own composer
stops at 25; a school's thread is a handful. A post of thousands of parts (a pasted file, or a pull
request meant to keep the checks and the publisher busy) is refused when it is read, at the line of
the first part past the limit, and nothing of it is checked or sent.

Passes: a thread of three parts, each under the length limit.
Fails: a post whose text has 30 lines of ``---``; a pasted document with thousands of them.
"""

from postplan.findings import Severity
from postplan.load import MAX_THREAD_PARTS

ID = "thread-length"
SEVERITY = Severity.ERROR
SUMMARY = "A thread may have at most 25 parts."
POLICY = "Platform limit: X's composer takes threads of up to 25 posts; a school's thread is a handful."

MAX_PARTS = MAX_THREAD_PARTS  # the loader refuses more (postplan.load)
