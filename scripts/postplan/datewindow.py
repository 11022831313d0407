"""The years postplan plans for: 2000 to 2100. A date outside them is a mistake, never work to do.

Python's dates end at the year 9999 and start at the year 1, so an event on 9999-12-31 with a reminder
after it, or a reminder a million days before an event, overflows; a term ending in 9999 makes a
calendar of 96,000 months. Every date a school writes is checked against this window when it is read,
so each of these is one finding at its line and no later stage ever meets such a date.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)
MAX_DAYS = 3660  # a reminder or offset of at most ten years: inside the window, never past Python's dates


def within(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """The value itself if its day is inside the window; otherwise a ValueError that says what to write."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{day.isoformat()} is outside the years postplan plans for "
                         f"({EARLIEST.year} to {LATEST.year}): is the year a typing mistake?")
    return value

