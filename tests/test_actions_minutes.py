"""The GitHub minutes a month the school's workflows cost: within what a private repository can afford."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT

from postplan import actions_minutes

# The targets for the commands the workflows run (10,000 posts): publish with nothing due, build.
TARGET_SECONDS = {"publish": 1.0, "build": 15.0, "validate": 5.0}


@pytest.mark.parametrize(("cron", "runs"), [
    ("*/10 * * * *", 4380.0),  # the old schedule: every ten minutes, day and night
    ("0 6 * * *", 30.4),
    ("30 7,8,9 * * 1-5", 65.2),  # three runs a weekday
    ("0 9 * * 6,0", 8.7),
    ("0 9 * * 6,7", 8.7),  # cron's Sunday is 0 or 7
    ("0 0 1 * *", 1.0),
    ("0 12 1 * 1", 5.1),  # both day fields restricted: either day matches (52 Mondays, 9 more firsts)
])
def test_a_cron_line_is_counted_as_github_would_start_it(cron: str, runs: float) -> None:
    assert round(actions_minutes.cron_runs_a_month(cron), 1) == runs


def test_the_example_schools_workflows_cost_at_most_500_minutes_a_month() -> None:
    costs = {cost.workflow: cost for cost in actions_minutes.estimate(PROJECT, TARGET_SECONDS)}
    scheduled = sum(cost.minutes_a_month for cost in costs.values())
    assert scheduled <= 500, actions_minutes.report(list(costs.values()))
    assert costs["publish.yml"].minutes_a_run == 1
    assert costs["site.yml"].minutes_a_run == 2  # the build and the Pages deployment, each a minute
    assert costs["check.yml"].runs_a_month == 0  # pull requests, not a schedule


def test_a_job_is_billed_whole_minutes_so_a_slow_command_costs_a_second_minute(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    folder.joinpath("publish.yml").write_text((PROJECT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    fast = actions_minutes.estimate(tmp_path, {"publish": 1.0})[0]
    slow = actions_minutes.estimate(tmp_path, {"publish": 25.0})[0]
    assert (fast.minutes_a_run, slow.minutes_a_run) == (1, 2)
    assert slow.minutes_a_month == 2 * fast.minutes_a_month
    assert "publish.yml" in actions_minutes.report([fast]) and "2,000" in actions_minutes.report([fast])
