"""The findings cache: a post whose file has not changed is not read or checked again.

Kept in ``.cache/postplan/`` (git-ignored), the way ruff and mypy cache. Each post's entry is found by
its path and the hash of its content, and holds that post's findings from the rules that look at one
post. Its ``PostFacts``, for the rules that compare posts, are kept in a second file that is read only
when those rules must run again: when every post's content and order is as it was, their findings are
taken from the cache too. Each entry also holds its post's *related* keys (hashed; the rules' ``RELATED``),
and the facts file is indexed by path, so a check of a few posts reads the facts of the posts sharing a
key with them and no others. The whole cache belongs to one *key*: every file of postplan's code (rules,
word lists, loader), the settings, every calendar file, the templates, the photos' sizes and times, the
roster's and the consent register's content (hashed: their contents are never stored), and the year (a
birth year becomes history). Change any of them and every post is checked again.

A file is hashed again unless its device, inode, size, modification and change times are all as they
were when it was last hashed (as git's index does), and those times are only trusted when they were at
least two seconds old at that moment, so an edit in the same instant as a check is never missed.

What may change with the time or the publisher's ledger is kept per entry: the post's ledger state
(photo consent is not rechecked once a post is out), and the moments when its findings change with the
time alone (its publish time plus grace, and the posting slot it goes out at) with how many had passed.
An entry that would answer differently now is checked again. A cache that cannot be read (torn,
from another version, not a cache at all) is ignored and rewritten; each file is written to a temporary
file and renamed over the old, the facts first, so two runs at once never leave a torn or mismatched pair.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from postplan import cachefiles
from postplan.cachefiles import CACHE_DIR, Signature
from postplan.findings import Finding
from postplan.regularfile import Refused, read_bytes
from postplan.rules.base import PostFacts

__all__ = ["CACHE_DIR", "CACHE_FILE", "FACTS_FILE", "Entry", "FindingsCache", "cache_key"]

POST_LIMIT = 100_000  # as load.MAX_POST_BYTES: a larger post is refused by the loader, never cached
CACHE_FILE = "findings.pickle"
FACTS_FILE = "facts.pickle"
FORMAT = 8  # the layout of the files below; a cache of another layout is ignored
# The only things a cache file may contain besides dates and zones (anything else: it is not a cache).
_ALLOWED = frozenset({("postplan.findings", "Finding"), ("postplan.findings", "Severity"),
                      ("postplan.rules.base", "PostFacts"), ("postplan.models", "Allow")})


class Entry(NamedTuple):
    """One post as it was checked: its content's hash, its findings and what they hung on."""

    digest: bytes
    findings: tuple[Finding, ...] | None  # None: read for its facts only (it was outside a check's scope)
    has_facts: bool  # False: the file could not become a post
    post_id: str | None
    turns: tuple[int, ...]  # in order: the moments (µs since 1970) when its findings change with the time alone
    ledger: str | None  # the ledger's word on the post when it was checked
    passed: int  # how many of those moments had passed when it was checked
    signature: Signature | None  # the file as it was hashed (None: too fresh to trust)
    related: tuple[int, ...] | None = ()  # its related keys, hashed (None: unknown, so related to every post)


