"""A platform the settings accept is a platform that can post: settings, validate, the dry run and the
real run agree, and every accepted platform has a publisher."""

from __future__ import annotations

import json

import pytest

from conftest import School
from platform_helpers import add_account
from postplan import platforms
from postplan.publish.publishers import MAKERS, SETTLES
from postplan.textlength import mastodon_length

NOW = "2027-06-01T08:31"
NOT_POSTING = sorted(set(platforms.LIMITS) - set(platforms.POSTING))


def test_every_platform_the_settings_accept_has_a_publisher_and_limits() -> None:
    assert set(MAKERS) == set(platforms.POSTING)
    assert set(platforms.POSTING) <= set(platforms.LIMITS)


@pytest.mark.parametrize("platform", [*NOT_POSTING, "myspace"])
def test_a_platform_postplan_cannot_post_to_is_refused_by_every_command(school: School, platform: str) -> None:
    add_account(school, "other", f'platform: {platform}, handle: "@Tregarrow"')
    school.post("sports-day", status="approved", approved_by="Mrs Hart", account="other",
                publish_at="2027-06-01 08:30")
    working = ", ".join(platforms.POSTING)
    for command in (["validate"], ["publish", "--dry-run", "--now", NOW], ["publish", "--now", NOW]):
        result = school.run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "mkdocs.yml:" in result.output and "can post to" in result.output, result.output
        assert working in result.output
        assert "would send" not in result.output
    assert not (school.root / "outbox").exists() and not (school.root / "ledger.jsonl").exists()


# --- what validate says per platform --------------------------------------------------------------

ACCOUNTS = {
    "mastodon": 'platform: mastodon, handle: "@office", instance: "http://127.0.0.1:9"',  # unreachable: defaults
    "bluesky": 'platform: bluesky, handle: "@tregarrow.bsky.social"',
    "facebook": 'platform: facebook, handle: "@TregarrowSchool", page_id: "104729835512345"',
    "x": 'platform: x, handle: "@TregarrowCP"',
}
POLL = {"poll": "\n  options: [Pizza, Pasta]\n  duration: 1 day"}
PHOTO = {"media": "\n  - file: media/cake.jpg\n    alt: A cake"}
# (platform, body, front matter, the rule that must flag it or None, words its message must hold)
CASES = [
    ("bluesky", "Which lunch?", POLL, "platform-limits", "account 'other' is on Bluesky, which has no polls"),
    ("facebook", "Which lunch?", POLL, "platform-limits", "is on Facebook, which has no polls"),
    ("mastodon", "Which lunch?", POLL, None, ""),
    ("x", "Which lunch?", POLL, None, ""),
    ("mastodon", "Which cake?", {**POLL, **PHOTO}, "platform-limits", "cannot also have pictures"),
    ("facebook", "Sports Day!\n---\nBring a hat.", {}, "platform-limits", "one post, not a thread"),
    ("bluesky", "Sports Day!\n---\nBring a hat.", {}, None, ""),
    ("bluesky", "Well done!", {"reply_to": "https://bsky.app/profile/a.bsky.social/post/3k2"}, "platform-limits",
     "reply to an earlier post only on X and Mastodon"),
    # 300 graphemes, a hundred of them an emoji of five code points (17 bytes)
    ("bluesky", "🏃🏽‍♀️" * 100 + "a" * 200, {}, None, ""),
    ("bluesky", "🏃🏽‍♀️" * 100 + "a" * 201, {}, "weighted-length", "301 characters long as Bluesky counts them"),
    # Bluesky also stores at most 3,000 bytes: 176 such emoji are 2,992 bytes, 177 are 3,009
    ("bluesky", "🏃🏽‍♀️" * 176, {}, None, ""),
    ("bluesky", "🏃🏽‍♀️" * 177, {}, "weighted-length", "takes 3009 bytes as Bluesky stores it for account 'other'"),
    ("mastodon", "🏃🏽‍♀️" * 177, {}, None, ""),  # no byte limit there
    ("mastodon", "a" * 500, {}, None, ""),
    ("mastodon", "a" * 501, {}, "weighted-length", "the limit is 500 (http://127.0.0.1:9 could not be asked"),
    ("mastodon", "Results: https://www.tregarrow.example.org/" + "r" * 600 + " " + "a" * 450, {}, None, ""),
    ("facebook", "Sports Day! " * 2000, {}, None, ""),
    ("x", "a" * 281, {}, "weighted-length", "as X counts them for account 'other'"),
    ("x", "Our concert!", {"media": "\n  - file: media/song.mp4\n    alt: The choir singing"}, "platform-limits",
     "postplan sends only pictures there, and song.mp4 is a video"),
    ("bluesky", "Our concert!", {"media": "\n  - file: media/song.mp4\n    alt: The choir singing"},
     "platform-limits", "is on Bluesky: postplan sends only pictures there"),
    ("mastodon", "Our concert!", {"media": "\n  - file: media/song.mp4\n    alt: The choir singing"}, None, ""),
]


