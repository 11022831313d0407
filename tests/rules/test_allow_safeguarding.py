"""A safeguarding rule can be allowed only by a leader named in the settings, and the reviewer sees every exception."""

from __future__ import annotations

import json

from conftest import School

NOW = "2026-09-01T08:00"
PHONE = "Questions? Ring Mrs Kitto on 07911 123456."


def allow(rule: str, by: str | None = None) -> str:
    return f"\n  - rule: {rule}\n    reason: The parent asked us to share it" + (f"\n    by: {by}" if by else "")


def findings(school: School) -> list[dict]:
    return json.loads(school.run("validate", "--format", "json", "--now", NOW).output)["findings"]


def test_a_safeguarding_exception_without_a_leader_does_not_count(school: School) -> None:
    school.post("club", PHONE, allow=allow("phone-number"))
    result = school.run("validate", "--now", NOW)
    assert result.exit_code == 1
    assert "error:" in result.output and "[phone-number]" in result.output
    assert "a safeguarding exception needs `by:` naming a leader (Mrs Hart or Mr Osei or Ms Rowe)" in result.output


def test_a_safeguarding_exception_by_someone_who_is_not_a_leader_does_not_count(school: School) -> None:
    school.post("club", PHONE, allow=allow("phone-number", by="Miss Nance"))
    [finding] = [f for f in findings(school) if f["rule"] == "phone-number"]
    assert finding["severity"] == "error" and "allowed" not in finding
    assert "'Miss Nance' is not one of the leaders" in finding["message"]


def test_a_safeguarding_exception_granted_by_a_leader_counts(school: School) -> None:
    school.post("club", PHONE, allow=allow("phone-number", by="Mr Osei"))
    result = school.run("validate", "--now", NOW)
    assert result.exit_code == 0, result.output
    [finding] = [f for f in findings(school) if f["rule"] == "phone-number"]
    assert finding["allowed"] == "The parent asked us to share it"


def test_other_rules_still_take_an_exception_without_by(school: School) -> None:
    school.post("visit", "Thank you @AuthorVisit for a wonderful morning!", allow=allow("mention-not-approved"))
    assert school.run("validate", "--now", NOW).exit_code == 0


def test_a_comparing_safeguarding_rule_needs_a_leader_too(school: School) -> None:
    """trip-location compares a post with the calendar: its exception goes through the same gate."""
    from postplan.exceptions import SAFEGUARDING, honour
    from postplan.models import Allow

    assert "trip-location" in SAFEGUARDING
    asked = Allow(rule="trip-location", reason="shared after the trip")
    assert honour("trip-location", asked, ["Mrs Hart"])[0] is None
    granted = Allow(rule="trip-location", reason="shared after the trip", by="Mrs Hart")
    assert honour("trip-location", granted, ["Mrs Hart"]) == ("shared after the trip", None)


def test_the_preview_lists_every_allowed_exception_first(school: School) -> None:
    school.post("club", PHONE, allow=allow("phone-number", by="Mr Osei"), publish_at="2027-05-25 08:30")
    school.post("visit", "Thank you @AuthorVisit for a wonderful morning!", allow=allow("mention-not-approved"),
                publish_at="2027-05-26 08:30")
    markdown = school.run("preview", "--format", "markdown", "--now", NOW).output
    top = markdown.split("### ")[0]
    assert "**Exceptions allowed (2)**" in top
    assert "`content/posts/club.md` line" in top
    assert "`phone-number`: The parent asked us to share it, granted by Mr Osei" in top
    assert "`content/posts/visit.md` line" in top and "`mention-not-approved`" in top
    text = school.run("preview", "--now", NOW).output
    assert text.startswith("Exceptions allowed (2)") and "granted by Mr Osei" in text.split("== ")[0]


def test_the_preview_has_no_exceptions_section_when_nothing_is_allowed(school: School) -> None:
    school.post("plain", "Sports Day is on Tuesday 1 June.")
    assert "Exceptions allowed" not in school.run("preview", "--format", "markdown", "--now", NOW).output
