"""A reminder whose template is missing, not valid, or cannot be written for its event.

Each reminder in ``calendar/`` names a template in ``templates/posts/`` (``deadline-reminder`` is
``templates/posts/deadline-reminder.md.j2``). The template is rendered for the event here, so a
mistake shows in the pull request that makes it, not on the day the post should be written.

Passes: ``template: payment-due`` on an event with ``amount: 15``.
Fails: ``template: dealine-reminder`` (no such template); ``{{ amount|money }}`` for an event with no
amount; ``{% if kind == "trip" %}`` with no ``{% endif %}``.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.reminders import render_reminder
from postplan.rules.base import Context, Problem

ID = "reminder-template"
SEVERITY = Severity.ERROR
SUMMARY = "Every reminder's template exists and can be written for its event."
POLICY = "Design: staff never write a reminder from scratch; templates turn the calendar into posts."


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    from postplan.templating import TemplateProblem, Templates  # Jinja2: only when the calendar is checked again

    templates = Templates(context.root)
    known = set(templates.names())
    reported: set[tuple[str, int, str]] = set()
    for name in sorted(known):
        try:
            templates.check(name)
            templates.trial(name)  # every template, used or not: the propose page writes them all
        except TemplateProblem as problem:
            reported.add((problem.path, problem.line, name))
            yield Problem(problem.message, fix=problem.fix, path=problem.path, line=problem.line)
    for owner in [*repository.events, *repository.campaigns]:
        for index, reminder in enumerate(owner.reminders):
            line = owner.source.line_of(f"reminders.{index}.template")
            if reminder.template not in known:
                yield Problem(f"there is no template '{reminder.template}'",
                              fix=f"use one of: {', '.join(sorted(known)) or 'none yet (add templates/posts/)'}",
                              path=owner.source.path, line=line)
                continue
            try:
                render_reminder(owner, reminder, repository, templates)
            except TemplateProblem as problem:
                if (problem.path, problem.line, reminder.template) not in reported:
                    yield Problem(f"{problem.message} (for '{owner.id}')", fix=problem.fix,
                                  path=owner.source.path, line=line)
            except ValueError as error:  # a reminder time the clocks skip or repeat
                yield Problem(str(error), path=owner.source.path, line=line)
