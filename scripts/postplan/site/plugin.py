"""The thin MkDocs adapter: adds the rendered pages, the stylesheet, media and feeds to a MkDocs build.

Pages whose body follows ``HTML_MARKER`` are finished, escaped HTML: Markdown never sees them (so it
cannot turn a post's text back into markup), and their Markdown-style links (``2026-10.md#post-x``) are
turned into the site's URLs here. All calendar logic lives in ``pages.py``; this file only moves data.

MkDocs reads and renders every page before it writes any, so a trust's calendar would sit in memory
several times over. The generated pages are handed to it as UTF-8 bytes, and a finished page that
Material's search does not read (a month page: its entries come from ``search.py``; the status board and
the other pages left out of search) gets a placeholder as its content; the page's own HTML is put in its
place only as the page is written, one at a time.
"""

from __future__ import annotations

import posixpath
import re
import secrets
from collections.abc import Mapping
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from postplan.site.pages import HTML_MARKER, Pages
from postplan.site.search import Entry

STYLESHEET = "assets/postplan/calendar.css"
STAFF_BANNER = ('<p class="pp-staff-banner" role="note"><strong>Staff preview.</strong> This build shows drafts, '
                'authors and problems: keep it private, never publish it on the open web.</p>')
NAV = [("The year at a glance", "calendar/index.md"), ("This week", "calendar/this-week.md"),
       ("Coming up", "calendar/upcoming.md"), ("Campaigns", "campaigns/index.md"), ("Status board", "status.md"),
       ("Subscribe", "subscribe.md"), ("Propose a post", "propose.md"), ("Rules", "rules/index.md"),
       ("Accessibility", "accessibility.md")]
# The school's own pages for staff (the guides): in the staff build only, never on the parents' site.
STAFF_FOLDERS = ("guides/",)
# Material's search box is a dialog without a name (axe-core: aria-dialog-name); give it one.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_LOCAL_LINK = re.compile(r'(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"#]+)(#[^"]*)?"')


