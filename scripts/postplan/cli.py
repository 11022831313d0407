"""The ``postplan`` command: each command wires its options into library calls and says what happened.

Heavy libraries (pydantic, MkDocs, tweepy) are imported inside the commands that need them, so
``postplan --help`` stays instant.
"""

from __future__ import annotations

import functools
import gc
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


def load(root: Path, posts: bool = True):
    """Load the repository, turning a settings problem into a clear exit-2 message."""
    from postplan.load import load_repository
    from postplan.settings import SettingsError

    try:
        return load_repository(root, posts)
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
    from postplan.check import check_files

    everything = not paths and ref is None
    loaded = load(root, posts=not everything)  # for everything, each post is read as it is checked
    wanted = None if everything else _wanted(paths, ref, root, loaded)
    now = current_time(now_text, loaded)
    findings = check_files(loaded, now, root) if everything else check_only(loaded, now, root, wanted)
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


@cli.command("record-feeds")
@common
def record_feeds(root: Path, now_text: str | None) -> None:
    """Remember how every calendar feed entry looks now, so the next time one moves, apps see it moved.

    Writes calendar/.feed-state.json (only when something changed). Run it on main after changes
    are merged, for example in the scheduled workflow that publishes, and commit the file. A build
    only reads it, so building a pull request never changes a file.

    \b
    Example:
        postplan record-feeds && git add calendar/.feed-state.json
    """
    from postplan.feeds import FeedStateError, record_feed_state

    loaded = load(root)
    try:
        path, changed = record_feed_state(loaded.repository, current_time(now_text, loaded))
    except FeedStateError as error:
        raise Failure(str(error)) from None
    relative = path.relative_to(root).as_posix()
    click.echo(f"Recorded the feeds' entries in {relative}." if changed else f"{relative} is up to date.")


@cli.command()
@click.option("--posts", default=10_000, show_default=True, help="How many posts the synthetic school has.")
@click.option("--repeat", default=3, show_default=True, help="Runs of each command (the median is reported).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default="bench.json",
              show_default=True, help="Where to write every figure as JSON.")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path),
              help="Also keep the synthetic school in this folder.")
def bench(posts: int, repeat: int, json_path: Path, keep: Path | None) -> None:
    """Time validate, build, publish and --help on a synthetic school of N posts.

    Each command runs as a whole process; the table gives the median time and the peak memory.

    \b
    Example:
        postplan bench --posts 10000 --json bench.json
    """
    import json

    from postplan.bench import benchmark, table

    if posts < 1 or repeat < 1:
        raise Failure("--posts and --repeat must be at least 1")
    click.echo(f"Generating a school of {posts:,} posts and timing each command {repeat}×…", err=True)
    result = benchmark(posts, repeat, keep)
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    click.echo(table(result))
    click.echo(f"Every figure: {json_path}", err=True)

@cli.command()
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and record nothing.")
@click.option("--resolve", "resolve_id", metavar="POST_ID",
              help="Settle a post whose outcome is unknown, after checking the account (with --as).")
@click.option("--as", "resolve_as", type=click.Choice(["published", "not-sent"]),
              help="With --resolve: it did go out (give its link), or it did not.")
@click.option("--allow-past-now", is_flag=True, help="Send for real even though --now is in the past.")
@click.argument("url", required=False)
@common
def publish(dry_run: bool, resolve_id: str | None, resolve_as: str | None, url: str | None, root: Path,
            now_text: str | None, allow_past_now: bool = False) -> None:
    """Publish the approved posts that are due now, each exactly once.

    Safe to run every few minutes (cron, a systemd timer, a CI schedule): the ledger (ledger.jsonl)
    records every message before and after it is sent, and a lock stops two runs sending at once.
    With no credentials set, messages go to outbox/ instead. Exits 0 when all is well or nothing is
    due, 1 when something failed or needs a person, 2 for a usage or settings problem.

    \b
    Examples:
        postplan publish --dry-run
        postplan publish --resolve sports-day --as published https://x.com/TregarrowCP/status/123
    """
    from postplan.publish.resolve import ResolveError, resolve
    from postplan.publish.run import Options, UsageError
    from postplan.publish.run import publish as run_publish

    if bool(resolve_id) != bool(resolve_as):
        raise Failure("--resolve POST_ID and --as published URL (or --as not-sent) go together")
    if url and not resolve_id:
        raise Failure(f"unexpected argument '{url}' (a link goes with --resolve POST_ID --as published)")
    loaded = load(root)
    moment = current_time(now_text, loaded)
    if resolve_id:
        try:
            click.echo(resolve(root, resolve_id, resolve_as, url, moment))
        except ResolveError as error:
            raise Failure(str(error)) from None
        return
    try:
        options = Options(dry_run=dry_run, pinned_now=now_text is not None, allow_past_now=allow_past_now)
        report = run_publish(root, moment, options, loaded)
    except UsageError as error:
        raise Failure(str(error)) from None
    click.echo(report.text())
    sys.exit(report.exit_code)


