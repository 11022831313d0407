"""The calendar by day: which posts, events, campaign weeks and term dates fall on each date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from postplan.models import Campaign, Event, Term
from postplan.site.visibility import ShownPost


@dataclass(frozen=True)
class TermMark:
    """A term starting or ending on a day."""

    term: Term
    starts: bool

    @property
    def label(self) -> str:
        return f"{self.term.name} {'starts' if self.starts else 'ends'}"


@dataclass
class Days:
    """Everything this build shows, indexed by local date."""

    posts: dict[dt.date, list[ShownPost]] = field(default_factory=lambda: defaultdict(list))
    events: dict[dt.date, list[Event]] = field(default_factory=lambda: defaultdict(list))
    campaigns: dict[dt.date, list[Campaign]] = field(default_factory=lambda: defaultdict(list))
    terms: dict[dt.date, list[TermMark]] = field(default_factory=lambda: defaultdict(list))
    term_ranges: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def busy(self, day: dt.date) -> bool:
        """Whether a day has anything worth a line in an agenda (a campaign only on its first day)."""
        return bool(self.posts.get(day) or self.events.get(day) or self.terms.get(day)
                    or any(c.start == day for c in self.campaigns.get(day, ())))

    def holiday(self, day: dt.date) -> bool:
        """A weekday between the first and last term days that is in no term."""
        if not self.term_ranges or day.weekday() >= 5:
            return False
        first, last = min(s for s, _ in self.term_ranges), max(e for _, e in self.term_ranges)
        return first <= day <= last and not any(s <= day <= e for s, e in self.term_ranges)

    def span(self) -> tuple[dt.date, dt.date] | None:
        dates = [d for index in (self.posts, self.events, self.campaigns, self.terms) for d in index if index[d]]
        return (min(dates), max(dates)) if dates else None


def _each_day(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def index_days(posts: list[ShownPost], events: list[Event], campaigns: list[Campaign], terms: list[Term]) -> Days:
    days = Days()
    for shown in posts:
        days.posts[shown.post.publish_at.date()].append(shown)
    for event in events:
        for day in _each_day(event.first_day, event.last_day):
            days.events[day].append(event)
    for campaign in sorted(campaigns, key=lambda c: (c.start, c.id)):
        for day in _each_day(campaign.start, campaign.end):
            days.campaigns[day].append(campaign)
    for term in sorted(terms, key=lambda t: t.start):
        days.terms[term.start].append(TermMark(term, starts=True))
        days.terms[term.end].append(TermMark(term, starts=False))
        days.term_ranges.append((term.start, term.end))
    return days
