"""What goes into a feed: the school's calendar (and, for staff, its posting schedule) as feed entries.

This is where privacy is decided, once, for every parents' feed: only public events, never a post or a
draft, never a trip's location, never an author. Everything later only formats what is chosen here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from postplan.audiences import audience_name
from postplan.schoolyear import holiday_name
from postplan.escape import web_url
from postplan.models import Campaign, Event, Post, Repository, Settings, Term

__all__ = ["Entry", "audience_name", "parents_entries", "staff_entries"]

WHOLE_SCHOOL = "whole-school"
KIND_LABELS = {
    "event": "Event", "deadline": "Deadline", "payment": "Payment", "trip": "Trip",
    "performance": "Performance", "closure": "School closed",
}
CANCELLED = "/cancelled"  # the end of a cancelled entry's timing
REMINDED_KINDS = {"payment", "deadline"}  # parents get an alarm before these: money and forms


@dataclass(frozen=True)
class Entry:
    """One calendar entry of a feed, before memory (SEQUENCE, DTSTAMP) is added.

    All-day entries have dates and an exclusive ``end`` (the day after the last day); timed entries
    have aware datetimes. ``audiences`` empty means the entry is for everyone.
    """

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    description: str = ""
    location: str | None = None
    categories: tuple[str, ...] = ()
    transparent: bool = False  # all-day notes should not mark parents as busy
    alarm: bool = False
    audiences: frozenset[str] = frozenset()
    url: str | None = None
    cancelled: bool = False  # STATUS:CANCELLED: calendar apps take it off parents' calendars

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def timing(self) -> str:
        """When the entry happens, written the same way whatever the time zone: what "moved" compares."""
        # a cancellation counts as a move: calendar apps only trust it with a higher SEQUENCE
        timing = "/".join(_instant(value) for value in (self.start, self.end) if value is not None)
        return timing + CANCELLED if self.cancelled else timing

    @property
    def fingerprint(self) -> str:
        """A short hash of everything a calendar app shows: it changes when anything visible changes."""
        shown = [self.summary, self.timing, self.description, self.location, list(self.categories),
                 self.transparent, self.alarm, self.url]
        return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:16]

    def last_day(self, zone: dt.tzinfo) -> dt.date:
        if self.all_day:
            return (self.end or self.start) - dt.timedelta(days=1 if self.end else 0)
        return (self.end or self.start).astimezone(zone).date()

    def sort_key(self, zone: dt.tzinfo) -> tuple[str, str]:
        start = self.start if self.all_day else self.start.astimezone(zone)
        return (start.isoformat(), self.uid)

    def is_for_any(self, audiences: frozenset[str]) -> bool:
        """For everyone, or for one of these audiences (a year group's feed covers its key stage too)."""
        return not self.audiences or not self.audiences.isdisjoint(audiences)


def _instant(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "calendar"


def uid_domain(settings: Settings) -> str:
    """The domain in every UID: fixed by setting, else the school's website, else the calendar site."""
    if settings.feed_uid_domain:
        return settings.feed_uid_domain
    if settings.website_domains:
        website = settings.website_domains[0]
        return urlsplit("//" + website.split("://")[-1]).hostname or website
    if settings.site_url and urlsplit(settings.site_url).hostname:
        return urlsplit(settings.site_url).hostname
    return slug(settings.school) + ".school"


def parents_entries(repository: Repository) -> list[Entry]:
    """Public events, campaign weeks the school shows, and term dates: never posts, drafts or authors."""
    domain = uid_domain(repository.settings)
    entries = [event_entry(e, domain, repository.settings) for e in repository.events if e.public]
    entries += [campaign_entry(c, domain) for c in repository.campaigns if c.show_in_feed]
    entries += term_entries(repository.terms, domain)
    return entries


def event_entry(event: Event, domain: str, settings: Settings) -> Entry:
    groups = frozenset(slug(a) for a in event.audience)
    summary = event.title + (f" ({_money(event.amount)})" if event.amount is not None else "")
    if event.cancelled:
        summary = f"Cancelled: {summary}"
    # a trip is what and when only: its description could say where the children will be
    lines = [event.description] if event.description and event.kind != "trip" else []
    if event.amount is not None:
        lines.append(f"Amount: {_money(event.amount)}.")
    if WHOLE_SCHOOL not in groups:
        lines.append("For: " + ", ".join(audience_name(a, settings) for a in sorted(groups)) + ".")
    if event.all_day:
        start, end = event.first_day, event.last_day + dt.timedelta(days=1)
    else:
        start, end = event.start, event.end
    return Entry(
        uid=f"{event.id}@{domain}",
        summary=summary,
        start=start,
        end=end,
        description="\n\n".join(lines),
        location=None if event.kind == "trip" else event.location,  # where children will be stays private
        categories=(KIND_LABELS[event.kind],),
        transparent=event.all_day,
        alarm=event.kind in REMINDED_KINDS and not event.cancelled,
        audiences=frozenset() if WHOLE_SCHOOL in groups else groups,
        cancelled=event.cancelled,
    )


def _money(amount: Decimal) -> str:
    return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"


def campaign_entry(campaign: Campaign, domain: str) -> Entry:
    lines = [campaign.description] if campaign.description else []
    if campaign.hashtags:
        lines.append("Look out for " + ", ".join(campaign.hashtags) + " on the school's posts.")
    link = web_url(campaign.link) if campaign.link else None  # never javascript: or data: in a calendar app
    if link:
        lines.append(f"More: {link}")
    return Entry(
        uid=f"campaign-{campaign.id}@{domain}",
        summary=campaign.name,
        start=campaign.start,
        end=campaign.end + dt.timedelta(days=1),
        description="\n\n".join(lines),
        categories=("Campaign",),
        transparent=True,
        url=link,
    )


def term_entries(terms: list[Term], domain: str) -> list[Entry]:
    """What parents plan around: each term's first and last day, and the holidays between terms."""
    ordered = sorted(terms, key=lambda t: t.start)
    entries: list[Entry] = []
    for term, following in zip(ordered, [*ordered[1:], None]):
        key = f"term-{slug(term.name)}-{_school_year(term.start)}"
        entries.append(_day(f"{key}-first-day@{domain}", f"{term.name}: first day of term", term.start))
        if term.end != term.start:
            entries.append(_day(f"{key}-last-day@{domain}", f"{term.name}: last day of term", term.end))
        if following is not None and following.start > term.end + dt.timedelta(days=1):
            name = holiday_name(term, following)
            entries.append(Entry(
                uid=f"holiday-after-{slug(term.name)}-{_school_year(term.start)}@{domain}",
                summary=name,
                start=term.end + dt.timedelta(days=1),
                end=following.start,
                description=f"{term.name} ends on {_long_date(term.end)}; "
                            f"{following.name} starts on {_long_date(following.start)}.",
                categories=("Holiday",),
                transparent=True,
            ))
    return entries


def _day(uid: str, summary: str, day: dt.date) -> Entry:
    return Entry(uid=uid, summary=summary, start=day, end=day + dt.timedelta(days=1),
                 categories=("Term dates",), transparent=True)


def _school_year(day: dt.date) -> str:
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def _long_date(day: dt.date) -> str:
    return day.strftime("%A %-d %B %Y")


def staff_entries(repository: Repository) -> list[Entry]:
    """The posting schedule for staff: approved posts at their publish time, with author and approver."""
    domain = uid_domain(repository.settings)
    return [post_entry(p, domain, repository.settings) for p in repository.posts if p.status == "approved"]


def post_entry(post: Post, domain: str, settings: Settings) -> Entry:
    found = [(name, settings.accounts.get(name)) for name in post.accounts]
    where = ", ".join(f"{account.handle} ({account.platform})" if account else name for name, account in found)
    first_line = post.text.splitlines()[0] if post.text else "(no text)"
    details = [post.text, f"Account: {where}", f"Author: {post.author}",
               f"Approved by: {post.approved_by or 'nobody yet'}", f"File: {post.source.path}"]
    if post.is_thread:
        details.insert(1, f"A thread of {len(post.parts)} posts.")
    return Entry(
        uid=f"post-{post.id}@{domain}",
        summary=f"{where.split()[0]}: {first_line[:60]}{'…' if len(first_line) > 60 else ''}",
        start=post.publish_at,
        end=post.publish_at + dt.timedelta(minutes=15),
        description="\n\n".join(details),
        categories=("Post",),
        transparent=True,
    )
