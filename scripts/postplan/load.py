"""Load: the school's files → typed models, each value keeping its file and line.

A file that cannot become a model is reported as a finding (with its path and line) and left out; every
other file is still loaded, so one broken post never hides the problems of the rest. Nothing is written.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from frontmatter.default_handlers import YAMLHandler
from pydantic import BaseModel, ValidationError

from postplan import cachefiles, regularfile, workers, yamlsource
from postplan.fields import share_field_sets
from postplan.findings import LoadProblem
from postplan.models import Campaign, Event, Post, Repository, Settings, Source, Term, ThreadPart
from postplan.calcache import CalendarCache
from postplan.postcache import PostCache
from postplan.settings import load_settings
from postplan.validation import FieldProblem, YamlPath, describe_errors

POSTS_DIR = "content/posts"
CALENDAR_DIR = "calendar"
MAX_THREAD_PARTS = 25  # more parts than this is a mistake (a stray ---), not a thread
MAX_POST_BYTES = 100_000  # a post is at most a few thousand characters, even as a long thread
MAX_CALENDAR_BYTES = 5_000_000
CALENDAR_SECTIONS: dict[str, type[BaseModel]] = {"campaigns": Campaign, "events": Event, "terms": Term}
_FRONT_MATTER = YAMLHandler()  # python-frontmatter's own handler decides where the front matter ends
_DELIMITER = YAMLHandler.FM_BOUNDARY  # and its "---" line also separates the parts of a thread


@dataclass(frozen=True)
class Loaded:
    repository: Repository
    problems: list[LoadProblem]  # the files that could not become models, and why
    post_paths: list[str] = field(default_factory=list)  # every post file (its path), read or (posts=False) not
    posts_read: bool = True  # False: the check reads each post as it checks it
    digests: dict[str, bytes] = field(default_factory=dict)  # each read post's path → the hash of its bytes


def post_files(root: Path) -> list[str]:
    """Every ``*.md`` under content/posts/, as ``rglob`` finds them (links to folders are not followed; a
    folder that cannot be read is passed over), in the order of their paths. Found with ``os.scandir``,
    whose entries come with their joined paths, and kept as strings: a trust's 50,000 posts pay for no
    pathlib object, and no join, each."""
    found: list[str] = []
    folders = [os.path.join(root, POSTS_DIR)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.endswith(".md"):
                        found.append(entry.path)
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except OSError:
            continue
    found.sort()
    return found


def calendar_files(root: Path) -> list[Path]:
    folder = root / CALENDAR_DIR
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")], key=str)


def load_repository(root: Path, posts: bool = True, cached: bool = False) -> Loaded:
    """Load settings, posts and calendar. A settings problem raises ``SettingsError`` (nothing can run).

    With ``posts=False`` the posts are found but not read: the check reads each as it checks it. With
    ``cached``, a post whose file has not changed since the last cached load comes from postplan.postcache.
    """
    settings = load_settings(root)
    paths = post_files(root)
    loaded_posts, problems, digests = _posts(root, paths, settings, cached) if posts else ([], [], {})
    sections: dict[str, list] = {name: [] for name in CALENDAR_SECTIONS}
    files = calendar_files(root)
    trusted = cached and files and not cachefiles.committed(root)
    kept = CalendarCache(root, settings.timezone, CALENDAR_SECTIONS) if trusted else None
    for path in files:
        problems += load_calendar_file(path, root, settings, sections, kept)
    if kept is not None:
        kept.save()
    repository = Repository(
        root=str(root),
        settings=settings,
        posts=loaded_posts,
        files=len(paths) + len(files) + 1,
        **sections,
    )
    return Loaded(repository, problems, paths, posts_read=posts, digests=digests)


def _posts(root: Path, paths: list[str], settings: Settings, cached: bool
           ) -> tuple[list[Post], list[LoadProblem], dict[str, bytes]]:
    """Every post file as a post (in the order of ``paths``), or the problems that stop it being one; and
    the hash of the bytes each post was made from."""
    kept = PostCache(root, settings) if cached and not cachefiles.committed(root) else None
    found = {path: kept.known(path, relative_path(path, root)) for path in paths} if kept is not None else {}
    unread = [path for path in paths if found.get(path) is None]
    problems: list[LoadProblem] = []
    for path, raw in zip(unread, read_posts(unread, root)):
        post, post_problems = (None, raw) if isinstance(raw, list) else post_from_raw(raw, settings)
        problems += post_problems
        found[path] = None if post is None else (post, raw.digest)  # type: ignore[union-attr]
        if post is not None and kept is not None:
            kept.keep(raw.relative, raw.signature, raw.digest, post)  # type: ignore[union-attr]
    if kept is not None:
        kept.save()
    made = [made for made in (found[path] for path in paths) if made is not None]
    return [post for post, _ in made], problems, {post.source.path: digest for post, digest in made}


def _finding(rule: str, path: str, line: int, message: str, fix: str = "") -> LoadProblem:
    return LoadProblem(rule, path, line, message, fix)


def _read_data(path: Path, relative: str, limit: int, root: Path) -> tuple[bytes | None, list[LoadProblem]]:
    try:
        return regularfile.read_bytes(path, root, limit), []
    except regularfile.TooLarge as error:
        return None, [_finding("file", relative, 1, str(error),
                               f"a file here should be well under {limit // 1000} KB: is this the right file?")]
    except regularfile.Refused as error:
        return None, [_finding("file", relative, 1, str(error),
                               "a post or calendar file must be an ordinary text file in the repository")]


def _text(data: bytes, relative: str) -> tuple[str | None, list[LoadProblem]]:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [_finding("file", relative, line, "the file is not UTF-8 text",
                               "save it as UTF-8 (in most editors: Save As → Encoding → UTF-8)")]
    if not text.strip():
        return None, [_finding("file", relative, 1, "the file is empty",
                               "start from a template: postplan new, or copy a post from content/posts/")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [_finding("file", relative, line, "the file contains a NUL character: it is not text")]
    return text, []


def relative_path(path: str | Path, root: str | Path) -> str:
    """A file's path from the repository root, with forward slashes, as findings name it (a string
    operation, not pathlib's, for each of a trust's 50,000 posts)."""
    prefix = str(root)
    text = str(path)
    if text.startswith(prefix) and text[len(prefix):len(prefix) + 1] in ("/", "\\"):
        return text[len(prefix) + 1:].replace("\\", "/")
    return Path(path).relative_to(root).as_posix()


class RawPost(NamedTuple):
    """A post file read and parsed, before validation: plain data, cheap to pass between processes."""

    relative: str
    stem: str
    data: dict
    lines: dict[YamlPath, int]
    parts: list[tuple[str, int]]
    signature: cachefiles.Signature | None = None  # the file's, taken before it was read (postplan.postcache)
    digest: bytes = b""  # the hash of the bytes parsed (postplan.findcache)


def read_post(path: str | Path, root: Path) -> RawPost | list[LoadProblem]:
    """Read a post file and parse its front matter; the problems if it cannot become a post at all."""
    return read_post_and_digest(path, root)[0]


def read_post_and_digest(path: str | Path, root: Path) -> tuple[RawPost | list[LoadProblem], bytes | None]:
    """``read_post``, with the hash of the very bytes it parsed (None: the file could not be read)."""
    relative = relative_path(path, root)
    signature = cachefiles.signature(path)  # before reading: a later edit then changes it
    content, problems = _read_data(path, relative, MAX_POST_BYTES, root)
    if content is None:
        return problems, None
    digest = hashlib.blake2b(content, digest_size=16).digest()
    return _parse_post(path, relative, content, signature, digest), digest


def _parse_post(path: str | Path, relative: str, content: bytes, signature: cachefiles.Signature | None, digest: bytes
                ) -> RawPost | list[LoadProblem]:
    text, problems = _text(content, relative)
    if text is None:
        return problems
    lines = text.splitlines()
    if not _FRONT_MATTER.detect(text):
        return [_finding("front-matter", relative, 1, "the post does not start with a line of three dashes (---)",
                         "put the fields (publish_at, status, author…) between two lines of ---, then the text")]
    close = _closing_line(text)
    if close is None:
        return [_finding("front-matter", relative, 1, "the front matter is not closed",
                         "add a line of three dashes (---) after the last field, before the text")]
    try:
        data, yaml_lines = yamlsource.load("\n".join(lines[1:close]), first_line=2)
    except yamlsource.YamlError as error:
        return [_finding("yaml", relative, error.line, error.message, error.fix)]
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}".replace("str", "sentence")
        return [_finding("front-matter", relative, 2, f"the front matter is {kind}, not fields",
                         "write one field per line, like `publish_at: 2027-06-01 08:30`")]
    parts = _thread_parts(lines[close + 1:], first_line=close + 2)
    if not parts:
        return [_finding("front-matter", relative, close + 1, "the post has no text",
                         "write the post's text below the closing --- line")]
    if len(parts) > MAX_THREAD_PARTS:
        return [_finding("thread-length", relative, parts[MAX_THREAD_PARTS][1],
                         f"the thread has {len(parts)} parts; a thread may have at most {MAX_THREAD_PARTS}",
                         "split it into several posts, or remove the lines of three dashes (---) that are not meant")]
    return RawPost(relative, _stem(str(path)), data, yaml_lines, parts, signature, digest)


def _stem(path: str) -> str:
    """The file's name without its suffix, as ``Path.stem`` says it ("news.md" → "news", ".md" → ".md")."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _closing_line(text: str) -> int | None:
    """The index of the line that closes the front matter, as python-frontmatter's YAML handler splits it
    (None: it is not closed). The handler's body is the rest of the text after that line, so the line is
    the last one before the body, whatever whitespace the boundary took with it."""
    try:
        _, body = _FRONT_MATTER.split(text)
    except ValueError:  # one boundary only
        return None
    return len(text[:len(text) - len(body)].rstrip().splitlines()) - 1


