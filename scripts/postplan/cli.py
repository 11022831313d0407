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
@click.option("--staff", is_flag=True,
              help="A private preview: add drafts, proposed posts, authors and findings. Written to "
                   "site-staff/, never to site/.")
@common
def build(staff: bool, root: Path, now_text: str | None) -> None:
    """Validate, then write the calendar site and the calendar feeds.

    The public site (site/) is safe for the open web: events, campaign weeks, term dates and posts
    already published (approved posts too, if show_approved_posts is set); no drafts, authors or
    findings, and never a post that has an error. --staff writes a private preview to site-staff/.

    Exits 0 when built with no errors, 1 when built but some posts have errors (they are left out of
    the public site; the staff build shows them), 2 when nothing could be built (settings or mkdocs.yml).

    \b
    Example:
        postplan build --staff --now 2026-11-16T09:00
    """
    from postplan import build as site_build
    from postplan.settings import SettingsError

    from postplan.clock import now
    from postplan.settings import load_settings

    progress = _stage_line if sys.stderr.isatty() else (lambda stage: None)
    try:
        zone = load_settings(root).zone
    except SettingsError as error:
        raise Failure(str(error)) from None
    try:
        moment = now(now_text, zone)
    except ValueError as error:
        raise Failure(f"--now: {error}") from None
    try:
        built = site_build.build(root, moment, staff=staff, progress=progress)
    except (SettingsError, site_build.BuildProblem) as error:
        raise Failure(str(error)) from None
    finally:
        if sys.stderr.isatty():
            click.echo("\r\033[K", nl=False, err=True)
    where = built.site_dir.relative_to(root) if built.site_dir.is_relative_to(root) else built.site_dir
    kind = "staff preview" if staff else "public site"
    click.echo(f"Built the {kind} in {where}/: {built.posts_shown} posts shown, {built.pages} pages, "
               f"{len(built.feeds)} calendar feed{'s' if len(built.feeds) != 1 else ''} ({built.seconds:.1f} s).")
    if built.errors:
        left_out = "shown with their problems" if staff else "left out of the site"
        click.echo(f"{built.errors} error{'s' if built.errors != 1 else ''} found: posts with errors are {left_out}. "
                   "Run `postplan validate` to see them.", err=True)
        sys.exit(EXIT_FINDINGS)


def _stage_line(stage: str) -> None:
    """One line on the terminal saying what a long build is doing, rewritten at each stage."""
    click.echo(f"\r\033[Kpostplan build: {stage}…", nl=False, err=True)


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