@cli.command()
@click.option("--limit", default=10, show_default=True, help="How many posts to show in each list.")
@common
def status(limit: int, root: Path, now_text: str | None) -> None:
    """Show what is due next, and what was published, missed or failed.

    \b
    Example:
        postplan status --limit 5
    """
    from postplan.publish.ledger import LedgerError
    from postplan.publish.status import status_text

    loaded = load(root)
    try:
        click.echo(status_text(loaded.repository, root, current_time(now_text, loaded), limit))
    except LedgerError as error:
        raise Failure(str(error)) from None


def _author(root: Path, author: str | None) -> str:
    from postplan.postfile import git_user_name

    name = author or git_user_name(root)
    if not name:
        raise Failure("who is the author? Give --author \"Your Name\", or set it once with "
                      "git config --global user.name \"Your Name\"")
    return name


def _planned_fields(post, author: str, status: str, planned: bool) -> dict:
    fields = {"publish_at": post.publish_at, "status": status, "author": author,
              "event": post.event, "campaign": post.campaign}
    if planned:
        fields["planned"] = {"template": post.template, "event_start": post.event_start}
    return fields


@cli.command("new")
@click.argument("template")
@click.option("--event", "owner", metavar="ID", help="The calendar event (or campaign) the post is about.")
@click.option("--campaign", "campaign", metavar="ID", help="The campaign the post is about (same as --event).")
@click.option("--at", "at_text", metavar="WHEN",
              help="When it goes out, like 2027-05-25 10:00. Default: the event's reminder for this "
                   "template, else tomorrow at 08:30.")
@click.option("--author", help="Who is writing it. Default: git config user.name.")
@click.option("--id", "post_id", metavar="ID", help="The post's id (its file name). Default: <event>-<template>.")
@common
def new(template: str, owner: str | None, campaign: str | None, at_text: str | None, author: str | None,
        post_id: str | None, root: Path, now_text: str | None) -> None:
    """Start a post from a template: writes a draft under content/posts/YYYY-MM/ and prints its path.

    The event's title, date, time and amount are filled in; check the wording, then open a pull
    request. An existing file is never overwritten.

    \b
    Example:
        postplan new deadline-reminder --event sports-day-2027 --at "2027-05-25 10:00"
    """
    import re

    from postplan.clock import LocalTimeError, parse_local
    from postplan.plan import start_post
    from postplan.postfile import PostExists, post_file_text, write_new
    from postplan.templating import TemplateProblem, Templates

    if owner and campaign:
        raise Failure("give --event or --campaign, not both")
    if post_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", post_id):
        raise Failure(f"--id {post_id}: use lower-case letters, digits and dashes, like sports-day-reminder")
    loaded = load(root)
    repository = loaded.repository
    now = current_time(now_text, loaded)
    at = None
    if at_text:
        text = at_text.strip()
        try:
            at = parse_local(text + (" 08:30" if len(text) == 10 else ""), repository.settings.zone)
        except (LocalTimeError, ValueError) as error:
            raise Failure(f"--at: {error}") from None
    name = _author(root, author)
    try:
        post = start_post(repository, Templates(root), template, owner or campaign, at, now, post_id)
    except LookupError as error:
        raise Failure(str(error).strip("'\"")) from None
    except (TemplateProblem, LocalTimeError) as error:
        raise Failure(str(error)) from None
    taken = next((p for p in repository.posts if p.id == post.id), None)
    if taken is not None:
        raise Failure(f"a post with the id '{post.id}' already exists ({taken.source.path}); "
                      "choose another with --id")
    content = post_file_text(_planned_fields(post, name, "draft", planned=False), post.text,
                             comment=f"Started from the {template} template. Check the wording, then open a pull request.")
    try:
        write_new(root, post.path, content)
    except PostExists as error:
        raise Failure(str(error)) from None
    click.echo(post.path)


