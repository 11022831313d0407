"""Posting slots: a post written for a time between slots goes out at the next slot, and the dry run,
the status board and validate all say so."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from conftest import School
from publish_helpers import approved

from postplan.slots import PostingSlots, is_school_day, next_slot

LONDON = ZoneInfo("Europe/London")
TERMS = "terms:\n  - name: Summer 2\n    start: 2027-06-07\n    end: 2027-07-21\n"


def outbox_files(school: School) -> list[str]:
    return sorted(path.name for path in (school.root / "outbox").glob("*.json"))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_a_post_between_slots_waits_for_the_next_one(school: School) -> None:
    approved(school, "cake-sale", "Cake sale after school today!", publish_at="2027-06-01 10:05")

    early = school.run("publish", "--now", "2027-06-01T10:10")
    assert "Nothing to do" in early.output and outbox_files(school) == []

    dry = school.run("publish", "--dry-run", "--now", "2027-06-01T12:31")
    assert "would send      cake-sale  to school, due Tue 1 Jun 10:05, goes out at 12:30 (the next posting slot)" \
        in dry.output

    sent = school.run("publish", "--now", "2027-06-01T12:31")
    assert "outbox          cake-sale" in sent.output and outbox_files(school) == ["cake-sale.json"]


def test_a_dry_run_with_nothing_due_says_what_goes_next_and_when(school: School) -> None:
    approved(school, "cake-sale", "Cake sale after school today!", publish_at="2027-06-01 18:20")
    dry = school.run("publish", "--dry-run", "--now", "2027-06-01T12:31")
    assert "Next to go out: cake-sale, Tue 1 Jun 18:20, goes out at 08:30 on Wed 2 Jun (the next posting slot)." \
        in dry.output


def test_the_status_board_shows_when_a_post_really_goes(school: School) -> None:
    approved(school, "cake-sale", "Cake sale after school today!", publish_at="2027-06-01 10:05")
    status = school.run("status", "--now", "2027-06-01T10:10")
    assert "Tue 1 Jun 2027 10:05, goes out at 12:30 (the next posting slot)  cake-sale  (school)" in status.output


def test_lateness_counts_from_the_slot_so_a_between_slots_post_is_not_missed(school: School) -> None:
    approved(school, "evening", "Well done to our choir tonight!", publish_at="2027-06-01 18:05")
    # The next slot is 08:30 the next morning (school days' last slot is 18:00): far more than the
    # grace window after 18:05, but not late at all.
    result = school.run("publish", "--now", "2027-06-02T08:32")
    assert result.exit_code == 0, result.output
    assert "outbox          evening" in result.output


def test_weekends_and_holidays_have_their_own_slots(school: School) -> None:
    school.write("calendar/terms.yml", TERMS)
    half_term = approved(school, "half-term", "Enjoy the rest of half term!", publish_at="2027-06-02 08:30")
    holiday = school.run("publish", "--dry-run", "--now", "2027-06-02T09:00")
    assert "Next to go out: half-term, Wed 2 Jun 08:30, goes out at 10:00 (the next posting slot)." in holiday.output
    half_term.unlink()  # a holiday Wednesday, above; a Saturday in term, below
    approved(school, "gala", "Good luck at the gala!", publish_at="2027-06-12 08:30")
    saturday = school.run("publish", "--dry-run", "--now", "2027-06-12T09:00")
    assert "Next to go out: gala, Sat 12 Jun 08:30, goes out at 10:00 (the next posting slot)." in saturday.output


def test_next_slot_follows_the_school_days_then_the_other_days() -> None:
    slots = PostingSlots()
    weekdays = lambda day: is_school_day(day, [])  # noqa: E731 - no terms: every weekday is a school day
    assert next_slot(at("2027-06-01T08:30"), slots, LONDON, weekdays) == at("2027-06-01T08:30")
    assert next_slot(at("2027-06-01T08:31"), slots, LONDON, weekdays) == at("2027-06-01T12:30")
    assert next_slot(at("2027-06-04T18:01"), slots, LONDON, weekdays) == at("2027-06-05T10:00")  # Fri → Sat
    assert next_slot(at("2027-06-06T18:01"), slots, LONDON, weekdays) == at("2027-06-07T08:30")  # Sun → Mon
    holidays = lambda day: is_school_day(day, [(dt.date(2027, 6, 7), dt.date(2027, 7, 21))])  # noqa: E731
    assert next_slot(at("2027-06-02T08:00"), slots, LONDON, holidays) == at("2027-06-02T10:00")
    # across the clock change (Sunday 31 October 2027): still the local slot
    assert next_slot(at("2027-10-30T19:00"), slots, LONDON, weekdays) == at("2027-10-31T10:00")


def test_validate_warns_of_a_post_between_slots_until_its_slot_has_passed(school: School) -> None:
    school.post("2027-06/cake-sale", "Cake sale after school today!", publish_at="2027-06-01 10:05")
    before = school.run("validate", "--now", "2027-05-20T09:00")
    assert ("content/posts/2027-06/cake-sale.md:2: warning: this post is written for 10:05, between the "
            "school's posting slots: it goes out at 12:30, the next slot") in before.output
    assert "write one of that day's slots (08:30, 12:30, 15:30, 18:00)" in before.output
    after = school.run("validate", "--now", "2027-06-01T13:00")
    assert "between-slots" not in after.output and "posting slots" not in after.output


def test_a_school_that_has_not_chosen_slots_is_not_warned_about_the_defaults(school: School) -> None:
    settings = school.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    start = text.index("    posting_slots:\n")
    end = text.index("\n", text.index("other_days:", start)) + 1
    settings.write_text(text[:start] + text[end:], encoding="utf-8")
    approved(school, "cake-sale", "Cake sale after school today!", publish_at="2027-06-01 10:05")
    checked = school.run("validate", "--now", "2027-05-20T09:00")
    assert "between-slots" not in checked.output and "posting slots" not in checked.output
    dry = school.run("publish", "--dry-run", "--now", "2027-06-01T12:31")  # the default slots still decide
    assert "goes out at 12:30 (the next posting slot)" in dry.output
