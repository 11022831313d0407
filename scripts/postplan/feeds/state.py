"""The feeds' memory: what each entry looked like when last recorded, so a moved event's SEQUENCE rises.

Calendar apps keep an event by its UID and trust a higher SEQUENCE to mean "this one changed". A
rebuild starts from nothing (a CI deploy begins with an empty site/), so the memory is a small file
committed beside the calendar, ``calendar/.feed-state.json``.

Only ``postplan record-feeds`` writes it (on main, after a merge, like the publisher's ledger); a
build only reads it, so building a pull request never changes a tracked file. Between a change and
the next record the build already raises SEQUENCE by one for a moved entry, so the feed is right at
once; recording lets a second move raise it again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from postplan.feeds.entries import CANCELLED, Entry

STATE_FILE = "calendar/.feed-state.json"
ABOUT = ("Written by `postplan record-feeds`: how each calendar feed entry looked when last recorded, so "
         "that calendar apps see a moved event as changed. Do not edit by hand; deleting it is safe.")
# DTSTAMP for entries no record knows yet: a fixed moment, so an unchanged rebuild is byte-identical.
NEVER_RECORDED = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


class FeedStateError(ValueError):
    """The state file cannot be read; the message says which file and how to put it right."""


@dataclass(frozen=True)
class Memory:
    """One entry as last recorded (with its title and audiences, so a deleted event can be cancelled)."""

    timing: str
    fingerprint: str
    sequence: int
    changed: dt.datetime
    summary: str = ""
    audiences: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedState:
    recorded: dt.datetime | None = None
    memories: dict[str, Memory] = field(default_factory=dict)

    def sequence(self, entry: Entry) -> int:
        """The recorded SEQUENCE, one higher if the entry has moved since."""
        memory = self.memories.get(entry.uid)
        if memory is None:
            return 0
        return memory.sequence + (memory.timing != entry.timing)

    def stamp(self, entry: Entry) -> dt.datetime:
        """DTSTAMP and LAST-MODIFIED: when the entry last changed, as recorded (never the build's clock)."""
        memory = self.memories.get(entry.uid)
        if memory is not None and memory.fingerprint == entry.fingerprint:
            return memory.changed
        return self.recorded or NEVER_RECORDED

    def recorded_with(self, entries: list[Entry], now: dt.datetime, forget_before: dt.date | None = None
                      ) -> FeedState:
        """The state after recording these entries at ``now``; unchanged (same object) if nothing changed.

        An entry that has gone (its event deleted from calendar/) is remembered as cancelled until it
        ends before ``forget_before`` (the feeds' rolling window), so calendar apps are told to remove it.
        """
        moment = now.astimezone(dt.timezone.utc).replace(microsecond=0)
        memories: dict[str, Memory] = {}
        for entry in sorted(entries, key=lambda e: e.uid):
            old = self.memories.get(entry.uid)
            same = (old is not None and old.fingerprint == entry.fingerprint and old.timing == entry.timing
                    and old.summary == entry.summary)
            memories[entry.uid] = old if same else Memory(
                entry.timing, entry.fingerprint, self.sequence(entry), moment, entry.summary,
                tuple(sorted(entry.audiences)))
        for uid, ghost in self.gone(memories).items():
            if forget_before is None or ghost.last_day(dt.timezone.utc) >= forget_before:
                old = self.memories[uid]
                memories[uid] = old if old.timing == ghost.timing else Memory(
                    ghost.timing, ghost.fingerprint, old.sequence + 1, moment, old.summary, old.audiences)
        if memories == self.memories:
            return self
        return FeedState(moment, memories)

    def gone(self, present: dict[str, object] | set[str]) -> dict[str, Entry]:
        """The parents' entries this state remembers that are no longer in the calendar, as cancelled
        entries (a feed keeps them so calendar apps remove them); staff posts are never among them."""
        ghosts = {}
        for uid, memory in self.memories.items():
            if uid in present or uid.startswith("post-") or not memory.summary:
                continue
            entry = _ghost(uid, memory)
            if entry is not None:
                ghosts[uid] = entry
        return ghosts


def _ghost(uid: str, memory: Memory) -> Entry | None:
    """A remembered entry, cancelled: its times come back from the recorded timing."""
    times = memory.timing.removesuffix(CANCELLED).split("/")
    try:
        start, *end = [_instant_back(text) for text in times]
    except ValueError:
        return None
    summary = memory.summary if memory.summary.startswith("Cancelled: ") else f"Cancelled: {memory.summary}"
    return Entry(uid=uid, summary=summary, start=start, end=end[0] if end else None,
                 description="This has been cancelled.", transparent=True,
                 audiences=frozenset(memory.audiences), cancelled=True)


def _instant_back(text: str) -> dt.date | dt.datetime:
    if "T" in text:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.timezone.utc)
    return dt.date.fromisoformat(text)


def read_state(root: Path) -> FeedState:
    """The recorded state, or an empty one when the school has never recorded (or deleted the file)."""
    path = root / STATE_FILE
    if not path.exists():
        return FeedState()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        memories = {
            uid: Memory(m["timing"], m["fingerprint"], int(m["sequence"]), _moment(m["changed"]),
                        str(m.get("summary", "")), tuple(str(a) for a in m.get("audiences", ())))
            for uid, m in data["entries"].items()
        }
        recorded = _moment(data["recorded"]) if data.get("recorded") else None
    except json.JSONDecodeError as error:
        raise FeedStateError(f"{STATE_FILE}:{error.lineno}: not valid JSON ({error.msg}). {_REMEDY}") from None
    except (OSError, UnicodeDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise FeedStateError(f"{STATE_FILE}: cannot be read ({type(error).__name__}: {error}). {_REMEDY}") from None
    return FeedState(recorded, memories)


_REMEDY = ("Take the version from main (git checkout origin/main -- calendar/.feed-state.json) or delete "
           "the file and run postplan record-feeds")


def write_state(root: Path, state: FeedState) -> Path:
    """Write the state with one entry per line, so its diffs in a pull request are readable."""
    entries = {
        uid: {"timing": m.timing, "fingerprint": m.fingerprint, "sequence": m.sequence,
              "changed": _text(m.changed), "summary": m.summary, "audiences": list(m.audiences)}
        for uid, m in sorted(state.memories.items())
    }
    lines = [f"  {json.dumps(uid)}: {json.dumps(entry, ensure_ascii=False)}" for uid, entry in entries.items()]
    text = ('{\n  "about": ' + json.dumps(ABOUT) + ',\n  "recorded": '
            + json.dumps(_text(state.recorded) if state.recorded else None)
            + ',\n  "entries": {\n' + ",\n".join("  " + line for line in lines) + "\n  }\n}\n")
    path = root / STATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"'{text}' has no time zone")
    return moment.astimezone(dt.timezone.utc)


def _text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
