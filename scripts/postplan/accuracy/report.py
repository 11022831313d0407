"""The accuracy figures as people read them: a table in the terminal, Markdown for POLICY-ACCURACY.md,
JSON for other tools, and the list of misses and false alarms to work from."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from postplan.accuracy.corpus import CORPUS, PINNED_NOW, ScorerError
from postplan.accuracy.score import KIND_OF, KINDS, TARGETS, CaseResult, Score, measure

HEADLINES = [
    ("flagged_any", "breaches flagged by any finding", None),
    ("right_kind", "breaches flagged by a rule of the right kind", None),
    ("recall", "breaches flagged by a rule the label expects (recall)", "recall"),
    ("clean_with_error_share", "clean posts given an error", "clean_with_error"),
    ("clean_with_warning_share", "clean posts given a warning", None),
]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _target(key: str | None) -> str:
    if key == "recall":
        return f"≥ {TARGETS['recall']:.0%}"
    if key == "clean_with_error":
        return f"at most {TARGETS['clean_with_error']}"
    return ""


def tables(score: Score) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report as (title, header, rows) tables: overall, by school kind, by kind of harm, by rule."""
    overall = score.overall()
    headline = [[label, _percent(overall[key]) + (f" ({overall['clean_with_error']})" if key.startswith(
        "clean_with_error") else ""), _target(target)] for key, label, target in HEADLINES]
    by_school = []
    for kind in sorted({r.case.school_kind for r in score.results}):
        group = score.overall([r for r in score.results if r.case.school_kind == kind])
        by_school.append([kind, str(group["breaches"]), _percent(group["recall"]), str(group["clean"]),
                          str(group["clean_with_error"]), _percent(group["clean_with_warning_share"])])
    by_harm = []
    for kind in KINDS:
        group = [r for r in score.breaches if KIND_OF.get(r.case.expect[0]) == kind]
        if group:
            figures = score.overall(group)
            by_harm.append([kind, str(len(group)), _percent(figures["flagged_any"]),
                            _percent(figures["right_kind"]), _percent(figures["recall"])])
    by_rule = [[rule, str(f.caught), str(f.missed), str(f.false_alarms), _percent(f.precision), _percent(f.recall)]
               for rule, f in score.rules().items()]
    return [
        (f"Overall: {overall['breaches']} breaches, {overall['clean']} clean posts", ["", "now", "target"], headline),
        ("By school", ["school", "breaches", "recall", "clean", "clean with error", "clean with warning"], by_school),
        ("By kind of harm", ["kind", "breaches", "flagged", "right kind", "recall"], by_harm),
        ("By rule", ["rule", "caught", "missed", "false alarms", "precision", "recall"], by_rule),
    ]


def as_text(score: Score) -> str:
    out = []
    for title, header, rows in tables(score):
        widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
        out += [title, "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
        out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows] + [""]
    return "\n".join(out + _trouble(score))


def as_markdown(score: Score) -> str:
    out = []
    for title, header, rows in tables(score):
        out += [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(row) + " |" for row in rows] + [""]
    return "\n".join(out + _trouble(score))


def _trouble(score: Score) -> list[str]:
    """What makes the measurement itself doubtful: unreadable cases, findings on the school's own files."""
    lines = [f"corpus problem: {p.where}: {p.message}" for p in score.problems]
    lines += [f"finding on the corpus school itself: {f.get('path')}:{f.get('line')} {f.get('rule')}: "
              f"{f.get('message')}" for f in score.school_findings]
    return lines


def as_json(score: Score) -> str:
    rules = {rule: {"caught": f.caught, "missed": f.missed, "false_alarms": f.false_alarms,
                    "precision": f.precision, "recall": f.recall} for rule, f in score.rules().items()}
    cases = [{"id": r.case.id, "school": r.case.school_kind, "expect": list(r.case.expect), "clean": r.case.clean,
              "fired": sorted(r.fired), "caught": r.caught, "false_alarms": sorted(r.false_alarms)}
             for r in score.results]
    problems = [{"where": p.where, "message": p.message} for p in score.problems]
    return json.dumps({"overall": score.overall(), "targets": TARGETS, "rules": rules, "cases": cases,
                       "corpus_problems": problems, "school_findings": score.school_findings}, indent=2)


def misses(score: Score) -> str:
    """Each breach not caught, each clean post flagged, each wrong rule that fired: id, why, findings."""
    out = []
    for title, chosen in (("Breaches not caught by an expected rule", [r for r in score.breaches if not r.caught]),
                          ("Clean posts given a finding", [r for r in score.clean if r.findings]),
                          ("Breaches with a false alarm too", [r for r in score.breaches if r.caught and
                                                               r.false_alarms])):
        out += [f"## {title} ({len(chosen)})", ""]
        out += [line for result in chosen for line in _described(result)] + [""]
    return "\n".join(out)


def _described(result: CaseResult) -> list[str]:
    label = "clean" if result.case.clean else "expects " + ", ".join(result.case.expect)
    lines = [f"- {result.case.id} [{result.case.school_kind}] ({label}): {result.case.why}"]
    lines += [f"    {f.get('severity')} {f.get('rule')} line {f.get('line')}: {f.get('message')}"
              for f in result.findings] or ["    no findings"]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 0 when measured, 2 when the measurement could not be made."""
    parser = argparse.ArgumentParser(prog="postplan accuracy", description=__doc__.split("\n\n")[0],
                                     epilog="example: python -m postplan.accuracy --show-misses")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder (school/ and cases/)")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--held-out", action="store_true",
                        help="score the held-out cases (holdout/, never used to tune the rules) instead of cases/")
    chosen.add_argument("--set", metavar="FOLDER",
                        help="score another set of cases in the corpus instead of cases/ (a batch written blind)")
    parser.add_argument("--now", default=PINNED_NOW, help="the time the check runs at (default %(default)s)")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    shape.add_argument("--json", action="store_true", help="print every figure and case as JSON")
    parser.add_argument("--show-misses", action="store_true", help="list missed breaches and false alarms")
    options = parser.parse_args(argv)
    if not (options.corpus / "cases").is_dir() or not (options.corpus / "school").is_dir():
        print(f"accuracy: no corpus at {options.corpus} (it needs school/ and cases/); give one with --corpus")
        return 2
    chosen = "holdout" if options.held_out else options.set
    cases_folder = options.corpus / chosen if chosen else None
    if cases_folder is not None and (not cases_folder.is_dir() or Path(chosen).name != chosen):
        print(f"accuracy: no set of cases at {cases_folder} (give a folder of the corpus, such as holdout)")
        return 2
    try:
        result = measure(options.corpus, options.now, cases_folder)
    except ScorerError as error:
        print(f"accuracy: {error}")
        return 2
    printed = as_json(result) if options.json else as_markdown(result) if options.markdown else as_text(result)
    print(printed)
    if options.show_misses and not options.json:
        print("\n" + misses(result))
    return 0
