"""The search index's entries for the month pages, written from what each month page shows.

Material's search plugin finds a page's entries by parsing its HTML; at a trust's 50,000 posts that was
most of a staff build. A month page shows every post and event once, so its entries are written here
from the same data instead: one per post (its time, account and state, its text, and for staff who wrote
it and where its file is) and one per day with term dates, campaigns or events. The month pages are left out of Material's own indexing and
the MkDocs adapter (plugin.py) adds these in their place, with each page's address. Every value is
escaped: Material shows an entry's title and text as HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from markupsafe import Markup, escape

from postplan.models import Settings
from postplan.site.days import Days
from postplan.site.html import clock, day_label
from postplan.site.month import event_line
from postplan.site.preview import account_name, anchor, handle, state_label, written_by
from postplan.site.visibility import ShownPost


class Entry(NamedTuple):
    """One search result: where on its page (an anchor), its title and its text, both escaped HTML."""

    anchor: str
    title: str
    text: str


def month_entries(dates: Iterable[dt.date], days: Days, settings: Settings, staff: bool) -> list[Entry]:
    """An entry for each day with term dates, campaigns or events (an event only on its first day in the
    month), and one for each post, on a month page. Each has its own place: search shows one result a place."""
    entries, seen = [], set()
    for day in dates:
        items = [escape(mark.label) for mark in days.terms.get(day, ())]
        items += [escape(campaign.name) for campaign in days.campaigns.get(day, ()) if campaign.start == day]
        fresh = [event for event in days.events.get(day, ()) if event.id not in seen]
        seen.update(event.id for event in fresh)
        items += [event_line(event, staff, settings) for event in fresh]
        if items:
            text = Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(item) for item in items))
            entries.append(Entry(f"day-{day.isoformat()}", str(escape(day_label(day))), str(text)))
        entries += [_post(shown, settings, staff) for shown in days.posts.get(day, ())]
    return entries


def _post(shown: ShownPost, settings: Settings, staff: bool) -> Entry:
    post = shown.post
    title = escape(f"{clock(post.publish_at)} · {account_name(post, settings)} {handle(post, settings)} "
                   f"{state_label(shown, staff)}")
    text = Markup("").join(Markup("<p>{}</p>").format(part.text) for part in post.parts)
    if staff:
        text += Markup("<p>{}</p>").format(written_by(post))
    return Entry(f"{anchor(post)}-h", str(title), str(text))
