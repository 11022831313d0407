"""The publishing workflow, written from the settings: its schedule from the posting slots, its secrets
from the accounts.

GitHub's schedules are in UTC and know nothing of British Summer Time, so each slot gets a cron for
every offset the school's clock uses in a year (08:30 in London is 07:30 UTC in summer, 08:30 UTC in
winter), and a catch-up an hour after each, because GitHub starts scheduled runs late, and at busy
times not at all. In London the summer catch-up is the winter slot's own cron, so a slot costs three
runs a day, not four. Two crons per slot was chosen over one frequent cron with a slot check at run
time: GitHub bills every job at least a minute, so a run that only checks the clock costs as much as
one that publishes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from postplan.models import Settings
from postplan.publish.credentials import variable_names

PUBLISH_WORKFLOW = Path(".github/workflows/publish.yml")
CATCH_UP = dt.timedelta(hours=1)  # within the default grace window (two hours), after any late schedule
WEEKDAYS, WEEKEND = range(5), range(5, 7)  # Monday is 0, as Python counts


def clock_offsets(zone: ZoneInfo, year: int | None = None) -> list[dt.timedelta]:
    """The UTC offsets the school's clock uses in a year (GMT and BST in the UK), smallest first."""
    year = year or dt.date.today().year
    days = (dt.datetime(year, 1, 1, 12) + dt.timedelta(days=n) for n in range(0, 366, 7))
    return sorted({day.replace(tzinfo=zone).utcoffset() for day in days})


def run_times(settings: Settings, year: int | None = None) -> dict[int, set[dt.time]]:
    """For each UTC weekday (Monday 0), the UTC times a run starts: every slot at every offset, with a
    catch-up after each. Weekdays run at school-day and holiday slots both: cron cannot tell a holiday."""
    slots = settings.posting_slots
    local = {day: slots.every_time() if day in WEEKDAYS else slots.other_days for day in (*WEEKDAYS, *WEEKEND)}
    runs: dict[int, set[dt.time]] = defaultdict(set)
    monday = dt.datetime(2024, 1, 1)  # a Monday: only the weekday and time of these moments are used
    for day, times in local.items():
        for slot in times:
            for offset in clock_offsets(settings.zone, year):
                start = monday + dt.timedelta(days=day) + dt.timedelta(hours=slot.hour, minutes=slot.minute) - offset
                for moment in (start, start + CATCH_UP):
                    runs[moment.weekday()].add(moment.time())
    return dict(runs)


def crons(settings: Settings, year: int | None = None) -> list[str]:
    """The schedule as cron lines: one per minute-of-the-hour and set of days, hours listed together."""
    grouped: dict[tuple[int, tuple[int, ...]], set[int]] = defaultdict(set)
    by_time: dict[dt.time, set[int]] = defaultdict(set)
    for day, times in run_times(settings, year).items():
        for moment in times:
            by_time[moment].add(day)
    for moment, days in by_time.items():
        grouped[(moment.minute, tuple(sorted(days)))].add(moment.hour)
    lines = []
    for (minute, days), hours in sorted(grouped.items(), key=lambda item: (item[0][1], min(item[1]), item[0][0])):
        cron_days = ",".join(str(n) for n in sorted((day + 1) % 7 for day in days))  # cron: Sunday is 0
        lines.append(f"{minute} {','.join(str(h) for h in sorted(hours))} * * {_day_range(cron_days)}")
    return lines


def _day_range(days: str) -> str:
    """Monday to Friday as 1-5 and every day as *: easier to read in a workflow file."""
    return {"1,2,3,4,5": "1-5", "0,1,2,3,4,5,6": "*"}.get(days, days)


def runs_a_month(settings: Settings, year: int | None = None) -> float:
    """How many times the publishing workflow starts in an average month."""
    return sum(len(times) for times in run_times(settings, year).values()) * 365.25 / 7 / 12


def secrets_env(settings: Settings) -> list[str]:
    """The ``env:`` lines that hand each account's credentials to ``postplan publish``."""
    return [f"          {name}: ${{{{ secrets.{name} }}}}"
            for account_id, account in settings.accounts.items()
            for name in variable_names(account_id, account.platform)]


