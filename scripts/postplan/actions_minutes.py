"""What a school's GitHub workflows cost in Actions minutes a month, estimated from their schedules.

GitHub bills each job of a run by the minute, rounded up: a job that takes ten seconds costs a minute.
A private repository on the free plan has 2,000 minutes a month. The estimate counts the scheduled runs
a month of every workflow in ``.github/workflows/`` (each cron expanded over a year, in UTC), times the
jobs each run starts, each billed as ``SETUP_SECONDS`` plus the measured time of its postplan command,
rounded up to the minute. Runs started by a person or by a pull request are not on a schedule and are
listed per run instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import yaml

# A job's own time before postplan runs: the runner checks out the repository (2 s), sets up Python
# (3 s), restores the pip cache and installs postplan and its dependencies from cached wheels (about 30 s:
# OpenCV, NumPy, Pillow and MkDocs Material are large wheels even from the cache). 40 s in all, on the
# generous side: a job under 60 s costs one minute whatever it does, so only a slow command tips it over.
SETUP_SECONDS = 40
DEPLOY_SECONDS = 20  # the Pages deployment job: no checkout, no install
YEAR = 2027  # any year: a cron's runs a month hardly change from one year to the next


@dataclass(frozen=True)
class WorkflowCost:
    workflow: str
    runs_a_month: float  # scheduled runs
    minutes_a_run: int  # every job of a run, each rounded up
    note: str

    @property
    def minutes_a_month(self) -> float:
        return self.runs_a_month * self.minutes_a_run


def _field(text: str, low: int, high: int) -> set[int]:
    """The values one cron field allows: *, */n, a-b, a-b/n and lists of them."""
    values: set[int] = set()
    for part in text.split(","):
        spread, _, step = part.partition("/")
        if spread == "*":
            first, last = low, high
        elif "-" in spread:
            first, last = (int(n) for n in spread.split("-"))
        else:
            first = last = int(spread)
        values.update(range(first, last + 1, int(step or 1)))
    return values


def cron_runs_a_month(cron: str, year: int = YEAR) -> float:
    """How many times a five-field cron line starts a run in an average month of ``year``."""
    minute, hour, day, month, weekday = cron.split()
    minutes, hours = _field(minute, 0, 59), _field(hour, 0, 23)
    days, months = _field(day, 1, 31), _field(month, 1, 12)
    weekdays = {value % 7 for value in _field(weekday, 0, 6)}  # cron's Sunday is 0 or 7
    matching = 0
    for number in months:
        for date in range(1, calendar.monthrange(year, number)[1] + 1):
            when = dt.date(year, number, date)
            on_day, on_weekday = when.day in days, (when.weekday() + 1) % 7 in weekdays
            # cron: when both day fields are restricted, either one matching is enough
            restricted = day != "*" and weekday != "*"
            if (on_day or on_weekday) if restricted else (on_day and on_weekday):
                matching += 1
    return matching * len(hours) * len(minutes) / 12


def _billed(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def workflow_cost(path: Path, command_seconds: dict[str, float]) -> WorkflowCost:
    """One workflow's scheduled runs a month and the billed minutes of a run (every job, rounded up).

    ``command_seconds`` maps a postplan command (``publish``, ``build``) to its measured time."""
    workflow = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string
    triggers = workflow.get("on", {})
    schedule = triggers.get("schedule", []) if isinstance(triggers, dict) else []
    runs = sum(cron_runs_a_month(entry["cron"]) for entry in schedule)
    minutes, notes = 0, []
    for name, job in workflow.get("jobs", {}).items():
        scripts = " ".join(step.get("run", "") for step in job.get("steps", []))
        installs = "pip install" in scripts
        command = next((c for c in command_seconds if f"postplan {c}" in scripts), None)
        seconds = (SETUP_SECONDS if installs else DEPLOY_SECONDS) + command_seconds.get(command, 0)
        minutes += _billed(seconds)
        notes.append(f"{name} {seconds:.0f} s")
    return WorkflowCost(path.name, runs, minutes, ", ".join(notes))


def estimate(root: Path, command_seconds: dict[str, float]) -> list[WorkflowCost]:
    """Every workflow of the school's repository, with its scheduled cost."""
    folder = root / ".github" / "workflows"
    return [workflow_cost(path, command_seconds) for path in sorted(folder.glob("*.y*ml"))]


def report(costs: list[WorkflowCost]) -> str:
    """The table ``postplan bench`` prints: minutes a month on the schedules, and a run of the others."""
    rows = [f"GitHub Actions minutes a month (each job billed {SETUP_SECONDS} s of setup and install "
            "plus its command, rounded up to a minute):"]
    for cost in costs:
        if cost.runs_a_month:
            rows.append(f"  {cost.workflow:<20} {cost.runs_a_month:6.0f} runs × {cost.minutes_a_run} min "
                        f"= {cost.minutes_a_month:5.0f} min   ({cost.note})")
        else:
            rows.append(f"  {cost.workflow:<20} not on a schedule: {cost.minutes_a_run} min a run ({cost.note})")
    total = sum(cost.minutes_a_month for cost in costs)
    rows.append(f"  scheduled, in all: {total:.0f} minutes a month (a private repository's free plan: 2,000)")
    return "\n".join(rows)


def for_bench(root: Path, measures: list[dict]) -> tuple[dict, str]:
    """The estimate from a bench run's measured commands: its figures (for the JSON) and its table."""
    seconds = {"publish": _measured(measures, "publish-nothing-due"), "build": _measured(measures, "build"),
               "validate": _measured(measures, "validate")}
    costs = estimate(root, seconds)
    figures = {"setup_seconds": SETUP_SECONDS, "command_seconds": seconds,
               "workflows": {c.workflow: {"runs_a_month": round(c.runs_a_month, 1), "minutes_a_run": c.minutes_a_run,
                                          "minutes_a_month": round(c.minutes_a_month)} for c in costs},
               "scheduled_minutes_a_month": round(sum(c.minutes_a_month for c in costs))}
    return figures, report(costs)


def _measured(measures: list[dict], name: str) -> float:
    return next((m["seconds"] for m in measures if m["name"] == name), 0.0)
