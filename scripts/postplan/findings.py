"""What the check stage produces: a finding says what is wrong, where, and how to put it right."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"  # blocks: validate exits 1, the post is never published
    WARNING = "warning"  # shown to the author and the reviewing leader; does not block


@dataclass(frozen=True)
class LoadProblem:
    """Why a file could not become a model, under the id of the rule it breaks (``file``, ``yaml``…).

    The loader knows the rule and the place; the check stage makes it a finding through the registry,
    like every other rule's problem, so the rule's severity is decided in one place.
    """

    rule: str
    path: str
    line: int
    message: str
    fix: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at one line."""

    rule: str
    severity: Severity
    path: str  # relative to the repository root, with forward slashes
    line: int
    message: str
    fix: str = ""
    allowed: str | None = None  # a leader's reason when the post's `allow:` silences this rule

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.ERROR and self.allowed is None

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.rule)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "message": self.message,
        }
        if self.fix:
            data["fix"] = self.fix
        if self.allowed is not None:
            data["allowed"] = self.allowed
        return data
