"""The pipeline: the one module that runs postplan's stages, in the one order they run.

    load → a read-only view of the ledger → check → plan → site / feeds / publish

The order is decided here once. Findings come before any output, because they decide what may go out:
a post with an error is left out of the public site and never published (the site is still built, so
a school can see the errors). Each stage receives what it needs from here (the repository, the ledger's
view, the findings, the time) and imports no other stage; only publishing writes the ledger. The
contract in pyproject.toml (import-linter) keeps it so.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from postplan import cachefiles, changes, clock, patterncache
from postplan.check import EVERYTHING, Scope, can_be_due, loader_finding, some_files
from postplan.check import check as run_rules
from postplan.cachefiles import committed
from postplan.findcache import FindingsCache, cache_key
from postplan.findings import Finding
from postplan.load import CALENDAR_DIR, Loaded, load_repository
from postplan.publish.view import LedgerView, read_view
from postplan.consent import read_register
from postplan.roster import read_roster
from postplan.rules import Context
from postplan.settings import SETTINGS_FILE

if TYPE_CHECKING:
    from postplan.drafting import Draft, Planned
    from postplan.models import Repository
    from postplan.feeds import Feed
    from postplan.site.build import SiteFiles
    from postplan.publish.run import Options, Report

# The stages after the check are imported by the steps that run them: checking never pays for MkDocs,
# icalendar or tweepy.
__all__ = ["Built", "build", "check", "load", "moment", "new_post", "plan", "publish", "validate", "wanted_files"]


def load(root: Path, posts: bool = True, cached: bool = True) -> Loaded:
    """The school's files as models; ``SettingsError`` when the settings stop anything from running.

    With ``posts=False`` the posts are found but read only as they are checked (a whole-repository check).
    With ``cached``, posts whose files have not changed since the last run come from the cache
    (postplan.postcache).
    """
    return load_repository(root, posts, cached=cached)


def moment(loaded: Loaded, pinned: str | None) -> dt.datetime:
    """The time this run works at, in the school's zone: now, or ``--now`` (``ValueError`` if unreadable)."""
    return clock.now(pinned, loaded.repository.settings.zone)


def check(loaded: Loaded, now: dt.datetime, scope: Scope = EVERYTHING, ledger: LedgerView | None = None,
          cached: bool = False) -> list[Finding]:
    """Every finding in scope, with what the rules consult besides the posts: the roster and the ledger.

    ``cached``: posts unchanged since the last check are not checked again (postplan.findcache), unless
    git tracks the cache (then it could have come in a pull request, and is not trusted).
    """
    repository = loaded.repository
    root = Path(repository.root)
    ledger = ledger if ledger is not None else read_view(root)
    settings = repository.settings
    context = Context(repository, now, read_roster(settings.roster_env), dict(ledger.states),
                      consent=read_register(settings.consent_env, root))
    cache = None
    if cached and not committed(root):
        key = cache_key(root, settings.roster_env, settings.consent_env, now)
        cache = FindingsCache(root, key, dt.timedelta(minutes=settings.publish_grace_minutes))
        patterncache.load(root)
    broken = [loader_finding(p) for p in ledger.problems() if scope.reported is None or p.path in scope.reported]
    findings = broken + run_rules(loaded, context, scope, cache)
    if cache is not None:
        patterncache.save(root)
    return sorted(findings, key=Finding.sort_key)


def wanted_files(loaded: Loaded, paths: set[str] | None = None, ref: str | None = None) -> set[str] | None:
    """The files a check reports on (None: all): the paths given, or git's changes since ``ref``.

    Checking a file means more than the file: a settings change applies to every post, so everything
    is checked; a changed calendar file brings in the posts that hang on its events and campaigns (as
    they are now, and as they were where this branch left ``ref``); a changed photo, the posts that
    attach it; a changed post template, the posts written from it. Raises ``ChangesError``.
    """
    root = Path(loaded.repository.root)
    if ref is not None:
        paths = changes.changed_files(root, ref)
    if paths is None:
        return None
    paths = changes.checked(paths) | _posts_using(loaded, paths)
    if SETTINGS_FILE in paths:
        return None
    ids: set[str] = set()
    for path in paths:
        if path.startswith(CALENDAR_DIR + "/"):
            ids |= changes.calendar_ids((root / path).read_text(encoding="utf-8", errors="replace"))
            if ref is not None:
                ids |= changes.calendar_ids(changes.old_text(root, ref, path))
    touched = {post.source.path for post in loaded.repository.posts if post.event in ids or post.campaign in ids}
    return paths | touched


