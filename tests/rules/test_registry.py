"""The registry refuses a rule module that cannot work, names each module after its rule, and every
rule has its cases and a page that lists the settings it reads."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from postplan.findings import Severity
from postplan.rules import LOADER_RULES, RULES, RuleModuleError, registry
from postplan.rulesdoc import rule_page, settings_read

CASES = Path(__file__).parent / "cases"


def rule_module(name: str, rule_id: str, **functions) -> types.ModuleType:
    module = types.ModuleType(name, f"A rule.\n\nPasses: this. Fails: that.")
    module.ID, module.SEVERITY, module.SUMMARY, module.POLICY = rule_id, Severity.WARNING, "A rule.", "A sentence."
    for function_name, function in functions.items():
        setattr(module, function_name, function)
    return module


def never(*args):
    return iter(())


def test_a_rule_module_without_a_check_is_refused_with_a_message() -> None:
    with pytest.raises(RuleModuleError, match=r"postplan\.rules\.quiet: the rule 'quiet' has neither check"):
        registry((rule_module("postplan.rules.quiet", "quiet"),))


def test_a_second_rule_with_the_same_id_is_refused_with_a_message() -> None:
    first = rule_module("postplan.rules.one", "same-id", check=never)
    second = rule_module("postplan.rules.two", "same-id", check_repository=never)
    with pytest.raises(RuleModuleError, match=r"postplan\.rules\.two: the rule id 'same-id' is already used by "
                                              r"postplan\.rules\.one"):
        registry((first, second))


def test_a_module_that_is_not_a_rule_at_all_is_refused_with_what_it_lacks() -> None:
    with pytest.raises(RuleModuleError, match="needs ID, SEVERITY, SUMMARY, POLICY"):
        registry((types.ModuleType("postplan.rules.helpers"),))


def test_only_the_loaders_rules_have_no_check_function() -> None:
    without = {rule.id for rule in RULES.values() if rule.check is None and rule.check_repository is None}
    assert without == LOADER_RULES


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_each_rule_module_is_named_after_its_rule(rule) -> None:
    assert rule.module == "postplan.rules." + rule.id.replace("-", "_")


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_has_a_cases_file_with_posts_it_flags_and_posts_it_leaves_alone(rule_id: str) -> None:
    import yaml

    path = CASES / f"{rule_id}.yml"
    assert path.is_file(), f"{rule_id} has no cases file ({path.name})"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["rule"] == rule_id and data.get("fail") and data.get("pass")


def test_a_rule_page_lists_the_settings_it_reads() -> None:
    approval = rule_page(RULES["approval"])
    assert "## Settings it reads" in approval and "- `leaders`" in approval
    assert settings_read(RULES["link-domain"]) == ("site_url", "website_domains")
    # not_pupils is read by a helper it imports; the school's own names keep "our Calderbrook family" from being a surname
    assert settings_read(RULES["pupil-full-name"]) == ("accounts", "not_pupils", "on_site_places", "school")
    assert "None: it works from the post and the calendar alone." in rule_page(RULES["duplicate-text"])
