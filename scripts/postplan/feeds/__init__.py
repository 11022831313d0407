"""Feeds: the school calendar as .ics files that parents subscribe to once and that stay right all year.

``write_feeds`` writes one feed with everything, one per audience (a year group's feed has the
whole-school entries too) and, in the staff build only, the posting schedule. ``subscribe_page`` is the
parents' page with links and QR codes. ``build_calendar`` is the pure part, for tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from postplan.audiences import Audience, SchoolGroups, school_groups
from postplan.feeds.entries import (
    Entry,
    audience_name,
    parents_entries,
    staff_entries,
)
from postplan.feeds.ics import build_calendar
from postplan.feeds.state import STATE_FILE, FeedState, FeedStateError, read_state, write_state
from postplan.feeds.subscribe import PRINT_PAGE, SUBSCRIBE_PAGE, feed_urls, print_page, subscribe_page
from postplan.models import Repository, Settings

__all__ = [
    "FEEDS_DIR", "PRINT_PAGE", "SUBSCRIBE_PAGE", "STATE_FILE", "Feed", "FeedStateError", "build_calendar",
    "feed_urls", "print_page", "record_feed_state", "subscribe_page", "write_feeds",
]

FEEDS_DIR = "feeds"
EVERYTHING = "everything"
STAFF_FEED = "staff-posting-schedule"


@dataclass(frozen=True)
class Feed:
    """A feed as written: where it is (relative to the site folder) and what it holds."""

    filename: str  # like feeds/year-6.ics, with forward slashes
    title: str
    description: str
    audience: str | None  # None: everything; "staff" for the staff posting schedule
    events: int
    label: str = ""  # how the subscribe page names it: Everything, Year 6
    size: int = 0  # bytes
    staff: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The feed's short name, also its anchor on the subscribe page: ``year-6``."""
        return Path(self.filename).stem


def write_feeds(repository: Repository, now: dt.datetime, out_dir: Path, staff: bool) -> list[Feed]:
    """Write every feed under ``out_dir/feeds/`` and describe them. The staff feed only when ``staff``.

    Any other .ics file left in that folder (from an earlier staff build, say) is removed, so a public
    build can never carry the staff feed. Raises ``FeedStateError`` if the state file is unreadable.
    """
    settings = repository.settings
    state = read_state(Path(repository.root))
    folder = out_dir / FEEDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    current = parents_entries(repository)
    # an event deleted from calendar/ stays in the feeds as cancelled until it leaves the window
    current += state.gone({entry.uid for entry in current}).values()
    parents, warnings = in_window(current, now, settings)
    school = settings.school
    plans = [(EVERYTHING, "Everything", f"{school}: school calendar",
              f"Events, deadlines, payments, term dates and campaign weeks at {school}, for every family.",
              None, parents, warnings)]
    groups = school_groups(repository)
    named = {a for event in repository.events if event.public for a in event.audience}
    for audience in groups.audiences:
        if audience.kind == "group" and audience.id not in named:
            continue  # every year group has a feed; a team or club only once it has a public event
        name = audience_name(audience.id, settings)
        file_name = f"audience-{audience.id}" if audience.id in (EVERYTHING, STAFF_FEED) else audience.id
        covered = audience.covers(groups)
        plans.append((file_name, name, f"{school}: {name}", _description(audience, groups, school, settings),
                      audience.id, [e for e in parents if e.is_for_any(covered)], warnings))
    # parents look for their child's year group first: year groups and key stages, then everything, then
    # the teams and clubs
    first = sum(1 for a in groups.audiences if a.kind != "group")
    plans = [*plans[1:first + 1], plans[0], *plans[first + 1:]]
    if staff:
        posts, post_warnings = in_window(staff_entries(repository), now, settings)
        plans.append((STAFF_FEED, "Posting schedule (staff)", f"{school}: posting schedule (staff)",
                      "Approved posts at the time they go out, with author and approver. Staff only: "
                      "never share this address.", "staff", posts, post_warnings))
    feeds = [_write(folder, *plan, settings=settings, state=state) for plan in plans]
    _remove_others(folder, {f.name for f in feeds})
    return feeds


def _description(audience: Audience, groups: SchoolGroups, school: str, settings: Settings) -> str:
    name = audience_name(audience.id, settings)
    if audience.kind == "year group" and audience.within:
        stage = audience_name(audience.within, settings)
        return f"Events for {name} and {stage}, whole-school events and term dates at {school}."
    if audience.kind == "key stage":
        return f"Events for {name} and each of its year groups, whole-school events and term dates at {school}."
    return f"Events for {name}, whole-school events and term dates at {school}."


def _write(folder: Path, name: str, label: str, title: str, description: str, audience: str | None,
           entries: list[Entry], warnings: list[str], *, settings: Settings, state: FeedState) -> Feed:
    filename = f"{FEEDS_DIR}/{name}.ics"
    https = feed_urls(filename, settings)[1] if settings.site_url else None
    data = build_calendar(title, description, entries, settings, state, https).to_ical()
    (folder / f"{name}.ics").write_bytes(data)
    return Feed(filename, title, description, audience, events=len(entries), label=label, size=len(data),
                staff=audience == "staff", warnings=tuple(warnings))


def _remove_others(folder: Path, keep: set[str]) -> None:
    for path in folder.glob("*.ics"):
        if path.stem not in keep:
            path.unlink()


def in_window(entries: list[Entry], now: dt.datetime, settings: Settings) -> tuple[list[Entry], list[str]]:
    """The rolling window: from ``feed_months_back`` months ago onward, at most ``feed_max_events``.

    Google drops a feed's events past about 1,000 (or 1 MB). When there are too many, the oldest past
    entries go first, then the furthest ahead, and a warning says so.
    """
    zone = settings.zone
    today = now.astimezone(zone).date()
    cutoff = months_before(today, settings.feed_months_back)
    kept = [e for e in entries if e.last_day(zone) >= cutoff]
    limit = settings.feed_max_events
    if len(kept) <= limit:
        return kept, []
    upcoming = sorted((e for e in kept if e.last_day(zone) >= today), key=lambda e: e.sort_key(zone))
    past = sorted((e for e in kept if e.last_day(zone) < today), key=lambda e: e.sort_key(zone), reverse=True)
    chosen = (upcoming + past)[:limit]
    return chosen, [f"the feed has {len(kept)} entries in its window; only {limit} are included "
                    f"(feed_max_events), the oldest and furthest ahead are left out"]


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def record_feed_state(repository: Repository, now: dt.datetime) -> tuple[Path, bool]:
    """Remember every entry as it is now (all of them, not only the window); True if the file changed.

    Run after changes reach main; the build reads this memory to raise SEQUENCE for moved entries.
    """
    root = Path(repository.root)
    state = read_state(root)
    forget = months_before(now.astimezone(repository.settings.zone).date(), repository.settings.feed_months_back)
    updated = state.recorded_with(parents_entries(repository) + staff_entries(repository), now, forget)
    if updated is state and (root / STATE_FILE).exists():
        return root / STATE_FILE, False
    return write_state(root, updated), True
