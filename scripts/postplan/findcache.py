"""The findings cache: a post whose file has not changed is not read or checked again.

Kept in ``.cache/postplan/`` (git-ignored), the way ruff and mypy cache. Each post's entry is found by
its path and the hash of its content, and holds that post's findings from the rules that look at one
post, and its ``PostFacts`` for the rules that compare posts (which always run again, on every post's
facts). The whole cache belongs to one *key*: postplan's version and code (rules, word lists, loader),
the settings, every calendar file, the templates, the photos' sizes and times, the roster's and the
consent register's content (hashed: their contents are never stored), and the year (a birth year
becomes history). Change any of them and every post is checked again.

What may change with the time or the publisher's ledger is kept per entry: the post's ledger state
(photo consent is not rechecked once a post is out) and whether its publish time (plus grace) had
passed. An entry that would answer differently now is checked again. A cache that cannot be read (torn,
from another version, not a cache at all) is ignored and rewritten; a new cache is written to a
temporary file and renamed over the old, so two runs at once never leave a torn one.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import os
import pickle
import tempfile
import zoneinfo
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from postplan.consent import register_path
from postplan.findings import Finding
from postplan.regularfile import Refused, read_bytes
from postplan.rules.base import PostFacts
from postplan.settings import SETTINGS_FILE

POST_LIMIT = 100_000  # as load.MAX_POST_BYTES: a larger post is refused by the loader, never cached
KEY_FILE_LIMIT = 50_000_000  # settings, calendar, templates, the roster and the register

CACHE_DIR = ".cache/postplan"
CACHE_FILE = "findings.pickle"
FORMAT = 1  # the layout of the file below; a cache of another layout is ignored
_CODE = Path(__file__).parent
# The only things a cache file may contain (a file that asks for anything else is not a cache).
_ALLOWED = {("postplan.findings", "Finding"), ("postplan.findings", "Severity"), ("postplan.rules.base", "PostFacts"),
            ("postplan.findcache", "Entry"), ("postplan.models", "Allow"), ("datetime", "datetime"),
            ("datetime", "timezone"), ("datetime", "timedelta"), ("datetime", "date"), ("zoneinfo", "ZoneInfo"),
            ("zoneinfo._zoneinfo", "ZoneInfo"), ("copyreg", "_reconstructor"), ("builtins", "object"),
            ("builtins", "set"), ("builtins", "frozenset")}


@dataclass(frozen=True)
class Entry:
    """One post as it was checked: its content's hash, its findings, its facts and what they hung on."""

    digest: bytes
    findings: tuple[Finding, ...] | None  # None: read for its facts only (it was outside a check's scope)
    facts: PostFacts | None  # None: the file could not become a post
    ledger: str | None  # the ledger's word on the post when it was checked
    past: bool  # whether its publish time (plus grace) had passed


class _CacheReader(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("builtins", "getattr"):
            return _known_attribute  # how a severity and a time zone are stored; a general getattr reaches anything
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} does not belong in a findings cache")
        return super().find_class(module, name)


def _known_attribute(kind: object, name: object) -> object:
    if kind is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle
    if isinstance(kind, type) and issubclass(kind, enum.Enum) and isinstance(name, str):
        return kind[name]
    raise pickle.UnpicklingError("only a severity or a time zone may be looked up in a findings cache")


class FindingsCache:
    """The entries of one key, looked up by path and content; ``save`` keeps only the posts seen this run."""

    def __init__(self, root: Path, key: bytes, grace: dt.timedelta):
        self.root = root
        self.file = root / CACHE_DIR / CACHE_FILE
        self.key = key
        self.grace = grace
        self.old = _read(self.file, key)
        self.new: dict[str, Entry] = {}

    def digest(self, path: Path) -> bytes | None:
        """The hash of a post file's content; None when it cannot be read (the check then reports why)."""
        try:  # only an ordinary file inside the repository: never a pipe, a device or a link out of it
            return hashlib.blake2b(read_bytes(path, self.root, POST_LIMIT), digest_size=16).digest()
        except (OSError, Refused):
            return None

    def lookup(self, path: str, digest: bytes | None, ledger: dict[str, str], now: dt.datetime,
               checking: bool) -> Entry | None:
        """The entry for this file as it is now (with its findings when ``checking``), or None: read it."""
        entry = self.old.get(path)
        if entry is None or digest is None or entry.digest != digest or (checking and entry.findings is None):
            return None
        if entry.facts is not None and (ledger.get(entry.facts.id) != entry.ledger
                                        or self._past(entry.facts, now) != entry.past):
            return None
        self.new[path] = entry
        return entry

    def keep(self, path: str, digest: bytes | None, findings: list[Finding] | None, facts: PostFacts | None,
             ledger: dict[str, str], now: dt.datetime) -> None:
        """Remember a post as read now: its findings (None: not checked) and facts."""
        if digest is None or (findings is None and path in self.new):
            return
        state = ledger.get(facts.id) if facts is not None else None
        past = self._past(facts, now) if facts is not None else False
        self.new[path] = Entry(digest, None if findings is None else tuple(findings), facts, state, past)

    def save(self) -> None:
        """Write this run's entries (a new file renamed into place); a cache that cannot be written is skipped."""
        if self.new == self.old:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, scratch = tempfile.mkstemp(dir=self.file.parent, prefix=".findings-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((FORMAT, self.key, self.new), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(scratch, self.file)
        except OSError:
            Path(scratch).unlink(missing_ok=True)

    def _past(self, facts: PostFacts, now: dt.datetime) -> bool:
        return facts.publish_at is not None and facts.publish_at + self.grace < now


def _read(file: Path, key: bytes) -> dict[str, Entry]:
    """The entries stored for this key; nothing when the file is missing, torn, foreign or of another key."""
    try:
        with file.open("rb") as stored:
            layout, stored_key, entries = _CacheReader(stored).load()
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, the answer is to rebuild it
        return {}
    if layout != FORMAT or stored_key != key or not isinstance(entries, dict):
        return {}
    return {path: entry for path, entry in entries.items() if isinstance(entry, Entry)}


def cache_key(root: Path, roster_env: str, consent_env: str, now: dt.datetime) -> bytes:
    """What every post's findings hang on besides the post itself (see the module's docstring)."""
    key = hashlib.blake2b(digest_size=16)
    key.update(f"{FORMAT} {_postplan_version()} {now.year}".encode())
    for path in sorted(_CODE.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            _add_file(key, path, path.relative_to(_CODE).as_posix())
    _add_file(key, root / SETTINGS_FILE, SETTINGS_FILE)
    for folder in ("calendar", "templates"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                _add_file(key, path, path.relative_to(root).as_posix())
    for path in sorted((root / "content" / "media").rglob("*")):
        try:
            stat = path.stat()
        except OSError:
            continue  # a link to nothing: the media rules report it
        key.update(f"{path.relative_to(root).as_posix()} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    location = os.environ.get(roster_env)
    if location:
        _add_file(key, Path(location), "roster")
    register = register_path(consent_env, root)
    if register is not None:
        _add_file(key, register, "consent register")
    return key.digest()


def _add_file(key: "hashlib._Hash", path: Path, name: str) -> None:
    try:  # an ordinary file only (a link to a device or a pipe would never end), of a sane size
        data = read_bytes(path, path.parent, KEY_FILE_LIMIT, "its folder")
    except (OSError, Refused) as why:
        data = f"\0unreadable: {why}".encode()
    key.update(f"{name} {len(data)}\n".encode())
    key.update(data)


def _postplan_version() -> str:
    try:
        return version("postplan")
    except PackageNotFoundError:
        return "unknown"
