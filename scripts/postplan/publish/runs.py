"""Runs: when the last publishing run acted and how late its posts went out, for ``postplan status``.

A scheduler can start a run late (GitHub's schedules often are, by minutes or hours) or stop
starting them at all (GitHub switches a schedule off after 60 days without activity in the
repository). Every ledger entry carries its run's id and time, so the last run that did something
is the run of the last entry; how late it was is how long after their ``publish_at`` its posts went
out. A run with nothing to do writes nothing, so the ledger does not grow every ten minutes.
"""

from __future__ import annotations

import datetime as dt

from postplan.models import Post, Repository
from postplan.publish.ledger import PostRecord

LATE_MINUTES = 30  # a post that went out later than this after its time means the schedule ran late
SETTLED_BY_HAND = "resolve"  # the run id of a person's --resolve, which is not a scheduled run


def _moment(entry: dict, zone) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(entry.get("at"))).astimezone(zone)
    except (TypeError, ValueError):
        return None


def last_run_lines(repository: Repository, entries: list[dict], now: dt.datetime) -> list[str]:
    """When the last run that did something ran, what it did, and how late its posts went out."""
    runs = [e for e in entries if e.get("run") and e.get("run") != SETTLED_BY_HAND and _moment(e, now.tzinfo)]
    if not runs:
        return ["Last run: none recorded yet (a run that finds nothing to do records nothing)."]
    run = runs[-1]["run"]
    mine = [e for e in runs if e["run"] == run]
    at = max(_moment(e, now.tzinfo) for e in mine)
    did: dict[str, int] = {}
    for entry in mine:
        if entry.get("state") != "claimed":
            did[entry["state"]] = did.get(entry["state"], 0) + 1
    what = ", ".join(f"{count} {state}" for state, count in did.items()) or "claimed, with no outcome yet"
    lines = [f"Last run: {at:%a %-d %b %Y %H:%M} ({_ago(now - at)} ago): {what}."]
    due = {post.id: post for post in repository.posts}  # how late: after the slot the post went out at
    late = [_moment(e, now.tzinfo) - repository.goes_out(due[e["post"]].publish_at) for e in mine
            if e.get("state") == "published" and e.get("post") in due]
    if late:
        minutes = max(0, int(max(late).total_seconds() // 60))
        slow = " (the schedule ran late, or the run waited for its turn)" if minutes > LATE_MINUTES else ""
        lines.append(f"  Its posts went out up to {minutes} minute{'s' * (minutes != 1)} after their time{slow}.")
    return lines


def due_now(repository: Repository, records: dict[str, PostRecord], now: dt.datetime) -> list[Post]:
    """Approved posts whose time has come, still within the grace window, that no run has sent yet."""
    grace = dt.timedelta(minutes=repository.settings.publish_grace_minutes)
    return sorted((p for p in repository.posts if p.status == "approved" and p.publish_at <= now
                   and now - grace <= repository.goes_out(p.publish_at) <= now and p.id not in records),
                  key=lambda p: p.publish_at)


def due_now_lines(repository: Repository, records: dict[str, PostRecord], now: dt.datetime) -> list[str]:
    posts = due_now(repository, records, now)
    if not posts:
        return []
    lines = [f"Due now ({len(posts)}: the next run sends {'them' if len(posts) != 1 else 'it'}):"]
    return lines + [f"  {p.publish_at:%a %-d %b %Y %H:%M}  {p.id}  ({p.account}, {_ago(now - p.publish_at)} ago)"
                    for p in posts]


def _ago(delta: dt.timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 120:
        return f"{minutes} minute{'s' * (minutes != 1)}"
    if minutes < 48 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // 1440} days"