@cli.command("plan")
@click.option("--author", help="Who the planned posts are by. Default: git config user.name.")
@click.option("--dry-run", is_flag=True, help="Say what would be written; write nothing.")
@common
def plan_command(author: str | None, dry_run: bool, root: Path, now_text: str | None) -> None:
    """Write the reminder posts the calendar asks for, as proposed posts for leaders to review.

    Each event's `reminders:` become posts under content/posts/. Posts written before are never
    rewritten: when an event has moved, or a reminder is gone, the post is reported instead.
    Exits 0 when every planned post agrees with the calendar, 1 when one needs a person.

    \b
    Example:
        postplan plan --author "Office (J. Pengelly)"
    """
    from postplan.plan import Notice, plan
    from postplan.postfile import PostExists, post_file_text, write_new
    from postplan.templating import Templates

    loaded = load(root)
    result = plan(loaded.repository, Templates(root), current_time(now_text, loaded))
    name = _author(root, author) if result.to_write and not dry_run else ""
    for post in result.to_write:
        if dry_run:
            click.echo(f"would write {post.path}")
            continue
        comment = (f"Written by postplan plan for {post.event or post.campaign}: {post.template}, {post.when}.\n"
                   "Check the wording and add any photos, then ask a leader to approve it.")
        content = post_file_text(_planned_fields(post, name, "proposed", planned=True), post.text, comment)
        try:
            write_new(root, post.path, content)
        except PostExists:  # a file the loader could not read as a post: validate says why
            result.problems.append(Notice(post.path, 1, "this file is in the way of a planned post and is not "
                                          "a valid post", "run postplan validate to see what is wrong with it"))
            continue
        click.echo(f"wrote {post.path}")
    for post in result.too_late:
        click.echo(f"skipped {post.id}: it would have gone out {post.publish_at:%Y-%m-%d %H:%M}, already past")
    for notice in [*result.out_of_date, *result.problems]:
        click.echo(str(notice))
    verb = "would write" if dry_run else "wrote"
    click.echo(f"{verb} {len(result.to_write)}, {len(result.existing)} already planned, "
               f"{len(result.too_late)} too late, {len(result.out_of_date)} out of date, "
               f"{len(result.problems)} cannot be written")
    sys.exit(EXIT_FINDINGS if result.out_of_date or result.problems else EXIT_OK)

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
    from postplan.clock import now
    from postplan.feeds import FeedStateError
    from postplan.settings import SettingsError, load_settings

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
    except (SettingsError, site_build.BuildProblem, FeedStateError) as error:
        raise Failure(str(error)) from None
    finally:
        if sys.stderr.isatty():
            click.echo("\r\033[K", nl=False, err=True)
    where = built.site_dir.relative_to(root) if built.site_dir.is_relative_to(root) else built.site_dir
    kind = "staff preview" if staff else "public site"
    click.echo(f"Built the {kind} in {where}/: {built.posts_shown} posts shown, {built.pages} pages, "
               f"{len(built.feeds)} calendar feed{'s' if len(built.feeds) != 1 else ''} ({built.seconds:.1f} s).")
    for warning in dict.fromkeys(w for feed in built.feeds for w in feed.warnings):
        click.echo(f"warning: {warning}", err=True)
    if built.errors:
        left_out = "shown with their problems" if staff else "left out of the site"
        click.echo(f"{built.errors} error{'s' if built.errors != 1 else ''} found: posts with errors are {left_out}. "
                   "Run `postplan validate` to see them.", err=True)
        sys.exit(EXIT_FINDINGS)


def _stage_line(stage: str) -> None:
    """One line on the terminal saying what a long build is doing, rewritten at each stage."""
    click.echo(f"\r\033[Kpostplan build: {stage}…", nl=False, err=True)


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
    # A command runs for seconds and makes many small objects that almost never form cycles: collecting
    # less often saves a tenth of a check's time, and memory stays within a few tens of megabytes.
    gc.set_threshold(50_000, 20, 100)
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
