"""Find due posts: which approved posts go out now, and which must not (and why).

A post goes out when it is approved, its time has come, it is not in the ledger, it has no errors,
it is less than the grace window late, and the event it is about has not happened yet. Its time is
the first posting slot at or after its ``publish_at`` (slots.py): the workflow runs only at the slots,
so a post written for 10:05 goes out at 12:30, whether the 12:30 run or its catch-up sends it. A post that
is later than that is *missed*: "see you tomorrow" a day late is wrong, so it is recorded, not sent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from postplan.findings import Finding
from postplan.wording import duration
from postplan.models import Event, Post, Repository
from postplan.publish.content import content_hash
from postplan.publish.fingerprints import Fingerprints
from postplan.publish.ledger import PostRecord, sent_hashes
from postplan.publish.likeness import renamed_from

# What the run does with a post. Only "send" and "resume" send anything.
SEND, RESUME, MISS, BLOCKED, NEEDS_PERSON, EDITED, SAME_CONTENT, NOT_APPROVED, LOOKS_SENT = (
    "send", "resume", "miss", "blocked", "needs-person", "edited", "same-content", "not-approved", "looks-sent")


@dataclass(frozen=True)
class Decision:
    post: Post
    action: str
    reason: str
    hash: str
    start_part: int = 0  # a resumed thread carries on from here
    reply_to: str | None = None  # ...answering this platform id (the last part that went out)


def due_posts(repository: Repository, findings: list[Finding], records: dict[str, PostRecord],
              now: dt.datetime) -> list[Decision]:
    """A decision for every post whose time has come and that the ledger has not settled, oldest first."""
    grace = dt.timedelta(minutes=repository.settings.publish_grace_minutes)
    errors = _errors_by_path(findings)
    hashes = sent_hashes(records)
    gone = _sent_and_gone(repository, records)
    photos = Fingerprints(Path(repository.root))
    decisions = []
    for post in sorted(repository.posts, key=lambda p: (p.publish_at, p.id)):
        if still_to_go(repository, post, now):
            continue
        decision = _decide(post, repository, errors, records.get(post.id), hashes, now, grace, gone, photos)
        if decision is not None:
            decisions.append(decision)
    photos.save()
    return decisions


def deciding(repository: Repository, now: dt.datetime) -> set[str]:
    """The posts (paths) whose findings can change what a run does: approved and due within the grace
    window. An earlier post is missed and a later one is not due, whatever their findings say."""
    grace = dt.timedelta(minutes=repository.settings.publish_grace_minutes)
    return {post.source.path for post in repository.posts
            if post.status == "approved" and post.publish_at <= now
            and now - grace <= repository.goes_out(post.publish_at) <= now}


def when(repository: Repository, post: Post, form: str = "%a %-d %b %H:%M") -> str:
    """A post's time as staff wrote it and, when it falls between slots, the slot it really goes out at."""
    going = repository.goes_out(post.publish_at)
    written = post.publish_at.strftime(form)
    if going == post.publish_at:
        return written
    same_day = going.date() == post.publish_at.astimezone(going.tzinfo).date()
    return f"{written}, goes out at {going:%H:%M}{'' if same_day else f' on {going:%a %-d %b}'} (the next posting slot)"


def still_to_go(repository: Repository, post: Post, now: dt.datetime) -> bool:
    """Whether a post has yet to go out: its slot is still to come (cheap for posts well in the future)."""
    return post.publish_at > now or repository.goes_out(post.publish_at) > now


def next_up(repository: Repository, now: dt.datetime) -> Post | None:
    """The approved post that goes out next after ``now`` (a post between slots may still be waiting)."""
    soon = [(repository.goes_out(post.publish_at), post.id, post) for post in repository.posts
            if post.status == "approved" and post.publish_at > now - dt.timedelta(days=8)]
    waiting = [item for item in soon if item[0] > now]
    return min(waiting, key=lambda item: item[:2])[2] if waiting else None


def _sent_and_gone(repository: Repository, records: dict[str, PostRecord]) -> dict[str, dict]:
    """Posts that went out (or may have) and have no file under their id any more: renamed, perhaps."""
    present = {post.id for post in repository.posts}
    return {post_id: record.likeness for post_id, record in records.items()
            if record.likeness and post_id not in present
            and record.state in ("published", "publishing", "needs-person", "taken-down")}


