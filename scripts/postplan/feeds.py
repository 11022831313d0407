"""Feeds: the school calendar as an iCal file parents subscribe to (a minimal whole-school feed).

This is the smallest version of the interface the site build relies on: ``write_feeds`` writes the
feeds and says what it wrote; ``subscribe_page`` is the Markdown of the site's "Subscribe" page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from icalendar import Calendar, Event

from postplan.models import Repository, Settings

STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)  # fixed, so an unchanged calendar is byte-identical


@dataclass(frozen=True)
class Feed:
    filename: str  # relative to the site, like "feeds/whole-school.ics"
    title: str
    description: str
    audience: str


def write_feeds(repository: Repository, now: dt.datetime, out_dir: Path, staff: bool) -> list[Feed]:
    """Write the whole-school feed (public events and term dates) under ``out_dir``; return what was written."""
    settings = repository.settings
    feed = Feed("feeds/whole-school.ics", f"{settings.school}", "School events, deadlines and term dates.",
                "whole-school")
    calendar = Calendar.new(name=feed.title, description=feed.description,
                            prodid="-//postplan//school calendar//EN", uid="postplan-whole-school")
    for event in repository.events:
        if not (event.public or staff):
            continue
        end = event.end if not event.all_day else (event.last_day + dt.timedelta(days=1))
        calendar.add_component(Event.new(uid=f"{event.id}@postplan", summary=event.title, start=event.start,
                                         end=end, stamp=STAMP, description=event.description or None))
    for term in repository.terms:
        calendar.add_component(Event.new(uid=f"term-{term.start}@postplan", summary=f"{term.name} starts",
                                         start=term.start, end=term.start + dt.timedelta(days=1), stamp=STAMP))
    calendar.add_missing_timezones()
    path = out_dir / feed.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(calendar.to_ical())
    return [feed]


def subscribe_page(feeds: list[Feed], settings: Settings) -> str:
    """Markdown for the "Subscribe" page: a link per feed, for Apple, Outlook and Google calendars."""
    lines = ["# Subscribe to the school calendar", "",
             "Add the school calendar to your phone or computer: it updates itself when dates change.", ""]
    base = (settings.site_url or "").rstrip("/")
    for feed in feeds:
        lines += [f"## {feed.title}", "", feed.description, ""]
        if base:
            https = f"{base}/{feed.filename}"
            webcal = "webcal://" + https.split("://", 1)[1]
            google = "https://calendar.google.com/calendar/render?cid=" + quote(https, safe="")
            lines += [f"- [Apple Calendar or Outlook]({webcal})", f"- [Google Calendar]({google})",
                      f"- [Download the file]({https})", ""]
        else:
            lines += [f"- [Download the file]({feed.filename})", ""]
    return "\n".join(lines)
