"""Scoring the checker's findings against the corpus labels: per rule, per kind of harm, and overall."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from postplan.accuracy.corpus import CORPUS, PINNED_NOW, Case, CorpusProblem, load_corpus, run_validate, write_school

# What "done" means for the corpus (issue: safeguarding accuracy). The tests read these.
TARGETS = {"recall": 0.95, "clean_with_error": 0}

# The kind of harm each rule is about: a breach "flagged by a rule of the right kind" got a finding
# whose kind is the kind of one of the rules its label expects.
KINDS = {
    "identity": ["pupil-full-name", "pupil-full-name-possible", "pupil-name-with-photo", "pupil-singled-out", "hidden-text"],
    "personal-information": ["phone-number", "email-address", "postal-address", "birth-date",
                             "vehicle-registration", "secret-in-text", "special-category",
                             "special-category-possible"],
    "whereabouts": ["whereabouts", "trip-location"],
    "photos": ["media-consent", "media-location", "alt-text", "media-limits", "media-file"],
    "broadcast": ["broadcast-only", "reply-not-own", "mention-not-approved"],
    "endorsement": ["endorsement"],
    "language": ["offensive-language", "mild-language", "emoji-connotation", "text-speak"],
    "dates": ["date-in-text", "school-holiday", "quiet-hours", "review-time", "hashtag-out-of-date",
              "past-unpublished", "event-cancelled"],
    "links": ["link-shortener", "link-domain", "link-not-https"],
    "unfinished": ["placeholder-text"],
}
KIND_OF = {rule: kind for kind, rules in KINDS.items() for rule in rules}


# --- scoring ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseResult:
    """A case and the findings the checker gave its post."""

    case: Case
    findings: tuple[dict, ...]

    @property
    def fired(self) -> set[str]:
        return {finding["rule"] for finding in self.findings}

    def has(self, severity: str) -> bool:
        return any(finding.get("severity") == severity for finding in self.findings)

    @property
    def caught(self) -> bool:
        """A breach got a finding from a rule its label expects."""
        return bool(self.fired & set(self.case.expect))

    @property
    def right_kind(self) -> bool:
        wanted = {KIND_OF.get(rule, rule) for rule in self.case.expect}
        return any(KIND_OF.get(rule, rule) in wanted for rule in self.fired)

    @property
    def false_alarms(self) -> set[str]:
        return self.fired - set(self.case.expect) - set(self.case.also_ok)


@dataclass
class RuleFigures:
    """One rule's record on the corpus: breaches it caught and missed, posts it wrongly flagged."""

    caught: int = 0
    missed: int = 0
    false_alarms: int = 0

    @property
    def precision(self) -> float | None:
        flagged = self.caught + self.false_alarms
        return self.caught / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        labelled = self.caught + self.missed
        return self.caught / labelled if labelled else None


@dataclass
class Score:
    """The whole measurement: each case's result, each rule's figures, and anything that went wrong."""

    results: list[CaseResult]
    problems: list[CorpusProblem] = field(default_factory=list)
    school_findings: list[dict] = field(default_factory=list)  # findings on the school's own files

    @property
    def breaches(self) -> list[CaseResult]:
        return [result for result in self.results if not result.case.clean]

    @property
    def clean(self) -> list[CaseResult]:
        return [result for result in self.results if result.case.clean]

    def rules(self) -> dict[str, RuleFigures]:
        figures: dict[str, RuleFigures] = {}
        for result in self.results:
            for rule in result.case.expect:
                entry = figures.setdefault(rule, RuleFigures())
                if rule in result.fired:
                    entry.caught += 1
                else:
                    entry.missed += 1
            for rule in result.false_alarms:
                figures.setdefault(rule, RuleFigures()).false_alarms += 1
        return dict(sorted(figures.items()))

    def overall(self, results: list[CaseResult] | None = None) -> dict[str, float | int]:
        """The headline figures, for every case or for a group of them."""
        results = self.results if results is None else results
        breaches = [r for r in results if not r.case.clean]
        clean = [r for r in results if r.case.clean]
        return {
            "breaches": len(breaches), "clean": len(clean),
            "flagged_any": _share(sum(bool(r.findings) for r in breaches), len(breaches)),
            "right_kind": _share(sum(r.right_kind for r in breaches), len(breaches)),
            "recall": _share(sum(r.caught for r in breaches), len(breaches)),
            "clean_with_error": sum(r.has("error") for r in clean),
            "clean_with_error_share": _share(sum(r.has("error") for r in clean), len(clean)),
            "clean_with_warning_share": _share(sum(r.has("warning") for r in clean), len(clean)),
        }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(cases: list[Case], findings: list[dict], problems: list[CorpusProblem] | None = None) -> Score:
    """Each case's findings (matched by the path of its post file), and the findings on no case."""
    by_path: dict[str, list[dict]] = {}
    for finding in findings:
        by_path.setdefault(finding.get("path", ""), []).append(finding)
    results = [CaseResult(case, tuple(by_path.pop(case.path, []))) for case in cases]
    leftover = [finding for group in by_path.values() for finding in group]
    return Score(results, list(problems or []), leftover)


def measure(corpus: Path = CORPUS, now: str = PINNED_NOW, cases_folder: Path | None = None) -> Score:
    """Load the corpus (or another folder of cases for its school), check it as one school, and score every case."""
    cases, problems = load_corpus(corpus, cases_folder)
    with tempfile.TemporaryDirectory(prefix="postplan-accuracy-") as folder:
        root = Path(folder) / "school"
        write_school(cases, corpus, root)
        findings = run_validate(root, now)
    return score(cases, findings, problems)