def _decide(post: Post, repository: Repository, errors: dict[str, list[Finding]], record: PostRecord | None,
            hashes: dict[str, str], now: dt.datetime, grace: dt.timedelta, gone: dict[str, dict],
            photos: Fingerprints) -> Decision | None:
    root = Path(repository.root)
    fingerprint = content_hash(post, root, photos.sha256)
    going = repository.goes_out(post.publish_at)
    if post.status != "approved":
        if now - going <= grace and record is None:
            return Decision(post, NOT_APPROVED, f"its time has come but it is {post.status}, not approved", fingerprint)
        return None
    if record is not None:
        settled = _from_ledger(post, record, fingerprint)
        if settled is not False:
            return settled
    elif fingerprint in hashes:
        return Decision(post, SAME_CONTENT, f"the same content went out as '{hashes[fingerprint]}'", fingerprint)
    late = now - going
    stale = _event_over(repository.event(post.event), now)
    if stale:
        return Decision(post, MISS, stale, fingerprint)
    if late > grace:
        return Decision(post, MISS, f"{duration(late)} late, more than the {duration(grace)} grace window",
                        fingerprint)
    if errors.get(post.source.path):
        count = len(errors[post.source.path])
        return Decision(post, BLOCKED, f"{count} error{'s' * (count != 1)} (postplan validate "
                        f"{post.source.path}): fix {'them' if count != 1 else 'it'} and it goes out on the next run",
                        fingerprint)
    # after the late checks: a post like a sent one is asked about while it is due, then recorded as missed
    if record is None and (twin := renamed_from(post, root, gone)) is not None:
        return Decision(post, LOOKS_SENT, f"it is much like '{twin}', which went out and whose file is gone "
                        "(renamed and edited?); not sent. If it is a different post, change its text or "
                        "pictures; if it is the same, give it back the old file name", fingerprint)
    if record is not None and record.state == "publishing":
        part, platform_id = record.last_published()
        return Decision(post, RESUME, f"part {part + 2} of {record.of} onwards", fingerprint, part + 1, platform_id)
    return Decision(post, SEND, "", fingerprint)


def _from_ledger(post: Post, record: PostRecord, fingerprint: str) -> Decision | None | bool:
    """What the ledger already settles for this post: a decision, None (nothing to do) or False (go on)."""
    state = record.state
    if state == "needs-person":
        part, entry = record.pending()
        return Decision(post, NEEDS_PERSON, _pending_reason(part, record.of, entry), fingerprint)
    if state in ("published", "publishing", "failed") and record.hash and record.hash != fingerprint:
        if fingerprint in record.edited:
            return None
        return Decision(post, EDITED, f"it was edited after it was {state}; the change is not sent", fingerprint)
    if state in ("published", "failed", "same-content", "taken-down"):
        return None
    if state == "publishing" and record.marker is not None and record.marker["state"] == "missed":
        return None  # the rest of the thread was already recorded as missed
    if state == "missed":
        rescheduled = record.marker.get("publish_at") != post.publish_at.isoformat()
        return False if rescheduled else None
    return False  # "publishing" (carry on) and "not-sent" (try again)


def _pending_reason(part: int, of: int, entry: dict) -> str:
    which = f"part {part + 1} of {of}" if of > 1 else "it"
    if entry["state"] == "unsure":
        return f"{which} may or may not have gone out ({entry.get('error', 'no answer')})"
    return f"{which} was claimed at {entry.get('at', '?')} with no outcome recorded (the run stopped mid-request)"


def _event_over(event: Event | None, now: dt.datetime) -> str | None:
    """Why the post's event makes it stale, if it has already happened."""
    if event is None:
        return None
    if event.all_day:
        if event.last_day < now.date():
            return f"its event '{event.id}' was on {event.last_day:%A %-d %B}"
        return None
    moment = event.end or event.start
    if moment <= now:
        return f"its event '{event.id}' {'ended' if event.end else 'started'} at {moment:%H:%M on %A %-d %B}"
    return None


def _errors_by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    errors: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.blocks:
            errors.setdefault(finding.path, []).append(finding)
    return errors