def read_posts(paths: list[str], root: Path) -> list[RawPost | list[LoadProblem]]:
    """Read many post files, in several processes when there are enough to be worth it."""
    return workers.share(_read_slice, (paths, root), len(paths))


def _read_slice(shared: tuple[list[str], Path], start: int, stop: int) -> list[RawPost | list[LoadProblem]]:
    paths, root = shared
    return [read_post(path, root) for path in paths[start:stop]]


def post_from_raw(raw: RawPost, settings: Settings) -> tuple[Post | None, list[LoadProblem]]:
    """Validate a parsed post into the Post model, in the school's time zone."""
    data = {**raw.data}
    data.setdefault("id", raw.stem)
    if "account" in data and "accounts" in data:
        return None, [_finding("schema", raw.relative, raw.lines.get(("accounts",), 2),
                               "both account: and accounts: are given",
                               "keep one: accounts: [school, school-facebook] lists every account it goes to")]
    several = data.get("accounts")
    if "accounts" in data and not isinstance(several, list) or several == []:
        return None, [_finding("schema", raw.relative, raw.lines.get(("accounts",), 2),
                               "accounts: must list the accounts the post goes to, in square brackets",
                               "write it like accounts: [school, school-facebook], or use account: school for one")]
    first = several[0] if isinstance(several, list) and several and isinstance(several[0], str) else None
    data.setdefault("account", first or settings.default_account)
    parts = [ThreadPart(text=text, line=line) for text, line in raw.parts]
    post, problems = _build(Post, data, raw.lines, raw.relative, 2, {"parts": parts},
                            context={"timezone": settings.timezone})
    if post is not None:
        share_field_sets(post)
    return post, problems


