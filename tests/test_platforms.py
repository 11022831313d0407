"""A platform the settings accept is a platform that can post: settings, validate, the dry run and the
real run agree, and every accepted platform has a publisher."""

from __future__ import annotations

import pytest

from conftest import School
from platform_helpers import add_account
from postplan import platforms
from postplan.publish.publishers import MAKERS

NOW = "2027-06-01T08:31"
NOT_POSTING = sorted(set(platforms.LIMITS) - set(platforms.POSTING))


def test_every_platform_the_settings_accept_has_a_publisher_and_limits() -> None:
    assert set(MAKERS) == set(platforms.POSTING)
    assert set(platforms.POSTING) <= set(platforms.LIMITS)


@pytest.mark.parametrize("platform", [*NOT_POSTING, "myspace"])
def test_a_platform_postplan_cannot_post_to_is_refused_by_every_command(school: School, platform: str) -> None:
    add_account(school, "other", f'platform: {platform}, handle: "@Tregarrow"')
    school.post("sports-day", status="approved", approved_by="Mrs Hart", account="other",
                publish_at="2027-06-01 08:30")
    working = ", ".join(platforms.POSTING)
    for command in (["validate"], ["publish", "--dry-run", "--now", NOW], ["publish", "--now", NOW]):
        result = school.run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "mkdocs.yml:" in result.output and "can post to" in result.output, result.output
        assert working in result.output
        assert "would send" not in result.output
    assert not (school.root / "outbox").exists() and not (school.root / "ledger.jsonl").exists()
