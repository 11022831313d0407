"""``mkdocs.yml`` must not make the site's build run code, or the public site run script.

``mkdocs.yml`` can arrive in anyone's pull request, and the site is built by a workflow that may put
it on the open web. MkDocs reads the file with a YAML loader that builds Python objects, imports hook
files and plugins, and renders custom templates without a sandbox. So these are refused, each at its
line, and ``postplan build`` does not run MkDocs while any is there:

- ``hooks:`` (Python files run during the build), ``theme: custom_dir:`` (templates that run as the
  site is made and can put script on every page), ``extra_templates:``, and ``extra_javascript:``;
- a plugin other than those MkDocs and Material ship for search, tags and offline use (postplan
  adds its own itself), and a Markdown extension other than Python-Markdown's, PyMdown's or Material's;
- any YAML tag, except ``!!python/name:`` naming a function of Material or PyMdown (how Material's
  documentation sets up emoji) and MkDocs' ``!relative``. ``!ENV`` is refused too: it copies an
  environment variable, perhaps a secret, into the settings and so onto the public site;
- ``<`` in ``site_name``, ``site_description``, ``site_author`` or ``copyright``: MkDocs and
  Material write them into every page as HTML;
- anchors and aliases (``&`` and ``*``): MkDocs would expand an "alias bomb" until the build runs out
  of memory; this check reads the file without expanding anything.

Passes: ``plugins: [search]``; ``emoji_index: !!python/name:material.extensions.emoji.twemoji``.
Fails: ``hooks: [templates/site/hook.py]``; ``plugins: [macros]``; ``theme: {name: material,
custom_dir: overrides}``; ``site_description: !ENV GITHUB_TOKEN``; ``x: !!python/object/apply:os.system``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from postplan import yamlsource
from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem

ID = "site-settings"
SEVERITY = Severity.ERROR
SUMMARY = "mkdocs.yml must not run code during the build or put script on the site."
POLICY = "Design: nothing reaches the parents' site that a leader did not review; the site is built from main."

SETTINGS_FILE = "mkdocs.yml"
ALLOWED_PLUGINS = {"search", "material/search", "tags", "material/tags", "offline", "material/offline"}
_MARKDOWN_OWN = {"abbr", "admonition", "attr_list", "def_list", "extra", "fenced_code", "footnotes", "md_in_html",
                 "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks", "codehilite",
                 "legacy_attrs", "legacy_em"}
_EXTENSION_PACKAGES = ("markdown.extensions.", "pymdownx.", "material.")
_NAME_PACKAGES = ("material.", "pymdownx.")
_REFUSED_KEYS = {
    "hooks": "hooks run Python files from the repository while the site is built",
    "extra_templates": "extra templates are run while the site is built, without a sandbox",
    "extra_javascript": "extra scripts run in every parent's browser on the public site",
}
# MkDocs and Material write these into every page as HTML, unescaped (``copyright`` by design)
_PAGE_TEXT = ("site_name", "site_description", "site_author", "copyright")
_STANDARD_TAG = "tag:yaml.org,2002:"
_FIX = "remove it; the calendar site needs none of this (ask whoever runs postplan if the site needs a change)"


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    return problems(context.root)


def problems(root: Path) -> Iterator[Problem]:
    """Read mkdocs.yml as nodes only (nothing constructed, nothing expanded) and report what runs code.

    ``build`` calls this too, to refuse to start MkDocs while there is any.
    """
    try:
        document = yamlsource.compose((root / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yamlsource.YamlError):
        return  # reading the settings already reported it, and nothing can be built
    yield from _nodes(document)
    if isinstance(document, yaml.MappingNode):
        yield from _keys(document)


def _problem(message: str, node: yaml.Node, fix: str = _FIX) -> Problem:
    return Problem(message, fix=fix, path=SETTINGS_FILE, line=node.start_mark.line + 1)


def _nodes(document: yaml.Node | None) -> Iterator[Problem]:
    """Tags and aliases, each node visited once (a shared node is an alias: never walked twice)."""
    seen: set[int] = set()
    stack = [document] if document is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            yield _problem("anchors and aliases (& and *) are not allowed in mkdocs.yml", node,
                           "write each value out in full: MkDocs would expand them, perhaps until it runs out "
                           "of memory")
            return  # one is enough: a bomb has millions
        seen.add(id(node))
        if not _allowed_tag(node):
            yield _problem(f"the tag {_shown_tag(node.tag)} is not allowed in mkdocs.yml: it makes MkDocs run code "
                           "or read the environment", node, "remove the tag (the part starting with !)")
        if isinstance(node, yaml.MappingNode):
            stack += [n for pair in reversed(node.value) for n in reversed(pair)]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


def _allowed_tag(node: yaml.Node) -> bool:
    tag = node.tag or ""
    if tag.startswith(_STANDARD_TAG) and not tag.startswith(_STANDARD_TAG + "python/"):
        return True
    if tag == "!relative":
        return True
    name = _STANDARD_TAG + "python/name:"
    return tag.startswith(name) and tag[len(name):].startswith(_NAME_PACKAGES)


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag


def _keys(document: yaml.MappingNode) -> Iterator[Problem]:
    for key, value in document.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name in _REFUSED_KEYS:
            yield _problem(f"'{name}:' is not allowed in mkdocs.yml: {_REFUSED_KEYS[name]}", key)
        elif name in _PAGE_TEXT and isinstance(value, yaml.ScalarNode) and "<" in value.value:
            yield _problem(f"'{name}:' holds HTML (<): it is written into every page as it is, so it could "
                           "run script on the public site", value, "write it as plain words, without <")
        elif name == "plugins":
            yield from _named(value, lambda n: n in ALLOWED_PLUGINS, "the plugin",
                              f"use only {', '.join(sorted(ALLOWED_PLUGINS))}")
        elif name == "markdown_extensions":
            yield from _named(value, _allowed_extension, "the Markdown extension",
                              "use Python-Markdown's, PyMdown's (pymdownx.…) or Material's extensions")
        elif name == "theme" and isinstance(value, yaml.MappingNode):
            for theme_key, _ in value.value:
                if isinstance(theme_key, yaml.ScalarNode) and theme_key.value == "custom_dir":
                    yield _problem("'custom_dir:' is not allowed in mkdocs.yml: its templates run while the site "
                                   "is built and can put script on every page", theme_key)


def _named(node: yaml.Node, allowed, what: str, fix: str) -> Iterator[Problem]:
    """Each name in a list (or mapping) of plugins or extensions that is not an allowed one."""
    if isinstance(node, yaml.SequenceNode):
        entries = [item.value[0][0] if isinstance(item, yaml.MappingNode) and item.value else item
                   for item in node.value]
    elif isinstance(node, yaml.MappingNode):
        entries = [key for key, _ in node.value]
    else:
        entries = [node]
    for entry in entries:
        name = entry.value if isinstance(entry, yaml.ScalarNode) else None
        if not isinstance(name, str) or not allowed(name):
            shown = name if isinstance(name, str) else "given here"
            yield _problem(f"{what} '{shown}' is not allowed in mkdocs.yml: it runs code while the site is built",
                           entry, fix)


def _allowed_extension(name: str) -> bool:
    return name in _MARKDOWN_OWN or name.startswith(_EXTENSION_PACKAGES)
