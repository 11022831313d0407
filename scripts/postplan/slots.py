"""Posting slots: the few times of day posts go out, as Buffer and Hootsuite have them.

A post written for 10:05 goes out at the next slot (12:30, say), because the publishing workflow runs
only at the slots: a run every ten minutes, day and night, costs more GitHub minutes than a school has.
School days (weekdays in term) have their slots; weekends and holidays have their own, usually fewer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, field_validator

from postplan.fields import Frozen


def _clock_time(value: object) -> object:
    """A slot written 12:30: YAML 1.1 reads an unquoted 12:30 as the number 750 (minutes), so take that too."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    return value


SlotTime = Annotated[dt.time, BeforeValidator(_clock_time)]


class PostingSlots(Frozen):
    """The local times posts go out: on school days, and on other days (weekends and holidays)."""

    school_days: list[SlotTime] = Field(
        default_factory=lambda: [dt.time(8, 30), dt.time(12, 30), dt.time(15, 30), dt.time(18, 0)],
        min_length=1, max_length=12)
    other_days: list[SlotTime] = Field(
        default_factory=lambda: [dt.time(10, 0), dt.time(18, 0)], min_length=1, max_length=12)

    @field_validator("school_days", "other_days")
    @classmethod
    def _whole_minutes(cls, value: list[dt.time]) -> list[dt.time]:
        for slot in value:
            if slot.second or slot.microsecond or slot.tzinfo:
                raise ValueError(f"a slot is a local time in whole minutes, like 12:30, not {slot}")
        return sorted(set(value))

    def on(self, school_day: bool) -> list[dt.time]:
        return self.school_days if school_day else self.other_days

    def every_time(self) -> list[dt.time]:
        return sorted({*self.school_days, *self.other_days})


def is_school_day(day: dt.date, terms: Sequence[tuple[dt.date, dt.date]]) -> bool:
    """A weekday in term; with no terms in calendar/, every weekday."""
    if day.weekday() >= 5:
        return False
    return not terms or any(start <= day <= end for start, end in terms)


def next_slot(moment: dt.datetime, slots: PostingSlots, zone: ZoneInfo,
              school_day: Callable[[dt.date], bool]) -> dt.datetime:
    """The first slot at or after ``moment`` (an aware time), in the school's time zone."""
    local = moment.astimezone(zone)
    for days_on in range(8):  # every day has a slot, so a week ahead always finds one
        day = local.date() + dt.timedelta(days=days_on)
        for slot in slots.on(school_day(day)):
            at = dt.datetime.combine(day, slot, tzinfo=zone)
            if at >= local:
                return at
    raise AssertionError("a day without slots")  # unreachable: the settings need one slot a day


def between_slots(moment: dt.datetime, slots: PostingSlots, zone: ZoneInfo,
                  school_day: Callable[[dt.date], bool]) -> dt.datetime | None:
    """The slot a post at ``moment`` really goes out at, when that is later than its own time."""
    going = next_slot(moment, slots, zone, school_day)
    return going if going > moment else None


def slot_that_day(moment: dt.datetime, slots: PostingSlots, zone: ZoneInfo,
                  school_day: Callable[[dt.date], bool]) -> dt.datetime:
    """The day's first slot at or after ``moment``, or its last slot when ``moment`` is later than all of
    them: a reminder written for the evening before an event must not slide to the event's morning."""
    local = moment.astimezone(zone)
    times = slots.on(school_day(local.date()))
    slot = next((t for t in times if t >= local.time().replace(tzinfo=None)), times[-1])
    return dt.datetime.combine(local.date(), slot, tzinfo=zone)
