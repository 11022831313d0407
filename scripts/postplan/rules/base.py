"""What a rule receives and what it yields."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from postplan.consent import Register
from postplan.models import Allow, Post, Repository, line_of

Result = TypeVar("Result")


@dataclass(frozen=True)
class Problem:
    """A rule's report: the message and how to fix it, and where (a front-matter field or a line)."""

    message: str
    fix: str = ""
    field: str | None = None  # a dotted front-matter path ("media.0.alt"): the engine finds its line
    line: int | None = None  # an exact line, e.g. inside the text
    path: str | None = None  # another file (repository rules); default: the post's own


def compared_text(text: str) -> bytes:
    """A text as two posts' texts are compared: capitals and spacing do not count (as re's \\s, str.split()
    splits at any Unicode space). Worked out once, when the post is read, and kept with its facts as a
    digest: equal for equal texts, and a trust's 50,000 posts' facts are read back without their words."""
    normal = " ".join(text.split()).lower()
    return hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class PostFacts(NamedTuple):
    """What the rules that compare posts know of each post.

    Posts are checked one at a time, perhaps in several processes at once; the rules that compare them
    (the same id, the same text, a reply to one of the school's posts) run afterwards on these facts. A
    named tuple, because the findings cache keeps a trust's 50,000 of them and a tuple is read back from
    disk three times faster than a dataclass.
    """

    path: str
    id: str
    status: str
    account: str
    reply_to: str | None
    part_lines: tuple[int, ...]  # the line of each part of its text
    lines: dict[str, int]  # the line of each front-matter field
    line: int  # where the front matter starts
    allow: dict[str, Allow]  # rule id → the leader's exception to it on this post
    event: str | None = None
    publish_at: dt.datetime | None = None
    planned_template: str | None = None  # the calendar reminder `postplan plan` wrote this post for
    accounts: tuple[str, ...] = ()  # every account it goes to (``account`` is the first)
    compared_texts: tuple[bytes, ...] = ()  # each part's text as duplicate-text compares it (``compared_text``)

    @classmethod
    def of(cls, post: Post) -> PostFacts:
        return cls(post.source.path, post.id, post.status, post.account, post.reply_to,
                   tuple(part.line for part in post.parts), post.source.lines, post.source.line,
                   {allow.rule: allow for allow in post.allow}, post.event, post.publish_at,
                   post.planned.template if post.planned else None, tuple(post.accounts),
                   tuple(compared_text(part.text) for part in post.parts))

    def line_of(self, field: str | None) -> int:
        return line_of(self.lines, field, self.line)

    @property
    def every_account(self) -> tuple[str, ...]:
        """Every account it goes to (facts made without ``accounts`` name only ``account``)."""
        return self.accounts or (self.account,)


@dataclass(frozen=True)
class Context:
    """Everything a rule may consult besides the post: the repository, the time, the pupil roster."""

    repository: Repository
    now: dt.datetime
    roster: frozenset[str] = field(default_factory=frozenset)
    ledger: dict[str, str] = field(default_factory=dict)  # post id → what the publisher's ledger says of it
    posts: tuple[PostFacts, ...] = ()  # every post, for ``check_repository`` (``check`` sees one post)
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)
    consent: Register | None = None  # the school's consent register; None: consent is self-declared

    @property
    def root(self) -> Path:
        """The school's repository folder."""
        return Path(self.repository.root)

    def once(self, key: Hashable, compute: Callable[[], Result]) -> Result:
        """``compute()``, worked out once in this run for each key: what a rule learns of the repository or
        of a file, kept for the next post (a run is one moment, so nothing it looked at changes)."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = compute()
            return value
