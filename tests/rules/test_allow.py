"""`allow:` silences one rule for one post, and the leader's reason is shown in every output format."""

from __future__ import annotations

import json

import pytest

from conftest import School

REASON = "Author visit agreed with the head"
ALLOW = f"\n  - rule: mention-not-approved\n    reason: {REASON}"


@pytest.fixture
def allowed(school: School) -> School:
    school.post("author-visit", "Thank you @AuthorVisit for a wonderful morning!", allow=ALLOW,
                publish_at="2027-05-25 08:30")
    return school


def test_an_allowed_rule_does_not_block_and_its_reason_is_in_the_text_output(allowed: School) -> None:
    result = allowed.run("validate", "--now", "2026-09-01T08:00")
    assert result.exit_code == 0, result.output
    assert "allowed: @AuthorVisit is not on the school's list of approved accounts [mention-not-approved]" \
        in result.output
    assert f"allowed by a leader: {REASON}" in result.output


def test_the_reason_is_in_the_json_output(allowed: School) -> None:
    report = json.loads(allowed.run("validate", "--format", "json", "--now", "2026-09-01T08:00").output)
    assert report["errors"] == 0
    [finding] = [f for f in report["findings"] if f["rule"] == "mention-not-approved"]
    assert finding["allowed"] == REASON


def test_the_reason_is_in_the_github_annotation(allowed: School) -> None:
    output = allowed.run("validate", "--format", "github", "--now", "2026-09-01T08:00").output
    [line] = [l for l in output.splitlines() if "mention-not-approved" in l]
    assert line.startswith("::notice file=content/posts/author-visit.md,line=")
    assert f"Allowed by a leader: {REASON}" in line


def test_allow_only_silences_the_rule_it_names(school: School) -> None:
    school.post("author-visit", "Thank you @AuthorVisit! Call 07911 123456.", allow=ALLOW)
    report = json.loads(school.run("validate", "--format", "json", "--now", "2026-09-01T08:00").output)
    blocking = [f["rule"] for f in report["findings"] if f["severity"] == "error" and "allowed" not in f]
    assert blocking == ["phone-number"]


def test_allowing_a_rule_that_does_not_exist_is_an_error_with_a_suggestion(school: School) -> None:
    school.post("author-visit", "Thank you @AuthorVisit!",
                allow=f"\n  - rule: mention-not-aproved\n    reason: {REASON}")
    result = school.run("validate", "--now", "2026-09-01T08:00")
    assert result.exit_code == 1
    assert "error: there is no rule 'mention-not-aproved' to allow [allow-unknown-rule]" in result.output
    assert "did you mean 'mention-not-approved'?" in result.output
