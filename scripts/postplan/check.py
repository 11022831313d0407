"""Check: models → findings. Runs every registered rule and applies each post's leader-approved exceptions."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

from postplan import workers
from postplan.exceptions import honour
from postplan.findings import Finding, Severity
from postplan.load import Loaded, load_post
from postplan.models import Allow, Post, Repository
from postplan.rules import RULES, Context, Problem, Rule
from postplan.rules.base import PostFacts


def read_roster(variable: str) -> frozenset[str]:
    """Pupils' names from a file outside the repository (named by an environment variable), if set.

    One name a line. It is never committed: the path comes from the environment of whoever runs the check.
    """
    location = os.environ.get(variable)
    if not location:
        return frozenset()
    try:
        text = Path(location).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def read_ledger(root: Path) -> tuple[dict[str, str], list[Finding]]:
    """What the publisher's ledger says of each post (published, missed…), or a finding if it is broken."""
    from postplan.publish.ledger import LEDGER_FILE, LedgerError, ledger_states

    try:
        return ledger_states(root), []
    except LedgerError as error:
        return {}, [Finding("file", Severity.ERROR, LEDGER_FILE, _line_of(str(error)), str(error))]


def _line_of(message: str) -> int:
    head = message.split(":", 2)
    return int(head[1]) if len(head) > 2 and head[1].isdigit() else 1


_ONE_POST = [rule for rule in RULES.values() if rule.check is not None]
_COMPARING = [rule for rule in RULES.values() if rule.check_repository is not None]


def make_context(repository: Repository, now: dt.datetime, root: Path) -> tuple[Context, list[Finding]]:
    """What every rule may consult, and a finding if the publisher's ledger cannot be read."""
    ledger, findings = read_ledger(root)
    return Context(repository, now, root, read_roster(repository.settings.roster_env), ledger), findings


def run_checks(loaded: Loaded, now: dt.datetime, root: Path, only: set[str] | None = None) -> list[Finding]:
    """Every finding for the repository: the loader's, then each rule's, in file and line order.

    With ``only`` (paths), the rules for a single post run on those posts alone; the rules that compare
    posts still see every post, so a clash with any other post is found.
    """
    repository = loaded.repository
    context, findings = make_context(repository, now, root)
    posts = repository.posts if only is None else [p for p in repository.posts if p.source.path in only]
    findings += loaded.findings
    findings += workers.share(_check_slice, (posts, context), len(posts))
    findings += compare_posts(context, [PostFacts.of(post) for post in repository.posts])
    return sorted(findings, key=Finding.sort_key)


def _check_slice(shared: tuple[list[Post], Context], start: int, stop: int) -> list[Finding]:
    posts, context = shared
    return [finding for post in posts[start:stop] for finding in check_post(post, context)]


def check_files(loaded: Loaded, now: dt.datetime, root: Path) -> list[Finding]:
    """Every finding for the whole repository, reading the posts as it checks them.

    The same findings as ``run_checks`` on a fully loaded repository, but each post is read, checked and
    dropped in a worker process, so a trust's ten thousand posts are checked on every core at once.
    ``loaded`` is the repository without its posts (``load_repository(root, posts=False)``).
    """
    context, findings = make_context(loaded.repository, now, root)
    findings += loaded.findings
    facts: list[PostFacts] = []
    paths = loaded.post_paths
    for post_findings, post_facts in workers.share(_read_and_check_slice, (paths, context), len(paths)):
        findings += post_findings
        if post_facts is not None:
            facts.append(post_facts)
    findings += compare_posts(context, facts)
    return sorted(findings, key=Finding.sort_key)


def _read_and_check_slice(shared: tuple[list[Path], Context], start: int, stop: int
                          ) -> list[tuple[list[Finding], PostFacts | None]]:
    paths, context = shared
    results = []
    for path in paths[start:stop]:
        post, findings = load_post(path, context.root, context.repository.settings)
        if post is None:
            results.append((findings, None))
        else:
            results.append((findings + check_post(post, context), PostFacts.of(post)))
    return results


def check_post(post: Post, context: Context) -> list[Finding]:
    """The findings of every rule that looks at one post at a time."""
    findings = []
    for rule in _ONE_POST:
        for problem in rule.check(post, context):
            line = problem.line if problem.line is not None else post.source.line_of(problem.field)
            findings.append(_finding(rule, problem, post.source.path, line, post.allowed(rule.id), context))
    return findings


def compare_posts(context: Context, facts: list[PostFacts]) -> list[Finding]:
    """The findings of the rules that compare posts or read the calendar, given every post's facts."""
    context = replace(context, posts=tuple(facts))
    by_path = {post.path: post for post in facts}
    findings = []
    for rule in _COMPARING:
        for problem in rule.check_repository(context.repository, context):
            target = by_path.get(problem.path) if problem.path else None
            if problem.line is not None:
                line = problem.line
            else:
                line = target.line_of(problem.field) if target is not None else 1
            allowance = target.allow.get(rule.id) if target is not None else None
            findings.append(_finding(rule, problem, problem.path or "", line, allowance, context))
    return findings


def _finding(rule: Rule, problem: Problem, path: str, line: int, allowance: Allow | None,
             context: Context) -> Finding:
    """The engine, not the rule, decides the id, severity, path and line, and applies `allow:`
    (a safeguarding rule's only when a leader granted it: postplan.exceptions)."""
    allowed, refused = honour(rule.id, allowance, context.repository.settings.leaders)
    message = problem.message if refused is None else f"{problem.message} ({refused})"
    return Finding(rule.id, rule.severity, path, line, message, problem.fix, allowed)
