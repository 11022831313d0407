"""Check: models → findings. Runs every registered rule and applies each post's leader-approved exceptions."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import datetime as dt

from postplan.findings import Finding, Severity
from postplan.load import Loaded
from postplan.models import Post
from postplan.rules import RULES, Context, Problem, Rule


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


def run_checks(loaded: Loaded, now: dt.datetime, root: Path) -> list[Finding]:
    """Every finding for the repository: the loader's, then each rule's, in file and line order."""
    repository = loaded.repository
    ledger, findings = read_ledger(root)
    context = Context(repository, now, root, read_roster(repository.settings.roster_env), ledger)
    findings += loaded.findings
    by_path = {post.source.path: post for post in repository.posts}
    for rule in RULES.values():
        if rule.check is not None:
            for post in repository.posts:
                findings += _stamp(rule, rule.check(post, context), post, by_path)
        if rule.check_repository is not None:
            findings += _stamp(rule, rule.check_repository(repository, context), None, by_path)
    return sorted(findings, key=Finding.sort_key)


def _stamp(rule: Rule, problems: Iterable[Problem], post: Post | None, by_path: dict[str, Post]) -> list[Finding]:
    """The engine, not the rule, decides the id, severity, path and line, and applies `allow:`."""
    findings = []
    for problem in problems:
        target = by_path.get(problem.path) if problem.path else post
        path = problem.path or (post.source.path if post else "")
        if problem.line is not None:
            line = problem.line
        elif target is not None:
            line = target.source.line_of(problem.field)
        else:
            line = 1
        allowance = target.allowed(rule.id) if target is not None else None
        findings.append(Finding(rule.id, rule.severity, path, line, problem.message, problem.fix,
                                allowance.reason if allowance else None))
    return findings
