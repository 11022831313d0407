"""Commands load only what they need: `postplan --help` and `validate` must not import MkDocs or tweepy."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLE, PROJECT

# Runs a command in a fresh interpreter, then prints what ``report`` finds there as one JSON line.
PROBE = """
import json, sys
from postplan.cli import main
sys.argv = ["postplan", *{args!r}]
try:
    main()
except SystemExit:
    pass
print("REPORT=" + json.dumps({report}))
"""
HEAVY = ("tweepy", "mkdocs", "material", "icalendar", "jinja2", "PIL", "requests", "pydantic", "twitter_text",
         "better_profanity")


def probe(report: str, *args: str) -> object:
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args), report=report)],
                            capture_output=True, text=True, cwd=PROJECT, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("REPORT="))
    return json.loads(line.removeprefix("REPORT="))


def loaded_by(*args: str) -> list[str]:
    return probe(f"sorted(m for m in {HEAVY!r} if m in sys.modules)", *args)


def test_help_loads_no_heavy_library() -> None:
    assert loaded_by("--help") == []


def test_validate_loads_neither_mkdocs_nor_tweepy() -> None:
    loaded = loaded_by("validate", "--root", str(EXAMPLE), "--format", "json")
    assert "pydantic" in loaded  # it did validate
    assert not {"tweepy", "mkdocs", "material", "icalendar", "requests"} & set(loaded)
    assert "better_profanity" not in loaded  # its word list is read; the package's censor is not built


def test_a_warm_validate_renders_no_template(example) -> None:
    """Reminders' templates are checked when the calendar or templates change; a check that finds them
    in the findings cache does not load Jinja2 (about 15 ms of the pre-commit hook's start-up)."""
    first = loaded_by("validate", "--root", str(example.root), "--format", "json")
    assert "jinja2" in first  # the example's reminders were rendered, so the first check did check them
    assert "jinja2" not in loaded_by("validate", "--root", str(example.root), "--format", "json")


def test_a_warm_validate_builds_no_model_it_does_not_use(example) -> None:
    """Each model's validator is built the first time it is used: building them all at import was about
    0.09 s of the pre-commit hook's start-up. A warm check takes the calendar from its cache, so it builds
    none of the calendar's models; a cold one validates the calendar, so it builds them."""
    report = ("[name for name in ('Event', 'Term', 'Campaign') "
              "if getattr(sys.modules['postplan.models'], name).__pydantic_complete__]")
    assert probe(report, "validate", "--root", str(example.root), "--format", "json") == ["Event", "Term", "Campaign"]
    assert probe(report, "validate", "--root", str(example.root), "--format", "json") == []


def test_every_rule_pattern_is_a_valid_expression() -> None:
    """The rules' patterns compile on first use, so an invalid one would fail only on the post that reached
    it: here every one is compiled, and a bad one names itself."""
    from postplan import lazyre
    from postplan.rules import every_rule

    every_rule()
    assert lazyre.compile_all() > 150


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    import re

    from postplan import lazyre

    pattern = lazyre.compile(r"\b(?P<year>year|yr)\s?(\d)\b", re.IGNORECASE)
    text = "Well done Year 4 and yr 6!"
    compiled = re.compile(pattern.pattern, pattern.flags)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)] == [(10, 16), (21, 25)]
    assert pattern.sub("<\\2>", text) == "Well done <4> and <6>!"
    assert pattern.search(text)["year"] == "Year" and pattern.groupindex == {"year": 1} and pattern.groups == 2
    assert pattern.fullmatch("YR 3") and not pattern.match("in year 3")
    broken = lazyre.compile(r"(unclosed")
    try:
        broken.search("x")
    except re.error as error:
        assert "missing )" in str(error)
    else:
        raise AssertionError("an invalid pattern compiled")


def test_checking_three_posts_compiles_only_the_patterns_they_reach(example) -> None:
    """The pre-commit hook's start-up: a post that names nobody and goes nowhere does not pay for the
    patterns that read names, places and complaints behind their cheap word tests."""
    post = example.root / "content" / "posts" / "plain.md"
    post.write_text("---\nid: plain-news\npublish_at: 2027-03-02 15:30\nstatus: draft\naccount: school\n"
                    "author: Mrs Hart\n---\nOur new library books have arrived. Happy reading!\n", encoding="utf-8")
    compiled, made = probe("[sum('search' in vars(p) for p in __import__('postplan.lazyre').lazyre._MADE), "
                           "len(__import__('postplan.lazyre').lazyre._MADE)]",
                           "validate", "--root", str(example.root), "--format", "json", str(post))
    assert made > 150 and compiled < made / 2