class FindingsCache:
    """The entries of one key, looked up by path and content; ``save`` keeps only the posts seen this run."""

    def __init__(self, root: Path, key: bytes, grace: dt.timedelta):
        self.root = root
        self.folder = root / CACHE_DIR
        self.key = key
        self.grace = grace
        self.started = time.time_ns()  # a file's times must be settled by the start of the run
        self.stamp, self.old, self.compared = _read_entries(self.folder / CACHE_FILE, key)
        self.new: dict[str, Entry] = {}
        self.signatures: dict[str, Signature | None] = {}
        self.fresh_facts: dict[str, PostFacts] = {}
        self._old_facts: dict[str, PostFacts] | None = None
        self._lent: dict[str, PostFacts] = {}
        self.comparison: tuple[bytes, tuple[Finding, ...]] | None = None

    def digest(self, path: str | Path, relative: str) -> bytes | None:
        """The hash of a post file's content; None when it cannot be read (the check then reports why).

        Not read again when the file's signature is the one it had when last hashed.
        """
        signature = cachefiles.signature(path)
        entry = self.old.get(relative)
        if entry is not None and signature is not None and entry.signature == signature:
            self.signatures[relative] = signature
            return entry.digest
        try:  # only an ordinary file inside the repository: never a pipe, a device or a link out of it
            data = read_bytes(path, self.root, POST_LIMIT)
        except (OSError, Refused):
            return None
        self.signatures[relative] = cachefiles.settled(signature, self.started)
        return hashlib.blake2b(data, digest_size=16).digest()

    def lookup(self, path: str, digest: bytes | None, ledger: dict[str, str], now: dt.datetime,
               checking: bool) -> Entry | None:
        """The entry for this file as it is now (with its findings when ``checking``), or None: read it."""
        entry = self.old.get(path)
        if entry is None or digest is None or entry.digest != digest or (checking and entry.findings is None):
            return None
        if checking and entry.has_facts and (ledger.get(entry.post_id) != entry.ledger
                                             or _passed(entry.turns, now) != entry.passed):
            return None  # its findings may have changed with the time or the ledger (its facts cannot have)
        signature = self.signatures.get(path)
        self.new[path] = entry if signature == entry.signature else entry._replace(signature=signature)
        return entry

    def keep(self, path: str, digest: bytes | None, findings: list[Finding] | None, facts: PostFacts | None,
             ledger: dict[str, str], now: dt.datetime, going: dt.datetime | None = None,
             related: Iterable[tuple] | None = ()) -> None:
        """Remember a post as read now: its findings (None: not checked), its facts, when it goes out
        (``going``, its posting slot: a warning about a time between slots ends once the slot has passed),
        and its related keys (None: unknown)."""
        if digest is None or (findings is None and path in self.new):
            return
        if facts is None:
            self.new[path] = Entry(digest, _tuple(findings), False, None, (), None, 0, self.signatures.get(path))
            return
        turns = []
        if facts.publish_at is not None:  # past-unpublished: publish time plus grace < now
            turns.append(_micro(facts.publish_at + self.grace))
        if going is not None:  # between-slots: going <= now, that is going - 1 µs < now
            turns.append(_micro(going) - 1)
        stored = self.old.get(path)
        if stored is None or stored.digest != digest or not stored.has_facts:
            # Facts come from the file's bytes alone: a post checked again only because its time or the
            # ledger moved on has the facts already stored, and the facts file is not written again.
            self.fresh_facts[path] = facts
        turns.sort()
        self.new[path] = Entry(digest, _tuple(findings), True, facts.id, tuple(turns), ledger.get(facts.id),
                               _passed(tuple(turns), now), self.signatures.get(path), _hashed(related))

    def facts(self, path: str) -> PostFacts | None:
        """A post's facts: as read this run, as made from a post already loaded (``lend_facts``), or as
        stored (None when the stored facts cannot be read)."""
        if path in self.fresh_facts:
            return self.fresh_facts[path]
        if path in self._lent:
            return self._lent[path]
        if self._old_facts is None:
            self._old_facts = _read_facts(self.folder / FACTS_FILE, self.stamp)
        return self._old_facts.get(path)

    def some_facts(self, paths: Iterable[str]) -> dict[str, PostFacts | None]:
        """``facts`` for a few posts: of the stored ones, only the runs of the facts file that hold them are read."""
        wanted = [path for path in paths if path not in self.fresh_facts and path not in self._lent]
        if self._old_facts is None and wanted:
            stored = cachefiles.load_some(self.folder / FACTS_FILE, self.stamp, _ALLOWED, wanted) if self.stamp else None
            found = {path: facts for path, facts in (stored or {}).items() if isinstance(facts, PostFacts)}
            return {path: found.get(path) if path in wanted else self.facts(path) for path in paths}
        return {path: self.facts(path) for path in paths}

    def sharing(self, order: list[str], these: Iterable[str]) -> list[str]:
        """The posts in ``order`` that are these or share a related key with one of them, in that order: all
        that the comparing rules' findings on these hang on. A post whose keys are unknown is kept."""
        keys: set[int] = set()
        for path in these:
            entry = self.new.get(path)
            if entry is not None and entry.has_facts:
                if entry.related is None:
                    return order
                keys.update(entry.related)
        chosen = set(these)
        return [path for path in order if path in chosen or (entry := self.new.get(path)) is None
                or entry.related is None or not keys.isdisjoint(entry.related)]

    def lend_facts(self, facts: dict[str, PostFacts]) -> None:
        """The facts of posts loaded whole this run, from the same bytes as their entries: the stored copy
        of theirs need not be read, even to write the file again. They are no change to it."""
        self._lent.update(facts)

    def keep_facts(self, path: str, facts: PostFacts) -> None:
        """Facts read again because the stored ones could not be read."""
        self.fresh_facts[path] = facts

    def earlier_comparison(self, order: list[str]) -> list[Finding] | None:
        """The findings of the rules that compare posts, if the same posts in the same order gave them."""
        fingerprint = self._fingerprint(order)
        if fingerprint is not None and self.compared is not None and self.compared[0] == fingerprint:
            self.comparison = self.compared
            return list(self.compared[1])
        return None

    def keep_comparison(self, order: list[str], findings: list[Finding]) -> None:
        fingerprint = self._fingerprint(order)
        self.comparison = None if fingerprint is None else (fingerprint, tuple(findings))

    def save(self) -> None:
        """Write this run's entries (new files renamed into place); a cache that cannot be written is skipped."""
        facts_changed = bool(self.fresh_facts) or self.new.keys() != self.old.keys()
        if not facts_changed and self.new == self.old and self.comparison == self.compared:
            return
        stamp = self.stamp
        if facts_changed:
            stamp = os.urandom(16)
            facts = {path: self.facts(path) for path, entry in self.new.items() if entry.has_facts}
            if None in facts.values() or not cachefiles.write_runs(self.folder / FACTS_FILE, stamp, FORMAT, facts,
                                                                   FACTS_RUN, indexed=True):
                return
        entries = {path: tuple(entry) for path, entry in self.new.items()}
        cachefiles.write_runs(self.folder / CACHE_FILE, b"", (FORMAT, self.key, stamp, self.comparison), entries)

    def _fingerprint(self, order: list[str]) -> bytes | None:
        whole = hashlib.blake2b(digest_size=16)
        for path in order:
            entry = self.new.get(path)
            if entry is None:
                return None
            whole.update(path.encode("utf-8", "surrogateescape") + b"\0" + entry.digest)
        return whole.digest()


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
FACTS_RUN = 200  # facts pickled together: a check of a few posts reads a few such runs


