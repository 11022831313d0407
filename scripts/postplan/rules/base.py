"""What a rule receives and what it yields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from postplan.models import Repository


@dataclass(frozen=True)
class Problem:
    """A rule's report: the message and how to fix it, and where (a front-matter field or a line)."""

    message: str
    fix: str = ""
    field: str | None = None  # a dotted front-matter path ("media.0.alt"): the engine finds its line
    line: int | None = None  # an exact line, e.g. inside the text
    path: str | None = None  # another file (repository rules); default: the post's own


@dataclass(frozen=True)
class Context:
    """Everything a rule may consult besides the post: the repository, the time, the pupil roster."""

    repository: Repository
    now: dt.datetime
    root: Path
    roster: frozenset[str] = field(default_factory=frozenset)
    ledger: dict[str, str] = field(default_factory=dict)  # post id → what the publisher's ledger says of it
