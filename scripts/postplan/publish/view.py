"""A read-only view of the publisher's ledger, for every stage that is not publishing.

Only publishing writes the ledger. The check (a post already published is not "past and unpublished"),
the site (which posts are shown as published) and the status board read this view instead, handed to
them by the pipeline, so none of them needs to know how the ledger is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from postplan.findings import LoadProblem
from postplan.publish.ledger import LEDGER_FILE, LedgerError, account_states, combined_state


@dataclass(frozen=True)
class LedgerView:
    """What the ledger says of each post (post id → one of ``POST_STATES``), or why it cannot be read."""

    states: Mapping[str, str] = field(default_factory=dict)
    problem: str | None = None  # the ledger is broken: nothing it says can be trusted
    accounts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # post → account → state, if several

    def published(self) -> dict[str, object]:
        """The posts that went out, by id; for a post sent to several accounts, each account's state."""
        return {post: self.accounts.get(post, state) for post, state in self.states.items() if state == "published"}

    def taken_down(self) -> set[str]:
        """The posts taken down (postplan takedown): no page or feed shows them again."""
        return {post for post, state in self.states.items() if state == "taken-down"}

    def problems(self) -> list[LoadProblem]:
        """A broken ledger as a problem of the ``file`` rule at its line, so that validate says where to look."""
        if self.problem is None:
            return []
        head = self.problem.split(":", 2)
        line = int(head[1]) if len(head) > 2 and head[1].isdigit() else 1
        return [LoadProblem("file", LEDGER_FILE, line, self.problem)]


def read_view(root: Path) -> LedgerView:
    """The repository's ledger as it stands now (no ledger yet: nothing is published)."""
    try:
        found = account_states(root)
    except LedgerError as error:
        return LedgerView({}, str(error))
    states = {post: combined_state(accounts) for post, accounts in found.items()}
    return LedgerView(states, accounts={post: accounts for post, accounts in found.items() if len(accounts) > 1})
