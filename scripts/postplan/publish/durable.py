"""Where the ledger lives: a file in the repository, or a git branch every run reads and pushes to.

On a CI runner the disk is thrown away after each job, so a claim written only there is lost if the
job is killed after the platform accepted the post, and the next run sends it again. With a ledger
branch (``ledger_branch:`` in the settings, ``postplan-ledger`` by default) a claim counts only once
it is pushed: the platform is called after the push, never before, and the outcome is pushed after.
Two runs that push at once cannot both win: a push is refused unless it is on top of the remote's
tip, and a refused claim is re-checked against what the other run pushed before it is tried again.

Every ledger (``open_ledger``) has the same three methods, ``read``, ``append`` and ``lock``, so the
rest of the publisher does not care where it lives. The file in the repository is still read (a
ledger from before the branch, or a run without a remote), joined with the branch line by line.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from postplan.publish.ledger import CLAIMED, LEDGER_FILE, TAKEDOWN, OUTBOX_DIR, Ledger, LedgerError, Reading
from postplan.publish.ledgerbranch import GitError, LedgerBranch, is_repository

PUSH_ATTEMPTS = 5
MUST_PUSH = (CLAIMED, TAKEDOWN)  # entries that count only once pushed: what they guard waits for them
COMMIT_MESSAGE = "Record the publisher's ledger [skip ci]"


class NotDurable(Exception):
    """A claim could not be stored where the next run will see it, so its message must not be sent."""

    def __init__(self, reason: str, taken: bool = False):
        super().__init__(reason)
        self.reason, self.taken = reason, taken  # taken: another run claimed the same post first


def union(*versions: bytes) -> bytes:
    """Every whole line of every version, each once, in the order first seen (append-only merging)."""
    seen: dict[bytes, None] = {}
    for data in versions:
        lines = data.split(b"\n")
        for line in lines[:-1]:  # the part after the last newline is a torn write, never a whole line
            if line.strip():
                seen.setdefault(line.rstrip(b"\r"), None)
    return b"".join(line + b"\n" for line in seen)


def entry_line(entry: dict) -> bytes:
    """One entry as the ledger stores it (the same bytes ``Ledger.append`` writes)."""
    return json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def read_ledger_file(data: bytes) -> Reading:
    """Parse ledger lines with the ledger's own reader (the same checks and messages as the file)."""
    with tempfile.TemporaryDirectory(prefix="postplan-ledger-") as folder:
        path = Path(folder) / LEDGER_FILE
        path.write_bytes(data)
        return Ledger(path).read()


