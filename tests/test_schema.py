"""The front-matter JSON Schema editors use: generated from the Post model, committed, never drifting."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLE, PROJECT

from postplan.cli import cli
from postplan.models import Post
from postplan.schema import INTERNAL, as_text

COMMITTED = PROJECT / ".vscode" / "postplan-post.schema.json"
EXAMPLE_POSTS = sorted((EXAMPLE / "content" / "posts").rglob("*.md"))


class EditorLoader(yaml.SafeLoader):
    """YAML as editors read it (YAML 1.2: `2027-06-01 08:30` is text, not a timestamp)."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(text: str) -> dict:
    _, fields, _ = text.split("---\n", 2)
    return yaml.load(fields, Loader=EditorLoader)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def problems(validator: jsonschema.Draft7Validator, fields: dict) -> list[str]:
    return [error.message for error in validator.iter_errors(fields)]


def test_the_committed_schema_is_what_postplan_schema_prints() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.output == as_text()
    assert COMMITTED.read_text(encoding="utf-8") == result.output, \
        "the committed schema is stale: run `postplan schema > .vscode/postplan-post.schema.json`"


def test_the_schema_offers_every_front_matter_field_and_nothing_internal(validator) -> None:
    offered = set(validator.schema["properties"])
    assert offered == set(Post.model_fields) - set(INTERNAL)
    assert set(validator.schema["required"]) == {"publish_at", "author"}
    assert all(validator.schema["properties"][name].get("description") for name in offered)


@pytest.mark.parametrize("path", EXAMPLE_POSTS, ids=lambda p: p.relative_to(EXAMPLE / "content/posts").as_posix())
def test_every_example_post_fits_the_schema(validator, path: Path) -> None:
    assert problems(validator, front_matter(path.read_text(encoding="utf-8"))) == []


def test_there_are_example_posts_to_check() -> None:
    assert len(EXAMPLE_POSTS) >= 60


GOOD = {"publish_at": "2027-06-01 08:30", "status": "draft", "author": "Office (J. Pengelly)"}


@pytest.mark.parametrize("change, complaint", [
    ({"publsh_at": "2027-06-01 08:30"}, "Additional properties are not allowed ('publsh_at' was unexpected)"),
    ({"staus": "draft"}, "'staus' was unexpected"),
    ({"status": "aproved"}, "'aproved' is not one of ['draft', 'proposed', 'approved']"),
    ({"publish_at": "next Tuesday"}, "does not match"),
    ({"media": [{"file": "media/relay.jpg", "alt_text": "Relay"}]}, "'alt_text' was unexpected"),
    ({"media": [{"file": "media/relay.jpg", "consent": "yes"}]}, "is not valid under any of the given schemas"),
    ({"poll": {"options": ["Pasta", "Jacket potato"], "duration": "a fortnight"}}, "is not valid under any"),
    ({"id": "Sports Day"}, "does not match"),
    ({"parts": ["Hello"]}, "'parts' was unexpected"),
])
def test_the_schema_rejects_typos_and_wrong_values(validator, change: dict, complaint: str) -> None:
    found = problems(validator, {**GOOD, **change})
    assert any(complaint in message for message in found), found


def test_the_schema_needs_the_required_fields(validator) -> None:
    found = problems(validator, {"status": "draft"})
    assert "'publish_at' is a required property" in found
    assert "'author' is a required property" in found


def test_polls_take_people_durations_or_minutes(validator) -> None:
    for duration in ("1 day", "6 hours", "30 minutes", 90):
        assert problems(validator, {**GOOD, "poll": {"options": ["Yes", "No"], "duration": duration}}) == []


def test_vscode_maps_the_schema_to_post_files() -> None:
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./.vscode/postplan-post.schema.json": ["content/posts/**/*.md"]}
