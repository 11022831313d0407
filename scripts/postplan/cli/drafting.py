"""The commands that write posts for people to finish: new, plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postplan.cli.options import (EXIT_FINDINGS, EXIT_OK, Failure, author_option, common, current_time,
                                  dry_run_option, load)


@click.command("new")
@click.argument("template")
@click.option("--event", "owner", metavar="ID", help="The calendar event (or campaign) the post is about.")
@click.option("--campaign", "campaign", metavar="ID", help="The campaign the post is about (same as --event).")
@click.option("--at", "at_text", metavar="WHEN",
              help="When it goes out, like 2027-05-25 10:00. Default: the event's reminder for this "
                   "template, else where the template usually sits beside its event (two days before a reminder, "
                   "the next afternoon for a photo or highlights), else tomorrow at 08:30.")
@author_option
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
    from postplan.drafting import Draft, DraftProblem
    from postplan.pipeline import new_post

    if owner and campaign:
        raise Failure("give --event or --campaign, not both")
    loaded = load(root)
    draft = Draft(template, owner or campaign, at_text, author, post_id)
    try:
        click.echo(new_post(loaded, draft, current_time(now_text, loaded)))
    except DraftProblem as error:
        raise Failure(str(error)) from None


@click.command("plan")
@author_option
@dry_run_option("Say what would be written; write nothing.")
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
    from postplan.drafting import DraftProblem
    from postplan.pipeline import plan

    loaded = load(root)
    try:
        planned = plan(loaded, current_time(now_text, loaded), author, dry_run)
    except DraftProblem as error:
        raise Failure(str(error)) from None
    for line in planned.lines:
        click.echo(line)
    sys.exit(EXIT_FINDINGS if planned.needs_person else EXIT_OK)
