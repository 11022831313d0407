"""The ledger: an append-only record of what the publisher did, kept in the school's repository.

``ledger.jsonl`` (repository root, one JSON object a line) is committed like the posts, so what went
out is reviewed history, never a machine edit of a post file. Every message is *claimed* before it is
sent and gets an outcome after: published (platform id and link), failed, unsure or not-sent. A claim
without an outcome means a run died mid-request: nothing re-sends it until a person settles it.

Lines are appended whole (one write, flushed to disk) under an exclusive lock on ``ledger.jsonl.lock``,
so two runs cannot both send, and a killed run leaves at worst a torn last line: reading ignores it,
and the next write cuts it off.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from postplan.publish import ledger_entry

LEDGER_FILE = "ledger.jsonl"
OUTBOX_DIR = "outbox"

# Outcomes of one message (a post, or one part of a thread).
CLAIMED, PUBLISHED, FAILED, UNSURE, NOT_SENT = "claimed", "published", "failed", "unsure", "not-sent"
# Entries about a whole post that was not sent.
MISSED, EDITED, SAME_CONTENT = "missed", "edited", "same-content"
# A takedown: asked for (a whole-post entry, pushed before anything is deleted), then each part deleted.
TAKEDOWN, TAKEN_DOWN = "takedown", "taken-down"

# A post's state as ``ledger_states`` reports it.
POST_STATES = {
    "published": "every part went out",
    "publishing": "a thread stopped part-way; the next run carries on with the next part",
    "needs-person": "a message may or may not have gone out: check the account, then settle it with --resolve",
    "failed": "the platform refused it; it is not tried again",
    "missed": "its time passed (or its event happened) before it could go out; never sent",
    "not-sent": "an attempt stopped before anything was posted; the next run may try again",
    "same-content": "another post with the same content already went out, so this one is not sent",
    "taken-down": "it was taken down (postplan takedown): it is not sent again and the site no longer shows it",
}


class LedgerError(Exception):
    """The ledger cannot be trusted (a broken line that is not the last): nothing is sent until it is fixed."""


@dataclass
class PostRecord:
    """Everything the ledger says about one post, folded from its entries in order."""

    post: str
    parts: dict[int, dict] = field(default_factory=dict)  # the last entry of each part
    of: int = 1
    marker: dict | None = None  # the last whole-post entry (missed, same-content)
    edited: set[str] = field(default_factory=set)  # content hashes already reported as edited
    hash: str | None = None  # the content that was claimed
    likeness: dict | None = None  # how the post looked when first claimed (``likeness``): known after a rename
    taken_down: bool = False  # a takedown was asked for: whatever else happened, it is never sent again

    @property
    def state(self) -> str:
        if self.taken_down:
            return "taken-down"
        states = [entry["state"] for entry in self.parts.values()]
        if CLAIMED in states or UNSURE in states:
            return "needs-person"
        if FAILED in states:
            return "failed"
        published = sum(state == PUBLISHED for state in states)
        if published and published >= self.of:
            return "published"
        if published:
            return "publishing"
        if self.marker is not None:
            return self.marker["state"]
        return "not-sent" if states else "unknown"

    @property
    def url(self) -> str | None:
        first = self.parts.get(0)
        return first.get("url") if first and first["state"] == PUBLISHED else None

    def last_published(self) -> tuple[int, str] | None:
        """The highest thread part published so far and its platform id (where a resumed thread carries on)."""
        done = [(part, entry["id"]) for part, entry in self.parts.items() if entry["state"] == PUBLISHED]
        return max(done) if done else None

    def pending(self) -> tuple[int, dict] | None:
        """The part claimed (or unsure) without a settled outcome, if any."""
        return next(((p, e) for p, e in sorted(self.parts.items()) if e["state"] in (CLAIMED, UNSURE)), None)


@dataclass
class Reading:
    entries: list[dict]
    warnings: list[str]


class Ledger:
    """The ledger file and its lock. Reading tolerates a torn last line; writing appends whole lines only."""

    def __init__(self, path: Path):
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")

    def read(self) -> Reading:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return Reading([], [])
        entries, warnings = [], []
        lines = data.split(b"\n")
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw.decode("utf-8"))
                wrong = ledger_entry.problem(entry)
            except (ValueError, UnicodeDecodeError):
                wrong = "it is not JSON"
            if wrong is not None:
                if number == len(lines):  # no newline after it: a write that was cut short
                    fragment = raw[:60].decode("utf-8", "replace")
                    warnings.append(f"{self.path.name}:{number}: the last line is incomplete (a run was stopped "
                                    f"while writing it) and is ignored: {fragment}…")
                    continue
                raise LedgerError(
                    f"{self.path.name}:{number}: this line is not a ledger entry ({wrong}). The ledger is "
                    "written only by postplan; if a merge or an edit changed it, restore that line from git history "
                    "(git log -p ledger.jsonl). Nothing is published until it is fixed."
                ) from None
            entries.append(entry)
        return Reading(entries, warnings)

    def append(self, entry: dict) -> None:
        """Add one entry as one whole line, on disk before this returns.

        A torn last line (a run killed mid-write) is cut off first: it never held a whole entry, and
        left in place it would become a broken line in the middle.
        """
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = self.path.read_bytes()
                os.ftruncate(fd, data.rfind(b"\n") + 1)
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    @contextmanager
    def lock(self) -> Iterator[bool]:
        """Hold the publisher's lock while the block runs; yields False at once if another run holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        with self.lock_path.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def fold(entries: list[dict]) -> dict[str, PostRecord]:
    """Each post's record from the ledger's entries, in the order they were written."""
    records: dict[str, PostRecord] = {}
    for entry in entries:
        record = records.setdefault(entry["post"], PostRecord(entry["post"]))
        state = entry["state"]
        if "part" in entry:
            record.parts[int(entry["part"])] = entry
            record.of = int(entry.get("of", record.of))
            if state == CLAIMED:
                record.hash = entry.get("hash", record.hash)
                record.likeness = record.likeness or entry.get("likeness")
        elif state == EDITED:
            record.edited.add(entry.get("hash", ""))
        elif state == TAKEDOWN:
            record.taken_down = True
        else:
            record.marker = entry
            record.hash = record.hash or entry.get("hash")
    return records


