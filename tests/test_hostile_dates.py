"""Dates at the edges of time: each is a finding at its line, never an OverflowError or a build that never ends.

postplan plans for the years 2000 to 2100 (``datewindow``). A year 1 or 9999 event, a publish time in
9999, a term ending on 9999-12-31 or a reminder a million days ahead is a typing mistake or an attack.
"""

from __future__ import annotations

import json
import time

import pytest

from conftest import School

NOW = "2026-09-01T08:00"
WINDOW = "is outside the years postplan plans for (2000 to 2100)"

CALENDAR = {
    "an event in the year 1": ("events:\n  - id: ancient\n    title: Ancient\n    start: 0001-01-01\n", 4, WINDOW),
    "an event at the end of time": ("events:\n  - id: last\n    title: Last day\n    start: 9999-12-31\n"
                                    "    reminders:\n      - template: event-announcement\n        days_after: 1\n",
                                    4, WINDOW),
    "a reminder a million days before": ("events:\n  - id: fair\n    title: Fair\n    start: 2026-12-05\n"
                                         "    reminders:\n      - template: event-announcement\n"
                                         "        days_before: 1000000\n", 7, "less than or equal to 3660"),
    "a term ending in 9999": ("terms:\n  - name: Autumn 1\n    start: 2026-09-03\n    end: 9999-12-31\n", 4, WINDOW),
    "a campaign starting in 1999": ("campaigns:\n  - id: old\n    name: Old week\n    start: 1999-12-31\n"
                                    "    end: 2026-10-01\n", 4, WINDOW),
}


def _validate(school: School) -> tuple[int, list[dict]]:
    result = school.run("validate", "--format", "json", "--now", NOW)
    return result.exit_code, json.loads(result.output)["findings"]


@pytest.mark.parametrize("case", list(CALENDAR), ids=list(CALENDAR))
def test_a_calendar_date_outside_the_window_is_a_finding_at_its_line(school: School, case: str) -> None:
    text, line, message = CALENDAR[case]
    school.write("calendar/edge.yml", text)
    code, found = _validate(school)
    assert code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in found] == [("calendar/edge.yml", line, "schema")]
    assert message in found[0]["message"]
    _every_command_finishes(school)


@pytest.mark.parametrize("publish_at", ["9999-01-01 08:00", "0001-01-01 08:00", "2101-01-01 08:00"])
def test_a_publish_time_outside_the_window_is_a_finding_at_its_line(school: School, publish_at: str) -> None:
    school.post("edge", status="approved", approved_by="Mrs Hart", publish_at=publish_at)
    code, found = _validate(school)
    assert code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in found] == [("content/posts/edge.md", 2, "schema")]
    assert WINDOW in found[0]["message"]
    _every_command_finishes(school)


def _every_command_finishes(school: School) -> None:
    """plan, publish, preview, status and build each end quickly with a usual exit code (a crash raises here)."""
    started = time.perf_counter()
    for command in (["plan", "--dry-run", "--author", "Office"], ["publish", "--dry-run"], ["publish"],
                    ["preview"], ["status"], ["build"]):
        result = school.run(*command, "--now", NOW)
        assert result.exit_code in (0, 1), (command, result.output)
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("pinned", ["9999-12-31T23:00", "0001-01-01T00:00"])
def test_now_outside_the_window_is_refused_with_a_message(school: School, pinned: str) -> None:
    school.post("fine", publish_at="2026-10-06 08:30")
    for command in ("validate", "publish", "build", "plan"):
        result = school.run(command, "--now", pinned)
        assert result.exit_code == 2, (command, result.output)
        assert "--now:" in result.output and WINDOW in result.output
