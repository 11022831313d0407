"""The values a post template receives: what it may know of an event, a campaign and the school.

A trip's times and place are never given to a template: a post must not say where pupils will be.
"""

from __future__ import annotations

import datetime as dt

from postplan.models import Campaign, Event, Settings
from postplan.wording import audience_words, families_words, weekday

# Every name event_values and campaign_values may give.
OWNER_VALUES = frozenset({
    "event_id", "campaign_id", "title", "kind", "date", "end_date", "weekday", "several_days", "start_time",
    "end_time", "amount", "audience", "families", "whole_school", "description", "location", "name", "hashtags",
    "link"})


def event_values(event: Event) -> dict[str, object]:
    """What a template knows about an event. A trip's times and place are never given to a template."""
    timed = not event.all_day and event.kind != "trip"
    end = event.end if timed else None
    return {
        "event_id": event.id,
        "title": event.title,
        "kind": event.kind,
        "date": event.first_day,
        "end_date": event.last_day,
        "weekday": weekday(event.first_day),
        "several_days": event.last_day != event.first_day,
        "start_time": event.start.time() if timed else None,
        "end_time": end.time() if isinstance(end, dt.datetime) else None,
        "amount": event.amount,
        "audience": audience_words(event.audience),
        "families": families_words(event.audience),
        "whole_school": "whole-school" in event.audience,
        "description": event.description,
        "location": None if event.kind == "trip" else event.location,
    }


def campaign_values(campaign: Campaign) -> dict[str, object]:
    """What a template knows about a campaign or awareness week."""
    return {
        "campaign_id": campaign.id,
        "title": campaign.name,
        "name": campaign.name,
        "kind": "campaign",
        "date": campaign.start,
        "end_date": campaign.end,
        "weekday": weekday(campaign.start),
        "several_days": campaign.end != campaign.start,
        "hashtags": " ".join(campaign.hashtags),
        "link": campaign.link,
        "description": campaign.description,
    }


def school_values(settings: Settings, posted_on: dt.date) -> dict[str, object]:
    values: dict[str, object] = {"school": settings.school, "posted_on": posted_on}
    if settings.website_domains:
        values["website"] = f"https://{settings.website_domains[0]}"
    return values