class PostplanPlugin(BasePlugin):
    """Built by ``postplan build`` with everything already rendered; it adds files and passes HTML through."""

    def __init__(self, pages: Mapping[str, str] | None = None, assets: dict[str, bytes | Path] | None = None,
                 staff: bool = False, search: dict[str, list[Entry]] | None = None) -> None:
        super().__init__()
        self.pages = pages if isinstance(pages, Pages) else Pages(pages)
        self.assets = assets or {}
        self.staff = staff
        self.search = search or {}
        self._bodies: dict[str, str] = {}  # the finished pages Material's search reads, until rendered
        # The other finished pages until written: their HTML (in UTF-8, or how many bytes of the end of
        # their file it is), and what stands in for it.
        self._later: dict[str, tuple[bytes | int, str]] = {}
        self._placeholder = f"<!-- postplan:page:{secrets.token_hex(8)}"  # nothing in a page can forge it
        self._files: Files | None = None
        self._index: list[dict[str, str]] | None = None  # Material's search entries, when its search is on

    def on_config(self, config):
        config.extra_css.append(STYLESHEET)
        generated = [{title: path} for title, path in NAV if path in self.pages]
        if config.nav:
            listed = {str(v) for entry in config.nav if isinstance(entry, dict) for v in entry.values()}
            config.nav = [*config.nav, *[e for e in generated if next(iter(e.values())) not in listed]]
        else:
            config.nav = _default_nav(Path(config.docs_dir), generated, self.staff)
        return config

    def on_files(self, files: Files, config) -> Files:
        if not self.staff:
            for staff_page in [f for f in files if f.src_uri.startswith(STAFF_FOLDERS)]:
                files.remove(staff_page)
        for path in self.pages:
            existing = files.get_file_from_path(path)
            if existing is not None:
                if path == "index.md":
                    continue  # the school's own home page wins over the default one
                files.remove(existing)
            files.append(File.generated(config, path, content=self.pages.encoded(path),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for path, content in self.assets.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            if isinstance(content, Path):
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
        return files

    def on_pre_build(self, config) -> None:
        self._index = _material_search_entries(config)

    def on_page_markdown(self, markdown: str, page, config, files):
        if self._index is not None and page.file.src_uri in self.search:
            page.meta["search"] = {"exclude": True}  # its entries come from site/search.py, not its HTML
        if page.file.src_uri in self.pages and markdown.startswith(HTML_MARKER):
            if self._index is None or page.file.src_uri in self.search or _not_searched(page):  # no search reads it
                # The theme adds the page's title as a heading when its content has none: say whether it has.
                heading = " <h1>" if "<h1" in markdown else ""
                body = markdown[len(HTML_MARKER):].encode("utf-8")
                kept = len(body) if body and page.file.content_bytes.endswith(body) else body  # not a second copy
                self._later[page.file.src_uri] = kept, f"{self._placeholder}{heading} -->"
            else:
                self._bodies[page.file.src_uri] = markdown[len(HTML_MARKER):]
            return ""
        return markdown

    def on_page_content(self, html: str, page, config, files: Files):
        self._files = files
        body = self._bodies.pop(page.file.src_uri, None)
        if body is not None:
            html = _site_links(body, page.file, files)
        elif page.file.src_uri in self._later:
            html = self._later[page.file.src_uri][1]
        return STAFF_BANNER + html if self.staff else html

    def on_page_context(self, context, page, config, nav):
        if self._index is not None:
            self._index += [{"location": f"{page.url}#{entry.anchor}", "title": entry.title, "text": entry.text}
                            for entry in self.search.get(page.file.src_uri, ())]
        return context

    @event_priority(100)  # before any other plugin's: each sees the page as it is published
    def on_post_page(self, output: str, page, config) -> str:
        later = self._later.pop(page.file.src_uri, None)
        if later is not None and self._files is not None:
            kept, placeholder = later
            body = page.file.content_bytes[-kept:] if isinstance(kept, int) else kept
            output = output.replace(placeholder, _site_links(body.decode("utf-8"), page.file, self._files), 1)
        return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)


def _not_searched(page) -> bool:
    """Whether the page says Material's search is to leave it out (``search: exclude: true``)."""
    wanted = page.meta.get("search")
    return isinstance(wanted, dict) and wanted.get("exclude") is True


def _material_search_entries(config) -> list[dict[str, str]] | None:
    """The list Material's search plugin writes its index from, when that plugin is on (else None)."""
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:
        return None
    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin.search_index.entries if hasattr(plugin, "search_index") else None
    return None


def _site_links(html: str, page: File, files: Files) -> str:
    """Turn links written between source files (``../calendar/2026-09.md#x``) into the site's URLs."""
    folder = posixpath.dirname(page.src_uri)

    def replace(match: re.Match) -> str:
        attribute, target, fragment = match[1], match[2], match[3] or ""
        found = files.get_file_from_path(posixpath.normpath(posixpath.join(folder, target)))
        if found is None:
            return match[0]
        return f'{attribute}="{found.url_relative_to(page)}{fragment}"'

    return _LOCAL_LINK.sub(replace, html)


def _default_nav(docs: Path, generated: list[dict[str, str]], staff: bool) -> list:
    """Home, the generated calendar pages, then the school's own pages (a folder becomes a section)."""
    own = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    if not staff:
        own = [path for path in own if not path.startswith(STAFF_FOLDERS)]
    taken = {path for entry in generated for path in entry.values()}
    nav: list = ["index.md"]
    nav += generated
    sections: dict[str, list[str]] = {}
    for path in own:
        if path == "index.md" or path in taken:
            continue
        folder, _, _ = path.rpartition("/")
        if folder:
            sections.setdefault(folder, []).append(path)
        else:
            nav.append(path)
    nav += [{folder.replace("-", " ").capitalize(): paths} for folder, paths in sections.items()]
    return nav
