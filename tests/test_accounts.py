"""One post to several accounts: every per-account check runs for each account, naming it."""

from __future__ import annotations

import json

import pytest

from conftest import School
from platform_helpers import add_account

FACEBOOK = 'platform: facebook, handle: "@TregarrowSchool", page_id: "104729835512345"'
BLUESKY = 'platform: bluesky, handle: "@tregarrow.bsky.social"'
HEAD = "---\npublish_at: 2027-06-01 08:30\nstatus: draft\nauthor: Office (J. Pengelly)\n"


def _findings(school: School, front: str, body: str) -> list[dict]:
    add_account(school, "school-facebook", FACEBOOK)
    add_account(school, "school-bluesky", BLUESKY)
    school.write("content/posts/case.md", f"{HEAD}{front}---\n{body}\n")
    result = school.run("validate", "--format", "json", "--now", "2027-05-01T08:00")
    return [f for f in json.loads(result.output)["findings"] if f["path"] == "content/posts/case.md"]


def test_a_post_too_long_for_one_of_its_accounts_names_that_account_and_its_platform(school: School) -> None:
    found = _findings(school, "accounts: [school, school-bluesky, school-facebook]\n", "Sports Day! " * 26)
    lengths = [f["message"] for f in found if f["rule"] == "weighted-length"]
    assert len(lengths) == 2, found  # 311 characters: over X's 280 and Bluesky's 300, not Facebook's
    assert "as X counts them for account 'school';" in lengths[0]
    assert "as Bluesky counts them for account 'school-bluesky';" in lengths[1]


def test_each_account_is_checked_as_its_own_platform_counts(school: School) -> None:
    found = _findings(school, "accounts: [school-facebook, school-bluesky]\n", "a" * 301)
    messages = [f["message"] for f in found if f["rule"] == "weighted-length"]
    assert messages == ["this post is 301 characters long as Bluesky counts them for account 'school-bluesky'; "
                        "the limit is 300"], found


def test_a_thread_is_refused_only_for_the_account_that_cannot_take_one(school: School) -> None:
    found = _findings(school, "accounts: [school, school-facebook]\n", "Sports Day!\n---\nBring a hat.")
    limits = [f for f in found if f["rule"] == "platform-limits"]
    assert len(limits) == 1 and "account 'school-facebook' is on Facebook" in limits[0]["message"], found


def test_both_account_and_accounts_is_a_finding_at_the_line(school: School) -> None:
    found = _findings(school, "account: school\naccounts: [school, school-facebook]\n", "Sports Day!")
    assert [(f["rule"], f["line"]) for f in found] == [("schema", 6)], found
    assert "both account: and accounts:" in found[0]["message"]


def test_an_unknown_account_in_the_list_is_named_at_its_line(school: School) -> None:
    found = _findings(school, "accounts:\n  - school\n  - school-fb\n", "Sports Day!")
    unknown = [f for f in found if f["rule"] == "unknown-account"]
    assert [(f["line"], f["message"]) for f in unknown] == [(5, "there is no account 'school-fb'")], found


def test_an_account_named_twice_is_refused(school: School) -> None:
    found = _findings(school, "accounts: [school, school]\n", "Sports Day!")
    assert any("named twice" in f["message"] for f in found), found


def test_the_same_text_twice_on_an_account_is_found_when_one_post_goes_to_several(school: School) -> None:
    proposed = HEAD.replace("status: draft", "status: proposed")
    school.write("content/posts/other.md", f"{proposed}accounts: [school-facebook, pe]\n---\nSports Day is on!\n")
    add_account(school, "school-facebook", FACEBOOK)
    school.write("content/posts/case.md", f"{proposed}account: pe\n---\nSports Day is on!\n")
    result = school.run("validate", "--format", "json", "--now", "2027-05-01T08:00")
    found = [(f["path"], f["message"]) for f in json.loads(result.output)["findings"] if f["rule"] == "duplicate-text"]
    assert found == [("content/posts/other.md", "this text is the same as in content/posts/case.md")], found


@pytest.mark.parametrize("written", ["accounts: []\n", "accounts: school\n"])
def test_an_empty_or_single_word_accounts_list_is_a_finding_not_the_main_account(school: School, written: str) -> None:
    found = _findings(school, written, "Sports Day!")
    assert [f["rule"] for f in found] == ["schema"], found
    assert "must list the accounts" in found[0]["message"] and "accounts: [school" in found[0]["fix"]
