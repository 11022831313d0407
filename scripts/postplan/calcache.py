"""Calendar files kept between runs as the loader made them: a calendar file that has not changed is not
parsed again.

A trust's calendar of several years is thousands of events, and parsing and validating them was a tenth
of a pre-commit check at 50,000 posts. The loader keeps each calendar file's campaigns, events and terms,
and its problems, in ``.cache/postplan/calendar.pickle`` (git-ignored, trusted as the other caches are:
``cachefiles.committed``), under the hash of the file's bytes. They hang on nothing else but the school's
time zone and postplan's code, which the whole file is kept for: a change to either, or to the file,
reads it again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from postplan import cachefiles
from postplan.cachefiles import CACHE_DIR
from postplan.findings import LoadProblem

CALENDAR_FILE = "calendar.pickle"
FORMAT = 1
_ALLOWED = frozenset({("postplan.findings", "LoadProblem"), ("datetime", "time"), ("decimal", "Decimal")})

Made = tuple[dict[str, list], list[LoadProblem]]  # a file's entries by section, and its problems


class CalendarCache:
    """Each calendar file as the loader made it, by path and the hash of its bytes."""

    def __init__(self, root: Path, timezone: str, models: dict[str, type]):
        self.models = models  # each section's model: a kept entry of another kind is not one this loader made
        self.file = root / CACHE_DIR / CALENDAR_FILE
        self.head = (FORMAT, cachefiles.code_digest(), timezone)
        stored = cachefiles.load(self.file, b"", _ALLOWED)
        sound = isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.head
        self.old: dict[tuple[str, bytes], Made] = stored[1] if sound and isinstance(stored[1], dict) else {}
        self.new: dict[tuple[str, bytes], Made] = {}

    def made(self, relative: str, data: bytes) -> Made | None:
        """What this file's bytes made when last read, if they are the bytes read now."""
        key = relative, hashlib.blake2b(data, digest_size=16).digest()
        made = self.old.get(key)
        if not (type(made) is tuple and len(made) == 2 and type(made[0]) is dict and type(made[1]) is list
                and all(type(problem) is LoadProblem for problem in made[1])
                and all(type(entries) is list and all(type(entry) is self.models.get(name) for entry in entries)
                        for name, entries in made[0].items())):
            return None  # a cache is a file anyone can edit
        self.new[key] = made
        return {name: list(entries) for name, entries in made[0].items()}, list(made[1])

    def keep(self, relative: str, data: bytes, made: Made) -> None:
        self.new[relative, hashlib.blake2b(data, digest_size=16).digest()] = made

    def save(self) -> None:
        """Write the files read this run, unless they are the ones kept already."""
        if self.new.keys() != self.old.keys():
            cachefiles.write(self.file, b"", (self.head, self.new))
