"""Files named by a school's repository, read only if they are ordinary files inside it, and never past a size.

A pull request can add a post that is a link to ``/dev/zero``, a picture path that names a device, a
named pipe that blocks whoever opens it, or a link to a file outside the repository (a server's
secrets). Reading any of them could hang, fill memory or publish what nobody reviewed, so every read
of such a file goes through here: the path, links followed, must end inside the folder, at a regular
file no larger than the limit; the file is opened without waiting and checked again once open.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

CHUNK = 1024 * 1024
GROWN = 64 * 1024  # read at a time past the size a file had when opened (until its end)


class Refused(Exception):
    """The file is not read: a sentence saying why, for a finding or a report."""


class TooLarge(Refused):
    """The file is larger than its limit: it is not read at all."""


def inside(path: Path, folder: Path, where: str = "the repository") -> Path:
    """The real path of a file (links followed) if it is a regular file inside ``folder``; else ``Refused``.

    ``where`` names the folder in the message, as a person would ("the repository", "content/").
    """
    return Path(_inside(path, folder, where))


def _inside(path: Path | str, folder: Path | str, where: str) -> str:
    """``inside``, as a string: the readers below pay for no pathlib object a file."""
    try:
        real, mode = _real(os.fspath(path))
        base = _real_folder(os.fspath(folder))
    except FileNotFoundError:
        raise Refused("the file does not exist (or is a link to nothing)") from None
    except OSError as error:  # a loop of links
        raise Refused(f"the file cannot be read: {error.strerror or error}") from None
    if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
        raise Refused(f"the file is a link to somewhere outside {where}")
    if not stat.S_ISREG(mode):
        raise Refused(f"the file is not an ordinary file (it is {_kind(mode)})")
    return real


def _real(path: str) -> tuple[str, int]:
    """The real path of a file, links followed, and its mode (OSError when it is not there or loops).

    Strings, not pathlib, and each folder resolved once while it stays the same folder: a trust's 50,000
    posts in a few dozen folders are checked without resolving every folder of every path again.
    """
    found = os.lstat(path)
    if stat.S_ISLNK(found.st_mode):
        real = os.path.realpath(path, strict=True)
        return real, os.stat(real).st_mode
    parent, name = os.path.split(path)
    return os.path.join(_real_folder(parent or os.curdir), name), found.st_mode


def _real_folder(folder: str) -> str:
    """A folder's real path, remembered under the folder's own identity (its inode and change time), so a
    folder replaced by another, or by a link, or reached through a replaced one, is resolved afresh."""
    found = os.stat(folder)
    key = (folder, found.st_dev, found.st_ino, found.st_ctime_ns)
    real = _FOLDERS.get(key)
    if real is None:
        if len(_FOLDERS) > 4096:
            _FOLDERS.clear()
        real = _FOLDERS[key] = os.path.realpath(folder, strict=True)
    return real


_FOLDERS: dict[tuple[str, int, int, int], str] = {}


def read_bytes(path: Path | str, folder: Path | str, limit: int, where: str = "the repository") -> bytes:
    """The whole file, if it is a regular file inside ``folder`` of at most ``limit`` bytes.

    Read straight from the descriptor, asking for the size the file had when opened (and a byte more, to
    see it grow): a trust's 50,000 posts are read with no file object and no buffer of ``limit`` bytes each.
    """
    descriptor, size = _descriptor(path, folder, limit, where)
    chunks, read, want = [], 0, size + 1  # a byte more than the size shows a file that grew
    try:
        while read <= limit and (chunk := os.read(descriptor, min(want, limit + 1 - read))):
            chunks.append(chunk)
            read += len(chunk)
            want = GROWN
    finally:
        os.close(descriptor)
    if read > limit:  # it grew after it was opened
        raise TooLarge(f"the file is too large (more than {limit // 1000} KB)")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def sha256(path: Path, folder: Path, limit: int, where: str = "the repository") -> str:
    """The file's SHA-256 in hex, read a chunk at a time (a large video never sits in memory)."""
    digest, read = hashlib.sha256(), 0
    with _opened(path, folder, limit, where) as handle:
        while chunk := handle.read(CHUNK):
            read += len(chunk)
            if read > limit:
                raise TooLarge(f"the file is too large (more than {limit // 1_000_000} MB)")
            digest.update(chunk)
    return digest.hexdigest()


def _opened(path: Path, folder: Path, limit: int, where: str):
    return os.fdopen(_descriptor(path, folder, limit, where)[0], "rb")


def _descriptor(path: Path | str, folder: Path | str, limit: int, where: str) -> tuple[int, int]:
    """An open descriptor of the file, checked once open to be an ordinary file of at most ``limit``
    bytes, and its size then."""
    real = _inside(path, folder, where)
    try:
        # O_NONBLOCK: if a pipe was put in its place since the check, opening it does not wait
        descriptor = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise Refused(f"the file cannot be read: {error.strerror}") from None
    opened = os.fstat(descriptor)
    if not stat.S_ISREG(opened.st_mode) or opened.st_size > limit:
        os.close(descriptor)
        if stat.S_ISREG(opened.st_mode):
            raise TooLarge(f"the file is too large ({opened.st_size / 1e6:.1f} MB)")
        raise Refused(f"the file is not an ordinary file (it is {_kind(opened.st_mode)})")
    return descriptor, opened.st_size


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
