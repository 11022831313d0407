"""Post templates: each renders for the example school's events in British wording, inside a sandbox."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLE, School
from postplan import template_values, templating, wording
from postplan.load import load_repository
from postplan.plan import render_reminder
from postplan.templating import TemplateProblem, Templates

TEMPLATE_IDS = ["event-announcement", "deadline-reminder", "payment-due", "celebrating-highlights",
                "sharing-a-photo", "sharing-a-blog-post", "campaign-week"]

# (event or campaign id, template, when) → the exact post text: a diff here tells the story.
EXPECTED = [
    ("sports-day-2027", "event-announcement", "42 days before",
     "Just confirmed: Sports Day, Tuesday 1 June. Races, relays and field events for every year group, in "
     "houses. Put the date in your diary - we'll see you there!"),
    ("sports-day-2027", "deadline-reminder", "7 days before",
     "Coming up on Tuesday 1 June: Sports Day. Races, relays and field events for every year group, in houses. "
     "We look forward to seeing you!"),
    ("sports-day-2027", "deadline-reminder", "1 day before",
     "Coming up tomorrow: Sports Day. Races, relays and field events for every year group, in houses. "
     "We look forward to seeing you!"),
    ("cinderella-ticket-slips-2026", "deadline-reminder", "4 days before",
     "Don't forget: Cinderella ticket slips due on Friday. Please return ticket slips for the KS2 performance "
     "of Cinderella by Friday morning. If you have any questions, please get in touch!"),
    ("y6-residential-payment-1", "payment-due", "3 days before",
     "Quick reminder for Year 6 families: Year 6 residential – first payment (£15) is due by Thursday. "
     "The first of three £15 instalments towards the Year 6 residential trip. Thank you!"),
    ("cinderella-matinee-2026", "celebrating-highlights", "on the day",
     "KS2 performance: Cinderella (afternoon) - what a performance! Our audience loved it today. Thank you to "
     "everyone who came to watch. Photos to follow..."),
    ("animal-visit-2027", "sharing-a-photo", "on the day", "A few snaps from our Animal handling visit today..."),
    ("animal-visit-2027", "sharing-a-blog-post", "2 days after",
     "New on our blog: Animal handling visit. Read all about it at https://www.tregarrow.example.org"),
    ("harvest-festival-2026", "event-announcement", "21 days before",
     "Just confirmed: Harvest Festival, Friday 9 October, 2pm to 3pm. Songs, poems and prayers from every "
     "class. Put the date in your diary - we'll see you there!"),
    ("inset-2027-01-04", "event-announcement", "17 days before",
     "Please note: INSET day – school closed to pupils, Monday 4 January. Staff training day."),
    ("ncw-2027", "campaign-week", "on the day",
     "It's National Careers Week 2027! Visitors from our local community talk to the children about their "
     "jobs and the skills they use every day. Find out more at https://nationalcareersweek.com #NCW2027"),
]


@pytest.fixture(scope="module")
def repository():
    return load_repository(EXAMPLE).repository


def _planned(repository, owner_id: str):
    owner = repository.event(owner_id) or repository.campaign(owner_id)
    templates = Templates(EXAMPLE)
    return {(p.template, p.when): p for p in
            (render_reminder(owner, r, repository, templates) for r in owner.reminders)}


@pytest.mark.parametrize(("owner", "template", "when", "text"), EXPECTED, ids=[f"{c[0]}-{c[1]}" for c in EXPECTED])
def test_each_template_writes_the_expected_post_for_its_event(repository, owner, template, when, text) -> None:
    assert _planned(repository, owner)[(template, when)].text == text


def test_every_template_is_used_and_renders_for_every_reminder_of_the_example(repository) -> None:
    templates = Templates(EXAMPLE)
    assert templates.names() == sorted(TEMPLATE_IDS)
    used = set()
    for owner in [*repository.events, *repository.campaigns]:
        for reminder in owner.reminders:
            post = render_reminder(owner, reminder, repository, templates)
            assert post.text and "{" not in post.text and "None" not in post.text, post
            used.add(reminder.template)
    assert used == set(TEMPLATE_IDS)


def test_a_trip_never_gets_its_times_or_place_into_a_template(repository) -> None:
    trip = repository.event("y6-residential-2027")
    values = template_values.event_values(trip.model_copy(update={"location": "Outdoor centre"}))
    assert values["start_time"] is None and values["end_time"] is None and values["location"] is None


@pytest.mark.parametrize(("day", "expected"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                                (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"),
                                                (23, "23rd"), (31, "31st")])
def test_ordinals_are_british(day: int, expected: str) -> None:
    assert wording.ordinal(day) == expected


def test_dates_times_and_money_read_the_way_a_school_letter_writes_them() -> None:
    day = dt.date(2027, 6, 1)
    assert wording.long_date(day) == "Tuesday 1 June"
    assert wording.ordinal_date(day) == "1st June"
    assert wording.short_date(dt.datetime(2026, 12, 22, 9, 0)) == "22 December"
    assert [wording.clock_time(dt.time(h, m)) for h, m in [(14, 0), (15, 30), (12, 0), (9, 5), (0, 30)]] == \
        ["2pm", "3:30pm", "12 noon", "9:05am", "12:30am"]
    assert wording.money(Decimal("15")) == "£15"
    assert wording.money(Decimal("15.5")) == "£15.50"
    assert wording.first_sentence("Songs and poems.  Families are welcome.") == "Songs and poems."


@pytest.mark.parametrize(("posted", "word", "expected"), [
    (dt.date(2027, 6, 1), "on", "today"),
    (dt.date(2027, 5, 31), "on", "tomorrow"),
    (dt.date(2027, 6, 2), "on", "yesterday"),
    (dt.date(2027, 5, 28), "by", "by Tuesday"),
    (dt.date(2027, 6, 4), "on", "on Tuesday"),
    (dt.date(2027, 5, 25), "on", "on Tuesday 1 June"),
    (dt.date(2027, 6, 10), "on", "on Tuesday 1 June"),
])
def test_relative_days_are_worked_out_from_the_day_the_post_goes_out(tmp_path, posted, word, expected) -> None:
    templates = _templates(tmp_path, f"{{{{ date|{word}_day }}}}")
    assert templates.render("t", {"date": dt.date(2027, 6, 1), "posted_on": posted}) == expected


def _templates(tmp_path: Path, text: str, name: str = "t") -> Templates:
    folder = tmp_path / "templates" / "posts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md.j2").write_text(text, encoding="utf-8")
    return Templates(tmp_path)


ESCAPES = [
    ("class-mro", "Dear families,\n{{ ''.__class__.__mro__ }}", 2),
    ("cycler-globals", "{{ cycler.__init__.__globals__ }}", 1),
    ("subclasses", "Hi\n\n{{ title.__class__.__base__.__subclasses__() }}", 3),
    ("loop-over-subclasses", "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}", 1),
    ("attr-filter", "{{ title|attr('__class__') }}", 1),
    ("template-reference", "{{ self._TemplateReference__context }}", 1),
    ("date-internals", "{{ date.__reduce_ex__(2) }}", 1),
    ("huge-string", "{{ 'x' * 1000000000 }}", 1),
    ("huge-range", "{% for i in range(10**6) %}x{% endfor %}", 1),
]


@pytest.mark.parametrize(("text", "line"), [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_escaping_the_sandbox_fails_with_a_clear_error_at_the_line(tmp_path, text: str, line: int) -> None:
    templates = _templates(tmp_path, text, "escape")
    with pytest.raises(TemplateProblem) as caught:
        templates.render("escape", {"title": "Sports Day", "date": dt.date(2027, 6, 1)})
    problem = caught.value
    assert problem.path == "templates/posts/escape.md.j2"
    assert problem.line == line
    assert "not allowed" in problem.message or "not given" in problem.message, problem.message


def test_a_template_that_loops_for_too_long_is_stopped(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(templating, "TIME_LIMIT_SECONDS", 0.2)
    loops = "{% for i in range(999) %}{% for j in range(999) %}{% for k in range(999) %}{% endfor %}" \
            "{% endfor %}{% endfor %}"
    with pytest.raises(TemplateProblem, match="does it loop"):
        _templates(tmp_path, loops).render("t", {})


def test_the_time_limit_also_stops_a_template_rendered_off_the_main_thread(tmp_path, monkeypatch) -> None:
    import threading

    monkeypatch.setattr(templating, "TIME_LIMIT_SECONDS", 0.2)
    loops = "{% for i in range(999) %}{% for j in range(999) %}{% for k in range(999) %}{% endfor %}" \
            "{% endfor %}{% endfor %}"
    templates, outcome = _templates(tmp_path, loops), []

    def render() -> None:
        try:
            templates.render("t", {})
        except TemplateProblem as problem:
            outcome.append(problem.message)

    worker = threading.Thread(target=render)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the template was not stopped"
    assert outcome and "does it loop" in outcome[0]


def test_a_template_that_finishes_in_time_is_not_stopped_later(tmp_path, monkeypatch) -> None:
    import time

    monkeypatch.setattr(templating, "TIME_LIMIT_SECONDS", 0.1)
    assert _templates(tmp_path, "Hello {{ 1 + 1 }}").render("t", {}) == "Hello 2"
    time.sleep(0.3)  # past the limit: nothing may be raised here any more


def test_the_propose_page_renders_in_the_same_limited_sandbox(monkeypatch) -> None:
    import time

    from postplan import propose

    monkeypatch.setattr(propose, "TIME_LIMIT_SECONDS", 0.2)
    loops = "{% for i in range(999) %}{% for j in range(999) %}{% for k in range(999) %}{% endfor %}" \
            "{% endfor %}{% endfor %}Sports Day"
    started = time.monotonic()
    text = propose.post_text(loops)
    assert time.monotonic() - started < 5
    assert "Sports Day" in text  # a template it cannot render is offered as written
    assert "x" * 2000 not in propose.post_text("{{ 'x' * 2000 }}")  # and the sandbox's size limits hold


def test_output_longer_than_any_post_is_refused(tmp_path) -> None:
    many = "{% for i in range(999) %}{% for j in range(999) %}word {% endfor %}{% endfor %}"
    with pytest.raises(TemplateProblem, match="more than 10000 characters"):
        _templates(tmp_path, many).render("t", {})


def test_a_misspelt_value_is_an_error_not_a_blank(tmp_path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        _templates(tmp_path, "Sports Day\nis on {{ dat|long_date }}").render("t", {"date": dt.date(2027, 6, 1)})
    assert caught.value.line == 2
    assert "'dat' is undefined" in caught.value.message


def test_a_syntax_error_names_the_line(tmp_path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        _templates(tmp_path, "Hello\n{% if kind == 'trip' %}\nA trip").render("t", {"kind": "trip"})
    assert caught.value.line == 3 and "not valid" in caught.value.message


def test_a_template_cannot_include_files_outside_its_folder(tmp_path) -> None:
    (tmp_path / "secret.txt").write_text("do not show", encoding="utf-8")
    with pytest.raises(TemplateProblem):
        _templates(tmp_path, "{% include '../../secret.txt' %}").render("t", {})


def copy_templates(school: School) -> None:
    shutil.copytree(EXAMPLE / "templates" / "posts", school.root / "templates" / "posts")