def _posts_using(loaded: Loaded, paths: set[str]) -> set[str]:
    """The posts a changed photo or post template reaches: the posts that attach the photo, and those
    written from the template (by ``postplan plan``, or hanging on an event whose reminders name it)."""
    media = {path.removeprefix("content/") for path in paths if path.startswith("content/media/")}
    templates = {path.removeprefix("templates/posts/").removesuffix(".md.j2") for path in paths
                 if path.startswith("templates/posts/") and path.endswith(".md.j2")}
    if not media and not templates:
        return set()
    reminded = {event.id for event in loaded.repository.events
                if any(reminder.template in templates for reminder in getattr(event, "reminders", []))}
    return {post.source.path for post in loaded.repository.posts
            if any(item.file in media for item in post.media)
            or (post.planned is not None and post.planned.template in templates) or post.event in reminded}


def validate(loaded: Loaded, now: dt.datetime, wanted: set[str] | None = None, cached: bool = False
             ) -> list[Finding]:
    """The findings on the wanted files (every file when None), cross-file clashes landing on them."""
    return check(loaded, now, EVERYTHING if wanted is None else some_files(wanted), cached=cached)


def plan(loaded: Loaded, now: dt.datetime, author: str | None, dry_run: bool = False) -> Planned:
    """Write the reminder posts the calendar asks for (``drafting.DraftProblem`` if they have no author)."""
    from postplan.drafting import write_plan

    return write_plan(loaded.repository, now, author, dry_run)


def new_post(loaded: Loaded, draft: Draft, now: dt.datetime) -> str:
    """Start a post from a template; its path (``drafting.DraftProblem`` when it cannot be written)."""
    from postplan.drafting import start_draft

    return start_draft(loaded.repository, draft, now)


@dataclass(frozen=True)
class Built:
    site_dir: Path
    pages: int
    posts_shown: int
    feeds: list[Feed]
    findings: list[Finding]
    seconds: float

    @property
    def errors(self) -> int:
        return sum(f.blocks for f in self.findings)

    def summary(self, root: Path, staff: bool) -> list[tuple[str, bool]]:
        """What to tell whoever ran the build: lines, each with whether it is a warning (for stderr)."""
        where = self.site_dir.relative_to(root) if self.site_dir.is_relative_to(root) else self.site_dir
        kind = "staff preview" if staff else "public site"
        feeds = f"{len(self.feeds)} calendar feed{'s' if len(self.feeds) != 1 else ''}"
        lines = [(f"Built the {kind} in {where}/: {self.posts_shown} posts shown, {self.pages} pages, "
                  f"{feeds} ({self.seconds:.1f} s).", False)]
        lines += [(f"warning: {warning}", True) for warning in dict.fromkeys(w for f in self.feeds for w in f.warnings)]
        if self.errors:
            left_out = "shown with their problems" if staff else "left out of the site"
            lines.append((f"{self.errors} error{'s' if self.errors != 1 else ''} found: posts with errors are "
                          f"{left_out}. Run `postplan validate` to see them.", True))
        return lines


def build(loaded: Loaded, now: dt.datetime, staff: bool = False,
          progress: Callable[[str], None] = lambda stage: None, apart: bool = False) -> Built:
    """Check, then write the site and the feeds; raise BuildProblem (or FeedStateError) if it cannot.

    ``apart``: check and draw the pages in a process of their own (``workers.apart``), reading the posts
    there when ``loaded`` has not: the pages are written to a folder as they are drawn, and only their
    names, the feeds, the search entries and the findings come back for MkDocs. A trust's posts are then
    never held through MkDocs' own build, which holds every page at once.
    """
    from postplan import workers
    from postplan.site.build import BuildProblem, run_mkdocs

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="postplan-build-") as scratch:
        if apart:
            try:
                drawn = workers.apart(_draw, loaded, now, staff, Path(scratch), progress, True)
            except workers.Stopped as error:
                raise BuildProblem(f"the site was not built: checking and drawing the pages stopped: {error}") \
                    from None
        else:
            drawn = _draw(loaded, now, staff, Path(scratch), progress, False)
        spilled = Path(scratch) / _SEARCH_FILE
        if spilled.exists():  # drawn apart: the search entries waited on disk (see _draw)
            search = _read_search(spilled)
            if search is None:
                raise BuildProblem("the site was not built: the search entries drawn for it could not be read back")
            drawn.files.search.update(search)
        progress("building the site with MkDocs")
        site_dir = run_mkdocs(Path(loaded.repository.root), drawn.files, staff)
    return Built(site_dir, len(drawn.files.pages), drawn.files.posts_shown, drawn.feeds, drawn.findings,
                 time.perf_counter() - started)


