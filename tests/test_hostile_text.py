"""Hostile strings in links and text: refused at their line, and never able to break a feed or a terminal."""

from __future__ import annotations

import datetime as dt
import json
import time

import icalendar
import pytest

from conftest import PROJECT, School
from postplan.feeds.entries import campaign_entry
from postplan.feeds.ics import build_calendar
from postplan.feeds.state import FeedState
from postplan.models import Campaign, Source
from postplan.settings import load_settings

NOW = "2026-09-01T08:00"
CAMPAIGN = """campaigns:
  - id: kindness-2026
    name: Kindness Week
    start: 2026-11-16
    end: 2026-11-20
    link: {link}
"""


def _findings(school: School, rule: str | None = None) -> tuple[int, list[tuple[str, int, str, str]]]:
    result = school.run("validate", "--format", "json", "--now", NOW)
    found = json.loads(result.output)["findings"]
    return result.exit_code, [(f["path"], f["line"], f["rule"], f["message"]) for f in found
                              if rule is None or f["rule"] == rule]


@pytest.mark.parametrize("link", ['"https://www.example.org/\\r\\nX-Evil: 1"', "javascript:alert(1)",
                                  "'data:text/html,<script>alert(1)</script>'", "vbscript:msgbox(1)",
                                  '"https://www.example.org/ kindness"'])
def test_a_campaign_link_that_is_not_one_web_address_is_refused_at_its_line(school: School, link: str) -> None:
    school.write("calendar/campaigns.yml", CAMPAIGN.format(link=link))
    code, found = _findings(school)
    assert code == 1
    assert [(path, line, rule) for path, line, rule, _ in found] == [("calendar/campaigns.yml", 6, "schema")]
    assert "the link must be one web address starting with https://" in found[0][3]
    built = school.run("build", "--now", NOW)
    assert built.exit_code == 1, built.output  # built, with the error reported
    feed = (school.root / "site" / "feeds" / "everything.ics").read_bytes()
    assert b"javascript:" not in feed and b"X-Evil" not in feed and b"vbscript:" not in feed


@pytest.mark.parametrize("link", ["https://www.example.org/\r\nX-Evil: 1", "javascript:alert(1)",
                                  "data:text/html,x", " VBScript:msgbox(1)"])
def test_the_feed_writer_never_makes_a_link_of_anything_but_a_web_address(link: str) -> None:
    # built without validation, as if a check had let it through: the writer must still hold
    campaign = Campaign.model_construct(id="kindness-2026", name="Kindness\x00 Week\x1b[2J",
                                        start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 20), hashtags=[], link=link, description="",
                                        show_in_feed=True, reminders=[], source=Source(path="calendar/x.yml"))
    entry = campaign_entry(campaign, "example.org")
    assert entry.url is None and link not in entry.description
    data = build_calendar("Feed", "A feed", [entry], load_settings(PROJECT), FeedState()).to_ical()
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert "URL" not in event and str(event["SUMMARY"]) == "Kindness Week[2J"
    assert b"\x00" not in data and b"\x1b" not in data


def test_a_thread_of_five_thousand_parts_is_refused_quickly_at_the_first_part_too_many(school: School) -> None:
    school.post("huge", "\n---\n".join(f"Part {n}." for n in range(1, 5001)))  # 70 KB: under the size limit
    started = time.perf_counter()
    code, found = _findings(school, "thread-length")
    assert time.perf_counter() - started < 20
    assert code == 1
    first_too_many = 5 + 25 * 2  # the text starts on line 6; each part is a line of text and a line of ---
    assert found == [("content/posts/huge.md", first_too_many + 1,
                      "thread-length", "the thread has 5000 parts; a thread may have at most 25")]


def test_a_thread_of_twenty_five_parts_is_fine(school: School) -> None:
    school.post("long", "\n---\n".join(f"Part {n} of our Sports Day story." for n in range(1, 26)))
    assert _findings(school, "thread-length") == (0, [])


ESCAPE = "\x1b[2J\x1b[31mAll checks passed"


def test_control_characters_in_a_post_are_a_finding_and_never_reach_the_terminal_raw(school: School) -> None:
    school.post("noisy", f"Sports Day is on Tuesday.\nSee you {ESCAPE} there!", status="approved",
                approved_by="Mrs Hart", publish_at="2026-09-01 07:55")  # the text is on lines 7 and 8
    code, found = _findings(school, "control-character")
    assert code == 1
    assert found == [("content/posts/noisy.md", 8, "control-character", "the text holds the control character U+001B")]
    for command in (["validate"], ["preview", "content/posts/noisy.md"], ["publish", "--dry-run"]):
        result = school.run(*command, "--now", NOW)
        assert "\x1b" not in result.output, command
    shown = school.run("preview", "content/posts/noisy.md", "--now", NOW).output
    assert "\\x1b[2J\\x1b[31mAll checks passed" in shown


def test_control_characters_in_front_matter_and_the_calendar_are_findings_at_their_line(school: School) -> None:
    school.post("quoted", author='"Office\\u202e (J. Pengelly)"')
    school.write("calendar/events.yml", 'events:\n  - id: fair\n    title: "Fair\\b day"\n    start: 2026-12-05\n')
    code, found = _findings(school, "control-character")
    assert code == 1
    assert [(path, line) for path, line, _, _ in found] == [("calendar/events.yml", 3), ("content/posts/quoted.md", 4)]
    assert "author holds the control character U+202E" in found[1][3]
    assert "title holds the control character U+0008" in found[0][3]
