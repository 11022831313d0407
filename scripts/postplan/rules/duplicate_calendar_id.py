"""Two calendar entries with the same id (or two terms with the same name, or one reminder twice).

Posts name their event by id (``event: sports-day-2027``) and planned reminder posts are named after it,
so an id used twice would hang posts on the wrong date. Events and campaigns share one set of ids.

Passes: ``id: sports-day-2027`` and ``id: sports-day-2028``.
Fails: two events with ``id: parents-evening``; a campaign and an event both ``wbd-2027``; an event that
lists ``template: deadline-reminder, days_before: 1`` twice.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.reminders import reminder_id
from postplan.rules.base import Context, Problem

ID = "duplicate-calendar-id"
SEVERITY = Severity.ERROR
SUMMARY = "Every event and campaign needs its own id, every term its own name."
POLICY = "Design: a date is typed once, in calendar/, and posts hang on it by id."


def _where(source) -> str:
    return f"{source.path}:{source.line}"


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    first: dict[str, str] = {}
    entries = sorted([*repository.events, *repository.campaigns], key=lambda e: (e.source.path, e.source.line))
    for entry in entries:
        if entry.id in first:
            yield Problem(f"the id '{entry.id}' is already used at {first[entry.id]}",
                          fix="give each event and campaign its own id, e.g. add the year or date",
                          path=entry.source.path, line=entry.source.line_of("id"))
        else:
            first[entry.id] = _where(entry.source)
        reminders: set[str] = set()
        for index, reminder in enumerate(entry.reminders):
            key = reminder_id(entry.id, reminder)
            if key in reminders:
                yield Problem(f"this reminder ({reminder.template}) is listed twice for '{entry.id}'",
                              fix="remove one of them, or change its days_before / days_after",
                              path=entry.source.path, line=entry.source.line_of(f"reminders.{index}"))
            reminders.add(key)
    names: dict[str, str] = {}
    for term in repository.terms:
        if term.name in names:
            yield Problem(f"the term '{term.name}' is already listed at {names[term.name]}",
                          fix="give each term its own name, like Autumn 1 and Autumn 2",
                          path=term.source.path, line=term.source.line_of("name"))
        else:
            names[term.name] = _where(term.source)
