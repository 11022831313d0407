"""The rules' regular expressions are compiled from programs kept between runs, and a pattern compiled that
way finds exactly what ``re.compile`` finds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import School
from postplan import cachefiles, lazyre, patterncache
from postplan.cachefiles import CACHE_DIR
from postplan.rules import every_rule

PATTERNS = f"{CACHE_DIR}/{patterncache.PATTERNS_FILE}"
NOW = "2026-09-01T08:00"

pytestmark = pytest.mark.skipif(lazyre.ENGINE is None, reason="this Python's engine is not the one programs are kept for")


def _run(school: School, *args: str) -> subprocess.CompletedProcess:
    """postplan in a process of its own, as the pre-commit hook runs it (in this one, patterns stay compiled)."""
    return subprocess.run([sys.executable, "-m", "postplan", *args, "--root", str(school.root)], capture_output=True,
                          text=True, check=False)


def _kept(school: School) -> dict[bytes, lazyre.Program]:
    stored = cachefiles.load(school.root / PATTERNS, b"", frozenset())
    assert isinstance(stored, tuple) and stored[0] == (patterncache.FORMAT, lazyre.ENGINE)
    return stored[1]


def test_a_check_keeps_the_programs_of_the_patterns_it_compiled(example: School) -> None:
    assert _run(example, "validate", "--now", NOW).returncode in (0, 1)
    kept = _kept(example)
    assert len(kept) > 20  # the patterns the example's posts reach
    every_rule()
    made = {lazyre._key(pattern.pattern, pattern.flags): pattern for pattern in lazyre._MADE}
    fresh = {}
    for key in kept.keys() & made.keys():  # each kept program is the one compiling the pattern makes now
        saved = dict(lazyre._KEPT), dict(lazyre._FRESH)
        lazyre._KEPT.clear()
        try:
            lazyre.compile_now(made[key].pattern, made[key].flags)
            fresh[key] = lazyre._FRESH[key]
        finally:
            lazyre._KEPT.clear(), lazyre._KEPT.update(saved[0]), lazyre._FRESH.clear(), lazyre._FRESH.update(saved[1])
    assert len(fresh) > 20 and all(fresh[key] == kept[key] for key in fresh)


def test_a_pattern_from_its_kept_program_finds_what_re_compile_finds(example: School) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((example.root / "content" / "posts").rglob("*.md"))]
    every_rule()
    for pattern in lazyre._MADE[:400]:
        try:
            plain = re.compile(pattern.pattern, pattern.flags)
        except re.error:
            continue  # a test's own deliberate mistake (test_startup)
        program_made = lazyre.compile_now(pattern.pattern, pattern.flags)
        key = lazyre._key(pattern.pattern, pattern.flags)
        lazyre.use({key: lazyre.programs()[0][key]})
        from_program = lazyre.compile_now(pattern.pattern, pattern.flags)
        for compiled in (program_made, from_program):
            assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == \
                   (plain.pattern, plain.flags, plain.groups, plain.groupindex)
            assert [[m.span() for m in compiled.finditer(text)] for text in texts] == \
                   [[m.span() for m in plain.finditer(text)] for text in texts]


def test_kept_programs_are_used_without_compiling_again(example: School) -> None:
    _run(example, "validate", "--now", NOW)
    probe = ("import sys; from pathlib import Path; from postplan import lazyre, patterncache; "
             "from postplan.rules import every_rule; every_rule(); patterncache.load(Path(sys.argv[1])); "
             "kept = dict(lazyre._KEPT); assert kept; "
             "lazyre._parser = None; "  # compiling now would fail: the programs must be used as they are
             "made = [p for p in lazyre._MADE if lazyre._key(p.pattern, p.flags) in kept]; "
             "[p.search for p in made]; print(len(made))")
    done = subprocess.run([sys.executable, "-c", probe, str(example.root)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 20


@pytest.mark.parametrize("damage", ["garbage", "another engine", "a wrong shape"])
def test_a_patterns_file_that_is_not_this_engines_is_ignored_and_written_again(example: School, damage: str) -> None:
    file = example.root / PATTERNS
    file.parent.mkdir(parents=True, exist_ok=True)
    if damage == "garbage":
        file.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "another engine":
        cachefiles.write(file, b"", ((patterncache.FORMAT, ("2.7", 1, 2)), {b"k" * 16: (0, b"", 0, {}, ())}))
    else:
        cachefiles.write(file, b"", ((patterncache.FORMAT, lazyre.ENGINE), {b"k" * 16: "not a program"}))
    cold = _run(example, "validate", "--now", NOW, "--no-cache")
    warm = _run(example, "validate", "--now", NOW)
    assert warm.returncode == cold.returncode and warm.stdout == cold.stdout
    assert len(_kept(example)) > 20