def load_post(path: str | Path, root: Path, settings: Settings) -> tuple[Post | None, list[LoadProblem], bytes | None]:
    """A post file as a post, or its problems; and the hash of the bytes read (None: it could not be read)."""
    raw, digest = read_post_and_digest(path, root)
    return (None, raw, digest) if isinstance(raw, list) else (*post_from_raw(raw, settings), digest)


def _thread_parts(body: list[str], first_line: int) -> list[tuple[str, int]]:
    """The body split into thread parts at lines of ``---``, each with the line its text starts on."""
    parts, current, start = [], [], None
    for number, line in enumerate(body, start=first_line):
        if _DELIMITER.match(line):
            if current:
                parts.append(("\n".join(current).strip(), start))
            current, start = [], None
            continue
        if start is None and line.strip():
            start = number
        if start is not None:
            current.append(line)
    if current:
        parts.append(("\n".join(current).strip(), start))
    return parts


def load_calendar_file(path: Path, root: Path, settings: Settings, sections: dict[str, list],
                       kept: CalendarCache | None = None) -> list[LoadProblem]:
    """Add a calendar file's campaigns, events and terms to ``sections``; return its problems. With ``kept``,
    a file whose bytes were read before is not parsed again."""
    relative = relative_path(path, root)
    data, problems = _read_data(path, relative, MAX_CALENDAR_BYTES, root)
    made = kept.made(relative, data) if kept is not None and data is not None else None
    if made is None:
        made = _calendar_file(data, relative, settings) if data is not None else ({}, problems)
        if kept is not None and data is not None:
            kept.keep(relative, data, made)
    for name, items in made[0].items():
        sections[name] += items
    return made[1]


