"""Calendar files kept between runs: an unchanged file is not parsed again, and what it makes is the same."""

from __future__ import annotations

import pytest

from conftest import School
from postplan import calcache, yamlsource
from postplan.cachefiles import CACHE_DIR
from postplan.load import load_repository

KEPT = f"{CACHE_DIR}/{calcache.CALENDAR_FILE}"


def _calendar(school: School) -> tuple[list, list, list, list]:
    loaded = load_repository(school.root, posts=False, cached=True)
    repository = loaded.repository
    return repository.events, repository.terms, repository.campaigns, loaded.problems


def test_an_unchanged_calendar_is_not_parsed_again_and_makes_the_same_entries(example: School,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    example.write("calendar/broken.yml", "events:\n  - id: x\n    title: [unclosed\n")
    first = _calendar(example)
    assert (example.root / KEPT).stat().st_size > 0 and first[0] and first[1]
    assert any(problem.path == "calendar/broken.yml" for problem in first[3])
    monkeypatch.setattr(yamlsource, "load", lambda *args: pytest.fail("a calendar file was parsed again"))
    assert _calendar(example) == first  # its problems too


def test_a_changed_calendar_file_or_time_zone_is_read_again(example: School) -> None:
    _calendar(example)
    events = example.root / "calendar" / "events.yml"
    text = events.read_text(encoding="utf-8")
    first_id = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("- id:"))
    events.write_text(text.replace(f"id: {first_id}", f"id: {first_id}-moved", 1), encoding="utf-8")
    assert f"{first_id}-moved" in {event.id for event in _calendar(example)[0]}
    settings = example.root / "mkdocs.yml"
    before = {event.id: event for event in _calendar(example)[0]}
    settings.write_text(settings.read_text(encoding="utf-8").replace("Europe/London", "Europe/Dublin"), encoding="utf-8")
    after = {event.id: event for event in _calendar(example)[0]}
    timed = [key for key, event in before.items() if getattr(event, "start", None) is not None
             and getattr(event.start, "tzinfo", None) is not None]
    assert timed and all(str(after[key].start.tzinfo) == "Europe/Dublin" for key in timed)


@pytest.mark.parametrize("garbage", [b"\x80\x05not a pickle", b""])
def test_a_calendar_cache_that_cannot_be_read_is_ignored(example: School, garbage: bytes) -> None:
    first = _calendar(example)
    (example.root / KEPT).write_bytes(garbage)
    assert _calendar(example) == first
