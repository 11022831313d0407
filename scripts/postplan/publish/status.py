"""``postplan status``: what goes out next, and what the ledger says was published, missed or failed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from postplan.escape import terminal
from postplan.models import Repository
from postplan.platforms import dollars, x_charge
from postplan.publish.due import still_to_go, when
from postplan.publish.durable import open_ledger
from postplan.publish.ledger import PostRecord, by_account, fold
from postplan.publish.runs import due_now_lines, last_run_lines

SECTIONS = (("needs-person", "Needs a person"), ("publishing", "Thread part-way"), ("failed", "Failed"),
            ("missed", "Missed"), ("published", "Published"), ("same-content", "Not sent: same content"),
            ("taken-down", "Taken down"))


def status_text(repository: Repository, now: dt.datetime, limit: int = 10) -> str:
    """What is due now and next, the last run, then the ledger's posts by state, at most ``limit`` of each."""
    root = Path(repository.root)
    reading = open_ledger(root, repository.settings).read()
    records = fold(reading.entries)
    lines = [*reading.warnings, *last_run_lines(repository, reading.entries, now), *_x_this_month(repository,
                                                                                             reading.entries, now)]
    lines += [*due_now_lines(repository, records, now), *_due_next(repository, records, now, limit)]
    outbox = open_ledger(root, outbox=True).read().entries
    if outbox:
        written = sum(entry["state"] == "published" for entry in outbox)
        lines.append(f"(Runs without credentials wrote {written} message{'s' * (written != 1)} to outbox/; "
                     "they are not in this list.)")
    rows = _on_each_account(reading.entries)
    for state, title in SECTIONS:
        chosen = [r for r in rows if r.state == state]
        if chosen:
            lines += ["", f"{title} ({len(chosen)}):"]
            lines += [_describe(r) for r in sorted(chosen, key=_when, reverse=True)[:limit]]
    return terminal("\n".join(lines))  # the ledger's strings come from a file anyone can edit


def _on_each_account(entries: list[dict]) -> list[PostRecord]:
    """A record for each post on each account it went to, named "post on account" when there are several."""
    rows = []
    for post, accounts in by_account(entries).items():
        for account, found in accounts.items():
            label = f"{post} on {account}" if len(accounts) > 1 else post
            rows.append(dataclasses.replace(fold(found)[post], post=label))
    return rows


def _due_next(repository: Repository, records: dict[str, PostRecord], now: dt.datetime, limit: int) -> list[str]:
    upcoming = sorted((p for p in repository.posts if p.status == "approved" and still_to_go(repository, p, now)
                       and p.id not in records), key=lambda p: p.publish_at)
    waiting = sum(1 for p in repository.posts if p.status != "approved" and p.publish_at > now)
    lines = [f"Due next ({len(upcoming)} approved; {waiting} more not yet approved):"]
    lines += [f"  {when(repository, p, '%a %-d %b %Y %H:%M')}  {p.id}  ({p.account})" for p in upcoming[:limit]]
    return lines if upcoming else [lines[0], "  nothing approved is waiting"]


def _describe(record: PostRecord) -> str:
    last = max((e for e in [*record.parts.values(), record.marker] if e), key=lambda e: e.get("at", ""))
    detail = record.url or last.get("error") or last.get("reason") or ""
    return f"  {last.get('at', '')[:16].replace('T', ' ')}  {record.post}  {detail}".rstrip()


def _when(record: PostRecord) -> str:
    return max((e.get("at", "") for e in [*record.parts.values(), record.marker] if e), default="")


def _x_this_month(repository: Repository, entries: list[dict], now: dt.datetime) -> list[str]:
    """What X has charged this month, estimated from the ledger's posts to X and their texts' links."""
    month = f"{now:%Y-%m}"
    texts = {post.id: [part.text for part in post.parts] for post in repository.posts}
    sent = [_part_text(texts, entry) for entry in entries if entry.get("state") == "published"
            and entry.get("platform") == "x" and str(entry.get("at", "")).startswith(month)]
    if not sent:
        return []
    charge, words = x_charge(sent, repository.settings.x_prices)
    return [f"X this month (estimated from X's prices in the settings): {dollars(charge)} for {words}."]


def _part_text(texts: dict[str, list[str]], entry: dict) -> str:
    """The text of the part an entry records (empty for a post no longer in the repository)."""
    parts, index = texts.get(entry["post"], []), entry.get("part") or 0
    return parts[index] if isinstance(index, int) and 0 <= index < len(parts) else ""
