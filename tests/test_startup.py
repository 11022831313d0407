"""Commands load only what they need: `postplan --help` and `validate` must not import MkDocs or tweepy."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLE, PROJECT

PROBE = """
import sys
from postplan.cli import main
sys.argv = ["postplan", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = ("tweepy", "mkdocs", "material", "icalendar", "jinja2", "PIL", "requests", "pydantic", "twitter_text")
print("LOADED=" + __import__("json").dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def loaded_by(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True,
                            text=True, cwd=PROJECT, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("LOADED="))
    return json.loads(line.removeprefix("LOADED="))


def test_help_loads_no_heavy_library() -> None:
    assert loaded_by("--help") == []


def test_validate_loads_neither_mkdocs_nor_tweepy() -> None:
    loaded = loaded_by("validate", "--root", str(EXAMPLE), "--format", "json")
    assert "pydantic" in loaded  # it did validate
    assert not {"tweepy", "mkdocs", "material", "icalendar", "requests"} & set(loaded)


def test_a_warm_validate_renders_no_template(example) -> None:
    """Reminders' templates are checked when the calendar or templates change; a check that finds them
    in the findings cache does not load Jinja2 (about 15 ms of the pre-commit hook's start-up)."""
    first = loaded_by("validate", "--root", str(example.root), "--format", "json")
    assert "jinja2" in first  # the example's reminders were rendered, so the first check did check them
    assert "jinja2" not in loaded_by("validate", "--root", str(example.root), "--format", "json")
