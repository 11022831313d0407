"""The command line documents itself: every command's help ends with an example, and the README's
table of commands is the list `postplan --help` gives, with the same one-line descriptions."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from postplan.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def commands(group: click.Group = cli, prefix: str = "") -> dict[str, click.Command]:
    """Every command a user can run, by its full name ("media strip"), groups opened up."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix}{name} "))
        else:
            found[prefix + name] = command
    return found


def first_line(command: click.Command) -> str:
    return " ".join((command.help or "").split("\n\n")[0].split())


def readme_table() -> dict[str, str]:
    """The rows of the table under "## Commands" in the README: command → what it does."""
    section = README.read_text(encoding="utf-8").split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `postplan ([a-z -]+)` \| (.+) \|$", section, re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_help_ends_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.split("Options:")[0].splitlines() if line.strip()]
    example = next((n for n, line in enumerate(lines) if line.strip() in ("Example:", "Examples:")), None)
    assert example is not None, f"postplan {name} --help has no example"
    assert all(line.strip().startswith("postplan ") for line in lines[example + 1:]), lines[example:]


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_takes_root(name: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-school"
    args = {"media strip": ["photo.jpg"], "new": ["a-template"]}.get(name, [])
    result = CliRunner().invoke(cli, [*name.split(), *args, "--root", str(missing)])
    assert result.exit_code == 2
    assert "there is no such folder" in result.output


def test_the_readme_lists_every_command_as_the_help_does() -> None:
    table = readme_table()
    assert sorted(table) == sorted(commands()), "README's command table and postplan --help differ"
    for name, command in commands().items():
        assert table[name] == first_line(command), f"postplan {name}: README says {table[name]!r}"


def test_the_top_level_help_lists_every_command() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    listed = set(re.findall(r"^  ([a-z-]+) ", output.split("Commands:")[1], re.MULTILINE))
    assert listed == {name.split()[0] for name in commands()}
