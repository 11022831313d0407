"""A post renamed and edited by one character after it went out is known again, reported, never re-sent.

The content hash knows a renamed post and the ledger knows an edited one; renamed *and* edited was
neither. The first claim now records the post's likeness (``publish.likeness``).
"""

from __future__ import annotations

import json

from conftest import School
from postplan.publish.likeness import alike, sketch
from publish_helpers import approved, ledger_lines

TEXT = "Our Harvest Festival raised £412 for the Truro food bank. Thank you to every family who gave!"
EDITED = TEXT.replace("£412", "£413")


def _sent_posts(school: School) -> list[str]:
    return [e["post"] for e in ledger_lines(school.root, outbox=True) if e["state"] == "claimed"]


def test_a_renamed_and_lightly_edited_post_is_reported_for_a_person_and_not_sent_again(school: School) -> None:
    first = approved(school, "harvest", TEXT, publish_at="2027-06-01 08:30")
    assert school.run("publish", "--now", "2027-06-01T08:31").exit_code == 0
    assert _sent_posts(school) == ["harvest"]
    claim = ledger_lines(school.root, outbox=True)[0]
    assert len(claim["likeness"]["text"]) == 48 and claim["likeness"]["event"] == ""

    first.unlink()
    approved(school, "harvest-festival-total", EDITED, publish_at="2027-06-01 08:30")
    approved(school, "pe-kit", "PE kit is needed on Thursday this week, not Friday.", publish_at="2027-06-01 08:30")
    for args in (["--dry-run"], []):
        result = school.run("publish", *args, "--now", "2027-06-01T08:40")
        assert result.exit_code == 1, result.output
        line = next(line for line in result.output.splitlines() if "harvest-festival-total" in line)
        assert line.startswith("looks sent") and "much like 'harvest', which went out" in line
    assert _sent_posts(school) == ["harvest", "pe-kit"]  # the other post still went out

    late = school.run("publish", "--now", "2027-06-01T11:00")  # past the grace window: recorded as missed
    assert late.exit_code == 3, late.output  # a missed post has its own exit code
    assert _sent_posts(school) == ["harvest", "pe-kit"]
    assert ledger_lines(school.root, outbox=True)[-1]["state"] == "missed"


def test_a_different_post_about_the_same_thing_is_not_taken_for_a_sent_one(school: School) -> None:
    first = approved(school, "harvest", TEXT, publish_at="2027-06-01 08:30")
    assert school.run("publish", "--now", "2027-06-01T08:31").exit_code == 0
    first.unlink()
    approved(school, "harvest-thanks", "Harvest Festival: thank you for the tins, pasta and cereal boxes.",
             publish_at="2027-06-01 08:30")
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 0, result.output
    assert _sent_posts(school) == ["harvest", "harvest-thanks"]


def test_likeness_tells_a_small_edit_from_a_different_post() -> None:
    def looks(text: str, media: str = "", event: str = "") -> dict:
        return {"text": sketch(text), "media": media, "event": event}

    assert alike(looks(TEXT), looks(EDITED))
    assert alike(looks("Sports Day is on Tuesday."), looks("Sports Day is on Tuesday!"))
    assert not alike(looks(TEXT), looks("Sports Day is on Tuesday: bring a water bottle and a sun hat."))
    assert not alike(looks(TEXT), looks(EDITED, event="harvest-2027"))
    assert not alike(looks(TEXT), looks(EDITED, media="a1b2"))
    assert not alike(looks(TEXT), {"text": "abc", "media": "", "event": ""})  # a broken ledger value


def test_a_likeness_of_the_wrong_shape_in_the_ledger_is_a_clear_error(school: School) -> None:
    approved(school, "harvest", TEXT, publish_at="2027-06-01 08:30")
    line = {"post": "old", "part": 0, "of": 1, "state": "claimed", "hash": "sha256:0", "likeness": {"text": 5}}
    (school.root / "ledger.jsonl").write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n")
    result = school.run("publish", "--now", "2027-06-01T08:31")
    assert result.exit_code == 2 and "ledger.jsonl:1: this line is not a ledger entry (likeness" in result.output
