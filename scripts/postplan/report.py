"""Findings as text for people, JSON for programs, or GitHub workflow annotations for pull requests."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from postplan.escape import terminal
from postplan.findings import Finding, Severity

FORMATS = ("text", "json", "github")


def summary(findings: Sequence[Finding], files: int) -> dict[str, object]:
    counted = [f for f in findings if f.allowed is None]
    return {
        "files": files,
        "errors": sum(f.severity is Severity.ERROR for f in counted),
        "warnings": sum(f.severity is Severity.WARNING for f in counted),
        "findings": [f.as_dict() for f in findings],
    }


def as_json(findings: Sequence[Finding], files: int) -> str:
    return json.dumps(summary(findings, files), indent=2, ensure_ascii=False)


def as_text(findings: Sequence[Finding], files: int, color: bool | None = None) -> str:
    """``path:line: severity: message [rule]`` then an indented "how to fix" line: what editors link to."""
    out = []
    for finding in findings:
        colour = "red" if finding.severity is Severity.ERROR else "yellow"
        label = "allowed" if finding.allowed is not None else finding.severity.value
        head = click.style(f"{terminal(finding.path)}:{finding.line}:", bold=True)
        out.append(f"{head} {click.style(label, fg=colour if finding.allowed is None else 'cyan')}: "
                   f"{terminal(finding.message)} [{finding.rule}]")
        if finding.fix:
            out.append(f"    how to fix: {terminal(finding.fix)}")
        if finding.allowed is not None:
            out.append(f"    allowed by a leader: {terminal(finding.allowed)}")
    counts = summary(findings, files)
    errors, warnings = counts["errors"], counts["warnings"]
    verdict = click.style("✗", fg="red") if errors else click.style("✓", fg="green")
    out.append(f"{verdict} {_plural(files, 'file')} checked: {_plural(errors, 'error')}, "
               f"{_plural(warnings, 'warning')}")
    return "\n".join(out)


def as_github(findings: Sequence[Finding], files: int) -> str:
    """GitHub Actions workflow commands: each finding lands on its line in the pull request."""
    out = []
    for finding in findings:
        level = "notice" if finding.allowed is not None else finding.severity.value
        message = finding.message + (f"\nHow to fix: {finding.fix}" if finding.fix else "")
        if finding.allowed is not None:
            message += f"\nAllowed by a leader: {finding.allowed}"
        props = f"file={_prop(finding.path)},line={finding.line},title={_prop('postplan ' + finding.rule)}"
        out.append(f"::{level} {props}::{_data(message)}")
    counts = summary(findings, files)
    out.append(f"{_plural(files, 'file')} checked: {_plural(counts['errors'], 'error')}, "
               f"{_plural(counts['warnings'], 'warning')}")
    return "\n".join(out)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def _plural(count: object, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def render(findings: Sequence[Finding], files: int, fmt: str) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[fmt](findings, files)
