"""The benchmark runs end to end on a small school (speed itself is measured by `postplan bench`, not here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from postplan.bench import generate_school
from postplan.cli import cli


pytestmark = pytest.mark.slow


def test_the_synthetic_school_is_valid_and_varied(tmp_path: Path) -> None:
    generate_school(tmp_path / "school", posts=300)
    result = CliRunner().invoke(cli, ["validate", "--root", str(tmp_path / "school"), "--format", "json",
                                      "--now", "2024-09-01T08:00"])
    report = json.loads(result.output)
    assert report["errors"] == 0, report["findings"][:3]
    texts = [p.read_text() for p in (tmp_path / "school" / "content" / "posts").rglob("*.md")]
    assert len(texts) == 300
    assert any("media:" in t for t in texts) and any("poll:" in t for t in texts)
    assert any(t.count("\n---\n") >= 3 for t in texts)  # threads
    assert any("status: draft" in t for t in texts) and any("https://" in t for t in texts)


def test_the_synthetic_posts_carry_numbers_names_and_links_as_real_posts_do(tmp_path: Path) -> None:
    generate_school(tmp_path / "school", posts=300)
    bodies = [p.read_text().split("---\n", 2)[2] for p in (tmp_path / "school" / "content" / "posts").rglob("*.md")]
    assert len(set(bodies)) == 300  # no two posts say the same
    def share(pattern: str) -> float:
        return sum(bool(re.search(pattern, body)) for body in bodies) / len(bodies)
    assert share(r"£\d") > 0.05 and share(r"\d(am|pm)|\d\d:\d\d") > 0.05  # prices, times
    assert share(r"Week \d+") > 0.02 and share(r"\d–\d") > 0.01  # school weeks, scores
    assert share(r"(Mrs|Mr|Miss|Ms) [A-Z]") > 0.05 and share(r"https://") > 0.05  # staff, links
    assert share(r"[\U0001F300-\U0001FAFF]") > 0.2  # emoji
    assert share(r"(Monday|Tuesday|Wednesday|Thursday|Friday) \d+(st|nd|rd|th)") > 0.1  # dates
    generate_school(tmp_path / "again", posts=300)  # seeded: the same school every time
    assert (tmp_path / "again" / "content" / "posts" / "2024-09" / "post-000007.md").read_text() == (
        tmp_path / "school" / "content" / "posts" / "2024-09" / "post-000007.md").read_text()


def test_bench_at_200_posts_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", "--posts", "200", "--repeat", "1", "--json", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())
    names = {m["name"]: m for m in figures["measures"]}
    assert set(names) == {"baseline", "help", "validate", "validate-warm", "validate-3-changed", "build",
                          "publish-nothing-due", "publish-dry-run-one-due"}
    for measure in names.values():
        assert measure["exit_code"] == 0, measure
        assert measure["seconds"] > 0 and measure["peak_mb"] > 0
    assert figures["validate_over_baseline"] > 0
    assert figures["site_mb"] > 0 and figures["site_mb_per_1000_posts"] > 0
    assert "validate / baseline" in result.output
    assert "GitHub Actions minutes a month" in result.output and figures["github_minutes"]["scheduled_minutes_a_month"] > 0
    assert figures["validate_warm_over_baseline"] > 0 and figures["validate_3_changed_seconds"] > 0
    assert "validate-warm / baseline" in result.output


def test_bench_checks_only_times_the_floor_and_validate_alone(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", "--posts", "100", "--repeat", "2", "--checks-only", "--json", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())
    names = {m["name"]: m for m in figures["measures"]}
    assert set(names) == {"baseline", "help", "validate", "validate-warm", "validate-3-changed"}
    assert all(measure["exit_code"] == 0 for measure in names.values()), names
    assert "<3 changed posts>" in names["validate-3-changed"]["command"]