def _calendar_file(raw: bytes, relative: str, settings: Settings) -> tuple[dict[str, list], list[LoadProblem]]:
    """A calendar file's campaigns, events and terms, by section, and its problems."""
    sections: dict[str, list] = {name: [] for name in CALENDAR_SECTIONS}
    text, problems = _text(raw, relative)
    if text is None:
        return sections, problems
    try:
        data, lines = yamlsource.load(text)
    except yamlsource.YamlError as error:
        return sections, [_finding("yaml", relative, error.line, error.message, error.fix)]
    known = ", ".join(CALENDAR_SECTIONS)
    if not isinstance(data, dict):
        return sections, [_finding("schema", relative, 1, f"a calendar file holds lists under {known}",
                                   "start the file with `events:` (or campaigns: or terms:) and list the entries "
                                   "below it")]
    findings = []
    entry_lines = _by_entry(lines)
    for name, entries in data.items():
        model = CALENDAR_SECTIONS.get(name)
        line = lines[(name,)]
        if model is None:
            findings.append(_finding("schema", relative, line, f"unknown section '{name}'", f"use one of: {known}"))
        elif not isinstance(entries, list):
            findings.append(_finding("schema", relative, line, f"'{name}' must be a list",
                                     "write each entry on its own line starting with '- '"))
        else:
            for index, entry in enumerate(entries):
                item_lines = entry_lines.get((name, index), {})
                start = lines[(name, index)]
                if not isinstance(entry, dict):
                    findings.append(_finding("schema", relative, start, f"each entry of '{name}' must be fields"))
                    continue
                model_item, item_findings = _build(model, entry, item_lines, relative, start,
                                                   context={"timezone": settings.timezone})
                findings += item_findings
                if model_item is not None:
                    sections[name].append(model_item)
    return sections, findings


def _by_entry(lines: dict[YamlPath, int]) -> dict[YamlPath, dict[YamlPath, int]]:
    """Each calendar entry's own line map ("events", 3, "start") → ("start",), grouped in one pass."""
    grouped: dict[YamlPath, dict[YamlPath, int]] = {}
    for key, line in lines.items():
        if len(key) > 2:
            grouped.setdefault(key[:2], {})[key[2:]] = line
    return grouped


def _build(model: type[BaseModel], data: dict, lines: dict[YamlPath, int], relative: str, start: int,
           extra: dict | None = None, context: dict | None = None) -> tuple[BaseModel | None, list[LoadProblem]]:
    """Validate one entry into its model; on failure, a finding per problem at its line."""
    reserved = [key for key in ("source", "parts") if key in data]
    if reserved:
        line = lines.get((reserved[0],), start)
        return None, [_finding("schema", relative, line, f"unknown field '{reserved[0]}'",
                               "remove it: postplan sets it itself")]
    source = Source(path=relative, line=start, lines={".".join(map(str, k)): v for k, v in lines.items()})
    try:
        return model.model_validate({**data, **(extra or {}), "source": source}, context=context), []
    except ValidationError as error:
        problems = describe_errors(error, model, lines, start, hidden=frozenset({"source", "parts"}))
        return None, [_from_problem(p, relative) for p in problems]


def _from_problem(problem: FieldProblem, relative: str) -> LoadProblem:
    rule = "local-time" if problem.local_time else "schema"
    return _finding(rule, relative, problem.line, problem.message, problem.fix)

