"""Regular expressions compiled the first time they are used, not when their module is imported.

The rules hold a few hundred expressions, and compiling them all takes about a tenth of a second: a
pre-commit check of three posts paid for every one, though most sit behind a cheap word test that those
posts never pass. ``lazyre.compile`` stands in for ``re.compile`` at a module's top level: the same
methods and attributes, the expression compiled on the first call. From then on each method is the
compiled pattern's own, held on the object, so a search costs what it did. A worker forked from this
process inherits whatever was compiled before the fork.

Compiling is most of what a first use costs (two large patterns alone take a hundredth of a second), and
Python compiles a pattern to the same program every time. So a pattern's program can be kept between
runs (``programs`` and ``use``; postplan.patterncache keeps them in the findings cache's folder) and
handed straight to the regular-expression engine next time. That step is Python's own, not a public
function (``re._compiler``, ``_sre``): where it is not what this module expects, patterns are compiled
as ``re.compile`` compiles them and no program is kept.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from typing import Any

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    ENGINE: tuple | None = (sys.version, _sre.MAGIC, _sre.CODESIZE)  # programs are this engine's alone
    if array("I").itemsize != _sre.CODESIZE or not callable(getattr(_compiler, "_code", None)):
        ENGINE = None
except (ImportError, AttributeError):
    ENGINE = None

# A program: the flags, the code (as an array's bytes), the number of groups, and the group names both ways.
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_KEPT: dict[bytes, Program] = {}  # programs read from the last runs, by ``_key``
_FRESH: dict[bytes, Program] = {}  # programs made in this run

_TAKEN = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner", "groups",
          "groupindex")


_MADE: list[LazyPattern] = []  # every pattern made, so that a test can compile them all


class LazyPattern:
    """``re.compile(pattern, flags)``, done when one of its methods is first looked up."""

    def __init__(self, pattern: str, flags: int = 0):
        if not isinstance(pattern, str):
            raise TypeError(f"a pattern is a string, not {type(pattern).__name__}")
        self.pattern = pattern
        self.flags = flags
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:  # only called for what is not on the object yet
        if name not in _TAKEN:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = compile_now(self.pattern, self.flags)
        for taken in _TAKEN:
            setattr(self, taken, getattr(compiled, taken))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self.flags!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 (it stands in for re.compile)
    """The pattern, compiled when it is first used."""
    return LazyPattern(pattern, flags)


def compile_all() -> int:
    """Compile every pattern made so far (``re.error`` for one that is not a valid expression); how many."""
    for made in _MADE:
        made.search  # noqa: B018 (looking the method up compiles the pattern)
    return len(_MADE)


def use(programs: dict[bytes, Program]) -> None:
    """Compile patterns from now on from these programs where they hold one (``programs`` of an earlier run)."""
    _KEPT.update(programs)


def programs(fresh_only: bool = False) -> tuple[dict[bytes, Program], bool]:
    """Every program known to this run (or only those made in it), and whether any was made in it (then
    they are worth keeping)."""
    return ({} if fresh_only else {**_KEPT}) | _FRESH, bool(_FRESH)


def _key(pattern: str, flags: int) -> bytes:
    return hashlib.blake2b(f"{int(flags)} {pattern}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


def compile_now(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, at once: from the program kept for it, or compiled (and its program
    kept). For a pattern made as a program runs (``compile`` is for a module's top level)."""
    if ENGINE is None:
        return re.compile(pattern, flags)
    key = _key(pattern, flags)
    kept = _KEPT.get(key)
    if kept is not None:
        try:
            return _sre.compile(pattern, kept[0], array("I", kept[1]).tolist(), kept[2], kept[3], kept[4])
        except Exception:  # noqa: BLE001, S110 - a program the engine refuses: compile the pattern instead
            pass
    parsed = _parser.parse(pattern, int(flags))  # as re._compiler.compile, keeping the program it makes
    code = _compiler._code(parsed, int(flags))
    names = parsed.state.groupdict
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        by_number[number] = name
    program: Program = (int(flags) | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1,
                        dict(names), tuple(by_number))
    compiled = _sre.compile(pattern, program[0], code, program[2], program[3], program[4])
    _FRESH[key] = program
    return compiled
