"""Plan: events × templates → the reminder posts the calendar asks for, and the planned posts that no longer fit.

An event (or campaign) lists its reminders; each becomes a post with a deterministic id,
``<event-id>-<template>-<when>`` (``sports-day-2027-deadline-reminder-7-days-before``), so planning twice
finds the post it wrote before and writes nothing new. A post a person wrote about the same event, going
out at the reminder's time, counts as that reminder too. A post already written is never rewritten: when
its event has moved, or its reminder is gone, a planned post is reported for a person to fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from postplan.clock import LocalTimeError, localize
from postplan.models import Campaign, Event, Post, Reminder, Repository
from postplan.reminders import PlannedPost, owner_days, reminder_day, reminder_id, render_reminder
from postplan.template_values import campaign_values, event_values, school_values
from postplan.templating import TemplateProblem, Templates
from postplan.wording import long_date

__all__ = ["Notice", "Plan", "PlannedPost", "compare", "orphans", "plan", "render_reminder", "start_post"]


@dataclass(frozen=True)
class Notice:
    """Something a person must look at: a planned post that no longer fits, or a reminder that cannot be written."""

    path: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" + (f"\n    how to fix: {self.fix}" if self.fix else "")


@dataclass
class Plan:
    """The outcome of planning: posts to write, posts already there, and what needs a person."""

    to_write: list[PlannedPost] = field(default_factory=list)
    existing: list[PlannedPost] = field(default_factory=list)
    too_late: list[PlannedPost] = field(default_factory=list)  # the time has passed: never written
    out_of_date: list[Notice] = field(default_factory=list)  # written before; the calendar has changed since
    problems: list[Notice] = field(default_factory=list)  # reminders that cannot be written as they stand


def plan(repository: Repository, templates: Templates, now: dt.datetime) -> Plan:
    """Compare what the calendar asks for with the posts already written. Pure: nothing is read or written."""
    result = Plan()
    by_id = {post.id: post for post in repository.posts}
    wanted: set[str] = set()
    seen: set[str] = set()
    owners: list[Event | Campaign] = [*repository.events, *repository.campaigns]
    for owner in owners:
        for index, reminder in enumerate(owner.reminders):
            line = owner.source.line_of(f"reminders.{index}")
            wanted.add(reminder_id(owner.id, reminder))  # even if it cannot be written: its post is no orphan
            if getattr(owner, "cancelled", False):
                continue  # no reminders for a cancelled event (a post already written is reported by publish)
            try:
                planned = render_reminder(owner, reminder, repository, templates)
            except LocalTimeError as error:
                result.problems.append(Notice(owner.source.path, line, str(error)))
                continue
            except TemplateProblem as problem:
                result.problems.append(Notice(problem.path, problem.line,
                                              f"{problem.message} (for {owner.id})", problem.fix))
                continue
            if planned.id in seen:
                continue  # the same reminder listed twice: the duplicate-calendar-id rule reports it
            seen.add(planned.id)
            existing = by_id.get(planned.id)
            if existing is not None:
                result.existing.append(planned)
                result.out_of_date += compare(existing, planned)
            elif _written_by_hand(repository.posts, planned):
                result.existing.append(planned)
            elif planned.publish_at <= now:
                result.too_late.append(planned)
            else:
                result.to_write.append(planned)
    result.out_of_date += orphans(repository.posts, wanted)
    return result


def _written_by_hand(posts: list[Post], planned: PlannedPost) -> bool:
    """A person already wrote this reminder: a post about the same event goes out at the reminder's time."""
    def about(post: Post) -> bool:
        return post.event == planned.event if planned.event else post.campaign == planned.campaign

    return any(post.publish_at == planned.publish_at and about(post) for post in posts)


def compare(post: Post, planned: PlannedPost) -> list[Notice]:
    """Why a post written for a reminder no longer agrees with its event (empty when it still does).

    A leader may have reworded the post: its text is only questioned when the event itself has moved.
    """
    path = post.source.path
    if post.planned is None:
        return [Notice(path, post.source.line, f"the reminder {planned.id} would be written here, but this post "
                       "was not written by postplan plan", "rename this post, or remove the reminder from the calendar")]
    notices = []
    if post.publish_at != planned.publish_at:
        notices.append(Notice(
            path, post.source.line_of("publish_at"),
            f"publish_at is {_moment(post.publish_at)}, but its reminder ({planned.when} "
            f"{planned.event or planned.campaign}) now falls on {_moment(planned.publish_at)}",
            f"change publish_at to {planned.publish_at:%Y-%m-%d %H:%M}, or delete the post and run postplan plan"))
    moved = post.planned.event_start != planned.event_start
    if moved and post.text != planned.text:
        notices.append(Notice(
            path, post.parts[0].line,
            f"the event moved from {_when(post.planned.event_start)} to {_when(planned.event_start)} "
            "since this text was written",
            f"check the dates in the text (the template now writes: {planned.text}), then set "
            f"event_start under planned: to {_iso(planned.event_start)}"))
    return notices


