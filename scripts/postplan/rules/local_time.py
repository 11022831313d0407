"""A local time that does not exist, or happens twice, because the clocks change that night.

In the UK the clocks go forward at 01:00 on the last Sunday of March (01:00–01:59 does not exist) and
back at 02:00 on the last Sunday of October (01:00–01:59 happens twice). postplan will not guess.

Passes: ``publish_at: 2027-03-28 08:30``. Fails: ``publish_at: 2027-03-28 01:30``;
``publish_at: 2027-10-31 01:30`` (unless written with its offset, ``2027-10-31 01:30+01:00``).
"""

from postplan.findings import Severity

ID = "local-time"
SEVERITY = Severity.ERROR
SUMMARY = "A time must exist exactly once in the school's time zone (clock changes)."
POLICY = "Design: times are local to the school's time zone, and resolved there."
