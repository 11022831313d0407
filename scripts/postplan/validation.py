"""Turn pydantic's validation errors into plain-English problems at the right line.

Used for posts, calendar entries and settings alike: an unknown field gets "did you mean", a missing one
says what to add, a wrong choice lists the choices.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldProblem:
    field: str  # dotted path as written in the file, "" for the whole thing
    line: int
    message: str
    fix: str
    local_time: bool = False  # a clock-change problem (its own rule)


def describe_errors(
    error: ValidationError,
    model: type[BaseModel],
    lines: dict[YamlPath, int],
    default_line: int,
    hidden: frozenset[str] = frozenset(),
) -> list[FieldProblem]:
    """One problem per pydantic error, at the line of the field (or its nearest written parent)."""
    problems = []
    for item in error.errors(include_url=False):
        path = _written_path(item["loc"], lines)
        if path and path[0] in hidden:
            path = ()
        name = ".".join(str(part) for part in path)
        line = _line(path, lines, default_line)
        kind = item["type"]
        if kind == "extra_forbidden":
            problems.append(_unknown_field(path, model, line))
        elif kind == "missing":
            missing = str(item["loc"][-1])
            where = f" in {name}" if name else ""
            problems.append(
                FieldProblem(name, line, f"'{missing}' is missing{where}", f"add a line `{missing}: …`")
            )
        else:
            label = f"{name}: " if name else ""
            message = _message(item)
            problems.append(FieldProblem(name, line, label + message, _fix(item), kind == "local_time"))
    return problems


def _written_path(loc: tuple, lines: dict[YamlPath, int]) -> YamlPath:
    """pydantic's location without the parts that name types rather than fields ('function-before')."""
    path: YamlPath = ()
    for part in loc:
        if (path + (part,)) in lines:
            path += (part,)
    return path


def _line(path: YamlPath, lines: dict[YamlPath, int], default: int) -> int:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return default


def _message(item: dict) -> str:
    kind, message = item["type"], item["msg"]
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        return f"'{item['input']}' is not one of the choices: {expected}"
    if kind.startswith("value_error") or kind == "local_time":
        return message.removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        return f"'{item['input']}' is not a valid id"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{item['input']}' should be true or false"
    return f"{message} (found {item['input']!r})" if not isinstance(item["input"], dict) else message


def _fix(item: dict) -> str:
    kind = item["type"]
    if kind == "literal_error":
        return "use one of the choices exactly as written"
    if kind == "string_pattern_mismatch":
        return "use lower-case letters, digits and hyphens only, like sports-day-2027"
    if kind in ("list_type",):
        return "write a list: one item per line starting with '- '"
    if kind in ("model_type", "dict_type"):
        return "write it as fields, one per line, like `alt: …`"
    return ""


def _unknown_field(path: YamlPath, model: type[BaseModel], line: int) -> FieldProblem:
    name, parent = str(path[-1]) if path else "?", path[:-1]
    known = sorted(_fields_at(model, parent))
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    where = ".".join(str(p) for p in parent)
    message = f"unknown field '{name}'" + (f" in {where}" if where else "")
    fix = f"did you mean '{close[0]}'?" if close else f"the fields here are: {', '.join(known)}"
    return FieldProblem(".".join(str(p) for p in path), line, message, fix)


def _fields_at(model: type[BaseModel], path: YamlPath) -> set[str]:
    """The field names of the (nested) model found at a path, for "did you mean" suggestions."""
    current: object = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part in fields:  # anything else is a key of a dict, like an account's id
            current = _model_in(fields[part].annotation)
    names = getattr(current, "model_fields", {})
    return {n for n in names if n not in ("source", "parts")}


def _model_in(annotation: object) -> object:
    """The BaseModel inside list[...], X | None, dict[str, ...] and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, dict, typing.Union, types.UnionType) or origin is typing.Annotated:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
