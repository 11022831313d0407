"""The platform guides and the README name exactly the environment variables the publisher reads, and
say what each platform costs: a school follows a guide word for word, so a wrong name is a silent failure
(nothing set, so the run writes to the outbox instead of posting)."""

from __future__ import annotations

import re

import pytest

from conftest import PROJECT
from postplan.models import XPrices
from postplan.platforms import POSTING
from postplan.publish.credentials import variable_names

GUIDES = PROJECT / "templates" / "site" / "guides"
VARIABLE = re.compile(r"\bPOSTPLAN_[A-Z0-9_]+\b")
EXAMPLE_ACCOUNT = re.compile(r"accounts:\n\s+([\w-]+):\n\s+platform: (\w+)")


def guide(platform: str) -> str:
    return (GUIDES / f"posting-to-{platform}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("platform", POSTING)
def test_a_platform_guide_names_every_variable_the_code_reads_and_no_other(platform: str) -> None:
    text = guide(platform)
    example = EXAMPLE_ACCOUNT.search(text)
    assert example, "the guide shows the account's settings"
    account, shown_platform = example.groups()
    assert shown_platform == platform
    read = set(variable_names(account, platform))
    named = set(VARIABLE.findall(text))
    assert named - read == set(), f"named in the guide but never read: {sorted(named - read)}"
    assert read - named == set(), f"read by postplan but missing from the guide: {sorted(read - named)}"


@pytest.mark.parametrize("platform", POSTING)
def test_a_platform_guide_says_what_it_costs_and_goes_step_by_step(platform: str) -> None:
    text = guide(platform)
    costs = text.split("## What it costs", 1)[1].split("\n## ", 1)[0].strip()
    assert len(costs) > 40, "say what it costs, even when it is nothing"
    steps = text.split("## Step by step", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. ", steps, re.MULTILINE)) >= 4
    assert "--dry-run" in steps


def test_the_x_guide_quotes_the_prices_postplan_estimates_with() -> None:
    text, prices = guide("x"), XPrices()
    for price in (prices.post, prices.post_with_link):
        assert f"${price}" in text
    assert "$0.001 a post read" in text  # the own-posts read that settles an unsure post


def test_the_readme_table_names_each_platform_s_variables_for_the_account_school() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = {m.group(2): m.group(1) for m in re.finditer(r"^\|[^|]+\|[^|]+\|([^|]+)\| `posting-to-(\w+)\.md` \|$",
                                                        readme, re.MULTILINE)}
    assert sorted(table) == sorted(POSTING)
    for platform, cell in table.items():
        assert VARIABLE.findall(cell) == list(variable_names("school", platform)), platform
