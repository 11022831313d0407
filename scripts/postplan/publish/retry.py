"""Retrying a request that posts nothing a reader sees (a login, a photo uploaded unpublished, a look-up).

Such a request may be tried again safely; after the last try it is "not sent", never "unsure", because
nothing was posted. A request that does post something is never retried this way: its outcome is
settled by the platform's own means (an idempotency key, a record key, a look at the account).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from postplan.publish.platform import NotSent

T = TypeVar("T")


class NoAnswer(Exception):
    """No usable answer (a lost connection, a timeout, a server error): a write may or may not have happened."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def retried(action: Callable[[], T], attempts: int, backoff: Sequence[float], sleep: Callable[[float], None]) -> T:
    """``action()``, tried up to ``attempts`` times while it gets no answer, waiting ``backoff`` between."""
    problem = "no answer"
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except NoAnswer as unknown:
            problem = unknown.problem
        if attempt < attempts:
            sleep(backoff[min(attempt, len(backoff)) - 1])
    raise NotSent(f"{problem}, {attempts} tries; nothing was posted", "server")
