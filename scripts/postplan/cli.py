"""The ``postplan`` command: each command wires its options into library calls and says what happened.

Heavy libraries (pydantic, MkDocs, tweepy) are imported inside the commands that need them, so
``postplan --help`` stays instant.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Failure(click.ClickException):
    """A clear, expected problem (bad settings, a missing file): a message and exit code 2, no traceback."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"postplan: {self.format_message()}", err=True)


def common(command):
    """The options every command takes: --root and --now."""

    @click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
                  show_default=True, help="The school's repository.")
    @click.option("--now", "now_text", metavar="WHEN", envvar="POSTPLAN_NOW",
                  help="Pin the time, like 2027-06-01T08:00 (local), for tests and previews.")
    @functools.wraps(command)
    def wrapper(*args, root: Path, now_text: str | None, **kwargs):
        if not root.is_dir():
            raise Failure(f"--root {root}: there is no such folder")
        return command(*args, root=root.resolve(), now_text=now_text, **kwargs)

    return wrapper


def load(root: Path):
    """Load the repository, turning a settings problem into a clear exit-2 message."""
    from postplan.load import load_repository
    from postplan.settings import SettingsError

    try:
        return load_repository(root)
    except SettingsError as error:
        raise Failure(str(error)) from None


def current_time(now_text: str | None, loaded):
    from postplan.clock import now

    try:
        return now(now_text, loaded.repository.settings.zone)
    except ValueError as error:
        raise Failure(f"--now: {error}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="postplan")
def cli() -> None:
    """Plan, check and publish a school's social-media posts from a git repository.

    \b
    Example:
        postplan validate            # check every post against the school's policy
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for programs, github for pull-request annotations.")
@click.option("--changed-since", "ref", metavar="REF",
              help="Check only the files changed since this branch left REF (committed or not), like origin/main.")
@common
def validate(paths: tuple[Path, ...], fmt: str, ref: str | None, root: Path, now_text: str | None) -> None:
    """Check posts, calendar files and settings against the school's policy.

    Checks the given files, the files changed since REF (--changed-since), or the whole repository.
    A clash between a checked post and another (the same id, the same text) is reported on the checked
    post. Exits 0 when there are no errors (warnings are allowed), 1 when there are, 2 for a usage or
    settings problem.

    \b
    Examples:
        postplan validate content/posts/2027-06/sports-day.md --format github
        postplan validate --changed-since origin/main
    """
    from postplan import report
    from postplan.changes import check_only

    loaded = load(root)
    wanted = _wanted(paths, ref, root, loaded)
    findings = check_only(loaded, current_time(now_text, loaded), root, wanted)
    files = loaded.repository.files if wanted is None else len(wanted)
    click.echo(report.render(findings, files, fmt))
    sys.exit(EXIT_FINDINGS if any(f.blocks for f in findings) else EXIT_OK)


def _wanted(paths: tuple[Path, ...], ref: str | None, root: Path, loaded) -> set[str] | None:
    """The files to report on (None: all), from the paths given or from git's changes since ``ref``."""
    from postplan.changes import ChangesError, changed_files, checked, widen

    if paths and ref:
        raise Failure("give either files or --changed-since, not both")
    if ref is not None:
        try:
            return widen(loaded, root, checked(changed_files(root, ref)), ref)
        except ChangesError as error:
            raise Failure(str(error)) from None
    wanted = _relative_paths(paths, root)
    return None if wanted is None else widen(loaded, root, wanted)


def _relative_paths(paths: tuple[Path, ...], root: Path) -> set[str] | None:
    if not paths:
        return None
    wanted = set()
    for path in paths:
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        if not full.exists():
            full = (root / path).resolve()  # a path written relative to --root
        if not full.is_file():
            raise Failure(f"{path}: there is no such file")
        if not full.is_relative_to(root):
            raise Failure(f"{path}: is not inside the repository {root.name}/")
        wanted.add(full.relative_to(root).as_posix())
    return wanted


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the rules postplan enforces: id, severity and what each asks for.

    \b
    Example:
        postplan rules
    """
    from postplan.rules import RULES

    if fmt == "json":
        import json

        data = [{"id": r.id, "severity": r.severity.value, "summary": r.summary, "policy": r.policy}
                for r in RULES.values()]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(rule_id) for rule_id in RULES)
    for rule in RULES.values():
        click.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--changed-since", "ref", metavar="REF",
              help="Preview only the files changed since this branch left REF, like origin/main.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "text"]), default="text", show_default=True,
              help="markdown for a pull request's job summary, text for a terminal.")
@common
def preview(paths: tuple[Path, ...], ref: str | None, fmt: str, root: Path, now_text: str | None) -> None:
    """Show posts as a reviewer sees them: text, length against the limit, images with alt text, findings.

    Always exits 0 when it could build the preview: `postplan validate` is what passes or fails a check.

    \b
    Example:
        postplan preview --changed-since origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from postplan import preview as previews
    from postplan.changes import check_only

    loaded = load(root)
    wanted = _wanted(paths, ref, root, loaded)
    findings = check_only(loaded, current_time(now_text, loaded), root, wanted)
    shown = sorted(wanted) if wanted is not None else sorted(
        {post.source.path for post in loaded.repository.posts} | {f.path for f in findings})
    render = previews.as_markdown if fmt == "markdown" else previews.as_text
    click.echo(render(loaded.repository, shown, findings))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a post's front matter, for editors to autocomplete and check fields.

    The repository keeps a copy in .vscode/postplan-post.schema.json; regenerate it after changing the
    Post model.

    \b
    Example:
        postplan schema > .vscode/postplan-post.schema.json
    """
    from postplan.schema import as_text

    click.echo(as_text(), nl=False)


def main() -> None:
    """Entry point: an unexpected error is one clear line (the traceback only with POSTPLAN_DEBUG=1)."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("postplan: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("POSTPLAN_DEBUG"):
            raise
        click.echo(f"postplan: unexpected error: {type(error).__name__}: {error}\n"
                   "Please report this, with the command you ran (POSTPLAN_DEBUG=1 shows the details).",
                   err=True)
        sys.exit(EXIT_USAGE)
