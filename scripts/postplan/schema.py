"""A JSON Schema for a post's front matter, generated from the Post model, for editors to autocomplete.

The model is the single source of truth: the schema is derived from it and only adjusted where the file
differs from the model (``parts`` and ``source`` are filled in by postplan, ``id`` and ``account`` have
defaults) and where a plain-text pattern helps an editor say "this is not a time" before postplan does.
"""

from __future__ import annotations

import copy
import json

from postplan.models import Post

INTERNAL = ("parts", "source")  # set by the loader from the body and the file, never written
DEFAULTED = ("id", "account")  # the file name, and the school's default account
LOCAL_TIME = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$"
DURATION = r"^\s*\d+\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d)\s*$"

HELP = {
    "id": "The post's id; leave it out and the file name (without .md) is used.",
    "publish_at": "When to post, in the school's local time: 2027-06-01 08:30.",
    "status": "draft while writing, proposed when ready for a leader, approved once a leader has approved it.",
    "author": "Who wrote it, like: Office (J. Smith) or Mrs Kemp (Year 2).",
    "approved_by": "The leader who approved it (one of the leaders in mkdocs.yml).",
    "approved_at": "When the leader approved it, in local time: 2027-05-20 16:00.",
    "account": "Which account posts it (an account id from mkdocs.yml); leave it out for the school's main account.",
    "accounts": "Several accounts it goes to, each once: [school, school-facebook]; use this or account, not both.",
    "event": "The id of the calendar event this post is about (calendar/events.yml).",
    "campaign": "The id of the campaign week this post belongs to (calendar/campaigns.yml).",
    "media": "Images or a video to attach, each with alt text; people: true needs consent: confirmed.",
    "poll": "A poll: 2 to 4 options and how long it runs.",
    "reply_to": "A post on the platform this one replies to (the school's own posts only).",
    "allow": "A leader-approved exception to one rule for this post, with the reason.",
    "planned": "Written by `postplan plan`: the template and the event's start when the text was written.",
}


def post_schema() -> dict:
    """The JSON Schema (draft 7, which editors support best) for the front matter of a post file."""
    schema = copy.deepcopy(Post.model_json_schema())
    for name in INTERNAL:
        schema["properties"].pop(name)
        schema["$defs"].pop({"parts": "ThreadPart", "source": "Source"}[name])
    schema["required"] = [name for name in schema["required"] if name not in INTERNAL + DEFAULTED]
    for name, text in HELP.items():
        schema["properties"][name]["description"] = text
    schema["properties"]["publish_at"]["pattern"] = LOCAL_TIME
    _nullable(schema["properties"]["approved_at"])["pattern"] = LOCAL_TIME
    schema["$defs"]["Poll"]["properties"]["duration"] = {
        "description": "How long the poll runs: 30 minutes, 6 hours, 1 day (at most 7 days), or minutes.",
        "anyOf": [{"type": "integer", "minimum": 5}, {"type": "string", "pattern": DURATION}],
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "postplan post",
        **{key: value for key, value in schema.items() if key != "title"},
        "description": "The fields between the two --- lines at the top of a post in content/posts/.",
    }


def _nullable(prop: dict) -> dict:
    """The non-null branch of an ``X | None`` property."""
    return next(branch for branch in prop.get("anyOf", [prop]) if branch.get("type") != "null")


def as_text() -> str:
    """The schema as the committed file holds it (two-space indent, a final newline)."""
    return json.dumps(post_schema(), indent=2, ensure_ascii=False) + "\n"