def orphans(posts: list[Post], wanted: set[str]) -> list[Notice]:
    """Planned posts whose reminder is no longer in the calendar (removed, or its timing changed)."""
    return [
        Notice(post.source.path, post.source.line_of("planned"),
               f"this post was planned for a reminder of {post.event or post.campaign} that the calendar no "
               "longer lists", "delete the post if it is no longer wanted, or put the reminder back")
        for post in posts
        if post.planned is not None and post.id not in wanted
    ]


def _iso(start: dt.date | dt.datetime) -> str:
    return f"{start:%Y-%m-%d %H:%M}" if isinstance(start, dt.datetime) else start.isoformat()


def _moment(moment: dt.datetime) -> str:
    return f"{long_date(moment)} {moment.year} at {moment:%H:%M}"


def _when(start: dt.date | dt.datetime) -> str:
    if isinstance(start, dt.datetime):
        return f"{long_date(start)} {start.year} {start:%H:%M}"
    return f"{long_date(start)} {start.year}"


def start_post(repository: Repository, templates: Templates, template: str, owner_id: str | None,
               at: dt.datetime | None, now: dt.datetime, post_id: str | None = None) -> PlannedPost:
    """A new post from a template (``postplan new``), for an event or campaign if one is named.

    Without ``at`` it goes out when the event's own reminder for this template says, else where the template
    usually sits beside an event (``usual_reminder``), else (no event, or that time has passed) tomorrow at 08:30.
    Raises ``LookupError`` for an unknown event, ``TemplateProblem`` for a template that cannot render.
    """
    owner = _owner(repository, owner_id)
    reminder = next((r for r in getattr(owner, "reminders", []) if r.template == template), None)
    if owner is not None and reminder is None:
        reminder = usual_reminder(template)
    if at is None and owner is not None:
        first_day, last_day = owner_days(owner)
        at = localize(dt.datetime.combine(reminder_day(first_day, last_day, reminder), reminder.at),
                      repository.settings.zone)
        if at <= now:  # its usual place has passed: the soonest sensible time instead
            at = None
    if at is None:
        at = localize(dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(8, 30)),
                      repository.settings.zone)
    values: dict[str, object] = dict(school_values(repository.settings, at.date()))
    if isinstance(owner, Event):
        values.update(event_values(owner))
    elif isinstance(owner, Campaign):
        values.update(campaign_values(owner))
    text = templates.render(template, values)
    default_id = f"{owner.id}-{template}" if owner is not None else f"{template}-{at:%Y-%m-%d}"
    return PlannedPost(
        id=post_id or default_id,
        template=template,
        publish_at=at,
        text=text,
        event=owner.id if isinstance(owner, Event) else None,
        campaign=owner.id if isinstance(owner, Campaign) else None,
        event_start=owner.start if owner is not None else at,
        when="",
    )


# Where each starter template belongs beside its event when the calendar names no reminder for it:
# announcements a fortnight ahead, reminders two days before, payments three, the after-event posts the
# next afternoon, a campaign on its first morning. A school's own template counts as a reminder.
USUAL_PLACE = {
    "event-announcement": Reminder(template="event-announcement", days_before=14),
    "payment-due": Reminder(template="payment-due", days_before=3),
    "campaign-week": Reminder(template="campaign-week", days_before=0),
    "celebrating-highlights": Reminder(template="celebrating-highlights", days_after=1, at=dt.time(15, 30)),
    "sharing-a-photo": Reminder(template="sharing-a-photo", days_after=1, at=dt.time(15, 30)),
    "sharing-a-blog-post": Reminder(template="sharing-a-blog-post", days_after=1, at=dt.time(15, 30)),
}


def usual_reminder(template: str) -> Reminder:
    """When a post from ``template`` usually goes out beside its event: two days before, unless listed above."""
    return USUAL_PLACE.get(template) or Reminder(template=template, days_before=2)


def _owner(repository: Repository, owner_id: str | None) -> Event | Campaign | None:
    if owner_id is None:
        return None
    owner = repository.event(owner_id) or repository.campaign(owner_id)
    if owner is None:
        known = [e.id for e in repository.events] + [c.id for c in repository.campaigns]
        close = difflib.get_close_matches(owner_id, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise LookupError(f"there is no event or campaign '{owner_id}' in calendar/{hint}")
    return owner
