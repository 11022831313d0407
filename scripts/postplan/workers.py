"""Share work over the machine's cores: forked worker processes, each taking a slice of a list; and
run a stage apart, in a process of its own, so what it loads is given back to the system when it ends.

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
from pathlib import Path
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


class Stopped(Exception):
    """The process a stage ran apart in ended without an answer (killed, or out of memory)."""


def apart(work: Callable[..., Result], *args: Any) -> Result:
    """``work(*args)`` in a process forked for it, on Linux: its result comes back, or its exception is
    raised here. Elsewhere it runs in this process.

    What the work loads (a trust's 50,000 posts as models, 300 MB) goes with that process. Freed in this
    one, most of it would stay this process's: small objects leave their memory in pieces that what
    comes next (MkDocs' pages) cannot use. The result is handed back through a file, read as it is
    loaded, never whole in memory. ``Stopped`` if the process ended without one.
    """
    if sys.platform != "linux":
        return work(*args)
    import multiprocessing
    import pickle
    import tempfile

    with tempfile.TemporaryDirectory(prefix="postplan-apart-") as folder:
        outcome = Path(folder) / "outcome.pickle"
        child = multiprocessing.get_context("fork").Process(target=_apart, args=(work, args, outcome))
        child.start()
        child.join()
        try:
            with outcome.open("rb") as stored:
                finished, value = pickle.load(stored)  # written by the child just now, in a folder of ours
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            code = child.exitcode or 0
            how = f"was stopped by signal {-code} (out of memory?)" if code < 0 else f"ended with exit code {code}"
            raise Stopped(f"its process {how} before it finished") from None
    if finished:
        return value
    raise value


def _apart(work: Callable[..., Any], args: tuple, outcome: Path) -> None:
    """In the forked process: run the work, and write what came of it for the parent."""
    import pickle

    try:
        result: tuple[bool, Any] = (True, work(*args))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it there
        result = (False, error)
    try:
        with outcome.open("wb") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as problem:  # noqa: BLE001 - an error that cannot be pickled still reaches the parent in words
        with outcome.open("wb") as out:
            said = result[1] if not result[0] else problem
            pickle.dump((False, Stopped(f"{type(said).__name__}: {said}")), out, protocol=pickle.HIGHEST_PROTOCOL)
