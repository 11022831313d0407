"""The accuracy corpus: reading its labelled cases, writing them into a school, running the checker on it.

A case is one post written the way school staff write, labelled with the rules that must raise it
(``expect``) or as ``clean``. The scorer writes every case into a throw-away copy of the corpus school
and runs ``postplan validate`` over it once, exactly as a school's CI does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "accuracy"
HELD_OUT = CORPUS / "holdout"  # written blind to the rules and never used to tune them: read its figure only
PINNED_NOW = "2026-09-01T08:00"  # before the corpus school's year starts: every post is in the future

# Rules being written that the corpus already labels with; a label naming any other unknown id is a typo.
ANNOUNCED_RULES = frozenset({"hidden-text", "special-category", "broadcast-only", "placeholder-text"})
IMAGE_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


class ScorerError(Exception):
    """The measurement itself could not be made (the checker did not answer): nothing to score."""


@dataclass(frozen=True)
class Case:
    """One labelled post: what it is, what the policy says of it, and why."""

    id: str
    school_kind: str  # the corpus file it comes from: nursery, primary, secondary…
    post: dict
    expect: tuple[str, ...] = ()
    also_ok: tuple[str, ...] = ()
    why: str = ""

    @property
    def clean(self) -> bool:
        return not self.expect

    @property
    def path(self) -> str:
        return f"content/posts/{self.school_kind}/{self.id}.md"


@dataclass(frozen=True)
class CorpusProblem:
    """A case that could not be read: shown by the scorer and the tests, never a traceback."""

    where: str
    message: str


# --- reading the corpus -------------------------------------------------------------------------------


_CUT_BY_COMMENT = re.compile(r"^\s*(?:- )?(?:body|alt|text|why): [^\"'|>].* #")


def load_corpus(corpus: Path = CORPUS, cases_folder: Path | None = None) -> tuple[list[Case], list[CorpusProblem]]:
    """Every case of every ``*.yml`` file in the cases folder (``cases/`` unless another is given, such as
    the held-out set), and a problem for each one that is not a proper case."""
    cases: list[Case] = []
    problems: list[CorpusProblem] = []
    for path in sorted((cases_folder or corpus / "cases").glob("*.yml")):
        try:
            source = path.read_text(encoding="utf-8")
            data = yaml.safe_load(source)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(CorpusProblem(path.name, f"cannot be read: {error}"))
            continue
        problems += [CorpusProblem(f"{path.name} line {number}", "a ' #' in unquoted text starts a comment and the "
                                   "rest of the text is lost: put the text in quotes")
                     for number, line in enumerate(source.splitlines(), 1) if _CUT_BY_COMMENT.match(line)]
        if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
            problems.append(CorpusProblem(path.name, "must hold `cases:`, a list"))
            continue
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            problems.append(CorpusProblem(path.name, "`defaults:` must be front-matter fields"))
            continue
        for index, entry in enumerate(data["cases"]):
            case, problem = _case(entry, path.stem, defaults, f"{path.name} case {index + 1}")
            if case is not None:
                cases.append(case)
            else:
                problems.append(problem)
    return cases, problems + _duplicates(cases)


def _case(entry: object, school_kind: str, defaults: dict, where: str) -> tuple[Case | None, CorpusProblem | None]:
    """One case from its entry, with the file's default front matter under its own fields."""
    if not isinstance(entry, dict):
        return None, CorpusProblem(where, "a case must be fields (id, post, expect or clean, why)")
    case_id = entry.get("id")
    if not isinstance(case_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", case_id):
        return None, CorpusProblem(where, f"id {case_id!r} must be lower-case letters, digits and hyphens")
    where = f"{where} ({case_id})"
    post = entry.get("post")
    if not isinstance(post, dict) or not (isinstance(post.get("body"), str) or _parts(post)):
        return None, CorpusProblem(where, "post must have a body (text) or parts (a list of texts)")
    if "thread" in post and not (isinstance(post.get("body"), str) and _parts({"parts": post["thread"]})):
        return None, CorpusProblem(where, "thread must be a list of texts: the parts after the body")
    expect, clean = entry.get("expect"), entry.get("clean")
    if bool(expect) == bool(clean is True) or (expect and not _ids(expect)):
        return None, CorpusProblem(where, "label it with either expect: [rule ids] or clean: true")
    also_ok = entry.get("also_ok") or []
    if not _ids(also_ok) and also_ok:
        return None, CorpusProblem(where, "also_ok must be a list of rule ids")
    # A case's own account or accounts stand in for the defaults' (a post gives one or the other).
    own = {"account", "accounts"} & post.keys()
    defaults = {key: value for key, value in defaults.items() if not own or key not in {"account", "accounts"}}
    return Case(case_id, school_kind, {**defaults, **post}, tuple(expect or ()), tuple(also_ok),
                str(entry.get("why", ""))), None


def _parts(post: dict) -> list[str] | None:
    parts = post.get("parts")
    return parts if isinstance(parts, list) and parts and all(isinstance(p, str) for p in parts) else None


def _ids(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _duplicates(cases: list[Case]) -> list[CorpusProblem]:
    seen: set[str] = set()
    problems = []
    for case in cases:
        if case.id in seen:
            problems.append(CorpusProblem(case.id, "the id is used by another case"))
        seen.add(case.id)
    return problems


# --- writing the school and running the checker --------------------------------------------------------


def post_file(case: Case) -> str:
    """The case as a post file: its front matter, then its text (thread parts between lines of ---)."""
    fields = {key: value for key, value in case.post.items() if key not in ("body", "parts", "thread")}
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    if isinstance(case.post.get("parts"), list):
        parts = case.post["parts"]
    else:  # ``body``, and the thread's later parts under ``thread`` if it has them
        parts = [case.post["body"], *(case.post.get("thread") or [])]
    body = "\n---\n".join(parts)
    return f"---\n{front}---\n{body.strip()}\n"


def write_school(cases: list[Case], corpus: Path, root: Path) -> None:
    """A copy of the corpus school at ``root`` with every case as a post and every picture it names."""
    shutil.copytree(corpus / "school", root)
    for case in cases:
        path = root / case.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post_file(case), encoding="utf-8")
        media = case.post.get("media")
        for item in media if isinstance(media, list) else []:  # a malformed list is the checker's to report
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                write_picture(root / "content", item["file"])


def write_picture(content: Path, relative: str) -> None:
    """A tiny real picture at ``content/relative``: PNG or JPEG, or an animated GIF for ``.gif``."""
    from PIL import Image

    path = (content / relative).resolve()
    if content.resolve() not in path.parents or path.exists():
        return  # outside content/ (the checker reports it) or already written for another case
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".gif":
        frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "blue")]
        frames[0].save(path, save_all=True, append_images=frames[1:], duration=200, loop=0)
    elif suffix in IMAGE_SUFFIXES:
        Image.new("RGB", (8, 8), "green").save(path, IMAGE_SUFFIXES[suffix])


def run_validate(root: Path, now: str = PINNED_NOW) -> list[dict]:
    """Every finding ``postplan validate`` gives for the school, through its command-line contract."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("POSTPLAN_ROSTER", "POSTPLAN_CONSENT", "POSTPLAN_NOW")}
    command = [sys.executable, "-m", "postplan", "validate", "--format", "json", "--root", str(root), "--now", now]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
    if result.returncode not in (0, 1):
        raise ScorerError(f"postplan validate stopped (exit {result.returncode}): {result.stderr.strip()[-2000:]}")
    try:
        return json.loads(result.stdout)["findings"]
    except (ValueError, KeyError, TypeError):
        raise ScorerError(f"postplan validate did not print its JSON report: {result.stdout[:500]}") from None
