"""Photos' fingerprints for the publisher, kept by size and modification time between runs.

Every run fingerprints each post whose time has come, to notice one edited after it went out, and a
post's fingerprint includes its photos' bytes: years of photos would be read again on every run. A
photo whose size and modification time have not changed keeps its fingerprint, in
``.cache/postplan/photo-fingerprints.json`` (outside git, like every cache; deleting it is always safe).
The checks that a photo is an ordinary file inside content/ run every time, cached or not.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from postplan import regularfile
from postplan.cachefiles import committed

CACHE = Path(".cache") / "postplan" / "photo-fingerprints.json"
RACY_SECONDS = 2  # a file changed this recently may change again within the same timestamp: not kept


class Fingerprints:
    """SHA-256 of the photos of one repository, read again only when a photo's size or time changed."""

    def __init__(self, root: Path):
        self.root, self.changed = root, False
        self.trusted = not committed(root)  # one that came in a pull request is neither read nor written
        try:
            known = json.loads((root / CACHE).read_text(encoding="utf-8")) if self.trusted else {}
        except (OSError, ValueError):
            known = {}
        self.known: dict[str, list] = known if isinstance(known, dict) else {}

    def sha256(self, path: Path, folder: Path, limit: int) -> str:
        real = regularfile.inside(path, folder, "content/")
        facts = real.stat()
        if facts.st_size > limit:
            raise regularfile.TooLarge(f"the file is too large (more than {limit // 1_000_000} MB)")
        key, seen = str(real), [facts.st_size, facts.st_mtime_ns]
        entry = self.known.get(key)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == seen and isinstance(entry[2], str):
            return entry[2]
        digest = regularfile.sha256(path, folder, limit)
        if time.time() - facts.st_mtime_ns / 1e9 > RACY_SECONDS:
            self.known[key], self.changed = [*seen, digest], True
        return digest

    def save(self) -> None:
        """Keep what was learnt for the next run; a cache that cannot be written is simply not kept."""
        if not self.changed or not self.trusted:
            return
        path = self.root / CACHE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self.known, sort_keys=True), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass
