"""Every rule documents itself (summary, policy, examples) and is tested; the pages are made from that."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from postplan.rules import RULES
from postplan.rulesdoc import rule_pages

TESTS = Path(__file__).resolve().parents[1]
CASES = TESTS / "rules" / "cases"
TEST_CODE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("test_*.py")))


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_has_a_summary_a_policy_and_a_docstring_with_examples(rule) -> None:
    assert rule.summary and "\n" not in rule.summary and rule.summary.endswith(".")
    assert len(rule.policy) > 20
    assert re.search(r"\bPasses\b", rule.doc) and re.search(r"\bFails\b", rule.doc), rule.doc
    assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id)


def expects_a_finding_of(rule_id: str) -> re.Pattern[str]:
    """Where a test says the rule must report something (not merely names it, as an `allow:` does).

    The forms the tests use: a finding's rule compared (`f["rule"] == "id"`), an expected finding as a
    tuple (`(path, "id")`, `("id", line, ...)`, `("id", "warning")`), or the text report's `[id]`.
    """
    quoted = rf"[\"']{re.escape(rule_id)}[\"']"
    return re.compile("|".join([
        rf"rule[\"']?\]?\s*==\s*{quoted}",
        rf"\(\s*[\"'][^\"'\n]*[\"'],\s*{quoted}\s*\)",
        rf"{quoted},\s*\d+",
        rf"\(\s*{quoted},\s*[\"'](?:error|warning)[\"']\s*\)",
        rf" \[{re.escape(rule_id)}\](?:[\"'\\]|$)",
    ]), re.M)


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_has_a_test_that_expects_it_to_report(rule_id: str) -> None:
    """A cases file of flagged posts (each must be flagged, by test_rule_cases) or a test expecting its finding."""
    cases = CASES / f"{rule_id}.yml"
    if cases.is_file():
        data = yaml.safe_load(cases.read_text(encoding="utf-8"))
        assert data["rule"] == rule_id and data.get("fail"), f"{cases.name} has no posts it must flag"
        return
    assert expects_a_finding_of(rule_id).search(TEST_CODE), (
        f"no test expects a finding of {rule_id}: add tests/rules/cases/{rule_id}.yml, or a test that "
        "asserts its finding")


def test_every_policy_rule_has_a_case_file_with_flagged_posts_and_near_misses() -> None:
    for path in CASES.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == path.stem and data["rule"] in RULES
        assert data.get("fail") and data.get("pass"), path.name


def test_there_is_a_page_for_every_rule_and_an_index_linking_them() -> None:
    pages = rule_pages()
    assert set(pages) == {"rules/index.md"} | {f"rules/{rule_id}.md" for rule_id in RULES}
    for rule_id, rule in RULES.items():
        assert f"[{rule_id}]({rule_id}.md)" in pages["rules/index.md"]
        page = pages[f"rules/{rule_id}.md"]
        assert page.startswith(f"# {rule_id}\n") and rule.summary in page
        assert "> " + rule.policy.splitlines()[0] in page
        assert f"  - rule: {rule_id}\n    reason: " in page


def test_a_docstring_example_block_becomes_a_fenced_yaml_block() -> None:
    page = rule_pages()["rules/poll.md"]
    assert "```yaml\npoll:\n  options: [Pizza, Pasta, Jacket potato]\n  duration: 1 day\n```" in page
    assert "``" not in page.replace("```", "")
