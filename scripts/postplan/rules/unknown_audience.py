"""An event for an audience the school has not defined.

When the settings name the school's groups (``audiences:`` under ``extra: postplan:`` — key stages
with their year groups, and the groups of their own), every event's ``audience`` must be one of them
or ``whole-school``. A typo ("year-06", "KS2 ") would otherwise give the event a feed no parent
subscribes to, and the Year 6 families would never see it. Without ``audiences:`` any audience is
accepted and the feeds follow the events.

Passes: ``audience: [year-6]`` when ``ks2: [year-3, year-4, year-5, year-6]`` is in the settings;
``audience: [whole-school]``.

Fails: ``audience: [year-06]`` ("did you mean year-6?"); ``audience: [chess-club]`` when the settings'
groups do not list it.
"""

import difflib
from collections.abc import Iterable

from postplan.audiences import school_groups
from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem

ID = "unknown-audience"
SEVERITY = Severity.ERROR
SUMMARY = "An event's audience is one of the school's groups in the settings."
POLICY = "Design: parents subscribe to their child's year group; an event for an unknown group reaches nobody."
SETTINGS = ("audiences",)


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    groups = school_groups(repository)
    if not groups.defined:
        return
    known = sorted(groups.ids())
    for event in repository.events:
        for index, audience in enumerate(event.audience):
            if audience in known:
                continue
            close = difflib.get_close_matches(audience, known, n=3, cutoff=0.6)
            hint = f"did you mean {' or '.join(close)}? " if close else ""
            yield Problem(
                f"the event '{event.id}' is for '{audience}', which is not one of the school's audiences",
                fix=f"{hint}use one of: {', '.join(known)}; or add it under `audiences:` in mkdocs.yml",
                path=event.source.path, line=event.source.line_of(f"audience.{index}"))
