"""Share work over the machine's cores: forked worker processes, each taking a slice of a list.

A trust's repository holds tens of thousands of posts; reading and checking each one is independent of
the others, so on Linux the work is split between processes forked from this one. A fork inherits what
this process has already loaded (settings, calendar, compiled rules) without copying it through a pipe;
only the slices' results come back. Elsewhere (macOS, Windows), and for a small school, it runs here.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

PARALLEL_FROM = 2_000  # below this many items, starting processes costs more than it saves
MAX_WORKERS = 4
SLICES_PER_WORKER = 4  # several slices each, so a worker that finishes early takes another

Result = TypeVar("Result")
_shared: Any = None  # in a worker: what the parent shared (inherited through fork, never pickled)


def workers_for(count: int) -> int:
    """How many processes to use for ``count`` items: 1 means do it in this process."""
    if count < PARALLEL_FROM or sys.platform != "linux":  # fork is only safe to rely on in Linux
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def share(work: Callable[[Any, int, int], list[Result]], shared: Any, count: int) -> list[Result]:
    """``work(shared, start, stop)`` over ``range(count)`` in slices, the results joined in order.

    ``work`` must be a module-level function (its name is sent to the workers); ``shared`` is handed to
    them by fork, so it may be large and need not be picklable. The results must be picklable.
    """
    workers = workers_for(count)
    if workers == 1:
        return work(shared, 0, count)
    import multiprocessing  # only here: a small school never pays for importing them
    from concurrent.futures import ProcessPoolExecutor

    size = -(-count // (workers * SLICES_PER_WORKER))
    starts = range(0, count, size)
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' collector then leaves what they inherit alone, so its pages stay shared
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_receive,
                                 initargs=(shared,)) as pool:
            slices = pool.map(_run, [work] * len(starts), starts, [min(start + size, count) for start in starts])
            return [result for results in slices for result in results]
    finally:
        gc.unfreeze()


def _receive(shared: Any) -> None:
    global _shared
    _shared = shared


def _run(work: Callable[[Any, int, int], list[Result]], start: int, stop: int) -> list[Result]:
    return work(_shared, start, stop)

