"""What postplan's caches in ``.cache/postplan/`` share: their key, a file's signature, and reading and
writing a cache file so that a torn, foreign or hostile one is only ever ignored.

The caches (postplan.findcache for findings, postplan.postcache for parsed posts) are git-ignored and
made on the machine that uses them. A cache git tracks could have come in a pull request, saying its
posts are clean, so it is never trusted (``committed``). A cache file is read by a restricted unpickler
that builds only the kinds of value a cache holds, and written to a temporary file renamed into place.
"""

from __future__ import annotations

import bisect
import enum
import gc
import hashlib
import os
import pickle
import stat
import subprocess
import tempfile
import time
import zoneinfo
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from postplan.consent import register_path
from postplan.regularfile import Refused, read_bytes
from postplan.settings import SETTINGS_FILE

CACHE_DIR = ".cache/postplan"
KEY_FILE_LIMIT = 50_000_000  # settings, calendar, templates, the roster and the register
RACY_NS = 2_000_000_000  # a file's times are trusted once they are this old (two seconds)
_CODE = Path(__file__).parent
_STANDARD = {("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"), ("datetime", "date"),
             ("zoneinfo", "ZoneInfo"), ("zoneinfo._zoneinfo", "ZoneInfo"), ("copyreg", "_reconstructor"),
             ("builtins", "object"), ("builtins", "set"), ("builtins", "frozenset")}
_MODEL_MODULES = ("postplan.models", "postplan.fields")

Signature = tuple[int, int, int, int, int]  # a file's device, inode, size, modification and change times


