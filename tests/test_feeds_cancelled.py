"""Cancelled and deleted events: calendar apps are told, so parents' calendars lose them.

Some calendar apps keep an event that simply vanishes from a feed; every app removes one whose
STATUS is CANCELLED with a higher SEQUENCE. A deleted event is remembered by the feed state (written
by `postplan record-feeds`) and stays in the feeds as cancelled until it leaves the rolling window.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import School
from postplan.clock import now as clock_now
from postplan.feeds import record_feed_state
from postplan.load import load_repository
from test_feeds import build, edit, events_by_uid, read_feed, read_independently

UID = "cinderella-ticket-slips-2026@www.tregarrow.example.org"
NOW = "2026-11-01T08:00"


def record(school: School, now: str = NOW) -> None:
    repository = load_repository(school.root).repository
    record_feed_state(repository, clock_now(now, repository.settings.zone))


def ks2_event(school: School, out: Path, now: str = NOW):
    build(school, out, now=now)
    return events_by_uid(read_feed(out / "feeds" / "ks2.ics")).get(UID)


def test_a_cancelled_event_stays_in_the_feed_as_cancelled_with_a_higher_sequence(example: School, tmp_path: Path) -> None:
    record(example)
    before = ks2_event(example, tmp_path / "before")
    assert "STATUS" not in before
    edit(example, "calendar/events.yml", "    start: 2026-11-27\n    audience: [ks2]\n",
         "    start: 2026-11-27\n    audience: [ks2]\n    cancelled: true\n")
    after = ks2_event(example, tmp_path / "after")
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert str(after["SUMMARY"]).startswith("Cancelled: ")
    assert not after.walk("VALARM")  # no reminder to return a slip for something that is not happening
    assert read_independently(tmp_path / "after" / "feeds" / "ks2.ics").vevent_list  # vobject reads it too


def test_a_deleted_event_is_sent_as_cancelled_until_it_leaves_the_window(example: School, tmp_path: Path) -> None:
    record(example)
    before = ks2_event(example, tmp_path / "before")
    path = example.root / "calendar" / "events.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: cinderella-ticket-slips-2026")
    end = text.index("  - id:", start + 10)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    ghost = ks2_event(example, tmp_path / "deleted")
    assert ghost is not None, "a deleted event must not simply vanish"
    assert str(ghost["STATUS"]) == "CANCELLED" and int(ghost["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert ghost.decoded("DTSTART") == dt.date(2026, 11, 27)
    year_1 = events_by_uid(read_feed(tmp_path / "deleted" / "feeds" / "year-1.ics"))
    assert UID not in year_1  # still only in the feeds it was in
    # recorded on main: still cancelled, and the sequence holds (no endless rises)
    record(example, "2026-11-02T08:00")
    again = ks2_event(example, tmp_path / "recorded", now="2026-11-02T08:00")
    assert str(again["STATUS"]) == "CANCELLED" and int(again["SEQUENCE"]) == int(ghost["SEQUENCE"])
    # months later, past the rolling window (feed_months_back), it is forgotten
    record(example, "2027-06-01T08:00")
    state = (example.root / "calendar" / ".feed-state.json").read_text(encoding="utf-8")
    assert not re.search(r'"cinderella-ticket-slips-2026@', state)


def test_a_cancelled_event_is_struck_through_on_the_site_and_its_reminders_are_not_written(
        example: School, tmp_path: Path) -> None:
    edit(example, "calendar/events.yml", "    start: 2026-11-27\n    audience: [ks2]\n",
         "    start: 2026-11-27\n    audience: [ks2]\n    cancelled: true\n")
    result = example.run("build", "--now", NOW)
    assert result.exit_code in (0, 1), result.output
    month = (example.root / "site" / "calendar" / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Cancelled</span> <del>Cinderella ticket slips due", month)
    assert "for KS2" in month  # every event says whom it is for
    # the approved reminder for it is an error, so it is never sent
    checked = example.run("validate", "--format", "json", "--now", NOW)
    assert '"rule": "event-cancelled"' in checked.output.replace("'", '"') and checked.exit_code == 1
    sent = example.run("publish", "--dry-run", "--now", "2026-11-23T15:31")
    assert "would send      cinderella-ticket-slips-reminder" not in sent.output
