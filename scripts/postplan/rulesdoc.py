"""The rules' documentation pages, made from the rule modules themselves so that they cannot drift.

``rule_pages()`` is pure: it returns Markdown text by path ("rules/index.md", "rules/<id>.md"); the
site stage decides where the pages go. ``postplan rules RULE`` prints one of them.
"""

from __future__ import annotations

import json
import re

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

## Allowing an exception

If a leader agrees that this post is fine as it is, they add an exception to the post's front matter,
with the reason (the reason is shown wherever the finding is):

```yaml
allow:
  - rule: {rule.id}
    reason: Agreed with the head, because ...
```
"""


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
