"""What every command shares: the options defined once, a clear failure, and loading the school.

Heavy libraries (pydantic, MkDocs, tweepy) are imported inside the commands that need them, so
``postplan --help`` stays instant.
"""

from __future__ import annotations

from pathlib import Path

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Failure(click.ClickException):
    """A clear, expected problem (bad settings, a missing file): a message and exit code 2, no traceback."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"postplan: {self.format_message()}", err=True)


def _folder(context: click.Context, parameter: click.Parameter, root: Path) -> Path:
    if not root.is_dir():
        raise Failure(f"--root {root}: there is no such folder")
    return root.resolve()


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
                           show_default=True, callback=_folder, help="The school's repository.")
now_option = click.option("--now", "now_text", metavar="WHEN", envvar="POSTPLAN_NOW",
                          help="Pin the time, like 2027-06-01T08:00 (local), for tests and previews.")
author_option = click.option("--author", help="Who is writing. Default: git config user.name.")


def common(command):
    """The options every command that reads the school takes: --root and --now."""
    return root_option(now_option(command))


def format_option(*choices: str, help: str | None = None):
    """``--format``, with the first choice the default."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True, help=help)


def changed_since_option(what: str):
    """``--changed-since REF``: only the files changed since this branch left REF."""
    return click.option("--changed-since", "ref", metavar="REF",
                        help=f"{what} only the files changed since this branch left REF (committed or not), "
                             "like origin/main.")


def dry_run_option(help: str):
    return click.option("--dry-run", is_flag=True, help=help)


def load(root: Path, posts: bool = True, cached: bool = True):
    """Load the repository, turning a settings problem into a clear exit-2 message (``cached``: unchanged
    posts may come from .cache/postplan/)."""
    from postplan.pipeline import load as load_school
    from postplan.settings import SettingsError

    from postplan.consent import read_register

    try:
        loaded = load_school(root, posts, cached)
        read_register(loaded.repository.settings.consent_env, root)  # a register that cannot be used stops here
    except SettingsError as error:
        raise Failure(str(error)) from None
    return loaded


def current_time(now_text: str | None, loaded):
    """The time the command works at, in the school's zone; a clear message for an unreadable --now."""
    from postplan.pipeline import moment

    try:
        return moment(loaded, now_text)
    except ValueError as error:
        raise Failure(f"--now: {error}") from None


def in_repository(paths: tuple[Path, ...], root: Path) -> set[str] | None:
    """The given files as paths from the repository root (None when none are given)."""
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
