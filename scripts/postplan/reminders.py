"""Reminders: one reminder of a calendar event (or campaign) as the post its template writes.

The plan stage compares these with the posts already written; the reminder-template and
duplicate-calendar-id rules write them too, to find a broken template or a reminder listed twice in the
pull request that makes it. So they live here, below both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from postplan.clock import localize
from postplan.models import Campaign, Event, Reminder, Repository
from postplan.slots import slot_that_day
from postplan.template_values import campaign_values, event_values, school_values

if TYPE_CHECKING:  # Jinja2 is imported where a template is rendered, not by every check that knows reminders
    from postplan.templating import Templates

POSTS_DIR = "content/posts"


@dataclass(frozen=True)
class PlannedPost:
    """A post the calendar asks for: where it goes, when, and the text its template writes."""

    id: str
    template: str
    publish_at: dt.datetime
    text: str
    event: str | None  # exactly one of event and campaign is set
    campaign: str | None
    event_start: dt.date | dt.datetime
    when: str  # "7 days before", "on the day", "1 day after"

    @property
    def path(self) -> str:
        return post_path(self.id, self.publish_at)


def post_path(post_id: str, publish_at: dt.datetime) -> str:
    return f"{POSTS_DIR}/{publish_at:%Y-%m}/{post_id}.md"


def describe_offset(reminder: Reminder) -> str:
    if reminder.days_before == 0:
        return "on the day"
    days = reminder.days_before if reminder.days_before is not None else reminder.days_after
    unit = "day" if days == 1 else "days"
    return f"{days} {unit} {'before' if reminder.days_before is not None else 'after'}"


def reminder_id(owner_id: str, reminder: Reminder) -> str:
    return f"{owner_id}-{reminder.template}-{describe_offset(reminder).replace(' ', '-')}"


def reminder_day(first_day: dt.date, last_day: dt.date, reminder: Reminder) -> dt.date:
    """Days before count back from the first day; days after count on from the last day."""
    if reminder.days_before is not None:
        return first_day - dt.timedelta(days=reminder.days_before)
    return last_day + dt.timedelta(days=reminder.days_after or 0)


def owner_start(owner: Event | Campaign) -> dt.date | dt.datetime:
    return owner.start


def owner_days(owner: Event | Campaign) -> tuple[dt.date, dt.date]:
    if isinstance(owner, Event):
        return owner.first_day, owner.last_day
    return owner.start, owner.end


def render_reminder(owner: Event | Campaign, reminder: Reminder, repository: Repository,
                    templates: Templates) -> PlannedPost:
    """One reminder as a post: its time in the school's zone and its text. Raises on a bad time or template."""
    settings = repository.settings
    first_day, last_day = owner_days(owner)
    day = reminder_day(first_day, last_day, reminder)
    # on that day's posting slot (the one at or after the reminder's time): it goes out when it says
    publish_at = slot_that_day(localize(dt.datetime.combine(day, reminder.at), settings.zone),
                               settings.posting_slots, settings.zone, repository.school_day)
    values = {
        **school_values(settings, day),
        **(event_values(owner) if isinstance(owner, Event) else campaign_values(owner)),
    }
    text = templates.render(reminder.template, values)
    is_event = isinstance(owner, Event)
    return PlannedPost(
        id=reminder_id(owner.id, reminder),
        template=reminder.template,
        publish_at=publish_at,
        text=text,
        event=owner.id if is_event else None,
        campaign=None if is_event else owner.id,
        event_start=owner_start(owner),
        when=describe_offset(reminder),
    )
