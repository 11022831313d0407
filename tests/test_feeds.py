"""Feeds: every .ics is read back by two independent parsers, stays byte-identical when nothing changed,
keeps its UIDs when an event moves (and raises SEQUENCE), and never carries anything private."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import quote

import icalendar
import pytest
import vobject

from conftest import School, post_text
from postplan.clock import now as clock_now
from postplan.feeds import Feed, FeedStateError, print_page, record_feed_state, subscribe_page, write_feeds
from postplan.load import load_repository

NOW = "2026-09-01T08:00"  # the first day of the example school's year
UTC = dt.timezone.utc


# --- helpers ------------------------------------------------------------------------------------


def build(school: School, out: Path, *, now: str = NOW, staff: bool = False) -> list[Feed]:
    loaded = load_repository(school.root)
    assert not loaded.problems, loaded.problems
    repository = loaded.repository
    return write_feeds(repository, clock_now(now, repository.settings.zone), out, staff)


def read_feed(path: Path) -> icalendar.Calendar:
    """Parse with icalendar and insist it found nothing wrong (it is lenient: problems go to .errors)."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    for component in calendar.walk():
        assert component.errors == [], (path.name, component.name, component.errors)
    return calendar


def read_independently(path: Path) -> vobject.base.Component:
    """Parse with vobject (times through dateutil's reading of the file's own VTIMEZONE).

    vobject keeps the first VTIMEZONE it meets for a TZID for the rest of the process; it is forgotten
    first, so each feed is read with its own.
    """
    vobject.icalendar.__dict__["__tzidMap"].pop("Europe/London", None)
    return vobject.readOne(path.read_text(encoding="utf-8"))


