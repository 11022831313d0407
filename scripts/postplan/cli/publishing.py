"""The commands that publish and keep the record: publish, status, record-feeds."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postplan.cli.options import Failure, common, current_time, dry_run_option, load


@click.command()
@dry_run_option("Show what would be sent; send and record nothing.")
@click.option("--resolve", "resolve_id", metavar="POST_ID",
              help="Settle a post whose outcome is unknown, after checking the account (with --as).")
@click.option("--as", "resolve_as", type=click.Choice(["published", "not-sent"]),
              help="With --resolve: it did go out (give its link), or it did not.")
@click.option("--account", "resolve_account", metavar="ACCOUNT",
              help="With --resolve, for a post sent to several accounts: the account you checked.")
@click.option("--allow-past-now", is_flag=True, help="Send for real even though --now is in the past.")
@click.argument("url", required=False)
@common
def publish(dry_run: bool, resolve_id: str | None, resolve_as: str | None, resolve_account: str | None,
            allow_past_now: bool, url: str | None, root: Path, now_text: str | None) -> None:
    """Publish the approved posts that are due now, each exactly once.

    Safe to run every few minutes (cron, a systemd timer, a CI schedule): the ledger (ledger.jsonl)
    records every message before and after it is sent, and a lock stops two runs sending at once.
    With no credentials set, messages go to outbox/ instead (in CI that is an error). Exits 0 when
    all is well or nothing is due, 1 when something failed or needs a person, 2 for a usage or
    settings problem, 3 when a post was missed.

    \b
    Examples:
        postplan publish --dry-run
        postplan publish --resolve sports-day --as published https://x.com/TregarrowCP/status/123
        postplan publish --resolve sports-day --account school-facebook --as not-sent
    """
    from postplan.pipeline import publish as run_publish
    from postplan.publish.resolve import ResolveError, resolve
    from postplan.publish.run import Options, UsageError

    if bool(resolve_id) != bool(resolve_as):
        raise Failure("--resolve POST_ID and --as published URL (or --as not-sent) go together")
    if resolve_account and not resolve_id:
        raise Failure("--account goes with --resolve POST_ID (the account of the post you checked)")
    if url and not resolve_id:
        raise Failure(f"unexpected argument '{url}' (a link goes with --resolve POST_ID --as published)")
    loaded = load(root)
    moment = current_time(now_text, loaded)
    try:
        if resolve_id:
            click.echo(resolve(root, resolve_id, resolve_as, url, moment, resolve_account))
            return
        options = Options(dry_run=dry_run, pinned_now=now_text is not None, allow_past_now=allow_past_now)
        report = run_publish(loaded, moment, options)
    except (ResolveError, UsageError) as error:
        raise Failure(str(error)) from None
    click.echo(report.text())
    sys.exit(report.exit_code)


@click.command()
@click.argument("post_id", metavar="POST")
@click.option("--reason", default="", help="Why it is taken down, kept in the ledger (no names of pupils).")
@common
def takedown(post_id: str, reason: str, root: Path, now_text: str | None) -> None:
    """Take a published post down from every account it went to (every part of a thread).

    The takedown is recorded in the ledger before anything is deleted: the post is never sent
    again and the next site build leaves it out. Safe to run again; it deletes only what is still
    up. Exits 0 when everything is deleted, 1 when something must still be deleted, 2 when nothing
    could be done.

    \b
    Example:
        postplan takedown sports-day --reason "photo without consent"
    """
    from postplan.publish.takedown import TakedownError
    from postplan.publish.takedown import takedown as take_down

    loaded = load(root)
    try:
        report = take_down(root, post_id, current_time(now_text, loaded), reason=reason)
    except TakedownError as error:
        raise Failure(str(error)) from None
    click.echo(report.text())
    sys.exit(report.exit_code)


@click.command()
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
        click.echo(status_text(loaded.repository, current_time(now_text, loaded), limit))
    except LedgerError as error:
        raise Failure(str(error)) from None


@click.command("record-feeds")
@click.option("--on-ledger-branch", "on_branch", is_flag=True,
              help="Keep the state on the ledger branch (for a protected main): restore it first, push it after.")
@common
def record_feeds(on_branch: bool, root: Path, now_text: str | None) -> None:
    """Remember how every calendar feed entry looks now, so the next time one moves, apps see it moved.

    Writes calendar/.feed-state.json (only when something changed). Run it on main after changes
    are merged and commit the file; where main is protected, --on-ledger-branch keeps it on the
    ledger branch instead (the site workflow does this). A build only reads it, so building a pull
    request never changes a file.

    \b
    Examples:
        postplan record-feeds && git add calendar/.feed-state.json
        postplan record-feeds --on-ledger-branch && postplan build
    """
    from postplan.feeds import STATE_FILE, FeedStateError, record_feed_state
    from postplan.publish.feedstate import FeedStateBranchError, keep_feed_state, restore_feed_state

    loaded = load(root)
    try:
        branch = restore_feed_state(root, loaded.repository.settings, STATE_FILE) if on_branch else None
        path, changed = record_feed_state(loaded.repository, current_time(now_text, loaded))
        pushed = branch is not None and keep_feed_state(root, branch, STATE_FILE)
    except (FeedStateError, FeedStateBranchError) as error:
        raise Failure(str(error)) from None
    relative = path.relative_to(root).as_posix()
    click.echo(f"Recorded the feeds' entries in {relative}." if changed else f"{relative} is up to date.")
    if pushed:
        click.echo(f"Kept it on the ledger branch '{branch.branch}'.")