class BranchLedger:
    """The ledger on a git branch, with a copy of every line this clone knows in its git folder.

    ``writing`` (publish, resolve) fetches the branch before the first read and pushes every entry;
    otherwise (status, build, validate) the branch is read as last fetched, and nothing is written.
    """

    def __init__(self, root: Path, branch: LedgerBranch, writing: bool):
        self.root, self.branch, self.writing = root, branch, writing
        self.mirror = Ledger(branch.git_dir() / "postplan" / LEDGER_FILE)
        self.path, self.lock_path = self.mirror.path, self.mirror.lock_path
        self.tip: str | None = None
        self.known: set[bytes] = set()
        self.problems: list[str] = []  # outcomes that are only on this machine so far

    def lock(self):
        return self.mirror.lock()

    def _local(self) -> bytes:
        try:
            return (self.root / LEDGER_FILE).read_bytes()
        except OSError:
            return b""

    def _mirror(self) -> bytes:
        try:
            return self.mirror.path.read_bytes()
        except OSError:
            return b""

    def read(self) -> Reading:
        if not self.writing:
            tip = self.branch.tip()
            return read_ledger_file(union(self.branch.content(tip), self._mirror(), self._local()))
        try:
            self.tip = self.branch.fetch()
        except GitError as error:
            raise LedgerError(f"the ledger branch '{self.branch.branch}' could not be fetched from "
                              f"'{self.branch.remote}', so nothing is sent: {error}") from None
        remote = self.branch.content(self.tip)
        merged = union(remote, self._mirror(), self._local())
        self._keep(merged)
        if merged != union(remote):
            self._catch_up()
        return self.mirror.read()

    def _catch_up(self) -> None:
        """Push the lines only this clone has (an outcome a run could not push, a ledger from before the
        branch), so the next run elsewhere sees them too."""
        try:
            self._push({}, b"")
        except NotDurable as error:
            self.problems.append(f"Lines of the ledger kept on this machine ({self.mirror.path}) are not on "
                                 f"the ledger branch yet: {error.reason}")

    def _keep(self, data: bytes) -> None:
        """Replace this clone's copy in one step, so a reader never sees half of it."""
        self.mirror.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = self.mirror.path.with_name(self.mirror.path.name + ".new")
        fresh.write_bytes(data)
        with fresh.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(fresh, self.mirror.path)
        self.known = set(data.split(b"\n"))

    def append(self, entry: dict) -> None:
        """Push the entry; for a claim or a takedown, raise NotDurable when it cannot be pushed (it is then not
        sent, or nothing is deleted)."""
        line = entry_line(entry)
        try:
            self._push(entry, line)
        except NotDurable as error:
            if entry.get("state") in MUST_PUSH:
                raise
            self.mirror.append(entry)
            self.problems.append(f"The ledger did not take what happened to {entry.get('post')} ({error.reason}). "
                                 f"It is kept on this machine only ({self.mirror.path}) until a later run here "
                                 "pushes it; a run elsewhere will ask a person about this post.")

    def _push(self, entry: dict, line: bytes) -> None:
        for attempt in range(PUSH_ATTEMPTS):
            remote = self.branch.content(self.tip)
            if attempt and entry.get("state") == CLAIMED:
                _refuse_if_taken(entry, remote, self.known)
            merged = union(remote, self._mirror(), line)
            try:
                pushed = self.branch.push(merged, self.tip, COMMIT_MESSAGE)
                if pushed is not None:
                    self.tip = pushed
                    self._keep(merged)
                    return
                self.tip = self.branch.tip()  # another run pushed first (now fetched): join its lines, try again
            except GitError as error:
                raise NotDurable(f"the ledger could not be pushed to the branch '{self.branch.branch}' on "
                                 f"'{self.branch.remote}': {error}") from None
        raise NotDurable(f"the ledger branch '{self.branch.branch}' kept moving: {PUSH_ATTEMPTS} pushes in a row "
                         "were overtaken by other runs")


def _refuse_if_taken(entry: dict, remote: bytes, known: set[bytes]) -> None:
    """Another run's new lines about the same post (or the same content) mean that run owns it now."""
    for raw in remote.split(b"\n"):
        if not raw.strip() or raw in known:
            continue
        try:
            other = json.loads(raw)
        except ValueError:
            continue
        if other.get("post") == entry["post"] or (entry.get("hash") and other.get("hash") == entry.get("hash")):
            raise NotDurable(f"another publish run claimed {entry['post']} first; it is left to that run", True)


def open_ledger(root: Path, settings=None, outbox: bool = False, writing: bool = False):
    """The ledger for this repository: the outbox's file, the ledger branch, or ``ledger.jsonl``.

    The branch is used when the settings name one (they do by default) and the repository is a git
    clone with that remote; otherwise the file at the top of the repository, as for a local run.
    """
    root = Path(root)
    if outbox:
        return Ledger(root / OUTBOX_DIR / LEDGER_FILE)
    branch = ledger_branch(root, settings)
    if branch is None:
        return Ledger(root / LEDGER_FILE)
    return BranchLedger(root, branch, writing)


def ledger_branch(root: Path, settings=None) -> LedgerBranch | None:
    """The ledger branch this clone pushes to, if the settings name one and the remote is there."""
    if not is_repository(root):
        return None
    if settings is None:
        from postplan.settings import SettingsError, load_settings

        try:
            settings = load_settings(root)
        except SettingsError:
            return None
    if not settings.ledger_branch:
        return None
    branch = LedgerBranch(root, settings.ledger_remote, settings.ledger_branch)
    try:
        return branch if branch.has_remote() else None
    except GitError:
        return None

