""""Propose a post" links: GitHub's new-file page, filled in with a template for staff to complete."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import EXAMPLE, School

from postplan.propose import describe, post_text, propose_links, propose_page
from postplan.settings import load_settings

# Templates written the way templates/posts/*.md.j2 are: a comment saying what it is for, custom filters,
# and branches on the kind of event.
ANNOUNCEMENT = """{# Before an event: new information released. Seed example: "Just confirmed our Sports Day
   as 1st June." #}
{% set times %}{% if start_time %}, {{ start_time|time }}{% endif %}{% endset %}
{% if kind == "payment" %}
For {{ families }}: {{ title }} ({{ amount|money }}) is due by {{ date|long_date }}. Thank you!
{% else %}
Just confirmed: {{ title }}, {{ date|long_date }}{{ times }}. {{ description|first_sentence }} Put the date in your diary - we'll see you there!
{% endif %}
"""
CAMPAIGN = """{# A campaign week. #}
It's {{ name }}! {{ description if description|length <= 160 else description|first_sentence }}{% if link %} More at {{ link }}{% endif %} {{ hashtags }}
"""
PHOTO = """{# After an event: sharing a photo. #}
A few snaps from {{ event.title }} {{ date|on_day }}... #TregarrowCP
"""
REAL_TEMPLATES = sorted((EXAMPLE / "templates" / "posts").glob("*.md.j2"))


@pytest.fixture
def settings(school: School):
    settings = load_settings(school.root)
    return settings.model_copy(update={"repository": "tregarrow-school/posting-calendar"})


def opened(url: str) -> tuple[str, str, str]:
    """What GitHub's page receives: the folder path, the file name and the text."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, strict_parsing=True)
    return parts.path, query["filename"][0], query["value"][0]


def test_a_link_opens_the_new_file_page_in_the_months_folder(settings) -> None:
    [(name, url)] = propose_links(settings, {"sharing-a-photo": PHOTO}, month="2027-06")
    path, filename, text = opened(url)
    assert name == "sharing-a-photo"
    assert url.startswith("https://github.com/tregarrow-school/posting-calendar/new/main/content/posts/2027-06?")
    assert filename == "sharing-a-photo.md"
    assert text == ("---\npublish_at: <date and time, like 2027-06-01 08:30>\nstatus: draft\nauthor: <your name>\n"
                    "---\nA few snaps from <event title> <date>... #TregarrowCP\n")
    assert " " not in url and "\n" not in url


def test_the_blanks_take_the_general_branch_and_leave_optional_parts_out() -> None:
    text = post_text(ANNOUNCEMENT)
    assert text.endswith("---\nJust confirmed: <title>, <date>. <description> Put the date in your diary - "
                         "we'll see you there!\n")
    assert "{" not in text and "payment" not in text


def test_comparisons_with_a_blank_take_the_else_branch() -> None:
    assert post_text(CAMPAIGN).endswith("---\nIt's <name>! <description> <hashtags>\n")


def test_a_proposed_post_is_a_post_file_whose_check_asks_for_the_blanks(school: School, settings) -> None:
    for name, url in propose_links(settings, {"event-announcement": ANNOUNCEMENT, "sharing-a-photo": PHOTO}):
        school.write(f"content/posts/{name}.md", opened(url)[2])
    result = school.run("validate", "--format", "json", "--now", "2026-09-01T08:00")
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert {(f["path"], f["rule"], f["line"]) for f in report["findings"] if f["severity"] == "error"} == {
        ("content/posts/event-announcement.md", "schema", 2),
        ("content/posts/sharing-a-photo.md", "schema", 2),
    }
    assert all("'<date and time, like 2027-06-01 08:30>' is not a date and time" in f["message"]
               for f in report["findings"] if f["severity"] == "error")


def test_without_a_repository_there_are_no_links_and_the_page_says_what_to_set(school: School) -> None:
    settings = load_settings(school.root).model_copy(update={"repository": None})
    assert propose_links(settings, {"sharing-a-photo": PHOTO}) == []
    assert "add `repository: owner/name`" in propose_page(settings, {"sharing-a-photo": PHOTO})


def test_the_page_lists_each_template_with_what_it_is_for(settings) -> None:
    page = propose_page(settings, {"sharing-a-photo": PHOTO, "event-announcement": ANNOUNCEMENT}, month="2027-06")
    items = [line for line in page.splitlines() if line.startswith("- [")]
    assert [item.split("]")[0] for item in items] == ["- [Event announcement", "- [Sharing a photo"]
    assert items[0].endswith("): Before an event: new information released")
    assert items[1].endswith("): After an event: sharing a photo")
    assert "guides/writing-posts.md" in page


def test_describe_without_a_comment_is_empty() -> None:
    assert describe("Hello {{ name }}") == ""


def test_the_repository_setting_is_checked(school: School) -> None:
    settings = school.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "repository: tregarrow-school/posting-calendar", "repository: not a repository"), encoding="utf-8")
    result = school.run("validate")
    assert result.exit_code == 2
    assert "repository" in result.output


@pytest.mark.skipif(not REAL_TEMPLATES, reason="the post templates are not in this checkout")
@pytest.mark.parametrize("path", REAL_TEMPLATES, ids=lambda p: p.name)
def test_every_real_template_gives_a_post_to_fill_in(settings, path: Path) -> None:
    name = path.name.removesuffix(".md.j2")
    [(_, url)] = propose_links(settings, {name: path.read_text(encoding="utf-8")})
    text = opened(url)[2]
    body = text.split("---\n", 2)[2]
    assert body.strip() and "{{" not in body and "{%" not in body and "{#" not in body
