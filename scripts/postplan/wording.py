"""British wording: dates, times, money and the forms a school writes to families.

"Thursday 1 June", "1st June", "2pm", "12 noon", "£15.50", "Year 2 and Year 3 families": shared by the
templates (as filters), the rules (in their messages) and the site, so that all of them write alike.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def long_date(value: dt.date | dt.datetime) -> str:
    """Thursday 1 June."""
    day = _day(value)
    return f"{day:%A} {day.day} {day:%B}"


def short_date(value: dt.date | dt.datetime) -> str:
    """1 June."""
    day = _day(value)
    return f"{day.day} {day:%B}"


def ordinal_date(value: dt.date | dt.datetime) -> str:
    """1st June."""
    day = _day(value)
    return f"{ordinal(day.day)} {day:%B}"


def weekday(value: dt.date | dt.datetime) -> str:
    """Thursday."""
    return f"{_day(value):%A}"


def clock_time(value: dt.time | dt.datetime) -> str:
    """2pm, 3:30pm, 12 noon: how a school letter writes a time."""
    moment = value.time() if isinstance(value, dt.datetime) else value
    if moment == dt.time(12, 0):
        return "12 noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def money(value: Decimal | int | float) -> str:
    """£15, £15.50."""
    amount = Decimal(str(value))
    return f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"


def first_sentence(text: str) -> str:
    """The first sentence of a description: enough for a post, short enough to fit."""
    match = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return match[1] if match else " ".join(text.split())


def by_or_on(value: dt.date | dt.datetime, posted: object, word: str) -> str:
    """"today", "tomorrow", "on Friday" (within a week) or "on Friday 27 November", from the day it is
    posted (``word`` is "on" or "by"; without a known posting day, always the full date)."""
    day = _day(value)
    if not isinstance(posted, dt.date):
        return f"{word} {long_date(day)}"
    gap = (day - posted).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if gap in named:
        return named[gap]
    if 1 < gap < 7 or (-7 < gap < -1 and word == "on"):
        return f"{word} {weekday(day)}"
    return f"{word} {long_date(day)}"


_SPECIAL_AUDIENCES = {"whole-school": "everyone", "ks1": "KS1", "ks2": "KS2", "eyfs": "EYFS",
                      "prospective-families": "prospective families"}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def audience_words(audience: list[str]) -> str:
    """["year-2", "year-3"] → "Year 2 and Year 3"; ["whole-school"] → "everyone"."""
    return _and([_SPECIAL_AUDIENCES.get(a) or a.replace("-", " ").capitalize() for a in audience])


def families_words(audience: list[str]) -> str:
    """Who a reminder speaks to: "Year 6 families", "all our families", "prospective families"."""
    if "whole-school" in audience:
        return "all our families"
    words = [_SPECIAL_AUDIENCES.get(a) or a.replace("-", " ").capitalize() for a in audience]
    plain = [w for w in words if not w.endswith(("families", "team", "governors"))]
    if len(plain) == len(words):
        return _and(words) + " families"
    return _and([w if w not in plain else f"{w} families" for w in words])


def duration(delta: dt.timedelta) -> str:
    """A length of time as a person says it: "45 minutes", "3 hours", "12 days"."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minute{'s' * (minutes != 1)}"
    if minutes < 48 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // 1440} days"
