""""Propose a post" links: open GitHub's new-file page with a post template already filled in.

A member of staff clicks a link on the site, edits the text in GitHub's web editor, and proposes the
post as a pull request; the pull-request check then tells them what to fix. The template's values
(an event's title, its date) are not known here, so they appear as ``<title>``-style blanks to fill in.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import jinja2

from postplan.escape import markdown
from postplan.models import Settings
from postplan.sandbox import PostSandbox, TemplateProblem, render_limited, sandbox

POSTS_FOLDER = "content/posts"
FRONT_MATTER = """---
publish_at: <date and time, like 2027-06-01 08:30>
status: draft
author: <your name>
---
"""
_COMMENT = re.compile(r"^\s*\{#(.*?)#\}", re.DOTALL)
TIME_LIMIT_SECONDS = 2.0


class Blank(jinja2.Undefined):
    """A value the author fills in: prints as ``<name>`` and is false, so optional parts are left out."""

    def __str__(self) -> str:
        return f"<{(self._undefined_name or 'something').replace('_', ' ')}>"

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("__"):
            raise AttributeError(name)
        return Blank(name=f"{self._undefined_name} {name}")

    def _unknown(self, other: object) -> bool:  # a comparison with a blank (`title|length <= 160`) is false
        return False

    __lt__ = __le__ = __gt__ = __ge__ = _unknown


class _AnyFilter(dict):
    """Every filter name is known and hands its value straight back: the blanks stay blanks."""

    def get(self, name, default=None):  # noqa: ANN001 - dict's signature
        return super().get(name, _keep)

    def __contains__(self, name: object) -> bool:
        return True

    def __getitem__(self, name):  # noqa: ANN001 - dict's signature
        return self.get(name)


def _keep(value: object, *args: object, **kwargs: object) -> object:
    return value


def blank_environment() -> PostSandbox:
    """The post sandbox, with its limits, where every value is a blank and every filter keeps it."""
    environment = sandbox(undefined=Blank)
    environment.filters = _AnyFilter()
    environment.tests = {**environment.tests}
    return environment


def post_text(template: str) -> str:
    """A post file to start from: blank front matter and the template's text with blanks to fill in."""
    try:
        body = render_limited(blank_environment().from_string(template), {}, "template", TIME_LIMIT_SECONDS)
    except (jinja2.TemplateError, TemplateProblem, TypeError, ValueError, ArithmeticError, RecursionError):
        body = _COMMENT.sub("", template)  # a template this cannot render: offer its text as written
    lines = [line.rstrip() for line in body.strip().splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return FRONT_MATTER + body + "\n"


def describe(template: str) -> str:
    """The first sentence of the template's opening ``{# … #}`` comment: what it is for."""
    match = _COMMENT.match(template)
    if not match:
        return ""
    text = " ".join(match[1].split())
    return re.split(r"(?<=\.)\s", text, maxsplit=1)[0].rstrip(".")


def new_file_url(settings: Settings, filename: str, text: str, month: str | None = None) -> str:
    """GitHub's "create a new file" page for the school's repository, with the name and text filled in."""
    folder = f"{POSTS_FOLDER}/{month}" if month else POSTS_FOLDER
    query = urlencode({"filename": filename, "value": text}, quote_via=quote)
    return f"https://github.com/{settings.repository}/new/{quote(settings.branch)}/{folder}?{query}"


def propose_links(settings: Settings, templates: dict[str, str], month: str | None = None) -> list[tuple[str, str]]:
    """A (template name, link) pair for each template, in name order; none without a ``repository``.

    ``month`` (YYYY-MM) puts the new post in that month's folder; the author can change it on GitHub.
    """
    if not settings.repository:
        return []
    return [(name, new_file_url(settings, f"{name}.md", post_text(templates[name]), month))
            for name in sorted(templates)]


def propose_page(settings: Settings, templates: dict[str, str], month: str | None = None) -> str:
    """A Markdown page for the site: a "propose a post" link per template, with what it is for."""
    out = [
        "# Propose a post",
        "",
        "Pick a starting point. GitHub opens a new post with the text filled in: replace each "
        "`<blank>`, set the date and your name, then choose **Propose changes** and open a pull request. "
        "A leader reviews it there. See [Writing and proposing a post](guides/writing-posts.md).",
        "",
    ]
    links = propose_links(settings, templates, month)
    if not links:
        out.append("Proposing from the site needs the repository's name: add `repository: owner/name` to "
                   "the postplan settings in `mkdocs.yml`.")
    for name, url in links:
        purpose = describe(templates[name])
        title = name.replace("-", " ").capitalize()
        out.append(f"- [{markdown(title)}]({url})" + (f": {markdown(purpose)}" if purpose else ""))
    return "\n".join(out) + "\n"