def publish_workflow(settings: Settings, year: int | None = None) -> str:
    """The whole of ``.github/workflows/publish.yml`` for these settings."""
    slots = settings.posting_slots
    schedule = "\n".join(f'    - cron: "{line}"' for line in crons(settings, year))
    return _TEMPLATE.format(
        school_days=", ".join(f"{t:%H:%M}" for t in slots.school_days),
        other_days=", ".join(f"{t:%H:%M}" for t in slots.other_days),
        zone=settings.timezone, schedule=schedule, ledger_branch=settings.ledger_branch or "postplan-ledger",
        secrets="\n".join(secrets_env(settings)))


def write(root: Path, settings: Settings, year: int | None = None) -> bool:
    """Write the publishing workflow; True when it changed."""
    path = root / PUBLISH_WORKFLOW
    wanted = publish_workflow(settings, year)
    if path.is_file() and path.read_text(encoding="utf-8") == wanted:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    return True


_TEMPLATE = """\
# Publishes the approved posts that are due, at the school's posting slots (mkdocs.yml, posting_slots:):
# school days {school_days}; weekends and holidays {other_days} ({zone}).
# Written by `postplan workflows` from mkdocs.yml: change the slots or the accounts there and run it
# again, rather than editing this file. GitHub's schedules are in UTC, so each slot has a run for summer
# time and one for winter time, and a catch-up an hour later for the days GitHub starts a schedule late
# or skips it. A run at a time that is no slot finds nothing due and stops within seconds.
#
# Credentials come from the repository's secrets (Settings → Secrets and variables → Actions), named
# after each account in mkdocs.yml. Without them a due post is an error (the run fails and names the
# secrets to set); nothing is posted.
#
# The ledger lives on its own branch (`ledger_branch:` in mkdocs.yml). postplan itself fetches it and
# pushes every claim to it BEFORE the post is sent, and the outcome after, so a run that is killed or
# cancelled never loses a post it sent. It never pushes to main, which stays protected (pull requests only).
name: Publish due posts

on:
  schedule:
{schedule}
  workflow_dispatch:

# One run at a time, and a waiting run is never cancelled: it may have posts to send.
concurrency:
  group: postplan-publish
  cancel-in-progress: false

permissions:
  contents: write # to push the ledger branch (never main)
  actions: write # to start the site's rebuild after a run that recorded something

env:
  LEDGER_BRANCH: {ledger_branch}

jobs:
  publish:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    env:
      NO_MKDOCS_2_WARNING: "1"
    steps:
      - uses: actions/checkout@v5
      # The dependencies' wheels come from GitHub's cache, kept while pyproject.toml is unchanged.
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
          cache: pip
          cache-dependency-path: pyproject.toml
      - name: Install postplan
        run: pip install .
      - name: Note the ledger branch before the run
        id: before
        run: echo "tip=$(git ls-remote origin "refs/heads/$LEDGER_BRANCH" | cut -f1)" >> "$GITHUB_OUTPUT"
      # The consent register (a secret, see the guide "Photo consent"): a photo whose pupil's consent was
      # withdrawn or has expired by the time the post is due is not sent.
      - name: Write the consent register to a temporary file
        env:
          CONSENT_REGISTER: ${{{{ secrets.POSTPLAN_CONSENT_CSV }}}}
        run: |
          if [ -n "$CONSENT_REGISTER" ]; then
            printf '%s\\n' "$CONSENT_REGISTER" > "$RUNNER_TEMP/consent.csv"
            echo "POSTPLAN_CONSENT=$RUNNER_TEMP/consent.csv" >> "$GITHUB_ENV"
          fi
      - name: Publish what is due
        env:
{secrets}
        run: postplan publish
      # A push made with the workflow's token starts no other workflow, so the site is asked directly.
      - name: Rebuild the site if the run recorded something
        if: always()
        env:
          GH_TOKEN: ${{{{ github.token }}}}
          BEFORE: ${{{{ steps.before.outputs.tip }}}}
        run: |
          after="$(git ls-remote origin "refs/heads/$LEDGER_BRANCH" | cut -f1)"
          if [ "$after" != "$BEFORE" ]; then
            gh workflow run site.yml --ref "$GITHUB_REF_NAME"
          fi
"""