_SEARCH_FILE = "search.pickle"


def _read_search(file: Path) -> dict | None:
    """The search entries a drawing process left in ``file`` (written just now, in a folder of ours)."""
    stored = cachefiles.load_runs(file, b"", frozenset({("postplan.site.search", "Entry")}))
    return stored[1] if stored is not None and stored[0] == _SEARCH_FILE else None


class _Drawn(NamedTuple):
    files: SiteFiles
    feeds: list[Feed]
    findings: list[Finding]


def _draw(loaded: Loaded, now: dt.datetime, staff: bool, scratch: Path, progress: Callable[[str], None],
          to_files: bool) -> _Drawn:
    """Check, then draw every page and write the feeds into ``scratch`` (the pages too, if ``to_files``)."""
    from postplan.feeds import PRINT_PAGE, print_page, subscribe_page, write_feeds
    from postplan.site.build import BuildProblem, site_files

    if not loaded.posts_read:
        loaded = load(Path(loaded.repository.root))
    repository = loaded.repository
    ledger = read_view(Path(repository.root))
    progress("checking every post")
    findings = check(loaded, now, ledger=ledger, cached=True)
    if ledger.problem is not None:
        raise BuildProblem(ledger.problem)
    if not staff:  # an event a check objects to (a place and time, a name) never reaches the public
        repository = without_events_in_error(repository, findings)
    repository = without_posts(repository, ledger.taken_down())
    progress("drawing the calendar pages")
    folder = scratch / "pages" if to_files else None
    if folder is not None:
        folder.mkdir()
    files = site_files(repository, findings, ledger.published(), now, staff, folder)
    if to_files:  # the search entries wait on disk, so the feeds are written in the memory they took
        cachefiles.write_runs(scratch / _SEARCH_FILE, b"", _SEARCH_FILE, files.search)
        files.search = {}
    progress("writing the calendar feeds")
    feeds = write_feeds(repository, now, scratch, staff)
    files.pages["subscribe.md"] = subscribe_page(feeds, repository.settings)
    printable = print_page(feeds, repository.settings)
    if printable is not None:
        files.pages[PRINT_PAGE] = printable
    files.assets.update({feed.filename: scratch / feed.filename for feed in feeds})
    return _Drawn(files, feeds, findings)


def without_events_in_error(repository: Repository, findings: list[Finding]) -> Repository:
    """The repository less the events that have an error at one of their lines in calendar/ (what the
    public site and parents' feeds must not show: a trip's meeting point, a child's name, a phone number)."""
    flagged = {(f.path, f.line) for f in findings if f.blocks}
    if not flagged:
        return repository

    def in_error(event) -> bool:
        lines = {event.source.line, *event.source.lines.values()}
        return any((event.source.path, line) in flagged for line in lines)

    kept = [event for event in repository.events if not in_error(event)]
    if len(kept) == len(repository.events):
        return repository
    copy = repository.model_copy(update={"events": kept})
    copy.__dict__.pop("events_by_id", None)  # the copy must not answer from the original's cached look-up
    return copy


def without_posts(repository: Repository, taken_down: set[str]) -> Repository:
    """The repository less the posts taken down (postplan takedown): neither site shows them again."""
    kept = [post for post in repository.posts if post.id not in taken_down]
    return repository if len(kept) == len(repository.posts) else repository.model_copy(update={"posts": kept})


def publish(loaded: Loaded, now: dt.datetime, options: Options | None = None) -> Report:
    """Publish what is due at ``now``; raises ``publish.run.UsageError`` when it cannot run at all."""
    from postplan.publish.due import deciding
    from postplan.publish.run import Options
    from postplan.publish.run import publish as publish_due

    # Each post is checked on its own only if it could go out now (an earlier one is missed, a later one
    # not due, whatever its findings say); the rules that compare posts still see every post.
    findings = check(loaded, now, can_be_due(deciding(loaded.repository, now)), cached=True)
    return publish_due(loaded, findings, now, options or Options())