@pytest.mark.parametrize(("platform", "body", "fields", "rule", "words"), CASES,
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_validate_checks_each_post_as_its_platform_would(school: School, platform, body, fields, rule, words) -> None:
    add_account(school, "other", ACCOUNTS[platform])
    school.write("content/media/cake.jpg", b"\xff\xd8\xff\xe0 a small jpeg")
    school.write("content/media/song.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    school.write("content/posts/case.md", f"---\npublish_at: 2027-06-01 08:30\nstatus: draft\n"
                 f"author: Office (J. Pengelly)\naccount: other\n{front}---\n{body}\n")
    result = school.run("validate", "--format", "json", "--now", "2027-05-01T08:00")
    found = [f for f in json.loads(result.output)["findings"] if f["rule"] in ("platform-limits", "weighted-length")]
    if rule is None:
        assert found == []
    else:
        assert [f["rule"] for f in found] == [rule] and words in found[0]["message"], found


def test_mastodon_counts_links_as_23_and_a_remote_mention_as_its_name() -> None:
    assert mastodon_length("See https://www.tregarrow.example.org/a/very/long/page?x=1 now") == 4 + 23 + 4
    assert mastodon_length("Thanks @office@tregarrow.social!") == len("Thanks @office!")
    assert mastodon_length("www.tregarrow.example.org") == 25  # no scheme: Mastodon counts it as written
    assert mastodon_length("See https://tregarrow.org/x", url_length=30) == 4 + 30


def test_the_platforms_said_to_settle_by_asking_are_those_whose_publisher_can() -> None:
    from postplan.publish.bluesky import BlueskyPublisher
    from postplan.publish.facebook import FacebookPublisher
    from postplan.publish.mastodon import MastodonPublisher
    from postplan.publish.x import XPublisher

    classes = {"x": XPublisher, "mastodon": MastodonPublisher, "bluesky": BlueskyPublisher,
               "facebook": FacebookPublisher}
    assert set(classes) == set(MAKERS)
    assert {name for name, made in classes.items() if hasattr(made, "settle")} == set(SETTLES)


@pytest.mark.parametrize(("fields", "words"), [
    ('platform: mastodon, handle: "@office"', "an account on Mastodon needs instance: https://mastodon.social"),
    ('platform: mastodon, handle: "@office", instance: mastodon.social', "'mastodon.social' is not a server address"),
    ('platform: mastodon, handle: "@office", instance: "http://mastodon.social"', "is not a server address"),
    ('platform: facebook, handle: "@TregarrowSchool"', "an account on Facebook needs page_id:"),
    ('platform: facebook, handle: "@TregarrowSchool", page_id: tregarrow', "'tregarrow' is not a Page ID"),
    ('platform: bluesky, handle: "@tregarrow"', "a Bluesky handle is a domain name, like @tregarrow.bsky.social"),
    # a setting another platform's account needs does nothing here: refused, not silently ignored
    ('platform: x, handle: "@TregarrowCP", instance: "https://mastodon.social"',
     "instance is a setting of Mastodon accounts only; an account on X cannot have it"),
    ('platform: bluesky, handle: "@tregarrow.bsky.social", page_id: "104729835512345"',
     "page_id is a setting of Facebook accounts only; an account on Bluesky cannot have it"),
    # Bluesky's server refuses a post over 300 graphemes: a higher max_length would pass validate, then fail
    ('platform: bluesky, handle: "@tregarrow.bsky.social", max_length: 500',
     "max_length can only lower the limit on Bluesky, whose posts take at most 300 characters"),
    ('platform: facebook, handle: "@TregarrowSchool", page_id: "104729835512345", max_length: 70000',
     "max_length can only lower the limit on Facebook"),
])
def test_an_account_missing_what_its_platform_needs_is_a_settings_error(school: School, fields: str, words: str) -> None:
    add_account(school, "other", fields)
    result = school.run("validate")
    assert result.exit_code == 2 and words in result.output, result.output


@pytest.mark.parametrize("fields", [
    'platform: bluesky, handle: "@tregarrow.bsky.social", max_length: 280',  # lowering is fine
    'platform: x, handle: "@TregarrowCP", max_length: 4000',  # X Premium accounts post longer posts
    'platform: mastodon, handle: "@office", instance: "http://127.0.0.1:9", max_length: 5000',  # its server's
])
def test_max_length_may_lower_any_limit_and_raise_only_where_accounts_differ(school: School, fields: str) -> None:
    add_account(school, "other", fields)
    result = school.run("validate")
    assert result.exit_code == 0, result.output


def test_a_page_id_written_as_a_number_is_accepted(school: School) -> None:
    add_account(school, "other", 'platform: facebook, handle: "@TregarrowSchool", page_id: 104729835512345')
    assert school.run("validate").exit_code == 0