def _hashed(related: Iterable[tuple] | None) -> tuple[int, ...] | None:
    """Related keys as 8-byte numbers: equal keys give equal numbers in every run (two unequal keys that
    happened to give one number would only bring another post into a comparison)."""
    if related is None:
        return None
    return tuple(sorted({int.from_bytes(hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=8)
                                        .digest(), "big") for key in related}))


def _micro(moment: dt.datetime) -> int:
    """A moment as whole microseconds since 1970: exact, so "before" and "at" never blur."""
    return (moment - _EPOCH) // dt.timedelta(microseconds=1)


@functools.lru_cache(maxsize=4)  # a run asks at one moment, for each of its posts
def _now_micro(now: dt.datetime) -> int:
    return _micro(now)


def _passed(turns: tuple[int, ...], now: dt.datetime) -> int:
    """How many of the moments (in order) are before now."""
    return bisect.bisect_left(turns, _now_micro(now))


def _tuple(findings: list[Finding] | None) -> tuple[Finding, ...] | None:
    return None if findings is None else tuple(findings)


def _read_entries(file: Path, key: bytes
                  ) -> tuple[bytes, dict[str, Entry], tuple[bytes, tuple[Finding, ...]] | None]:
    """The facts file's stamp, the entries and the last comparison stored for this key (nothing when the
    file is missing, torn, foreign or of another key)."""
    stored = cachefiles.load_runs(file, b"", _ALLOWED)
    try:
        (layout, stored_key, stamp, compared), entries = stored  # type: ignore[misc]
        if layout != FORMAT or stored_key != key or not isinstance(stamp, bytes) or not _sound(entries):
            return b"", {}, None
    except (TypeError, ValueError, AttributeError):
        return b"", {}, None
    if compared is not None and not (isinstance(compared, tuple) and len(compared) == 2
                                     and isinstance(compared[0], bytes) and _findings(compared[1])):
        compared = None
    return stamp, dict(zip(entries, map(Entry._make, entries.values()))), compared


