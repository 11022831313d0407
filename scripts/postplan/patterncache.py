"""The programs of the rules' regular expressions, kept between runs (postplan.lazyre).

A pre-commit check of three posts spent about a sixth of its time compiling the patterns those posts
reach, to the same programs every time. They are kept in ``.cache/postplan/patterns.pickle`` beside the
findings cache, with the same trust (none when git tracks the folder: ``cachefiles.committed``), for the
engine that made them alone: another Python reads none of them. A file that cannot be read is ignored
and written again.
"""

from __future__ import annotations

from pathlib import Path

from postplan import cachefiles, lazyre
from postplan.cachefiles import CACHE_DIR

PATTERNS_FILE = "patterns.pickle"
FORMAT = 1
MOST = 3_000  # programs kept at most (the rules have under 600): past it, the old ones are let go


def load(root: Path) -> None:
    """Compile patterns from the programs kept in this school's cache, if they are this engine's."""
    stored = cachefiles.load(root / CACHE_DIR / PATTERNS_FILE, b"", frozenset())
    if lazyre.ENGINE is None or not (isinstance(stored, tuple) and len(stored) == 2):
        return
    head, programs = stored
    if head == (FORMAT, lazyre.ENGINE) and isinstance(programs, dict) and all(map(_program, programs.items())):
        lazyre.use(programs)


def save(root: Path) -> None:
    """Keep the programs of this run, when it made any."""
    programs, made = lazyre.programs()
    if len(programs) > MOST:  # patterns of earlier versions of the rules, no longer asked for
        programs = lazyre.programs(fresh_only=True)[0]
    if made and lazyre.ENGINE is not None:
        cachefiles.write(root / CACHE_DIR / PATTERNS_FILE, b"", ((FORMAT, lazyre.ENGINE), programs))


def _program(item: tuple[object, object]) -> bool:
    """Whether a stored item has the shape of a key and its program (a cache is a file anyone can edit)."""
    key, program = item
    return (type(key) is bytes and type(program) is tuple and len(program) == 5
            and type(program[0]) is int and type(program[1]) is bytes and type(program[2]) is int
            and type(program[3]) is dict and type(program[4]) is tuple)
