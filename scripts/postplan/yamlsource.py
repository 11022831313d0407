"""Safe YAML that remembers where every value came from.

PyYAML composes a node tree that carries line numbers; we build plain Python values from it ourselves
so that each value's line is kept, anchors/aliases are refused (an "alias bomb" cannot expand), duplicate
keys are errors (YAML silently keeps the last one), and unknown tags never run code.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

try:  # the C parser is several times faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
_SCALARS = SafeConstructor()
_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp")
}


_STR = "tag:yaml.org,2002:str"
_KEY = re.compile(r":(?:\s|$)")  # a field name's colon (not the one inside a time like 08:30)
_OPENS_QUOTE = re.compile(r'(?:^|:|-)\s*"')  # a value that starts with a quote (not a 6" ruler in plain text)
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


class YamlError(Exception):
    """YAML that cannot be read, with the (1-based) line where the problem is."""

    def __init__(self, message: str, line: int, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.fix = fix


def compose(text: str, first_line: int = 1) -> yaml.Node | None:
    """Parse text into PyYAML's node tree; syntax errors become a ``YamlError`` at the right line."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line if mark else 0
        found = _staff_mistake(text.splitlines(), line)
        if found is not None:
            message, at, fix = found
            raise YamlError(message, first_line + at, fix) from None
        raise YamlError(f"the fields here could not be read ({error.problem or error})", first_line + line,
                        "check the spaces at the start of the line, the colon after each field name, and that "
                        "brackets and quotes are closed") from None
    except yaml.YAMLError as error:  # e.g. a reader error for a control character
        raise YamlError(f"the fields here could not be read ({error})", first_line) from None


def _staff_mistake(lines: list[str], near: int) -> tuple[str, int, str] | None:
    """The usual slips of someone typing fields by hand, found at their own line (0-based) up to the line
    the parser stopped at: a tab, a field without its colon, a quote left open."""
    upto = lines[:near + 1]
    for index, line in enumerate(upto):
        if "\t" in line[:len(line) - len(line.lstrip())]:
            return ("this line starts with a tab: the fields at the top are lined up with spaces",
                    index, "replace the tab with spaces (two for each step in)")
    for index, line in enumerate(upto):
        bare = line.strip()
        if bare and not bare.startswith(("#", "-", "---", "[", "{", "\"", "'")) and not _KEY.search(bare) \
                and not _continues(lines[:index], line):
            name, _, rest = bare.partition(" ")
            example = f"`{name}: {rest}`" if rest else f"`{name}: ...`"
            return (f"`{bare[:40]}` needs a colon after the field's name", index, f"write it as {example}")
    for index, line in enumerate(upto):
        if _OPENS_QUOTE.search(line) and line.count('"') % 2 == 1:
            return ("a quote (\") opened on this line is not closed", index, "add the closing \" at the end of the text")
    return None


def to_python(node: yaml.Node | None, first_line: int = 1) -> tuple[object, dict[Path, int]]:
    """Build plain values from a node tree, with a map of each key path to its line."""
    lines: dict[Path, int] = {}
    seen: set[int] = set()

    def build(node: yaml.Node, path: Path, parent_line: int) -> object:
        line = first_line + node.start_mark.line
        lines.setdefault(path, line)
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else _scalar(node, line)
        if id(node) in seen:  # an alias: the node is shared, so report where it is used (its parent)
            raise YamlError("anchors and aliases (& and *) are not allowed here",
                            parent_line, "write each value out in full, so a reviewer sees exactly what is posted")
        seen.add(id(node))
        if node.tag not in _COLLECTION_TAGS:
            raise YamlError(f"the tag {node.tag} is not allowed here", line, "remove the tag (the part starting with !)")
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,), line) for i, item in enumerate(node.value)]
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            key_line = first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("a key must be a plain word, not a list or a mapping", key_line)
            key = key_node.value
            if key == "<<":
                raise YamlError("merge keys (<<) are not allowed here", key_line)
            if key in result:
                raise YamlError(f"'{key}' is given twice", key_line, "keep one of them: only the last one would count")
            lines[path + (key,)] = key_line
            result[key] = build(value_node, path + (key,), key_line)
        return result

    if node is None:
        return None, lines
    return build(node, (), first_line), lines


def _scalar(node: yaml.ScalarNode, line: int) -> object:
    constructor = SafeConstructor.yaml_constructors.get(node.tag)
    if node.tag not in _SCALAR_TAGS or constructor is None:
        raise YamlError(f"the tag {node.tag} is not allowed here", line, "remove the tag (the part starting with !)")
    try:
        return constructor(_SCALARS, node)
    except (ConstructorError, ValueError) as error:  # e.g. a date like 2027-02-30
        raise YamlError(f"'{node.value}' cannot be read: {error}", line) from None


def load(text: str, first_line: int = 1) -> tuple[object, dict[Path, int]]:
    """Parse YAML text into plain values and a line map."""
    return to_python(compose(text, first_line), first_line)


def find(node: yaml.Node | None, *keys: str) -> yaml.Node | None:
    """The node at a path of mapping keys, without building anything else (other tags stay untouched)."""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    return node


def _continues(before: list[str], line: str) -> bool:
    """Whether a line carries on the value above it (further in than that value, or after a `>`, `|`, `,`
    or an open bracket), so a missing colon is not what is wrong with it."""
    above = next((text for text in reversed(before) if text.strip() and not text.strip().startswith("#")), None)
    if above is None:
        return False
    if above.rstrip().endswith((":", ",", "[", "{", ">", "|", ">-", "|-")):
        return True
    content = len(above) - len(above.lstrip(" -"))  # where the value's text starts (after a list's "- ")
    return len(line) - len(line.lstrip()) > content