def signature(path: Path | str) -> Signature | None:
    """The file's signature if it is an ordinary file (a link, a pipe or a device has none)."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def is_signature(value: object) -> bool:
    """Whether a value read from a cache has the shape of a ``Signature`` (a cache is a file anyone can edit)."""
    return type(value) is tuple and len(value) == 5 and set(map(type, value)) == {int}


def settled(found: Signature | None, before_ns: int | None = None) -> Signature | None:
    """The signature if its times were at least ``RACY_NS`` old at ``before_ns`` (now when None): only then
    does an unchanged signature prove unchanged content (an edit in the same instant keeps the same times)."""
    moment = time.time_ns() if before_ns is None else before_ns
    return found if found is not None and max(found[3], found[4]) < moment - RACY_NS else None


def committed(root: Path) -> bool:
    """Whether the caches' folder came with the repository: git tracks something in ``.cache/``, or the
    folder is a link (a pull request could commit one, to have a cache read from, or written to,
    somewhere else). Then no cache there is trusted, nor written.

    Asked for every photo, so git is asked once while its index stays the same file at the same time.
    """
    if any(os.path.islink(root / folder) for folder in (".cache", CACHE_DIR)):
        return True
    try:
        index = os.stat(root / ".git" / "index")
        memo: tuple[str, int, int] | None = (str(root), index.st_ino, index.st_mtime_ns)
    except OSError:
        memo = None
    if memo is not None and memo in _TRACKED:
        return _TRACKED[memo]
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", ".cache"], cwd=root, capture_output=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False  # no git here: the cache can only have been made on this machine
    tracked = listed.returncode == 0 and bool(listed.stdout)
    if memo is not None:
        _TRACKED[memo] = tracked
    return tracked


_TRACKED: dict[tuple[str, int, int], bool] = {}


class _Reader(pickle.Unpickler):
    """Builds only what a cache holds: the given classes, dates and zones, and postplan's own models."""

    allowed: frozenset[tuple[str, str]] = frozenset()

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("builtins", "getattr"):
            return _known_attribute  # how an enum and a time zone are stored; a general getattr reaches anything
        if (module, name) in self.allowed or (module, name) in _STANDARD:
            return super().find_class(module, name)
        if module in _MODEL_MODULES:
            found = super().find_class(module, name)
            from pydantic import BaseModel

            if isinstance(found, type) and issubclass(found, (BaseModel, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} does not belong in a cache")


def _known_attribute(kind: object, name: object) -> object:
    if kind is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle
    if isinstance(kind, type) and issubclass(kind, enum.Enum) and isinstance(name, str):
        return kind[name]
    raise pickle.UnpicklingError("only an enum's member or a time zone may be looked up in a cache")


def load(file: Path, header: bytes, allowed: frozenset[tuple[str, str]]) -> object:
    """What a cache file holds after its header, read by the restricted reader; None when it is not ours."""
    return _reading(file, header, allowed, lambda part, _: part())


def load_runs(file: Path, header: bytes, allowed: frozenset[tuple[str, str]]) -> tuple[object, dict] | None:
    """What ``write_runs`` wrote: its head and its mapping; None when the file is not ours, or cut short."""
    def runs(part: Callable[[], object], _: IO[bytes]) -> tuple[object, dict] | None:
        head, items = part(), {}
        while type(run := part()) is list:
            items.update(run)
        return (head, items) if run == len(items) else None

    return _reading(file, header, allowed, runs)  # type: ignore[return-value]


def _reading(file: Path, header: bytes, allowed: frozenset[tuple[str, str]],
             read: Callable[[Callable[[], object], IO[bytes]], object]) -> object:
    """``read`` the file after its header, given a way to read its next pickle with the restricted reader
    (a reader of its own for each, as each was written standing alone) and the file itself; None when
    anything is wrong.

    The garbage collector waits meanwhile: a trust's cache is hundreds of thousands of small objects, none
    of them garbage, and collecting while they are made took a third of the time of reading them.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        with file.open("rb") as stored:
            if header and stored.read(len(header)) != header:
                return None

            def part() -> object:
                reader = _Reader(stored)
                reader.allowed = allowed
                return reader.load()

            return read(part, stored)
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, the answer is to rebuild it
        return None
    finally:
        if collecting:
            gc.enable()


def write(file: Path, header: bytes, value: object) -> bool:
    """Write ``header`` then ``value`` pickled, to a temporary file renamed over ``file``; False if it cannot."""
    return _writing(file, header, lambda out: pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL))


RUN = 2_000  # a mapping's items pickled together by ``write_runs``
FOOTER = 8  # an indexed file ends with where its table of runs starts (``write_runs``)


def write_runs(file: Path, header: bytes, head: object, items: dict, run: int = RUN, indexed: bool = False) -> bool:
    """``write`` for a large mapping: ``head``, then its items in runs of ``run``, each run pickled on its
    own, then how many there were (so a file cut short is never read as whole). A pickler remembers
    every object it has written until it is done, and a trust's 50,000 posts, written at once, made
    that 100 MB more for a moment; between runs it forgets.

    ``indexed``: the items go in the order of their keys, and after the count come a table of each run's
    first key and where it starts, then where that table starts: ``load_some`` reads the runs holding a
    few keys and nothing else."""
    def dump(out: IO[bytes]) -> None:
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pairs = sorted(items.items()) if indexed else list(items.items())
        table = []
        for part in (head, *(pairs[start:start + run] for start in range(0, len(pairs), run)), len(pairs)):
            if type(part) is list:
                table.append((part[0][0], out.tell()))
            pickler.dump(part)
            pickler.clear_memo()  # each part stands alone: it refers to nothing an earlier part wrote
        if indexed:
            start = out.tell()
            pickler.dump(table)
            out.write(start.to_bytes(FOOTER, "big"))

    return _writing(file, header, dump)


def load_some(file: Path, header: bytes, allowed: frozenset[tuple[str, str]], keys: Iterable[str]) -> dict | None:
    """The items of these keys (those it holds) from a file ``write_runs`` wrote ``indexed``, reading only
    the runs that hold them; None when the file is not ours, or cut short."""
    def some(part: Callable[[], object], stored: IO[bytes]) -> dict | None:
        stored.seek(-FOOTER, os.SEEK_END)
        stored.seek(int.from_bytes(stored.read(FOOTER), "big"))
        table = part()
        firsts = [first for first, _ in table]  # type: ignore[union-attr]
        found = {}
        for where in sorted({table[index - 1][1] for key in keys if (index := bisect.bisect_right(firsts, key))}):
            stored.seek(where)
            found.update(part())
        return found

    return _reading(file, header, allowed, some)  # type: ignore[return-value]


def _writing(file: Path, header: bytes, dump: Callable[[IO[bytes]], None]) -> bool:
    """Write ``header``, then what ``dump`` writes, to a temporary file renamed over ``file``; False if
    it cannot be written."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        ignore = file.parent / ".gitignore"
        if not ignore.exists():  # as pytest's and ruff's caches do: git leaves it alone in any repository
            ignore.write_text("# Made by postplan: nothing in this folder belongs in git.\n*\n", encoding="utf-8")
        handle, scratch = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header)
            dump(out)
        os.replace(scratch, file)
    except OSError:
        Path(scratch).unlink(missing_ok=True)
        return False
    return True