def sent_hashes(records: dict[str, PostRecord]) -> dict[str, str]:
    """Content hash → the post id it went out (or may have gone out) under: a renamed post is still known."""
    hashes = {}
    for record in records.values():
        if record.hash and record.state in ("published", "publishing", "needs-person", "taken-down"):
            hashes.setdefault(record.hash, record.post)
    return hashes


def ledger_path(root: Path, outbox: bool = False) -> Path:
    """The repository's ledger, or the outbox's own one (outbox runs never mark real posts as sent)."""
    return root / OUTBOX_DIR / LEDGER_FILE if outbox else root / LEDGER_FILE


def ledger_records(root: Path) -> dict[str, PostRecord]:
    """Every post the repository's ledger knows, with its entries folded (a torn last line is ignored).

    Read from the ledger branch when there is one (postplan.publish.durable), else from ``ledger.jsonl``.
    """
    from postplan.publish.durable import open_ledger

    return fold(open_ledger(Path(root)).read().entries)


def by_account(entries: list[dict]) -> dict[str, dict[str, list[dict]]]:
    """Post id → account → its entries. An entry names its account; in an older ledger only the claim
    does, so an outcome belongs to its part's claim, and anything else to the post's first account. A
    takedown request names none: it holds for every account the post went to."""
    split: dict[str, dict[str, list[dict]]] = {}
    claimed: dict[tuple[str, int], str] = {}
    takedowns: list[dict] = []
    for entry in entries:
        post, named, part = entry["post"], entry.get("account"), entry.get("part")
        if entry["state"] == TAKEDOWN and named is None:
            takedowns.append(entry)
            continue
        first = next(iter(split.get(post, {})), "")
        account = str(named) if named is not None else claimed.get((post, part), first) if part is not None else first
        if entry["state"] == CLAIMED and part is not None:
            claimed[(post, part)] = account
        split.setdefault(post, {}).setdefault(account, []).append(entry)
    for entry in takedowns:
        for found in split.setdefault(entry["post"], {"": []}).values():
            found.append(entry)
    return split


def account_records(root: Path) -> dict[str, dict[str, PostRecord]]:
    """Post id → account → what happened to the post there, from the repository's ledger."""
    from postplan.publish.durable import open_ledger

    split = by_account(open_ledger(Path(root)).read().entries)
    return {post: {account: fold(found)[post] for account, found in accounts.items()}
            for post, accounts in split.items()}


def account_states(root: Path) -> dict[str, dict[str, str]]:
    """Post id → account → the post's state there (one of POST_STATES)."""
    return {post: {account: record.state for account, record in records.items()}
            for post, records in account_records(root).items()}


def combined_state(states: dict[str, str]) -> str:
    """One state for a post sent to several accounts: taken down anywhere is taken down everywhere;
    out on any account is published (it is public); otherwise the state that most needs a person."""
    for state in ("taken-down", "published"):
        if state in states.values():
            return state
    urgent = ("needs-person", "failed", "publishing", "not-sent", "missed", "same-content")
    return min(states.values(), key=lambda state: urgent.index(state) if state in urgent else len(urgent))


def ledger_states(root: Path) -> dict[str, str]:
    """Post id → its publishing state (one of POST_STATES), for the site's status board."""
    return {post: combined_state(states) for post, states in account_states(root).items()}
