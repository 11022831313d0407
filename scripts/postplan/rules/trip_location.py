"""A trip in the calendar that says where the children will be.

The school's calendar is public: a trip's place (and a post about it) would tell anyone where a group
of children will be, and when. The details go to families by letter. postplan never gives a trip's
times or place to a template, and a trip must not carry a ``location:``, nor name the place, a meeting
point or a coach time in its title or description (the calendar already gives the day).

Passes: ``kind: trip`` with a title, date and description ("Details by letter"); a trip described
as "A day out exploring habitats as part of our science topic".

Fails: ``kind: trip`` with ``location: Eden Project``; a trip titled "Year 6 trip to the Eden
Project"; a description "The coach leaves from the leisure centre at 8:15".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem
from postplan.rules.reading import plain
from postplan.rules.places import whereabouts_in

ID = "trip-location"
SEVERITY = Severity.ERROR
SUMMARY = "A trip must not say where the children will be."
POLICY = ("Admins should avoid mentioning specific details when discussing trips and events etc., as there "
          "might be child protection issues around revealing where children or staff are going to be and when.")


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    """Each trip's location, and a place or time for children in its title or description."""
    for event in repository.events:
        if event.kind != "trip":
            continue
        if event.location:
            yield Problem(
                f"the trip '{event.id}' has a location: the calendar is public and must not say where "
                "children will be",
                fix="remove the location line; tell families where by letter",
                path=event.source.path, line=event.source.line_of("location"))
        for field in ("title", "description"):
            value = getattr(event, field)
            for detail, start in whereabouts_in(plain(value), event, context):
                yield Problem(
                    f"the trip '{event.id}' says where children will be in its {field} ('{detail}')",
                    fix="keep the place, meeting point and times for the letter to families; the calendar "
                        "gives the day",
                    path=event.source.path, line=event.source.line_of(field) + value.count("\n", 0, start))
                break
