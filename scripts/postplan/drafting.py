"""Drafting: the posts ``postplan new`` and ``postplan plan`` write into content/posts/, never over a file.

The plan stage works out what the calendar asks for and writes nothing; this module writes it, with
the author's name and a comment saying where the post came from, for a person to check before a
leader approves it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from postplan.clock import LocalTimeError, parse_local
from postplan.models import Repository
from postplan.plan import Notice, PlannedPost, plan, start_post
from postplan.postfile import PostExists, git_user_name, post_file_text, write_new
from postplan.templating import TemplateProblem, Templates


class DraftProblem(Exception):
    """Why nothing could be written: a message for the person at the keyboard."""


def author_name(root: Path, given: str | None) -> str:
    """The author: as given, else git's ``user.name``; a clear problem when neither says."""
    name = given or git_user_name(root)
    if not name:
        raise DraftProblem("who is the author? Give --author \"Your Name\", or set it once with "
                           "git config --global user.name \"Your Name\"")
    return name


def _fields(post: PlannedPost, author: str, status: str, planned: bool) -> dict:
    fields = {"publish_at": post.publish_at, "status": status, "author": author,
              "event": post.event, "campaign": post.campaign}
    if planned:
        fields["planned"] = {"template": post.template, "event_start": post.event_start}
    return fields


@dataclass(frozen=True)
class Draft:
    """What ``postplan new`` was asked for."""

    template: str
    owner: str | None = None  # an event's or a campaign's id
    at: str | None = None  # "2027-05-25 10:00", or a day alone (then 08:30)
    author: str | None = None
    post_id: str | None = None


def start_draft(repository: Repository, draft: Draft, now: dt.datetime) -> str:
    """Write a new draft post from a template; its path. Raises ``DraftProblem`` when it cannot."""
    if draft.post_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", draft.post_id):
        raise DraftProblem(f"--id {draft.post_id}: use lower-case letters, digits and dashes, like "
                           "sports-day-reminder")
    root = Path(repository.root)
    at = _when(draft.at, repository) if draft.at else None
    name = author_name(root, draft.author)
    try:
        post = start_post(repository, Templates(root), draft.template, draft.owner, at, now, draft.post_id)
    except LookupError as error:
        raise DraftProblem(str(error).strip("'\"")) from None
    except (TemplateProblem, LocalTimeError) as error:
        raise DraftProblem(str(error)) from None
    taken = next((p for p in repository.posts if p.id == post.id), None)
    if taken is not None:
        raise DraftProblem(f"a post with the id '{post.id}' already exists ({taken.source.path}); "
                           "choose another with --id")
    comment = f"Started from the {draft.template} template. Check the wording, then open a pull request."
    try:
        write_new(root, post.path, post_file_text(_fields(post, name, "draft", planned=False), post.text, comment))
    except PostExists as error:
        raise DraftProblem(str(error)) from None
    return post.path


def _when(text: str, repository: Repository) -> dt.datetime:
    text = text.strip()
    try:
        return parse_local(text + (" 08:30" if len(text) == 10 else ""), repository.settings.zone)
    except (LocalTimeError, ValueError) as error:
        raise DraftProblem(f"--at: {error}") from None


@dataclass
class Planned:
    """What ``postplan plan`` did (or would do), a line each, and whether a person must look."""

    lines: list[str] = field(default_factory=list)
    needs_person: bool = False


def write_plan(repository: Repository, now: dt.datetime, author: str | None, dry_run: bool) -> Planned:
    """Write the reminder posts the calendar asks for as proposed posts (with ``dry_run``, only say so)."""
    root = Path(repository.root)
    result = plan(repository, Templates(root), now)
    name = author_name(root, author) if result.to_write and not dry_run else ""
    done = Planned()
    for post in result.to_write:
        if dry_run:
            done.lines.append(f"would write {post.path}")
        elif _write_planned(root, post, name, result.problems):
            done.lines.append(f"wrote {post.path}")
    for post in result.too_late:
        done.lines.append(f"skipped {post.id}: it would have gone out {post.publish_at:%Y-%m-%d %H:%M}, already past")
    done.lines += [str(notice) for notice in [*result.out_of_date, *result.problems]]
    verb = "would write" if dry_run else "wrote"
    done.lines.append(f"{verb} {len(result.to_write)}, {len(result.existing)} already planned, "
                      f"{len(result.too_late)} too late, {len(result.out_of_date)} out of date, "
                      f"{len(result.problems)} cannot be written")
    done.needs_person = bool(result.out_of_date or result.problems)
    return done


def _write_planned(root: Path, post: PlannedPost, author: str, problems: list[Notice]) -> bool:
    comment = (f"Written by postplan plan for {post.event or post.campaign}: {post.template}, {post.when}.\n"
               "Check the wording and add any photos, then ask a leader to approve it.")
    content = post_file_text(_fields(post, author, "proposed", planned=True), post.text, comment)
    try:
        write_new(root, post.path, content)
    except PostExists:  # a file the loader could not read as a post: validate says why
        problems.append(Notice(post.path, 1, "this file is in the way of a planned post and is not a valid post",
                               "run postplan validate to see what is wrong with it"))
        return False
    return True
