"""The GitHub workflows a school gets by cloning: they cannot run here, but they must be valid.

Every file in .github/workflows/ is linted with actionlint (which knows each action's inputs and flags
untrusted input in scripts), and the postplan commands they run must exist with the options they use.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

from postplan.cli import cli

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.y*ml"))
OWNED_ELSEWHERE = {"build", "publish", "new"}  # commands in the design that other parts of postplan add


def actionlint() -> str:
    found = Path(sys.executable).with_name("actionlint")
    found = str(found) if found.exists() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is not installed: pip install -e '.[test]'")
    return found


def load(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string
    assert isinstance(data, dict), f"{path.name} is not a workflow"
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    assert {"check.yml", "site.yml"} <= {path.name for path in WORKFLOWS}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(path: Path) -> None:
    done = subprocess.run([actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", str(path)],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = (PROJECT / ".github/workflows/check.yml").read_text(encoding="utf-8").replace("fetch-depth", "fetch-dept")
    (tmp_path / "check.yml").write_text(broken, encoding="utf-8")
    done = subprocess.run([actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=",
                           str(tmp_path / "check.yml")], capture_output=True, text=True)
    assert done.returncode == 1
    assert 'input "fetch-dept" is not defined' in done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version_and_postplan_is_installed_from_the_repository(path: Path) -> None:
    workflow = load(path)
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    if "postplan " in scripts:
        assert "pip install ." in scripts


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_postplan_commands_in_workflows_exist_with_their_options(path: Path) -> None:
    for step in steps(load(path)):
        for line in step.get("run", "").splitlines():
            words = shlex.split(line.split(">>")[0]) if line.strip().startswith("postplan ") else []
            if not words:
                continue
            command = cli.commands.get(words[1])
            if command is None:
                assert words[1] in OWNED_ELSEWHERE, f"{path.name}: there is no `postplan {words[1]}`"
                continue
            options = {opt for param in command.params for opt in getattr(param, "opts", [])}
            used = {word.split("=")[0] for word in words[2:] if word.startswith("--")}
            assert used <= options, f"{path.name}: `postplan {words[1]}` has no {used - options}"


def test_the_pull_request_check_annotates_and_previews_only_changed_posts() -> None:
    workflow = load(PROJECT / ".github/workflows/check.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    checkout = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"  # the base branch must be there to diff against
    scripts = [step.get("run", "") for step in steps(workflow)]
    assert any("postplan validate --changed-since" in s and "--format github" in s for s in scripts)
    assert any("postplan preview --changed-since" in s and '>> "$GITHUB_STEP_SUMMARY"' in s for s in scripts)
    # The preview comes first: it always succeeds, so the summary is written even when the check fails.
    assert [i for i, s in enumerate(scripts) if "preview" in s][0] < [i for i, s in enumerate(scripts) if "validate" in s][0]


def test_the_site_is_built_on_main_and_deployed_to_pages() -> None:
    workflow = load(PROJECT / ".github/workflows/site.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert any(step.get("run") == "postplan build" for step in steps(workflow))
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_publisher_never_pushes_to_main_and_postplan_keeps_the_ledger_on_its_branch() -> None:
    from postplan.models import Settings

    workflow = load(PROJECT / ".github/workflows/publish.yml")
    assert workflow["permissions"]["contents"] == "write"
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "git push" not in scripts and "git commit" not in scripts  # postplan pushes the ledger branch itself
    assert "ledger.jsonl" not in scripts
    publishing = [step for step in steps(workflow) if step.get("run") == "postplan publish"]
    assert publishing and all("continue-on-error" not in step for step in publishing)
    assert workflow["env"]["LEDGER_BRANCH"] == Settings.model_fields["ledger_branch"].default


def test_the_site_rebuilds_every_morning_and_after_a_run_that_recorded_something() -> None:
    site = load(PROJECT / ".github/workflows/site.yml")
    [schedule] = site["on"]["schedule"]
    hour = int(schedule["cron"].split()[1])
    assert 3 <= hour <= 6, "early each morning, before school"
    assert "workflow_dispatch" in site["on"]
    publish = load(PROJECT / ".github/workflows/publish.yml")
    assert publish["permissions"]["actions"] == "write"
    assert any("gh workflow run site.yml" in step.get("run", "") for step in steps(publish))


def test_the_site_records_the_feeds_on_the_ledger_branch_before_building() -> None:
    site = load(PROJECT / ".github/workflows/site.yml")
    scripts = [step.get("run", "") for step in steps(site)]
    record = scripts.index("postplan record-feeds --on-ledger-branch")
    assert record < scripts.index("postplan build")
    assert "git push" not in "\n".join(scripts)
    assert site["env"]["LEDGER_BRANCH"] == load(PROJECT / ".github/workflows/publish.yml")["env"]["LEDGER_BRANCH"]
