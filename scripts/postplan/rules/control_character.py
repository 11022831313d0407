"""Text must not hold control characters or direction overrides.

A control character (an escape, a NUL, a backspace) is invisible in a review and can rewrite what a
terminal shows; a direction override (U+202E) makes text read differently from what it is, so a
reviewer could approve words that are not the ones posted. Neither belongs in a school's post or
calendar. Line breaks and tabs are fine. In front matter they can only be written as escapes inside
double quotes (``"\\x1b"``); in a post's text they are pasted in.

Passes: "Sports Day is on Tuesday.\\nSee you there!" (a line break).
Fails: a post's text with an escape character pasted from a terminal; ``author: "Office\\u202e"``;
an event title holding a backspace.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from postplan.escape import control_characters
from postplan.findings import Severity
from postplan.models import Post, Repository
from postplan.rules.base import Context, Problem

ID = "control-character"
SEVERITY = Severity.ERROR
SUMMARY = "Text must not hold control characters or direction overrides."
POLICY = "Design: a leader approves exactly the words that are posted; nothing hidden in them."

_FIX = "delete it: retype the words around it (it is invisible, so copy and paste may carry it along)"


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        found = control_characters(part.text)
        if found:
            offset, character = found[0]
            line = part.line + part.text.count("\n", 0, offset)
            yield Problem(f"the text holds the control character {_name(character)}", fix=_FIX, line=line)
    yield from _fields({k: v for k, v in post.__dict__.items() if k not in ("parts", "source")}, "", _field_problem)


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    for entry in [*repository.events, *repository.campaigns, *repository.terms]:
        for problem in _fields(entry.model_dump(exclude={"source"}), "", _field_problem):
            yield Problem(problem.message, fix=problem.fix, path=entry.source.path,
                          line=entry.source.line_of(problem.field))


def _fields(value: object, path: str, report) -> Iterator[Problem]:
    """Every string inside a model's fields, with its dotted path (``media.0.alt``)."""
    if isinstance(value, str):
        found = control_characters(value)
        if found:
            yield report(path, found[0][1])
    elif isinstance(value, BaseModel):  # a model's own values, without the cost of dumping it
        yield from _fields(value.__dict__, path, report)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _fields(item, f"{path}.{key}" if path else str(key), report)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _fields(item, f"{path}.{index}", report)


def _field_problem(field: str, character: str) -> Problem:
    return Problem(f"{field} holds the control character {_name(character)}", fix=_FIX, field=field)


def _name(character: str) -> str:
    return f"U+{ord(character):04X}"
