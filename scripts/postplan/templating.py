"""Post templates: the school's Jinja2 texts in ``templates/posts/``, found, checked and rendered.

A template in ``templates/posts/<id>.md.j2`` is content, not code: it is rendered in the post sandbox
(``sandbox``: no access to Python internals, limits on size and time) with ``StrictUndefined`` (a misspelt
variable is an error, never a silent blank), with the values of ``template_values`` and the British
wording of ``wording`` as filters. Every failure becomes a ``TemplateProblem`` with the template's path
and line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from postplan.sandbox import FILTERS, TemplateProblem, render_limited, sandbox
from postplan.template_values import OWNER_VALUES

__all__ = ["TEMPLATES_DIR", "TemplateProblem", "Templates"]

TEMPLATES_DIR = "templates/posts"
SUFFIX = ".md.j2"
MAX_TEMPLATE_BYTES = 20_000
TIME_LIMIT_SECONDS = 2.0


@dataclass(frozen=True)
class Templates:
    """The school's post templates, loaded from ``templates/posts/`` under the repository root."""

    root: Path

    @property
    def folder(self) -> Path:
        return self.root / TEMPLATES_DIR

    def names(self) -> list[str]:
        return sorted(p.name.removesuffix(SUFFIX) for p in self.folder.glob(f"*{SUFFIX}"))

    def path_of(self, name: str) -> str:
        return f"{TEMPLATES_DIR}/{name}{SUFFIX}"

    @functools.cached_property
    def environment(self) -> SandboxedEnvironment:
        """One sandbox per school: Jinja2 keeps each compiled template until its file changes."""
        env = sandbox(loader=jinja2.FileSystemLoader(self.folder), undefined=jinja2.StrictUndefined)
        env.filters.update(FILTERS)
        return env

    def check(self, name: str) -> None:
        """Raise a ``TemplateProblem`` if the template is missing or not valid Jinja2."""
        self._load(self.environment, name)

    def render(self, name: str, values: dict[str, object]) -> str:
        """The post text the template writes for these values, stripped of surrounding blank lines."""
        env = self.environment
        template = self._load(env, name)
        path = self.path_of(name)
        try:
            text = render_limited(template, values, path, TIME_LIMIT_SECONDS)
        except SecurityError as error:
            raise TemplateProblem(f"the template tried something not allowed in a template: {error}", path,
                                  _line_of(error, path),
                                  "use only the values and filters listed in templates/README.md") from None
        except jinja2.UndefinedError as error:
            raise TemplateProblem(f"the template uses a value it was not given: {error.message}", path,
                                  _line_of(error, path), _undefined_fix(error.message or "")) from None
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, RecursionError) as error:
            raise TemplateProblem(f"the template could not be rendered: {error}", path,
                                  _line_of(error, path)) from None
        text = "\n".join(line.rstrip() for line in text.strip().splitlines())
        if not text:
            raise TemplateProblem("the template wrote no text", path)
        return text

    def trial(self, name: str) -> None:
        """Raise a ``TemplateProblem`` if the template, written with a blank for every value (as the
        propose page writes it), breaks a limit or fails: a hostile template is an error in the pull
        request that brings it, even when no reminder uses it yet."""
        from postplan.propose import blank_environment

        env = blank_environment()
        env.loader = self.environment.loader
        template = self._load(env, name)
        path = self.path_of(name)
        try:
            render_limited(template, {}, path, TIME_LIMIT_SECONDS)
        except SecurityError as error:
            raise TemplateProblem(f"the template tried something not allowed in a template: {error}", path,
                                  _line_of(error, path),
                                  "use only the values and filters listed in templates/README.md") from None
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, RecursionError, MemoryError) as error:
            raise TemplateProblem(f"the template could not be written even with blanks: {error}", path,
                                  _line_of(error, path)) from None

    def _load(self, env: SandboxedEnvironment, name: str) -> jinja2.Template:
        path = self.path_of(name)
        file = self.folder / f"{name}{SUFFIX}"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not file.is_file():
            known = ", ".join(self.names()) or "none yet"
            raise TemplateProblem(f"there is no template '{name}'", path, 1,
                                  f"the templates in {TEMPLATES_DIR}/ are: {known}")
        if file.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem("the template is too large to be a post template", path)
        try:
            return env.get_template(file.name)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(f"the template is not valid: {error.message}", path, error.lineno or 1,
                                  "check that every {{ has its }} and every {% if %} its {% endif %}") from None
        except UnicodeDecodeError:
            raise TemplateProblem("the template is not UTF-8 text", path, 1, "save it as UTF-8") from None


def _line_of(error: BaseException, path: str) -> int:
    """The template line a rendering error happened on, from the traceback Jinja2 rewrites for templates."""
    line, tb = 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(Path(path).name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _undefined_fix(message: str) -> str:
    match = re.match(r"'(\w+)' is undefined", message)
    name = match[1] if match else ""
    if name == "website":
        return "add the school's website to website_domains: in mkdocs.yml"
    if name in OWNER_VALUES:
        return "this template is about an event or campaign: give one with --event ID (or --campaign ID)"
    return "check the spelling: templates/README.md lists the values a template receives"
