"""Generated hostile input never crashes, never hangs and never comes out as markup or control codes.

Hypothesis writes posts, calendar entries and settings values made of markup, Markdown, control
characters, odd Unicode and plain text, into every field a school writes. ``validate``, ``publish
--dry-run`` and ``build`` must each end with 0, 1 or 2 and no traceback, within a bound; the built
HTML must never hold the markers as markup, and the feeds must parse and hold no control codes.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

import icalendar
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import SETTINGS, School
from postplan.cli import cli

NOW = "2026-11-18T09:00"
SCRIPT = "<script>pwn()</script>"
IMAGE = "<img src=x onerror=pwn()>"
MARKERS = [SCRIPT, IMAGE, "<!--", "-->", "[a](javascript:pwn())", "![i](x)", "{{ 7*7 }}", "{% raw %}", "&amp;",
           "\x1b[2J", "\x00", "\u202e", "\r\n", "\n---\n", "|", "`", "\\", "'", '"', ": ", "- ", "#", "&a", "*b"]
PIECES = st.one_of(st.sampled_from(MARKERS), st.text(max_size=12))
HOSTILE = st.lists(PIECES, min_size=1, max_size=6).map("".join)
# The settings: a character YAML cannot hold there stops every command (exit 2), so mostly readable ones
READABLE = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")), max_size=12)
SETTING = st.lists(st.one_of(st.sampled_from(MARKERS), READABLE), min_size=1, max_size=6).map("".join)
BOUND = 60  # seconds for any one command: far above a normal run, far below "never ends"
EXPECTED_CODES = (0, 1, 2)


def _yaml(value: str) -> str:
    """A double-quoted YAML scalar (JSON's strings are YAML's), so the value arrives as written or is refused."""
    return json.dumps(value, ensure_ascii=False)


def _school(root: Path, values: dict[str, str]) -> School:
    school = School(root)
    settings_text = SETTINGS.replace("school: Tregarrow Community Primary School", f"school: {_yaml(values['school'])}")
    (root / "mkdocs.yml").write_text(settings_text, encoding="utf-8")
    school.write("calendar/hostile.yml", f"""campaigns:
  - id: hostile-week
    name: {_yaml(values['campaign'])}
    start: 2026-11-16
    end: 2026-11-20
    hashtags: [{_yaml(values['hashtag'])}]
    description: {_yaml(values['description'])}
events:
  - id: hostile-event
    title: {_yaml(values['event'])}
    start: 2026-11-19
    location: {_yaml(values['location'])}
    description: {_yaml(values['description'])}
terms:
  - name: {_yaml(values['term'])}
    start: 2026-11-02
    end: 2026-12-18
""")
    school.write("content/posts/hostile.md", f"""---
publish_at: 2026-11-18 08:55
status: approved
author: {_yaml(values['author'])}
approved_by: Mrs Hart
campaign: hostile-week
media:
  - file: media/none.jpg
    alt: {_yaml(values['alt'])}
poll:
  options: [{_yaml(values['option'])}, "Pasta"]
  duration: 1 day
allow:
  - rule: quiet-hours
    reason: {_yaml(values['reason'])}
---
{values['text']}
""")
    return school


FIELDS = ["school", "campaign", "hashtag", "description", "event", "location", "term", "author", "alt", "option",
          "reason", "text"]
VALUES = st.fixed_dictionaries({name: SETTING if name == "school" else HOSTILE for name in FIELDS})


def _run(school: School, *args: str):
    started = time.perf_counter()
    result = CliRunner().invoke(cli, [*args, "--root", str(school.root), "--now", NOW])
    assert time.perf_counter() - started < BOUND, args
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, (args, repr(result.exception))
    assert result.exit_code in EXPECTED_CODES, (args, result.output)
    assert "Traceback" not in result.output
    event(f"{args[0]} exit {result.exit_code}")
    return result


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=VALUES)
def test_validate_and_a_dry_run_never_crash_and_never_print_control_codes(values: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        school = _school(Path(folder) / "school", values)
        for command in (["validate", "--format", "json"], ["validate"], ["publish", "--dry-run"]):
            result = _run(school, *command)
            assert "\x1b" not in result.output and "\x00" not in result.output, command
            if command[-1] == "json" and result.exit_code != 2:  # 2: the settings were refused, said in words
                json.loads(result.output)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=VALUES)
def test_build_never_crashes_and_never_writes_a_value_as_markup(values: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        school = _school(Path(folder) / "school", values)
        result = _run(school, "build")
        site = school.root / "site"
        if result.exit_code == 2:
            assert not (site / "index.html").exists() or "mkdocs.yml" in result.output
            return
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert SCRIPT not in html and IMAGE not in html, page
            assert not re.search(r"<[^>]*\bonerror\s*=", html), page
        index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
        assert SCRIPT not in index and IMAGE not in index
        for feed in (site / "feeds").glob("*.ics"):
            data = feed.read_bytes()
            assert b"\x00" not in data and b"\x1b" not in data, feed
            calendar = icalendar.Calendar.from_ical(data)
            assert not calendar.errors and all(not event.errors for event in calendar.walk("VEVENT")), feed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=12), st.characters()), max_size=8).map("".join))
def test_text_for_a_terminal_holds_no_raw_control_character(text: str) -> None:
    """What ``validate`` prints of a post: a control character, an override or a stray line break comes
    out as its escape; everything else, a line break and a tab included, exactly as written."""
    import unicodedata

    from postplan.escape import terminal

    shown = terminal(text)
    risky = {ch for ch in text if ch not in "\n\t" and (unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029\x85"
                                                        or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069)}
    assert not risky & set(shown)
    if not risky:
        assert shown == text
    else:
        assert all(ch.encode("unicode_escape").decode("ascii") in shown for ch in risky)