def events_by_uid(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def event_id(uid: str) -> str:
    return uid.split("@")[0]


def append_setting(school: School, line: str) -> None:
    """Add a setting at the end of the extra: postplan: block (the last block of the example mkdocs.yml)."""
    path = school.root / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n    {line}\n", encoding="utf-8")


def edit(school: School, relative: str, old: str, new: str) -> None:
    path = school.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- every feed parses, twice -------------------------------------------------------------------


def test_every_feed_of_the_example_school_parses_with_icalendar_and_vobject(example: School, tmp_path: Path) -> None:
    feeds = build(example, tmp_path / "site", staff=True)
    assert {f.filename for f in feeds} >= {"feeds/everything.ics", "feeds/year-6.ics",
                                           "feeds/staff-posting-schedule.ics"}
    for feed in feeds:
        path = tmp_path / "site" / feed.filename
        calendar = read_feed(path)
        independent = read_independently(path)
        vevents = getattr(independent, "vevent_list", [])
        assert len(calendar.walk("VEVENT")) == len(vevents) == feed.events, feed.filename
        assert feed.size == path.stat().st_size < 1_000_000
        for event in vevents:
            start = event.dtstart.value
            if isinstance(start, dt.datetime):
                assert start.tzinfo is not None, f"{event.uid.value} has a floating time"
            else:  # all day: an exclusive end, at least the next day
                assert event.dtend.value >= start + dt.timedelta(days=1), event.uid.value
        assert [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")] in ([], ["Europe/London"])
        assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in path.read_bytes()
        assert b"X-PUBLISHED-TTL:PT6H" in path.read_bytes()
        assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == feed.title


def test_the_example_feeds_have_the_expected_calendars_and_names(example: School, tmp_path: Path) -> None:
    feeds = {f.name: f for f in build(example, tmp_path / "site")}
    assert "staff-posting-schedule" not in feeds
    assert feeds["everything"].audience is None
    assert feeds["year-6"].label == "Year 6" and feeds["ks2"].label == "KS2"
    assert feeds["year-6"].title == "Tregarrow Community Primary School: Year 6"
    # Every audience a public event names has a feed; the governors' (private) meeting makes none.
    assert "governors" not in feeds
    assert {"reception", "year-1", "year-2", "year-3", "year-6", "ks2"} <= set(feeds)


# --- stable bytes, stable UIDs, rising SEQUENCE ---------------------------------------------------


def test_a_rebuild_without_changes_is_byte_identical(example: School, tmp_path: Path) -> None:
    record_feed_state(load_repository(example.root).repository, clock_now(NOW))
    first = build(example, tmp_path / "one", staff=True)
    again = build(example, tmp_path / "two", staff=True)
    assert first == again
    for feed in first:
        assert (tmp_path / "one" / feed.filename).read_bytes() == (tmp_path / "two" / feed.filename).read_bytes()


def test_an_unrecorded_school_also_rebuilds_byte_identically(example: School, tmp_path: Path) -> None:
    one, two = build(example, tmp_path / "one"), build(example, tmp_path / "two")
    for feed in one:
        assert (tmp_path / "one" / feed.filename).read_bytes() == (tmp_path / "two" / feed.filename).read_bytes()
    assert one == two


def test_moving_an_event_keeps_its_uid_and_raises_its_sequence(example: School, tmp_path: Path) -> None:
    result = example.run("record-feeds", "--now", "2026-09-01T08:00")
    assert result.exit_code == 0 and "Recorded" in result.output
    before = events_by_uid(read_feed(tmp_path / "a" / build(example, tmp_path / "a")[0].filename))
    uid = "sports-day-2027@www.tregarrow.example.org"
    assert before[uid]["SEQUENCE"] == 0

    edit(example, "calendar/events.yml", "start: 2027-06-01\n", "start: 2027-06-08\n")
    after = events_by_uid(read_feed(tmp_path / "b" / build(example, tmp_path / "b")[0].filename))
    assert after[uid]["SEQUENCE"] == 1 and after[uid].DTSTART == dt.date(2027, 6, 8)
    assert set(after) == set(before)  # same UIDs: calendars update the event rather than add a copy
    unchanged = "harvest-festival-2026@www.tregarrow.example.org"
    assert after[unchanged].to_ical() == before[unchanged].to_ical()

    # Recorded on main, then moved again: SEQUENCE rises again, and the record's time is the stamp.
    assert example.run("record-feeds", "--now", "2026-09-10T12:00").output.startswith("Recorded")
    recorded = events_by_uid(read_feed(tmp_path / "c" / build(example, tmp_path / "c")[0].filename))
    assert recorded[uid]["SEQUENCE"] == 1
    assert recorded[uid].DTSTAMP == recorded[uid].last_modified == dt.datetime(2026, 9, 10, 11, 0, tzinfo=UTC)
    edit(example, "calendar/events.yml", "start: 2027-06-08\n", "start: 2027-06-01\n")
    back = events_by_uid(read_feed(tmp_path / "d" / build(example, tmp_path / "d")[0].filename))
    assert back[uid]["SEQUENCE"] == 2  # moved back to the old date is still a move


def test_recording_twice_without_changes_leaves_the_file_alone(example: School) -> None:
    example.run("record-feeds", "--now", "2026-09-01T08:00")
    state = example.root / "calendar" / ".feed-state.json"
    text = state.read_text(encoding="utf-8")
    result = example.run("record-feeds", "--now", "2026-10-01T08:00")
    assert "up to date" in result.output
    assert state.read_text(encoding="utf-8") == text
    assert '"sports-day-2027@www.tregarrow.example.org": {"timing": "2027-06-01/2027-06-02"' in text


def test_a_broken_state_file_is_a_clear_error(example: School, tmp_path: Path) -> None:
    example.write("calendar/.feed-state.json", '{\n  "entries": {\n<<<<<<< HEAD\n')
    with pytest.raises(FeedStateError, match=r"calendar/\.feed-state\.json:3: not valid JSON"):
        build(example, tmp_path / "site")
    result = example.run("record-feeds")
    assert result.exit_code == 2 and "calendar/.feed-state.json:3" in result.output + (result.stderr or "")


# --- who sees what ------------------------------------------------------------------------------


# The example school's year groups and the key stage each belongs to (its settings' `audiences:`).
YEAR_GROUPS = {"reception": "eyfs", "year-1": "ks1", "year-2": "ks1", "year-3": "ks2", "year-4": "ks2",
               "year-5": "ks2", "year-6": "ks2"}


@pytest.mark.parametrize("year", sorted(YEAR_GROUPS))
def test_a_year_group_feed_has_every_event_for_its_children_and_nothing_else(
        example: School, tmp_path: Path, year: str) -> None:
    build(example, tmp_path / "site")
    repository = load_repository(example.root).repository
    feed = tmp_path / "site" / "feeds" / f"{year}.ics"
    ids = {event_id(uid) for uid in events_by_uid(read_feed(feed))}
    concerns = {year, YEAR_GROUPS[year], "whole-school"}
    for event in repository.events:
        assert (event.id in ids) == bool(event.public and concerns & set(event.audience)), event.id
    # Term dates and campaign weeks are whole-school: in every feed.
    assert "term-summer-2-2026-27-first-day" in ids and "campaign-ncw-2027" in ids


def test_the_key_stage_performances_reach_every_year_group_of_the_key_stage(example: School, tmp_path: Path) -> None:
    build(example, tmp_path / "site")
    feeds = tmp_path / "site" / "feeds"
    for year in ("year-3", "year-4", "year-5", "year-6"):
        assert "cinderella-ticket-slips-2026" in {event_id(uid) for uid in events_by_uid(read_feed(feeds / f"{year}.ics"))}
    for year in ("reception", "year-1"):
        assert "cinderella-ticket-slips-2026" not in {
            event_id(uid) for uid in events_by_uid(read_feed(feeds / f"{year}.ics"))}
    reception = {event_id(uid) for uid in events_by_uid(read_feed(feeds / "reception.ics"))}
    assert "animal-visit-2027" in reception and "y6-residential-payment-1" not in reception


def test_campaign_weeks_appear_only_when_the_school_shows_them(example: School, tmp_path: Path) -> None:
    build(example, tmp_path / "site")
    ids = set(events_by_uid(read_feed(tmp_path / "site" / "feeds" / "everything.ics")))
    domain = "@www.tregarrow.example.org"
    assert "campaign-ncw-2027" + domain in ids
    assert "campaign-wtsw-2027" + domain not in ids  # show_in_feed: false


def test_nothing_private_reaches_a_parents_feed(example: School, tmp_path: Path) -> None:
    # Give the trip a location and write posts, so that leaving them out is something the feed must do.
    edit(example, "calendar/events.yml", "    kind: trip\n    start: 2027-06-09\n",
         "    kind: trip\n    location: Porthpean Outdoor Centre\n    start: 2027-06-09\n")
    example.write("content/posts/2027-05/feeds-approved.md", post_text(
        "Sports Day is on Tuesday 1 June!", status="approved", author="Office (J. Pengelly)",
        approved_by="Mrs Hart", account="school"))
    example.write("content/posts/2027-05/feeds-draft.md", post_text(
        "A draft about the residential", status="draft", author="Mr Quillfeather", account="school"))
    public = build(example, tmp_path / "public")
    for feed in public:
        data = (tmp_path / "public" / feed.filename).read_bytes().decode()
        for secret in ("Porthpean", "Full governing body", "Pengelly", "Quillfeather", "Sports Day is on",
                       "A draft about", "Staff room"):
            assert secret not in data, (feed.filename, secret)
        trip = events_by_uid(read_feed(tmp_path / "public" / feed.filename)).get(
            "y6-residential-2027@www.tregarrow.example.org")
        assert trip is None or "LOCATION" not in trip
    assert not (tmp_path / "public" / "feeds" / "staff-posting-schedule.ics").exists()

    staff = {f.name: f for f in build(example, tmp_path / "staff", staff=True)}
    schedule = read_feed(tmp_path / "staff" / staff["staff-posting-schedule"].filename)
    posts = events_by_uid(schedule)
    post = posts["post-feeds-approved@www.tregarrow.example.org"]
    assert "post-feeds-draft@www.tregarrow.example.org" not in posts
    assert "Pengelly" in str(post["DESCRIPTION"]) and post.DTSTART == dt.datetime(
        2027, 5, 25, 7, 30, tzinfo=UTC)
    repository = load_repository(example.root).repository
    approved = {p.id for p in repository.posts if p.status == "approved"}
    assert {event_id(uid).removeprefix("post-") for uid in posts} == approved


def test_a_public_build_removes_a_staff_feed_left_by_an_earlier_staff_build(example: School, tmp_path: Path) -> None:
    build(example, tmp_path / "site", staff=True)
    assert (tmp_path / "site" / "feeds" / "staff-posting-schedule.ics").exists()
    build(example, tmp_path / "site", staff=False)
    assert not (tmp_path / "site" / "feeds" / "staff-posting-schedule.ics").exists()


# --- times and dates ----------------------------------------------------------------------------

CLOCK_CHANGE_CALENDAR = """events:
  - id: spring-concert
    title: Spring concert
    start: "2027-03-20 09:00"
    end: "2027-03-20 10:00"
  - id: summer-concert
    title: Summer concert
    start: "2027-07-10 09:00"
    end: "2027-07-10 10:00"
  - id: dinner-money
    title: Dinner money due
    kind: payment
    amount: 12.50
    start: 2027-07-12
  - id: school-trip
    title: Beach trip
    kind: trip
    start: 2027-07-13
    end: 2027-07-14
    location: Polzeath beach
"""


def test_times_either_side_of_the_clock_change_keep_their_utc_offsets(school: School, tmp_path: Path) -> None:
    school.write("calendar/events.yml", CLOCK_CHANGE_CALENDAR)
    build(school, tmp_path / "site", now="2027-01-10T08:00")
    path = tmp_path / "site" / "feeds" / "everything.ics"
    text = path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/London:20270320T090000" in text  # a zone, never a floating time
    independent = {e.uid.value: e for e in read_independently(path).vevent_list}
    ours = events_by_uid(read_feed(path))
    for uid, utc_hour in (("spring-concert", 9), ("summer-concert", 8)):
        full = f"{uid}@www.tregarrow.example.org"
        for start in (independent[full].dtstart.value, ours[full].DTSTART):
            assert start.astimezone(UTC).hour == utc_hour, (uid, start)


def test_all_day_events_end_the_next_day_and_deadlines_carry_a_reminder(school: School, tmp_path: Path) -> None:
    school.write("calendar/events.yml", CLOCK_CHANGE_CALENDAR)
    build(school, tmp_path / "site", now="2027-01-10T08:00")
    events = events_by_uid(read_feed(tmp_path / "site" / "feeds" / "everything.ics"))
    payment = events["dinner-money@www.tregarrow.example.org"]
    assert (payment.DTSTART, payment.DTEND) == (dt.date(2027, 7, 12), dt.date(2027, 7, 13))
    assert str(payment["SUMMARY"]) == "Dinner money due (£12.50)"
    (alarm,) = payment.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == -dt.timedelta(hours=6)
    trip = events["school-trip@www.tregarrow.example.org"]
    assert (trip.DTSTART, trip.DTEND) == (dt.date(2027, 7, 13), dt.date(2027, 7, 15))
    assert "LOCATION" not in trip and not trip.walk("VALARM")


def test_terms_become_first_and_last_days_with_the_holidays_between(example: School, tmp_path: Path) -> None:
    build(example, tmp_path / "site")
    events = events_by_uid(read_feed(tmp_path / "site" / "feeds" / "everything.ics"))
    named = {str(e["SUMMARY"]): (e.DTSTART, e.DTEND) for e in events.values()}
    assert named["Autumn 1: first day of term"] == (dt.date(2026, 9, 3), dt.date(2026, 9, 4))
    assert named["Autumn 1: last day of term"] == (dt.date(2026, 10, 23), dt.date(2026, 10, 24))
    assert named["Christmas holidays"] == (dt.date(2026, 12, 19), dt.date(2027, 1, 4))
    assert named["Easter holidays"] == (dt.date(2027, 3, 26), dt.date(2027, 4, 12))
    half_terms = sorted(e.DTSTART for e in events.values() if str(e["SUMMARY"]) == "Half term")
    assert half_terms == [dt.date(2026, 10, 24), dt.date(2027, 2, 13), dt.date(2027, 5, 22)]


def test_the_window_drops_events_more_than_three_months_old(example: School, tmp_path: Path) -> None:
    build(example, tmp_path / "site", now="2027-07-01T08:00")
    ids = {event_id(u) for u in events_by_uid(read_feed(tmp_path / "site" / "feeds" / "everything.ics"))}
    assert "harvest-festival-2026" not in ids and "y6-residential-payment-3" in ids  # 2027-04-22: kept
    assert "sports-day-2027" in ids and "y6-residential-payment-2" not in ids  # 2027-01-28: dropped


def test_too_many_events_are_cut_to_the_limit_with_a_warning(example: School, tmp_path: Path) -> None:
    append_setting(example, "feed_max_events: 10")
    feeds = build(example, tmp_path / "site", now="2027-03-01T08:00")
    everything = next(feed for feed in feeds if feed.name == "everything")
    assert everything.events == 10 and "feed_max_events" in everything.warnings[0]
    starts = [e.DTSTART for e in read_feed(tmp_path / "site" / everything.filename).walk("VEVENT")]
    assert all((s if isinstance(s, dt.date) and not isinstance(s, dt.datetime) else s.date())
               >= dt.date(2027, 2, 22) for s in starts)  # upcoming first: nothing from before the cut


def test_example_school_sizes_and_counts(example: School, tmp_path: Path) -> None:
    """The numbers the README quotes; a change here is worth a look, not an alarm."""
    feeds = {f.name: f for f in build(example, tmp_path / "site", staff=True)}
    assert feeds["everything"].events > feeds["year-6"].events > feeds["year-3"].events
    assert all(f.size < 100_000 for f in feeds.values())
    pattern = re.compile(r"^BEGIN:VEVENT$", re.M)
    for feed in feeds.values():
        assert len(pattern.findall((tmp_path / "site" / feed.filename).read_text())) == feed.events


# --- the subscribe page -------------------------------------------------------------------------


def test_the_subscribe_page_offers_a_button_per_calendar_app_and_year_groups_first(
        example: School, tmp_path: Path) -> None:
    feeds = build(example, tmp_path / "site")
    settings = load_repository(example.root).repository.settings
    page = subscribe_page(feeds, settings)
    webcal = "webcal://calendar.tregarrow.example.org/feeds/year-6.ics"
    https = "https://calendar.tregarrow.example.org/feeds/year-6.ics"
    assert f'href="{webcal}">Add to Apple Calendar' in page
    assert "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe="") in page
    assert "https://outlook.live.com/calendar/0/addfromweb?url=" + quote(https, safe="") in page
    assert '<a id="feed-year-6"></a>' in page and "<svg" not in page  # QR codes are on the printable page
    for app in ("### Google Calendar", "### Apple Calendar", "### Outlook"):
        assert app in page
    assert "staff" not in page.lower().replace("staff room", "")
    # year groups first in school order, then the key stages, everything, then the teams
    order = [page.index(f'<a id="feed-{name}"></a>') for name in
             ("reception", "year-1", "year-2", "year-3", "year-4", "year-5", "year-6", "ks2", "everything",
              "netball-team")]
    assert order == sorted(order)
    printable = print_page(feeds, settings)
    assert printable.count("<svg") == len(feeds) and "Year 6: scan to add this calendar" in printable


def test_without_a_site_url_the_page_says_so_and_validate_warns(example: School, tmp_path: Path) -> None:
    edit(example, "mkdocs.yml", "    site_url: https://calendar.tregarrow.example.org/\n", "")
    feeds = build(example, tmp_path / "site")
    page = subscribe_page(feeds, load_repository(example.root).repository.settings)
    assert "The school must set the calendar's web address" in page
    assert "webcal://" not in page and print_page(feeds, load_repository(example.root).repository.settings) is None
    assert "](../feeds/year-6.ics)" in page
    result = example.run("validate", "--format", "json", "--now", NOW)
    findings = json.loads(result.output)["findings"]
    about_settings = [(f["rule"], f["severity"]) for f in findings if f["path"] == "mkdocs.yml"]
    assert about_settings == [("feed-site-url", "warning")]
    assert json.loads(result.output)["errors"] == 0


def test_the_staff_feed_is_listed_only_on_the_staff_page(example: School, tmp_path: Path) -> None:
    settings = load_repository(example.root).repository.settings
    staff_page = subscribe_page(build(example, tmp_path / "staff", staff=True), settings)
    assert "## For staff only" in staff_page and "staff-posting-schedule.ics" in staff_page