def cache_key(root: Path, roster_env: str, consent_env: str, year: int, layout: int) -> bytes:
    """What a post's findings hang on besides the post itself: postplan's code (rules, word lists, loader:
    every file of the package, so any other version of postplan has another key), the settings, every
    calendar file, the templates, the photos' sizes and times, the roster's and the consent register's
    content (hashed, never stored), the year and the cache's layout."""
    key = hashlib.blake2b(digest_size=16)
    key.update(f"{layout} {year}".encode())
    key.update(code_digest())
    _add_file(key, root / SETTINGS_FILE, SETTINGS_FILE)
    for folder in ("calendar", "templates"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                _add_file(key, path, path.relative_to(root).as_posix())
    for path in sorted((root / "content" / "media").rglob("*")):
        try:
            found = path.stat()
        except OSError:
            continue  # a link to nothing: the media rules report it
        key.update(f"{path.relative_to(root).as_posix()} {found.st_size} {found.st_mtime_ns}\n".encode())
    location = os.environ.get(roster_env)
    if location:
        _add_file(key, Path(location), "roster")
    register = register_path(consent_env, root)
    if register is not None:
        _add_file(key, register, "consent register")
    return key.digest()


def code_digest() -> bytes:
    """The hash of every file of postplan's own code (its installed package, not a school's files: read as
    they are), in the order of their paths. Worked out again in a run only when a file's size or time
    changed since (a run asks for it for each cache it opens); any other installed copy has its own."""
    code = str(_CODE)
    files = []
    for folder, folders, names in os.walk(code):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        files += [os.path.join(folder, name) for name in sorted(names) if not name.endswith(".pyc")]
    try:
        found = tuple((path, (held := os.stat(path)).st_size, held.st_mtime_ns, held.st_ctime_ns) for path in files)
    except OSError:  # a file gone as it was looked at (postplan being installed again): read what is there
        found = ()
    if not found or _CODE_DIGEST.get(code, (None,))[0] != found:
        key = hashlib.blake2b(digest_size=16)
        for path in files:
            try:
                with open(path, "rb") as source:
                    data = source.read()
            except OSError as why:
                data = f"\0unreadable: {why}".encode()
            key.update(f"{os.path.relpath(path, code)} {len(data)}\n".encode("utf-8", "surrogateescape"))
            key.update(data)
        _CODE_DIGEST[code] = found, key.digest()
    return _CODE_DIGEST[code][1]


_CODE_DIGEST: dict[str, tuple[tuple, bytes]] = {}


def _add_file(key: "hashlib._Hash", path: Path, name: str) -> None:
    try:  # an ordinary file only (a link to a device or a pipe would never end), of a sane size
        data = read_bytes(path, path.parent, KEY_FILE_LIMIT, "its folder")
    except (OSError, Refused) as why:
        data = f"\0unreadable: {why}".encode()
    key.update(f"{name} {len(data)}\n".encode())
    key.update(data)
