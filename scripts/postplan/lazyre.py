"""Regular expressions compiled the first time they are used, not when their module is imported.

The rules hold a few hundred expressions, and compiling them all takes about a tenth of a second: a
pre-commit check of three posts paid for every one, though most sit behind a cheap word test that those
posts never pass. ``lazyre.compile`` stands in for ``re.compile`` at a module's top level: the same
methods and attributes, the expression compiled on the first call. From then on each method is the
compiled pattern's own, held on the object, so a search costs what it did. A worker forked from this
process inherits whatever was compiled before the fork.
"""

from __future__ import annotations

import re
from typing import Any

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
        compiled = re.compile(self.pattern, self.flags)
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
