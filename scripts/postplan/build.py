"""Build: validate, then write the calendar site and the feeds (MkDocs, in-process, with the school's mkdocs.yml).

The order matters once: findings come first, because they decide what the public site may show (a post
with an error is left out). The build still runs when there are errors, so a school can see them.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from postplan import yamlsource
from postplan.check import run_checks
from postplan.feeds import Feed, subscribe_page, write_feeds
from postplan.findings import Finding
from postplan.load import load_repository
from postplan.settings import SETTINGS_FILE
from postplan.site.media import media_copies
from postplan.site.pages import default_home, render_pages
from postplan.site.visibility import shown_posts

STAFF_SITE_DIR = "site-staff"  # never site/: whatever deploys site/ must not be able to pick up a staff preview
DEFAULT_DOCS_DIR = "templates/site"
STYLESHEET = Path(__file__).parent / "site" / "calendar.css"


class BuildProblem(Exception):
    """MkDocs could not use the school's mkdocs.yml, or could not build: a message, no traceback."""


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


def read_published(root: Path) -> dict[str, str]:
    """Posts the publisher's ledger says went out, by id (no ledger: nothing is published yet)."""
    from postplan.publish.ledger import LedgerError, ledger_states

    try:
        states = ledger_states(root)
    except LedgerError as error:
        raise BuildProblem(str(error)) from None
    return {post: state for post, state in states.items() if state == "published"}


def build(root: Path, now: dt.datetime, staff: bool = False,
          progress: Callable[[str], None] = lambda stage: None) -> Built:
    """Validate, render the pages and feeds, and run MkDocs; raise SettingsError or BuildProblem if it cannot."""
    started = time.perf_counter()
    progress("loading the school's files")
    loaded = load_repository(root)
    repository = loaded.repository
    progress("checking every post")
    findings = run_checks(loaded, now, root)
    published = read_published(root)
    progress("drawing the calendar pages")
    pages = render_pages(repository, findings, now, staff, published=published)
    pages["index.md"] = default_home(repository.settings)
    pages.update(_rule_pages())
    pages["propose.md"] = _propose_page(root, repository.settings, now)
    shown = shown_posts(repository, findings, published, now, staff)
    assets: dict[str, bytes | Path] = {**media_copies(shown, root), "assets/postplan/calendar.css": STYLESHEET}
    with tempfile.TemporaryDirectory(prefix="postplan-feeds-") as scratch:
        progress("writing the calendar feeds")
        feeds = write_feeds(repository, now, Path(scratch), staff)
        pages["subscribe.md"] = subscribe_page(feeds, repository.settings)
        assets.update({feed.filename: Path(scratch) / feed.filename for feed in feeds})
        progress("building the site with MkDocs")
        site_dir = _run_mkdocs(root, pages, assets, staff)
    return Built(site_dir, len(pages), len(shown), feeds, findings, time.perf_counter() - started)


def _rule_pages() -> dict[str, str]:
    """The rules' own documentation pages, when the rules documentation module is part of this install."""
    try:
        from postplan.rulesdoc import rule_pages
    except ImportError:
        return {}  # not in this install: the site simply has no rules pages
    return rule_pages()


def _propose_page(root: Path, settings, now: dt.datetime) -> str:
    """The "propose a post" page: a GitHub new-file link per post template, filed under this month."""
    from postplan.propose import propose_page
    from postplan.templating import Templates

    templates = Templates(root)
    texts = {name: (root / templates.path_of(name)).read_text(encoding="utf-8") for name in templates.names()}
    return propose_page(settings, texts, month=f"{now:%Y-%m}")


def _run_mkdocs(root: Path, pages: dict[str, str], assets: dict[str, bytes | Path], staff: bool) -> Path:
    from postplan.rules.site_settings import problems

    unsafe = [f"{SETTINGS_FILE}:{p.line}: {p.message}" for p in problems(root)]
    if unsafe:  # MkDocs would run what these name as soon as it reads the file
        raise BuildProblem("the site was not built, because mkdocs.yml would run code:\n" + "\n".join(unsafe))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, printed on every build
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from postplan.site.plugin import PostplanPlugin

    overrides: dict[str, str] = {}
    if staff:
        overrides["site_dir"] = str(root / STAFF_SITE_DIR)
    with tempfile.TemporaryDirectory(prefix="postplan-docs-") as empty:
        docs_dir = _docs_dir(root)
        if docs_dir is None or not docs_dir.is_dir():
            # MkDocs' own default is docs/; a school's hand-written pages live in templates/site, and a
            # school without any still gets a site
            default = root / DEFAULT_DOCS_DIR
            overrides["docs_dir"] = str(default) if docs_dir is None and default.is_dir() else empty
        try:
            config = load_config(str(root / SETTINGS_FILE), **overrides)
            config.plugins["postplan"] = PostplanPlugin(pages, assets, staff)
            mkdocs_build(config)
        except MkDocsException as error:
            raise BuildProblem(f"{SETTINGS_FILE}: MkDocs could not build the site: {error}") from None
    return Path(config.site_dir)


def _docs_dir(root: Path) -> Path | None:
    """The folder of hand-written site pages named by ``docs_dir`` in mkdocs.yml, if it names one."""
    try:
        node = yamlsource.find(yamlsource.compose((root / SETTINGS_FILE).read_text(encoding="utf-8")), "docs_dir")
    except (OSError, UnicodeDecodeError, yamlsource.YamlError):
        node = None
    value = getattr(node, "value", None)
    return root / value if isinstance(value, str) and value else None
