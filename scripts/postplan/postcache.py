"""Posts kept between runs as the loader made them: a post file that has not changed is not parsed again.

The commands that need every post whole (publish, build, status, preview) load each post file into a
``Post``; at a trust's 10,000 posts that is most of a publishing run that finds nothing due. The loader
keeps the posts in ``.cache/postplan/posts.pickle`` (git-ignored, like the findings cache), each under
its path with its file's signature: device, inode, size, modification and change times, taken before
the file was read and kept only when those times were already two seconds old (``cachefiles.settled``),
so an edit in the same instant as a read is never mistaken for no edit. The whole file belongs to one
key (``cachefiles.cache_key``: every file of postplan's code, the settings a post's model depends on, and
the rest of what the findings cache hangs on). A post comes from the cache only when its file's
signature is exactly the one kept; any other file is read and parsed again, and a file that could not
become a post is never kept (it is read, and its problems reported, every time).
"""

from __future__ import annotations

from pathlib import Path

from postplan import cachefiles
from postplan.cachefiles import CACHE_DIR, Signature
from postplan.models import Post, Settings

POSTS_FILE = "posts.pickle"
FORMAT = 3  # the layout of the file; a cache of another layout is ignored
_ALLOWED: frozenset[tuple[str, str]] = frozenset()  # besides dates, zones and postplan's own models


class PostCache:
    """The posts of one key by path, each with its file's signature; ``save`` keeps the posts loaded this run."""

    def __init__(self, root: Path, settings: Settings):
        self.file = root / CACHE_DIR / POSTS_FILE
        self.key = cachefiles.cache_key(root, settings.roster_env, settings.consent_env, 0, FORMAT)
        self.old = _read(self.file, self.key)
        self.new: dict[str, tuple[Signature, bytes, Post]] = {}

    def known(self, path: str, relative: str) -> tuple[Post, bytes] | None:
        """The post kept for this file and the hash of the bytes it was made from, if the file's
        signature is the one it had when it was read."""
        kept = self.old.get(relative)
        if kept is None or cachefiles.signature(path) != kept[0]:
            return None
        self.new[relative] = kept
        return kept[2], kept[1]

    def keep(self, relative: str, signature: Signature | None, digest: bytes, post: Post) -> None:
        """A post just made from bytes hashing to ``digest``, read from a file whose signature (taken
        before reading) was ``signature``."""
        if cachefiles.settled(signature) is not None:
            self.new[relative] = signature, digest, post  # type: ignore[assignment]

    def save(self) -> None:
        """Write the posts kept this run, unless they are the same files as before."""
        if {path: kept[0] for path, kept in self.new.items()} != {path: kept[0] for path, kept in self.old.items()}:
            cachefiles.write_runs(self.file, b"", (FORMAT, self.key), self.new)


def _read(file: Path, key: bytes) -> dict[str, tuple[Signature, bytes, Post]]:
    """The posts kept for this key; nothing when the file is missing, torn, foreign or of another key."""
    stored = cachefiles.load_runs(file, b"", _ALLOWED)
    if stored is None or stored[0] != (FORMAT, key):
        return {}
    return {path: kept for path, kept in stored[1].items() if _sound(path, kept)}


def _sound(path: object, kept: object) -> bool:
    """Whether an entry read from disk has the shape this code wrote (a cache is a file anyone can edit)."""
    return (isinstance(path, str) and isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[2], Post)
            and kept[2].source.path == path and isinstance(kept[1], bytes) and cachefiles.is_signature(kept[0]))
