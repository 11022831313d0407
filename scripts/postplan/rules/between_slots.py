"""A post written for a time between the school's posting slots.

The publishing workflow runs only at the slots (``posting_slots:`` in mkdocs.yml; by default 08:30,
12:30, 15:30 and 18:00 on school days, 10:00 and 18:00 at weekends and in holidays), so a post
written for 10:05 goes out at 12:30. A warning, so the author knows when families will see it, once
the school has chosen its slots (a school that has not set ``posting_slots:`` is not warned about the
defaults: the dry run, the status board and the pull request's preview still say when each post really
goes out); not for a post whose slot has passed, or that the publisher's ledger knows: that is history.

Passes: ``publish_at: 2027-06-01 08:30`` (a slot).

Fails (a warning): ``publish_at: 2027-06-01 10:05`` (goes out at 12:30).
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "between-slots"
SEVERITY = Severity.WARNING
SUMMARY = "Written for one of the school's posting slots, the times posts go out (a warning)."
POLICY = "Teachers must always think about the most effective way to communicate important information before tweeting."


def check(post: Post, context: Context) -> Iterable[Problem]:
    repository = context.repository
    if post.id in context.ledger or "posting_slots" not in repository.settings.model_fields_set:
        return
    going = repository.goes_out(post.publish_at)
    if going == post.publish_at or going <= context.now:
        return
    local = post.publish_at.astimezone(going.tzinfo)
    slots = repository.settings.posting_slots.on(repository.school_day(local.date()))
    day = "" if going.date() == local.date() else f" on {going:%A %-d %B}"
    yield Problem(
        f"this post is written for {local:%H:%M}, between the school's posting slots: it goes out at "
        f"{going:%H:%M}{day}, the next slot",
        fix=f"write one of that day's slots ({', '.join(f'{t:%H:%M}' for t in slots)}), or leave it to go "
            f"out at {going:%H:%M}; the slots are posting_slots: in mkdocs.yml",
        field="publish_at",
    )
