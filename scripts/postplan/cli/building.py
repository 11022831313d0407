"""The commands that make things: build (the site and feeds), media strip, bench."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postplan.cli.options import EXIT_FINDINGS, Failure, common, current_time, load, root_option


@click.command()
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
    from postplan import pipeline
    from postplan.feeds import FeedStateError
    from postplan.site.build import BuildProblem

    progress = _stage_line if sys.stderr.isatty() else (lambda stage: None)
    try:
        progress("loading the school's files")
        # The posts are read where they are checked and drawn, in a process of its own (pipeline.build)
        loaded = load(root, posts=False)
        built = pipeline.build(loaded, current_time(now_text, loaded), staff=staff, progress=progress, apart=True)
    except (BuildProblem, FeedStateError) as error:
        raise Failure(str(error)) from None
    finally:
        if sys.stderr.isatty():
            click.echo("\r\033[K", nl=False, err=True)
    for line, to_stderr in built.summary(root, staff):
        click.echo(line, err=to_stderr)
    if built.errors:
        sys.exit(EXIT_FINDINGS)


@click.command()
@click.option("--staff", is_flag=True, help="Serve the private staff preview (site-staff/) instead of the public site.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on (0: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but this computer needs --anyone-on-the-network.")
@click.option("--anyone-on-the-network", "open_to_network", is_flag=True,
              help="Allow a --host other than this computer (the staff preview holds drafts: take care).")
@common
def serve(staff: bool, port: int, host: str, open_to_network: bool, root: Path, now_text: str | None) -> None:
    """Show the site on this computer, rebuilt whenever a post, calendar file, template or the settings change.

    \b
    Example:
        postplan serve --staff
    """
    import threading

    from postplan import pipeline
    from postplan.feeds import FeedStateError
    from postplan.serve import LOCAL_HOSTS, serve as run_server
    from postplan.site.build import BuildProblem

    if host not in LOCAL_HOSTS and not open_to_network:
        raise Failure(f"postplan serve listens only on this computer; to listen on {host}, add "
                      "--anyone-on-the-network (anyone who can reach it sees the site)")

    def build_once() -> str:
        try:
            loaded = load(root)
            built = pipeline.build(loaded, current_time(now_text, loaded), staff=staff)
        except (Failure, BuildProblem, FeedStateError) as error:
            return f"Not rebuilt: {error}"
        return "\n".join(line for line, _ in built.summary(root, staff))

    site = root.resolve() / ("site-staff" if staff else "site")
    try:
        run_server(root, site, build_once, host, port, click.echo, threading.Event())
    except KeyboardInterrupt:
        click.echo("Stopped.")
    except OSError as error:
        raise Failure(f"cannot listen on {host}:{port}: {error.strerror}") from None


def _stage_line(stage: str) -> None:
    """One line on the terminal saying what a long build is doing, rewritten at each stage."""
    click.echo(f"\r\033[Kpostplan build: {stage}…", nl=False, err=True)


@click.group()
def media() -> None:
    """Work on the pictures posts attach.

    \b
    Example:
        postplan media strip content/media/2027/relay.jpg
    """


@media.command("strip")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@root_option
def media_strip(files: tuple[Path, ...], root: Path) -> None:
    """Remove a photo's hidden details (GPS location, camera, time) in place, keeping it the right way up.

    Phones record where a photo was taken; the media-location rule refuses such photos. The picture is
    turned upright first (phones store it sideways with a note saying so), then saved without the notes.
    A file not found from the current folder is looked for under --root.

    \b
    Example:
        postplan media strip content/media/2027/relay.jpg
    """
    from postplan import photos

    for file in files:
        found = file if file.is_file() or file.is_absolute() else root / file
        if not found.is_file():
            raise Failure(f"{file}: there is no such file")
        try:
            click.echo(f"{file}: {photos.strip_and_say(found)}")
        except (OSError, ValueError, SyntaxError) as error:
            raise Failure(f"{file}: cannot be read as a picture ({error})") from None


@click.command()
@click.option("--posts", default=10_000, show_default=True, help="How many posts the synthetic school has.")
@click.option("--repeat", default=3, show_default=True, help="Runs of each command (the median is reported).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default="bench.json",
              show_default=True, help="Where to write every figure as JSON (a relative path is under --root).")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path),
              help="Also keep the synthetic school in this folder.")
@click.option("--checks-only", is_flag=True,
              help="Time only the floor and validate (cold, warm, 3 changed posts): quick at 50,000 posts.")
@root_option
def bench(posts: int, repeat: int, json_path: Path, keep: Path | None, checks_only: bool, root: Path) -> None:
    """Time validate, build, publish and --help on a synthetic school of N posts.

    Each command runs as a whole process; the table gives the median time and the peak memory, then the
    GitHub Actions minutes a month the repository's workflows would cost at those times.

    \b
    Example:
        postplan bench --posts 10000 --json bench.json
        postplan bench --posts 50000 --checks-only --json bench-50k.json
    """
    from postplan.bench import run_bench

    if posts < 1 or repeat < 1:
        raise Failure("--posts and --repeat must be at least 1")
    click.echo(f"Generating a school of {posts:,} posts and timing each command {repeat}×…", err=True)
    click.echo(run_bench(posts, repeat, root / json_path, keep, root, checks_only))
    click.echo(f"Every figure: {json_path}", err=True)


@click.command()
@click.option("--check", is_flag=True, help="Change nothing: exit 1 if the workflow and the settings disagree.")
@root_option
def workflows(check: bool, root: Path) -> None:
    """Write the publishing workflow's schedule and secrets from the settings (mkdocs.yml).

    The workflow runs at the posting slots (posting_slots: in mkdocs.yml), in summer and winter time,
    with a catch-up an hour after each, and hands every account's credentials to postplan publish.
    Run it after changing the slots or the accounts, and commit .github/workflows/publish.yml.

    \b
    Examples:
        postplan workflows
        postplan workflows --check
    """
    from postplan import workflows as publishing_workflow
    from postplan.settings import SettingsError, load_settings

    try:
        settings = load_settings(root)
    except SettingsError as error:
        raise Failure(str(error)) from None
    path = publishing_workflow.PUBLISH_WORKFLOW
    if check:
        current = root / path
        if not current.is_file() or current.read_text(encoding="utf-8") != publishing_workflow.publish_workflow(settings):
            click.echo(f"{path}: does not match the posting slots and accounts in mkdocs.yml; "
                       "run `postplan workflows` and commit it")
            sys.exit(EXIT_FINDINGS)
        click.echo(f"{path}: matches mkdocs.yml")
        return
    changed = publishing_workflow.write(root, settings)
    runs = publishing_workflow.runs_a_month(settings)
    click.echo(f"{path}: {'written' if changed else 'already up to date'} "
               f"(about {runs:.0f} runs a month at the posting slots)")
    catch_up = int(publishing_workflow.CATCH_UP.total_seconds() // 60)
    if settings.publish_grace_minutes < catch_up:
        click.echo(f"Note: publish_grace_minutes is {settings.publish_grace_minutes}, less than the {catch_up} "
                   "minutes after a slot when its catch-up runs: a post whose slot's run GitHub drops is "
                   "recorded as missed rather than sent late.")
