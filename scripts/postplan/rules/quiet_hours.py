"""A post due to go out during the school's quiet hours (by default 9pm to 7am).

Families should not be buzzed late at night, and nobody is around to answer a worried parent. The
hours are ``quiet_hours:`` in mkdocs.yml.

Passes: ``publish_at: 2027-06-01 08:30``.

Fails (a warning): ``publish_at: 2027-06-01 22:15``; ``publish_at: 2027-06-02 06:00``.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "quiet-hours"
SEVERITY = Severity.WARNING
SUMMARY = "Not posted during the school's quiet hours."
POLICY = "Teachers must always think about the most effective way to communicate important information before tweeting."


def check(post: Post, context: Context) -> Iterable[Problem]:
    quiet = context.repository.settings.quiet_hours
    local = post.publish_at.astimezone(context.repository.settings.zone)
    if quiet.contains(local.time()):
        yield Problem(
            f"this post goes out at {local:%H:%M}, inside the school's quiet hours "
            f"({quiet.start:%H:%M} to {quiet.end:%H:%M})",
            fix=f"choose a time between {quiet.end:%H:%M} and {quiet.start:%H:%M}",
            field="publish_at",
        )
