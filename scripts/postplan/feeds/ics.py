"""Entries → an iCalendar object that Google, Apple and Outlook calendars accept (pure: no files, no clock).

What the apps need, and why each line is here: a UID that never changes and a SEQUENCE that rises when
an entry moves (or Google keeps the old time); DTSTAMP from the recorded state, so an unchanged rebuild
is byte-identical; all-day entries as dates with the next day as DTEND (Outlook mis-reads a same-day
end); timed entries with a TZID and its VTIMEZONE, never floating; refresh hints for Apple and Outlook.
"""

from __future__ import annotations

import datetime as dt

import icalendar

from postplan.escape import feed_text
from postplan.feeds.entries import Entry
from postplan.feeds.state import FeedState
from postplan.models import Settings

PRODID = "-//postplan//School calendar feed//EN"


def build_calendar(
    title: str,
    description: str,
    entries: list[Entry],
    settings: Settings,
    state: FeedState,
    source_url: str | None = None,
) -> icalendar.Calendar:
    """The calendar for one feed: its name and refresh hints, then its entries in date order."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    # icalendar escapes line breaks in DESCRIPTION but not in NAME or the X-WR- properties: one line each
    title, description = " ".join(feed_text(title).split()), " ".join(feed_text(description).split())
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", settings.timezone)
    refresh = dt.timedelta(hours=settings.feed_refresh_hours)
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(refresh).to_ical().decode())
    if source_url:
        calendar.add("source", source_url, parameters={"VALUE": "URI"})
    if settings.site_url:
        calendar.add("url", settings.site_url, parameters={"VALUE": "URI"})
    for entry in sorted(entries, key=lambda e: e.sort_key(settings.zone)):
        calendar.add_component(vevent(entry, state, settings))
    calendar.add_missing_timezones(*timezone_span(entries))
    return calendar


def timezone_span(entries: list[Entry]) -> tuple[dt.date, dt.date]:
    """The years the VTIMEZONE must cover: those of the feed's entries, with a year to spare each side.

    icalendar's default (1970 to 2038) lists every clock change as RDATEs, and dateutil (inside vobject)
    reads such a long list an hour out; a few years' changes are read right, and keep the feed small.
    """
    years = [entry.start.year for entry in entries] + [(entry.end or entry.start).year for entry in entries]
    if not years:
        return dt.date(1970, 1, 1), dt.date(2038, 1, 1)
    return dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1)


def vevent(entry: Entry, state: FeedState, settings: Settings) -> icalendar.Event:
    """One VEVENT. Property order is fixed, so the bytes depend only on the entry and the state."""
    event = icalendar.Event()
    stamp = state.stamp(entry)
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", state.sequence(entry))
    event.add("summary", feed_text(entry.summary))
    event.add("dtstart", entry.start)
    if entry.end is not None:
        event.add("dtend", entry.end)
    if entry.description:
        event.add("description", feed_text(entry.description))
    if entry.location:
        event.add("location", feed_text(entry.location))
    if entry.categories:
        event.add("categories", [feed_text(category) for category in entry.categories])
    if entry.url:
        event.add("url", entry.url, parameters={"VALUE": "URI"})
    if entry.cancelled:
        event.add("status", "CANCELLED")
    event.add("class", "PUBLIC")
    event.add("transp", "TRANSPARENT" if entry.transparent else "OPAQUE")
    if entry.alarm:
        event.add_component(reminder(entry, settings.feed_alarm_before))
    return event


def reminder(entry: Entry, minutes: int) -> icalendar.Alarm:
    """A display alarm before a payment or form deadline (for an all-day one: before midnight starts it)."""
    alarm = icalendar.Alarm()
    alarm.add("uid", entry.uid.replace("@", "-reminder@", 1))
    alarm.add("action", "DISPLAY")
    alarm.add("description", feed_text(f"Reminder: {entry.summary}"))
    alarm.add("trigger", -dt.timedelta(minutes=minutes))
    return alarm
