"""Shared fixtures: the tests' own example school, and small schools built inside a test's temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from postplan.cli import cli

PROJECT = Path(__file__).resolve().parents[1]
# Data from other projects that the tests check against, kept in the repository (see anchors/README.md).
ANCHORS = Path(__file__).resolve().parent / "anchors"

# The tests' own copy of the example school (fixtures/README.md). A school replaces the top-level
# content/, calendar/ and settings with its own; the tests read this copy so that they keep passing.
EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "example-school"

# The example school's settings: tests build schools around them.
SETTINGS = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")


def post_text(body: str = "Sports Day is on Tuesday 1 June. We hope to see you there!", **fields: object) -> str:
    """A post file's text: the given front-matter fields (with sensible defaults) and body."""
    front = {"publish_at": "2027-05-25 08:30", "status": "draft", "author": "Office (J. Pengelly)"}
    front.update({k: v for k, v in fields.items()})
    lines = [f"{key}: {value}" for key, value in front.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


class School:
    """A throw-away school repository: the example settings plus whatever files a test writes."""

    def __init__(self, root: Path):
        self.root = root
        (root / "content" / "posts").mkdir(parents=True)
        (root / "content" / "media").mkdir()
        (root / "calendar").mkdir()
        (root / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def post(self, name: str, body: str | None = None, **fields: object) -> Path:
        text = post_text(**fields) if body is None else post_text(body, **fields)
        return self.write(f"content/posts/{name}.md", text)

    def mark_published(self, post_id: str, url: str = "https://x.com/TregarrowCP/status/1") -> None:
        """Record in the school's ledger, as the publisher does, that a (one-part) post went out."""
        from postplan.publish.ledger import PUBLISHED, Ledger

        Ledger(self.root / "ledger.jsonl").append(
            {"post": post_id, "part": 0, "of": 1, "state": PUBLISHED, "platform": "x", "id": url.rsplit("/", 1)[-1],
             "url": url, "at": "2026-09-01T08:00:00+01:00", "run": "test"})

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(cli, [*args, "--root", str(self.root)], catch_exceptions=False)


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run the same on a laptop and in CI: the publisher's CI-only errors are tested where asked for."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def school(tmp_path: Path) -> School:
    return School(tmp_path / "school")


@pytest.fixture
def example(tmp_path: Path) -> School:
    """A copy of the tests' example school, safe to change."""
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".cache"))  # a cache left by a local run
    school = School.__new__(School)
    school.root = root
    return school
