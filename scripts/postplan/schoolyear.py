"""The school year as families plan around it: terms, the holidays between them, and closure days.

Shared by the feeds and the site, so a holiday is named the same way in a calendar app and on a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from postplan.models import Event, Term


@dataclass(frozen=True)
class Holiday:
    """The days between two terms: a half term, or the Christmas, Easter or summer holidays."""

    name: str
    first_day: dt.date
    last_day: dt.date
    after: Term
    before: Term


def holiday_name(term: Term, following: Term) -> str:
    """Half term between two halves of a term; Christmas and Easter between the English terms."""
    season, next_season = term.name.split()[0].lower(), following.name.split()[0].lower()
    if season == next_season:
        return "Half term"
    return {("autumn", "spring"): "Christmas holidays", ("spring", "summer"): "Easter holidays"}.get(
        (season, next_season), "School holidays")


def holidays(terms: list[Term]) -> list[Holiday]:
    """Every gap of a day or more between consecutive terms, in date order."""
    ordered = sorted(terms, key=lambda t: t.start)
    found = []
    for term, following in zip(ordered, ordered[1:]):
        if following.start > term.end + dt.timedelta(days=1):
            found.append(Holiday(holiday_name(term, following), term.end + dt.timedelta(days=1),
                                 following.start - dt.timedelta(days=1), term, following))
    return found


def closures(events: list[Event]) -> list[Event]:
    """The public days the school is closed to pupils (INSET days, bank holidays), in date order."""
    return sorted((e for e in events if e.kind == "closure" and e.public and not e.cancelled),
                  key=lambda e: (e.first_day, e.id))
