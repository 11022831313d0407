"""The feeds' state kept on the ledger branch, for a school whose ``main`` is protected.

``postplan record-feeds`` remembers how every feed entry looked, so a moved event gets a higher
SEQUENCE and calendar apps show the move. The file must outlive the run that wrote it; with main
protected (pull requests only) a workflow cannot commit it there, so ``--on-ledger-branch`` keeps it
as ``feed-state.json`` on the ledger branch, which the workflows can push to: restored into
``calendar/.feed-state.json`` before recording, pushed back after when it changed.
"""

from __future__ import annotations

from pathlib import Path

from postplan.publish.durable import PUSH_ATTEMPTS, ledger_branch
from postplan.publish.ledgerbranch import GitError, LedgerBranch

BRANCH_FILE = "feed-state.json"
COMMIT_MESSAGE = "Record the feeds' state [skip ci]"


class FeedStateBranchError(Exception):
    """The state cannot be read from or kept on the ledger branch; the message says why."""


def restore_feed_state(root: Path, settings, state_file: str) -> LedgerBranch:
    """Fetch the ledger branch and put its feed state (if it has one) where record-feeds reads it."""
    branch = ledger_branch(root, settings)
    if branch is None:
        raise FeedStateBranchError("--on-ledger-branch needs a git clone with the remote "
                                   f"'{settings.ledger_remote}' and `ledger_branch:` set in mkdocs.yml")
    try:
        data = branch.content(branch.fetch(), BRANCH_FILE)
    except GitError as error:
        raise FeedStateBranchError(f"the ledger branch could not be fetched: {error}") from None
    if data:
        (root / state_file).parent.mkdir(parents=True, exist_ok=True)
        (root / state_file).write_bytes(data)
    return branch


def keep_feed_state(root: Path, branch: LedgerBranch, state_file: str) -> bool:
    """Push the recorded state to the ledger branch unless it already has it; True if it was pushed."""
    data = (root / state_file).read_bytes()
    try:
        for _ in range(PUSH_ATTEMPTS):
            tip = branch.tip()
            if tip is not None and branch.content(tip, BRANCH_FILE) == data:
                return False
            if branch.push(data, tip, COMMIT_MESSAGE, name=BRANCH_FILE) is not None:
                return True
    except GitError as error:
        raise FeedStateBranchError(f"the feeds' state could not be pushed to the ledger branch: {error}") from None
    raise FeedStateBranchError("the ledger branch kept moving; the feeds' state was not pushed "
                               "(the next run tries again)")
