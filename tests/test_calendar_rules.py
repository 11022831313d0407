"""Calendar files: every mistake a school can type into calendar/*.yml is reported at its path and line."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from conftest import EXAMPLE, School

NOW = ("--now", "2026-09-01T08:00")

SPORTS_DAY = """\
  - id: sports-day-2027
    title: Sports Day
    start: 2027-06-01
    reminders:
      - template: event-announcement
        days_before: 42
"""

TERMS = """\
terms:
  - name: Autumn 1
    start: 2026-09-03
    end: 2026-10-23
"""

# (scenario, calendar file text, rule, line, words the message must contain)
BROKEN_CALENDARS = [
    ("duplicate-event-id", "events:\n" + SPORTS_DAY + SPORTS_DAY, "duplicate-calendar-id", 8,
     "already used at calendar/school.yml:2"),
    ("event-and-campaign-share-an-id",
     "campaigns:\n  - id: sports-day-2027\n    name: Sports week\n    start: 2027-05-31\n    end: 2027-06-04\n"
     "events:\n" + SPORTS_DAY, "duplicate-calendar-id", 7, "'sports-day-2027' is already used"),
    ("reminder-listed-twice", "events:\n" + SPORTS_DAY + "      - template: event-announcement\n        days_before: 42\n",
     "duplicate-calendar-id", 8, "listed twice"),
    ("duplicate-term-name", TERMS + "  - name: Autumn 1\n    start: 2026-11-02\n    end: 2026-12-18\n",
     "duplicate-calendar-id", 5, "'Autumn 1' is already listed"),
    ("overlapping-terms", TERMS + "  - name: Autumn 2\n    start: 2026-10-19\n    end: 2026-12-18\n",
     "term-overlap", 6, "Autumn 2 starts on Monday 19 October 2026, before Autumn 1 ends"),
    ("term-ends-before-it-starts", "terms:\n  - name: Autumn 1\n    start: 2026-10-23\n    end: 2026-09-03\n",
     "schema", 2, "ends (2026-09-03) before it starts"),
    ("event-ends-before-it-starts",
     "events:\n  - id: sats\n    title: SATs week\n    start: 2027-05-13\n    end: 2027-05-10\n", "schema", 2,
     "before it starts"),
    ("impossible-date", "events:\n  - id: fair\n    title: Fair\n    start: 2027-02-30\n", "yaml", 4,
     "day is out of range"),
    ("impossible-quoted-date", "events:\n  - id: fair\n    title: Fair\n    start: \"2027-02-30\"\n", "schema", 4,
     "start"),
    ("not-a-date", "campaigns:\n  - id: ncw\n    name: NCW\n    start: first week of March\n    end: 2027-03-06\n",
     "schema", 4, "start"),
    ("timed-start-all-day-end",
     "events:\n  - id: fair\n    title: Fair\n    start: 2027-07-02 15:15\n    end: 2027-07-02\n", "schema", 2,
     "both be dates"),
    ("unknown-event-kind", "events:\n  - id: fair\n    title: Fair\n    kind: party\n    start: 2027-07-02\n",
     "schema", 4, "kind"),
    ("trip-with-a-location",
     "events:\n  - id: y6-trip\n    title: Year 6 trip\n    kind: trip\n    start: 2027-06-17\n"
     "    location: Eden Project\n", "trip-location", 6, "must not say where children will be"),
    ("unknown-template",
     "events:\n  - id: fair\n    title: Fair\n    start: 2027-07-02\n    reminders:\n"
     "      - template: dealine-reminder\n        days_before: 1\n", "reminder-template", 6,
     "no template 'dealine-reminder'"),
    ("payment-template-without-an-amount",
     "events:\n  - id: trip-payment\n    title: Trip payment\n    kind: payment\n    start: 2027-03-01\n"
     "    reminders:\n      - template: payment-due\n        days_before: 3\n", "reminder-template", 7,
     "money filter was given an empty value"),
    ("reminder-at-a-time-the-clocks-skip",
     "events:\n  - id: fair\n    title: Fair\n    start: 2027-03-29\n    reminders:\n"
     "      - template: event-announcement\n        days_before: 1\n        at: \"01:30\"\n", "reminder-template", 6,
     "does not exist"),
    ("reminder-both-before-and-after",
     "events:\n  - id: fair\n    title: Fair\n    start: 2027-07-02\n    reminders:\n"
     "      - template: event-announcement\n        days_before: 1\n        days_after: 1\n", "schema", 6,
     "either days_before or days_after"),
    ("unknown-section", "evnets:\n" + SPORTS_DAY, "schema", 1, "unknown section 'evnets'"),
    ("misspelt-field", "events:\n  - id: fair\n    title: Fair\n    start: 2027-07-02\n    audiense: [year-6]\n",
     "schema", 5, "audiense"),
    ("malformed-yaml", "events:\n  - id: fair\n    title: [Fair\n", "yaml", 4, "could not be read"),
]


@pytest.fixture
def calendar_school(school: School) -> School:
    shutil.copytree(EXAMPLE / "templates" / "posts", school.root / "templates" / "posts")
    return school


@pytest.mark.parametrize(("text", "rule", "line", "words"), [c[1:] for c in BROKEN_CALENDARS],
                         ids=[c[0] for c in BROKEN_CALENDARS])
def test_a_broken_calendar_is_reported_at_its_path_and_line(calendar_school: School, text, rule, line, words) -> None:
    calendar_school.write("calendar/school.yml", text)

    result = calendar_school.run("validate", "--format", "json", *NOW)

    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["path"], f["line"]) for f in findings] == [(rule, "calendar/school.yml", line)], findings
    assert words in findings[0]["message"]


def test_a_template_with_a_syntax_error_is_reported_in_the_template(calendar_school: School) -> None:
    calendar_school.write("calendar/school.yml", "events:\n" + SPORTS_DAY)
    calendar_school.write("templates/posts/event-announcement.md.j2", "Save the date:\n{% if several_days %}\n{{ title }}\n")

    result = calendar_school.run("validate", *NOW)

    assert result.exit_code == 1
    assert "templates/posts/event-announcement.md.j2:3: error: the template is not valid" in result.output


def test_a_post_about_an_unknown_event_is_reported(calendar_school: School) -> None:
    calendar_school.write("calendar/school.yml", "events:\n" + SPORTS_DAY)
    calendar_school.post("2027-05/reminder", event="sportsday-2027")
    result = calendar_school.run("validate", *NOW)
    assert "content/posts/2027-05/reminder.md:5: error: there is no event 'sportsday-2027' in calendar/" in result.output
    assert "did you mean 'sports-day-2027'?" in result.output


def test_a_good_calendar_has_no_findings(calendar_school: School) -> None:
    calendar_school.write("calendar/school.yml", "events:\n" + SPORTS_DAY + TERMS)
    result = calendar_school.run("validate", *NOW)
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_the_awareness_week_library_is_valid_but_not_on_the_school_calendar(example: School) -> None:
    from postplan.load import load_calendar_file, load_repository

    repository = load_repository(example.root).repository
    assert {c.id for c in repository.campaigns} == {"bhm-2026", "abw-2026", "cmhw-2027", "sid-2027", "ncw-2027",
                                                     "wbd-2027", "wtsw-2027"}
    sections: dict[str, list] = {"campaigns": [], "events": [], "terms": []}
    library = example.root / "calendar" / "library" / "uk-awareness-weeks.yml"
    assert load_calendar_file(library, example.root, repository.settings, sections) == []
    campaigns = sections["campaigns"]
    assert len(campaigns) >= 20
    assert len({c.id for c in campaigns}) == len(campaigns)
    assert all(c.hashtags and c.hashtags[0].startswith("#") for c in campaigns)
    assert all(c.start.year in (2026, 2027) for c in campaigns)


def test_copying_a_library_entry_puts_it_on_the_calendar(calendar_school: School) -> None:
    library = (EXAMPLE / "calendar" / "library" / "uk-awareness-weeks.yml").read_text(encoding="utf-8")
    entry = library[library.index("  - id: npd-2026"):library.index("  - id: bhm-2026")]
    calendar_school.write("calendar/campaigns.yml", "campaigns:\n" + entry + textwrap.dedent("""\
        reminders:
          - template: campaign-week
            days_before: 0
    """).replace("\n", "\n    ").rstrip(" ").join(["    ", ""]))
    result = calendar_school.run("plan", "--author", "Mr Osei", *NOW)
    assert result.exit_code == 0, result.output
    post = calendar_school.root / "content/posts/2026-10/npd-2026-campaign-week-on-the-day.md"
    assert "It's National Poetry Day 2026! A day to read, write and perform poems together." in post.read_text()
    assert calendar_school.run("validate", *NOW).exit_code == 0


@pytest.mark.parametrize(("title", "warned"), [("Early May bank holiday – school closed", True),
                                               ("INSET day – school closed to pupils", False)])
def test_a_post_on_a_closure_day_is_warned_unless_the_staff_are_in(calendar_school: School, title: str,
                                                                    warned: bool) -> None:
    """A bank holiday in term is a day no one is in to answer; on an INSET day the staff are."""
    calendar_school.write("calendar/school.yml", TERMS + textwrap.dedent(f"""\
        events:
          - id: closed-2026-10-05
            title: {title}
            kind: closure
            start: 2026-10-05
        """))
    calendar_school.post("reminder", body="PE kits in tomorrow, please!", publish_at="2026-10-05 10:00")
    result = calendar_school.run("validate", "--format", "json", "--now", "2026-09-01T08:00")
    closed = [f for f in json.loads(result.output)["findings"]
              if f["rule"] == "school-holiday" and "closed" in f["message"]]
    assert bool(closed) is warned, closed
