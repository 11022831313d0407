"""Time: the school's local clock, and "now" (which tests and previews can pin).

A school writes local times ("2027-06-01 08:30"). Twice a year a local time does not exist (clocks go
forward) or happens twice (clocks go back); both are refused with an explanation rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from postplan.datewindow import within

NOW_VARIABLE = "POSTPLAN_NOW"


class LocalTimeError(ValueError):
    """A local time that does not exist, or that happens twice, in the school's time zone."""


def localize(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Attach the school's time zone to a local time, refusing times the clock change skips or repeats."""
    if moment.tzinfo is not None:
        return moment
    first, second = moment.replace(tzinfo=zone), moment.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    when = moment.strftime("%H:%M on %A %-d %B %Y")
    round_trip = first.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
    if round_trip != moment:
        raise LocalTimeError(
            f"{when} does not exist in {zone.key}: the clocks go forward an hour that night. "
            "Choose a time an hour later (or earlier)."
        )
    early, late = first.strftime("%z"), second.strftime("%z")
    raise LocalTimeError(
        f"{when} happens twice in {zone.key}: the clocks go back an hour that night. "
        f"Choose another time, or add the offset: {moment:%Y-%m-%d %H:%M}{early[:3]}:{early[3:]} "
        f"for the first, {late[:3]}:{late[3:]} for the second."
    )


def parse_local(value: object, zone: ZoneInfo) -> dt.datetime:
    """A date-and-time from YAML (text or a YAML timestamp) as an aware datetime in the school's zone."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        raise ValueError(f"give a time as well as the date, like {value.isoformat()} 08:30")
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a date and time; write it like 2027-06-01 08:30") from None
    else:
        raise ValueError(f"'{value}' is not a date and time; write it like 2027-06-01 08:30")
    return localize(moment.replace(microsecond=0), zone)


def now(pinned: str | None = None, zone: ZoneInfo | None = None) -> dt.datetime:
    """The current time, or the time pinned by ``--now`` / ``POSTPLAN_NOW`` (local if no offset)."""
    pinned = pinned or os.environ.get(NOW_VARIABLE)
    zone = zone or ZoneInfo("Europe/London")
    if not pinned:
        return dt.datetime.now(dt.timezone.utc).astimezone(zone)
    return within(parse_local(pinned, zone).astimezone(zone))  # a pinned year 9999 would overflow later
