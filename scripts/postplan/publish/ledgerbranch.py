"""The ledger's git branch: read it, and push a new version of it only on top of what the remote has.

The branch (``postplan-ledger`` by default) holds one file, ``ledger.jsonl``. A new version is made
with git's plumbing (a blob, a tree, a commit whose parent is the remote's tip) and pushed without
force, so the push is refused when another run pushed first: the caller then fetches and tries again
on the new tip. No work tree is touched, and the branch the school works on is never checked out.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

LEDGER_FILE = "ledger.jsonl"
NETWORK_SECONDS = 120
# Who the ledger's commits are by, when the machine has no git identity (a CI runner).
IDENTITY = {"GIT_AUTHOR_NAME": "postplan", "GIT_AUTHOR_EMAIL": "postplan@users.noreply.github.com",
            "GIT_COMMITTER_NAME": "postplan", "GIT_COMMITTER_EMAIL": "postplan@users.noreply.github.com"}


class GitError(Exception):
    """A git command failed; the message is git's own, with any credentials in a URL masked."""


def _masked(text: str) -> str:
    return re.sub(r"://[^/@\s]+@", "://****@", text).strip()


def is_repository(root: Path) -> bool:
    """Whether ``root`` is the top of a git clone (a folder or, for a linked work tree, a file)."""
    return (root / ".git").exists()


@dataclass(frozen=True)
class LedgerBranch:
    """One clone's view of the ledger branch on one remote."""

    root: Path
    remote: str
    branch: str

    @property
    def tracking(self) -> str:
        return f"refs/remotes/{self.remote}/{self.branch}"

    def _git(self, *args: str, data: bytes | None = None, network: bool = False) -> subprocess.CompletedProcess:
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
        try:
            return subprocess.run(["git", *args], cwd=self.root, input=data, capture_output=True, env=env,
                                  timeout=NETWORK_SECONDS if network else 30)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise GitError(f"git {args[0]} did not finish: {error}") from None

    def _ok(self, *args: str, data: bytes | None = None, network: bool = False) -> str:
        done = self._git(*args, data=data, network=network)
        if done.returncode != 0:
            raise GitError(_masked(done.stderr.decode("utf-8", "replace")) or f"git {args[0]} failed")
        return done.stdout.decode("utf-8", "replace").strip()

    def has_remote(self) -> bool:
        return self._git("config", "--get", f"remote.{self.remote}.url").returncode == 0

    def git_dir(self) -> Path:
        return Path(self._ok("rev-parse", "--absolute-git-dir"))

    def fetch(self) -> str | None:
        """Bring the remote's branch here; its tip, or None when the remote has no such branch yet."""
        done = self._git("fetch", "--quiet", "--no-tags", self.remote, f"+refs/heads/{self.branch}:{self.tracking}",
                         network=True)
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace")
            if "couldn't find remote ref" not in message.lower():
                raise GitError(_masked(message) or "git fetch failed")
            self._git("update-ref", "-d", self.tracking)
        return self.tip()

    def tip(self) -> str | None:
        """The last fetched (or pushed) tip of the branch, else the local branch of that name, else None."""
        for ref in (self.tracking, f"refs/heads/{self.branch}"):
            done = self._git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
            if done.returncode == 0:
                return done.stdout.decode().strip()
        return None

    def content(self, commit: str | None, name: str = LEDGER_FILE) -> bytes:
        """A file (``ledger.jsonl``) as it is in ``commit`` (nothing for no commit, or a commit without it)."""
        if commit is None:
            return b""
        done = self._git("show", f"{commit}:{name}")
        return done.stdout if done.returncode == 0 else b""

    def push(self, data: bytes, parent: str | None, message: str, name: str = LEDGER_FILE) -> str | None:
        """Push ``data`` as the file's next version on top of ``parent`` (the branch's other files kept):
        the new tip, or None when the remote has moved on (another run pushed first; it is then fetched).
        Any other refusal raises GitError."""
        blob = self._ok("hash-object", "-w", "--stdin", data=data)
        kept = self._ok("ls-tree", parent).splitlines() if parent else []
        listing = [line for line in kept if line.split("\t", 1)[-1] != name] + [f"100644 blob {blob}\t{name}"]
        tree = self._ok("mktree", data=("\n".join(listing) + "\n").encode())
        parents = ["-p", parent] if parent else []
        env_needed = self._git("config", "user.email").returncode != 0
        commit = self._commit(tree, parents, message, env_needed)
        done = self._git("push", "--quiet", "--porcelain", self.remote, f"{commit}:refs/heads/{self.branch}",
                         network=True)
        if done.returncode == 0:
            self._ok("update-ref", self.tracking, commit)
            return commit
        said = (done.stdout + done.stderr).decode("utf-8", "replace")
        # Refused because another run got there first (whatever words the server uses), or for good?
        if self.fetch() != parent:
            return None
        raise GitError(_masked(said) or "git push failed")

    def _commit(self, tree: str, parents: list[str], message: str, env_needed: bool) -> str:
        env = {**os.environ, **{k: v for k, v in IDENTITY.items() if k not in os.environ}} if env_needed else None
        done = subprocess.run(["git", "commit-tree", tree, *parents, "-m", message], cwd=self.root,
                              capture_output=True, env=env, timeout=30)
        if done.returncode != 0:
            raise GitError(_masked(done.stderr.decode("utf-8", "replace")))
        return done.stdout.decode().strip()
