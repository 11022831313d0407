"""A reviewer's preview of posts: the text as it will go out, its length against the limit, the images
with their alt text, and the findings, as Markdown (a pull request's job summary) or plain text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from postplan.escape import markdown, markdown_code, terminal
from postplan.findings import Finding, Severity
from postplan.models import Account, Post, Repository
from postplan.platforms import dollars, measure, x_charge

ICONS = {"error": "❌", "warning": "⚠️", "allowed": "☑️"}


def _label(finding: Finding) -> str:
    return "allowed" if finding.allowed is not None else finding.severity.value


def _when(post: Post) -> str:
    return f"{post.publish_at:%A} {post.publish_at.day} {post.publish_at:%B %Y, %H:%M}"


def _cell(value: object) -> str:
    """Anyone can write what is shown here (a pull request's job summary): it is always plain text."""
    return markdown(value)


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text, so the text shows exactly as written."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _counts(findings: Sequence[Finding]) -> str:
    errors = sum(f.blocks for f in findings)
    warnings = sum(f.severity is Severity.WARNING and f.allowed is None for f in findings)
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _grouped(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return by_path


def as_markdown(repository: Repository, paths: Sequence[str], findings: Sequence[Finding]) -> str:
    """The preview for a job summary: a section per file, posts first in the order given."""
    posts = {post.source.path: post for post in repository.posts}
    by_path = _grouped(findings)
    out = [f"## postplan preview: {len(paths)} file{'s' * (len(paths) != 1)}, {_counts(findings)}", ""]
    exceptions = _exceptions(posts, findings)
    if exceptions:
        out += [f"**{exceptions[0]}**: an `allow:` keeps each of these from blocking; check each is right.", "",
                *(f"- {line}" for line in exceptions[1:]), ""]
    if not paths:
        out.append("No posts, calendar files or settings changed.")
    for path in paths:
        out += [f"### {markdown_code(path)}", ""]
        post = posts.get(path)
        if post is not None:
            out += _post_markdown(post, repository)
        elif path.startswith("content/posts/"):
            out += ["**This post could not be read**, so it cannot be previewed: see the errors below.", ""]
        out += _findings_markdown(by_path.get(path, []))
    return "\n".join(out).rstrip() + "\n"


def _post_markdown(post: Post, repository: Repository) -> list[str]:
    accounts = [(name, repository.settings.accounts.get(name)) for name in post.accounts]
    handles = ", ".join(a.handle if a else f"{name} (unknown account)" for name, a in accounts)
    approval = f"{post.approved_by}" if post.approved_by else "not yet"
    out = [
        f"| when | {'accounts (each sent once)' if len(accounts) > 1 else 'account'} | status | author | approved by |",
        "|---|---|---|---|---|",
        f"| {_cell(_when(post))} | {_cell(handles)} | {post.status} | {_cell(post.author)} | {_cell(approval)} |",
        "",
    ]
    for number, part in enumerate(post.parts, start=1):
        if post.is_thread:
            out.append(f"**Part {number} of {len(post.parts)}**")
        out += _lengths(part.text, accounts)
        fence = _fence(part.text)
        out += ["", f"{fence}text", part.text, fence, ""]
    if post.media:
        out += ["| image | alt text | people | consent |", "|---|---|---|---|"]
        for item in post.media:
            alt = _cell(item.alt) if item.alt else "❌ **no alt text**"
            file = markdown_code(item.file, in_table=True)
            out.append(f"| {file} | {alt} | {'yes' if item.people else 'no'} | {item.consent or '—'} |")
        out.append("")
    for name, account in accounts:
        if account is not None and account.platform == "x":
            charge, words = x_charge([part.text for part in post.parts], repository.settings.x_prices)
            where = f" on {account.handle}" if len(accounts) > 1 else ""
            out += [f"**Estimated X charge**{where}: {dollars(charge)} ({words})", ""]
    if post.poll is not None:
        options = ", ".join(post.poll.options)
        out += [f"**Poll** ({_duration(post.poll.duration)}): {_cell(options)}", ""]
    for allowance in post.allow:
        out += [f"**Exception allowed** for {markdown_code(allowance.rule)}: {_cell(allowance.reason)}", ""]
    return out


def _lengths(text: str, accounts: list[tuple[str, Account | None]]) -> list[str]:
    """A text's length as each account's platform counts it, against that platform's limit."""
    out = []
    for name, account in accounts:
        if account is not None:
            length, limit = measure(text, account)
            where = f" for {account.handle}" if len(accounts) > 1 else ""
            out.append(f"{'✅' if length <= limit else '❌'} {length} / {limit} characters as "
                       f"{account.platform.upper()} counts them{where}")
    return out


def _exceptions(posts: dict[str, Post], findings: Sequence[Finding]) -> list[str]:
    """A title, then every finding an `allow:` silences (rule, reason, who granted it), for the reviewer
    to see first; nothing when no exception is allowed."""
    allowed = [f for f in findings if f.allowed is not None]
    if not allowed:
        return []
    out = [f"Exceptions allowed ({len(allowed)})"]
    for finding in allowed:
        post = posts.get(finding.path)
        allowance = post.allowed(finding.rule) if post is not None else None
        by = f", granted by {allowance.by}" if allowance is not None and allowance.by else ""
        out.append(f"{markdown_code(finding.path)} line {finding.line}: {markdown_code(finding.rule)}: "
                   f"{_cell(finding.allowed)}{_cell(by)}")
    return out


def _duration(minutes: int) -> str:
    for size, unit in ((1440, "day"), (60, "hour")):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' * (count != 1)}"
    return f"{minutes} minutes"


def _findings_markdown(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return ["✅ No findings.", ""]
    out = []
    for finding in findings:
        label = _label(finding)
        rule = markdown_code(finding.rule)
        out.append(f"- {ICONS[label]} **{label}** line {finding.line}: {_cell(finding.message)} ({rule})")
        if finding.fix:
            out.append(f"  - how to fix: {_cell(finding.fix)}")
        if finding.allowed is not None:
            out.append(f"  - allowed by a leader: {_cell(finding.allowed)}")
    return [*out, ""]


def as_text(repository: Repository, paths: Sequence[str], findings: Sequence[Finding]) -> str:
    """The same preview for a terminal."""
    posts = {post.source.path: post for post in repository.posts}
    by_path = _grouped(findings)
    exceptions = _exceptions(posts, findings)
    out = [*exceptions[:1], *(f"  {line}" for line in exceptions[1:]), *([""] if exceptions else [])]
    for path in paths:
        out.append(f"== {path}")
        post = posts.get(path)
        if post is not None:
            accounts = [a for a in map(repository.settings.accounts.get, post.accounts) if a is not None]
            handles = ", ".join(a.handle for a in accounts) or post.account
            out.append(f"{_when(post)} · {handles} · {post.status} · "
                       f"{post.author}" + (f" · approved by {post.approved_by}" if post.approved_by else ""))
            for number, part in enumerate(post.parts, start=1):
                size = ", ".join(f"{used}/{limit}" for used, limit in (measure(part.text, a) for a in accounts))
                size = f" ({size})" if size else ""
                heading = f"part {number}" if post.is_thread else "text"
                out.append(f"-- {heading}{size}")
                out.append(part.text)
            for item in post.media:
                out.append(f"image {item.file}: " + (f"alt: {item.alt}" if item.alt else "NO ALT TEXT"))
            if post.poll is not None:
                out.append(f"poll ({_duration(post.poll.duration)}): " + " / ".join(post.poll.options))
        for finding in by_path.get(path, []):
            out.append(f"{_label(finding)}: line {finding.line}: {finding.message} [{finding.rule}]")
        out.append("")
    out.append(f"{len(paths)} file{'s' * (len(paths) != 1)}: {_counts(findings)}")
    return terminal("\n".join(out))
