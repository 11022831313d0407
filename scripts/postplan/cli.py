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
@common
def validate(paths: tuple[Path, ...], fmt: str, root: Path, now_text: str | None) -> None:
    """Check posts, calendar files and settings against the school's policy.

    Checks the given files, or the whole repository when none are given. Exits 0 when there are no
    errors (warnings are allowed), 1 when there are, 2 for a usage or settings problem.

    \b
    Example:
        postplan validate content/posts/2027-06/sports-day.md --format github
    """
    from postplan import report
    from postplan.check import run_checks

    wanted = _relative_paths(paths, root)
    loaded = load(root)
    findings = run_checks(loaded, current_time(now_text, loaded), root)
    files = loaded.repository.files
    if wanted is not None:
        findings = [f for f in findings if f.path in wanted]
        files = len(wanted)
    click.echo(report.render(findings, files, fmt))
    sys.exit(EXIT_FINDINGS if any(f.blocks for f in findings) else EXIT_OK)


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
@click.argument("rule_id", metavar="[RULE]", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(rule_id: str | None, fmt: str) -> None:
    """List the rules postplan enforces: id, severity and what each asks for.

    Give a rule's id to read its page: the policy it comes from, examples, and how to allow an exception.

    \b
    Example:
        postplan rules
        postplan rules pupil-full-name
    """
    from postplan.rules import RULES

    if rule_id is not None:
        from postplan.rules import get
        from postplan.rulesdoc import rule_page

        try:
            click.echo(rule_page(get(rule_id)))
        except KeyError as error:
            raise Failure(error.args[0]) from None
        return
    if fmt == "json":
        import json

        data = [{"id": r.id, "severity": r.severity.value, "summary": r.summary, "policy": r.policy}
                for r in RULES.values()]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(rule_id) for rule_id in RULES)
    for rule in RULES.values():
        click.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")


@cli.group()
def media() -> None:
    """Work on the pictures posts attach.

    \b
    Example:
        postplan media strip content/media/2027/relay.jpg
    """


@media.command("strip")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def media_strip(files: tuple[Path, ...]) -> None:
    """Remove a photo's hidden details (GPS location, camera, time) in place, keeping it the right way up.

    Phones record where a photo was taken; the media-location rule refuses such photos. The picture is
    turned upright first (phones store it sideways with a note saying so), then saved without the notes.

    \b
    Example:
        postplan media strip content/media/2027/relay.jpg
    """
    from postplan import photos

    for file in files:
        if not file.is_file():
            raise Failure(f"{file}: there is no such file")
        before = photos.location(file)
        try:
            photos.strip_location(file)
        except (OSError, ValueError, SyntaxError) as error:
            raise Failure(f"{file}: cannot be read as a picture ({error})") from None
        removed = f"removed its GPS location ({before})" if before else "no location found; hidden details removed"
        click.echo(f"{file}: {removed}")


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
