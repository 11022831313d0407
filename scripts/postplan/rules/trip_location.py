"""A trip that says where the children will be.

The school's calendar is public: a trip's place (and a post about it) would tell anyone where a group
of children will be, and when. The details go to families by letter. postplan never gives a trip's
times or place to a template, and a trip must not carry a ``location:``.

Passes: ``kind: trip`` with a title, date and description ("Details by letter").
Fails: ``kind: trip`` with ``location: Eden Project``.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem

ID = "trip-location"
SEVERITY = Severity.ERROR
SUMMARY = "A trip must not say where the children will be."
POLICY = ("Admins should avoid mentioning specific details when discussing trips and events etc., as there "
          "might be child protection issues around revealing where children or staff are going to be and when.")


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    for event in repository.events:
        if event.kind == "trip" and event.location:
            yield Problem(
                f"the trip '{event.id}' has a location: the calendar is public and must not say where "
                "children will be",
                fix="remove the location line; tell families where by letter",
                path=event.source.path, line=event.source.line_of("location"))