def _sound(entries: dict) -> bool:
    """Whether the entries read from disk have the shape this code wrote (a cache is a file anyone can edit).

    Asked of a trust's 50,000 entries on every run, so each field is tested down its column at once, in
    loops the interpreter runs without one of its own (``_kinds``)."""
    if not entries:
        return True
    values = list(entries.values())
    if not (_kinds(entries, {str}) and _kinds(values, {tuple}) and set(map(len, values)) == {len(Entry._fields)}):
        return False

    def column(field: str) -> Iterator[object]:  # down the entries, not copied (zip(*values) was half the time)
        return map(itemgetter(Entry._fields.index(field)), values)

    checked = [found for found in column("findings") if found is not None]  # None: read for its facts only
    signed = [found for found in column("signature") if found is not None]  # None: too fresh to trust
    known = [keys for keys in column("related") if keys is not None]  # None: keys unknown
    return (_kinds(column("digest"), {bytes}) and _kinds(column("has_facts"), {bool})
            and _kinds(column("passed"), {int}) and _kinds(column("post_id"), {str, type(None)})
            and _kinds(column("ledger"), {str, type(None)})
            and _kinds(checked, {tuple}) and _kinds(chain.from_iterable(checked), {Finding})
            and _kinds(column("turns"), {tuple}) and _kinds(chain.from_iterable(column("turns")), {int})
            and _kinds(signed, {tuple}) and set(map(len, signed)) <= {5} and _kinds(chain.from_iterable(signed), {int})
            and _kinds(known, {tuple}) and _kinds(chain.from_iterable(known), {int}))


def _findings(value: object) -> bool:
    return type(value) is tuple and _kinds(value, {Finding})  # type: ignore[arg-type]


def _kinds(values: Iterable[object], kinds: set[type]) -> bool:
    """Whether every value is exactly of one of these kinds (as the restricted unpickler only ever builds
    them: a subclass could not have come from this code)."""
    return set(map(type, values)) <= kinds


def _read_facts(file: Path, stamp: bytes) -> dict[str, PostFacts]:
    """The stored facts, if the file is the one the entries were written with (its stamp says so)."""
    stored = cachefiles.load_runs(file, stamp, _ALLOWED) if stamp else None
    if stored is None or stored[0] != FORMAT:
        return {}
    return {path: facts for path, facts in stored[1].items() if isinstance(facts, PostFacts)}


def cache_key(root: Path, roster_env: str, consent_env: str, now: dt.datetime) -> bytes:
    """What every post's findings hang on besides the post itself (``cachefiles.cache_key``)."""
    return cachefiles.cache_key(root, roster_env, consent_env, now.year, FORMAT)
