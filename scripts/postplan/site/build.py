"""The MkDocs adapter: the calendar's pages and files, built into a site with the school's mkdocs.yml.

The pages themselves come from pure functions (``pages.render_pages`` and friends); this module only
gathers them with the files they need and hands them to MkDocs, in-process, so that the site would
survive a move from MkDocs to another builder by replacing this module and ``plugin``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from postplan import yamlsource
from postplan.findings import Finding
from postplan.models import Repository
from postplan.settings import SETTINGS_FILE
from postplan.site.media import media_copies
from postplan.site.pages import Pages, render_pages
from postplan.site.search import Entry
from postplan.site.visibility import shown_posts

STAFF_SITE_DIR = "site-staff"  # never site/: whatever deploys site/ must not be able to pick up a staff preview
DEFAULT_DOCS_DIR = "templates/site"
STYLESHEET = Path(__file__).parent / "calendar.css"


class BuildProblem(Exception):
    """MkDocs could not use the school's mkdocs.yml, or could not build: a message, no traceback."""


@dataclass
class SiteFiles:
    """What the site is made of before MkDocs sees it: generated pages (path → Markdown) and files."""

    pages: Pages
    assets: dict[str, bytes | Path] = field(default_factory=dict)
    posts_shown: int = 0
    search: dict[str, list[Entry]] = field(default_factory=dict)  # the month pages' search entries, by page


def site_files(repository: Repository, findings: list[Finding], published: dict[str, str], now: dt.datetime,
               staff: bool, folder: Path | None = None) -> SiteFiles:
    """The calendar pages, the home page, the rules' pages, the "propose a post" page, photos and styles
    (the pages written to ``folder`` as they are made, if one is given)."""
    root = Path(repository.root)
    search: dict[str, list[Entry]] = {}
    pages = render_pages(repository, findings, now, staff, published=published, search=search, folder=folder)
    if staff:  # the rules and the propose page are for staff: the parents' site holds what parents need
        pages.update(_rule_pages())
        pages["propose.md"] = _propose_page(repository, now)
    shown = shown_posts(repository, findings, published, now, staff)
    assets: dict[str, bytes | Path] = {**media_copies(shown, root, repository.settings.photo_max_side), "assets/postplan/calendar.css": STYLESHEET}
    return SiteFiles(pages, assets, len(shown), search)


def _rule_pages() -> dict[str, str]:
    """The rules' own documentation pages, when the rules documentation module is part of this install."""
    try:
        from postplan.rulesdoc import rule_pages
    except ImportError:
        return {}  # not in this install: the site simply has no rules pages
    return rule_pages()


def _propose_page(repository: Repository, now: dt.datetime) -> str:
    """The "propose a post" page: a GitHub new-file link per post template, filed under this month."""
    from postplan.propose import propose_page
    from postplan.templating import Templates

    root = Path(repository.root)
    templates = Templates(root)
    texts = {name: (root / templates.path_of(name)).read_text(encoding="utf-8") for name in templates.names()}
    return propose_page(repository.settings, texts, month=f"{now:%Y-%m}")


def run_mkdocs(root: Path, files: SiteFiles, staff: bool) -> Path:
    """Build the site with MkDocs and the school's mkdocs.yml; the folder it was written to."""
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
            config.plugins["postplan"] = PostplanPlugin(files.pages, files.assets, staff, files.search)
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
