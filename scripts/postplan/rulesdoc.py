"""The rules' documentation pages, made from the rule modules themselves so that they cannot drift.

``rule_pages()`` is pure: it returns Markdown text by path ("rules/index.md", "rules/<id>.md"); the
site stage decides where the pages go. ``postplan rules RULE`` prints one of them.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
from functools import lru_cache

from postplan.findings import Severity
from postplan.rules import RULES, Rule, get

SEVERITY_MEANS = {
    Severity.ERROR: "an **error**: `postplan validate` fails and the post is not published until it is fixed "
                    "(or a leader allows it)",
    Severity.WARNING: "a **warning**: shown to the author and the reviewing leader; it does not block",
}


def rule_pages() -> dict[str, str]:
    """One Markdown page per rule, plus an index listing them all."""
    pages = {f"rules/{rule.id}.md": rule_page(rule) for rule in RULES.values()}
    pages["rules/index.md"] = _index()
    return pages


def rule_list(fmt: str = "text") -> str:
    """Every rule with its severity and summary: a table for people, or JSON (``fmt="json"``)."""
    if fmt == "json":
        data = [{"id": r.id, "severity": r.severity.value, "summary": r.summary, "policy": r.policy}
                for r in RULES.values()]
        return json.dumps(data, indent=2, ensure_ascii=False)
    width = max(len(rule_id) for rule_id in RULES)
    return "\n".join(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}" for rule in RULES.values())


def rule_page_of(rule_id: str) -> str:
    """The page of the rule with this id; ``KeyError`` with the known ids when there is none."""
    return rule_page(get(rule_id))


def rule_page(rule: Rule) -> str:
    policy = "\n".join(f"> {line}" for line in rule.policy.splitlines())
    return f"""# {rule.id}

**{rule.summary}**

A finding of this rule is {SEVERITY_MEANS[rule.severity]}.

## What the policy says

{policy}

## What postplan checks

{_markdown(rule.doc)}

## Settings it reads

{_settings_section(rule)}

## Allowing an exception

If a leader agrees that this post is fine as it is, they add an exception to the post's front matter,
with the reason (the reason is shown wherever the finding is):

```yaml
allow:
  - rule: {rule.id}
    reason: Agreed with the head, because ...
```
"""


def _settings_section(rule: Rule) -> str:
    names = settings_read(rule)
    if not names:
        return "None: it works from the post and the calendar alone."
    listed = "\n".join(f"- `{name}`" for name in names)
    return f"Under `extra: postplan:` in `mkdocs.yml`:\n\n{listed}"


@lru_cache(maxsize=None)
def settings_read(rule: Rule) -> tuple[str, ...]:
    """The school's settings a rule reads, found in its module's code (and in the helpers it imports from
    postplan), so that a rule's page cannot forget one."""
    from postplan.models import Settings

    module = importlib.import_module(rule.module)
    sources = [inspect.getsource(module)]
    for value in vars(module).values():
        if inspect.isfunction(value) and value.__module__.startswith("postplan.") and value.__module__ != rule.module:
            sources.append(inspect.getsource(value))
    found = {name for source in sources for name in _settings_in(ast.parse(source))}
    return tuple(sorted(found & set(Settings.model_fields)))


def _settings_in(tree: ast.AST) -> set[str]:
    """Names read as ``….settings.NAME`` or ``getattr(….settings, "NAME", …)``."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_settings(node.value):
            names.add(node.attr)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
              and len(node.args) >= 2 and _is_settings(node.args[0]) and isinstance(node.args[1], ast.Constant)):
            names.add(str(node.args[1].value))
    return names


def _is_settings(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "settings") or (
        isinstance(node, ast.Attribute) and node.attr == "settings")


def _index() -> str:
    rows = "\n".join(f"| [{r.id}]({r.id}.md) | {r.severity.value} | {_cell(r.summary)} |" for r in RULES.values())
    return f"""# The rules

Every post is checked against these rules by `postplan validate` (and in every pull request). An
**error** stops a post from being published until it is fixed; a **warning** is for the author and the
reviewing leader to consider. Each rule's page quotes the policy it comes from and shows examples.

| rule | severity | what it asks |
|---|---|---|
{rows}
"""


def _markdown(doc: str) -> str:
    """A rule's docstring as Markdown: ``code`` becomes `code`, and a block after "::" is fenced."""
    out: list[str] = []
    lines = doc.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            block, index = [], index + 1
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
                block.append(lines[index][4:])
                index += 1
            out += ["", "```yaml", *[b for b in _trim(block)], "```", ""]
            continue
        out.append(re.sub(r"``([^`]+)``", r"`\1`", line))
        index += 1
    return "\n".join(out).strip()


def _trim(block: list[str]) -> list[str]:
    while block and not block[0].strip():
        block.pop(0)
    while block and not block[-1].strip():
        block.pop()
    return block


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
