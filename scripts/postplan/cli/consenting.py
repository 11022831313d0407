"""The commands about photo consent and old photos: ``postplan consent audit`` and ``retention``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postplan.cli.options import EXIT_FINDINGS, EXIT_OK, Failure, common, current_time, load


@click.group()
def consent() -> None:
    """Check published photos against the school's consent register, and list old photos for review.

    \b
    Examples:
        postplan consent audit
        postplan consent retention
    """


@consent.command("audit")
@common
def consent_audit(root: Path, now_text: str | None) -> None:
    """List published posts whose photos show a pupil who no longer has consent (withdrawn or expired).

    Reads the consent register named by POSTPLAN_CONSENT (outside the repository) and the publisher's
    ledger. Each post is listed with its link and the command that takes it down; the public site stops
    showing those photos at its next build. Exits 1 when something needs taking down, 2 when there is no
    register to check against, 0 when every published photo still has consent.

    \b
    Example:
        postplan consent audit --now 2027-05-20
    """
    from postplan.consent import read_register
    from postplan.publish.audit import audit

    loaded = load(root)
    settings = loaded.repository.settings
    register = read_register(settings.consent_env, root)
    if register is None:
        raise Failure(f"the audit needs the school's consent register: set {settings.consent_env} to its file "
                      "(kept outside the repository)")
    now = current_time(now_text, loaded)
    takedowns = audit(loaded.repository.posts, root, register, now.date())
    for takedown in takedowns:
        click.echo(takedown.describe())
    if takedowns:
        click.echo(f"✗ {len(takedowns)} published post{'s' if len(takedowns) != 1 else ''} to take down "
                   f"(checked on {now:%d/%m/%Y}); the site hides these photos at its next build.")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"✓ every published photo still has consent (checked on {now:%d/%m/%Y}).")
    sys.exit(EXIT_OK)


@consent.command("retention")
@common
def consent_retention(root: Path, now_text: str | None) -> None:
    """List photos posted more than `photo_review_years` school years ago, for the school to review.

    Schools keep photos of pupils only as long as their policy says; this lists each old photo with the
    post that used it, so someone can decide to keep, archive or delete it. Nothing is changed.

    \b
    Example:
        postplan consent retention
    """
    from postplan.photos import older_than

    loaded = load(root)
    settings = loaded.repository.settings
    now = current_time(now_text, loaded)
    old, before = older_than(loaded.repository.posts, now.date(), settings.photo_review_years)
    for day, file, post in old:
        click.echo(f"{day:%d/%m/%Y}  content/{file}  (post {post})")
    click.echo(f"{len(old)} photo{'s' if len(old) != 1 else ''} posted before {before:%d/%m/%Y} "
               f"({settings.photo_review_years} school years) to review.")
