"""Hostile values in what people read: the job summary's Markdown, the site's page titles, the terminal.

Anyone who can open a pull request writes the author, the approver, alt text, poll options and a
leader's reasons. Each must reach a reader as the characters written, never as markup.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown

from conftest import School
from test_preview import rendered

NOW = "2026-09-01T08:00"
HIDE = "Office <!-- everything below is hidden"
FAKE = "![ok](https://evil.example/tick.png) [✅ No findings](https://evil.example)"
SCRIPT = "<img src=x onerror=alert(1)>"

# What the summary itself is made of: anything else (an image, a link, a comment) came from a value.
SUMMARY_TAGS = {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "ul", "li", "strong"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()
        self.comments: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        self.found.add(tag)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text += data


def _hostile_post(school: School) -> None:
    school.post("hostile", "Harvest Festival is on Friday afternoon.", publish_at="2026-10-02 08:30",
                author=json.dumps(HIDE), status="approved", approved_by=json.dumps(SCRIPT),
                media=f"\n  - file: media/none.jpg\n    alt: {json.dumps(FAKE)}",
                poll=f"\n  options: [{json.dumps('<!--')}, {json.dumps(SCRIPT)}]\n  duration: 1 day",
                allow=f"\n  - rule: quiet-hours\n    reason: {json.dumps(FAKE + ' ' + SCRIPT)}")


def test_the_job_summary_shows_every_hostile_value_as_text(school: School) -> None:
    _hostile_post(school)
    result = school.run("preview", "content/posts/hostile.md", "--format", "markdown", "--now", NOW)
    assert result.exit_code == 0, result.output
    tags = Tags()
    tags.feed(markdown.markdown(result.output, extensions=["tables", "fenced_code"]))
    assert tags.found - SUMMARY_TAGS == set() and tags.comments == []
    page = rendered(result.output)
    assert HIDE in page.cells and SCRIPT in page.cells and FAKE in page.cells
    assert "<!--" in tags.text and FAKE + " " + SCRIPT in tags.text
    # the approver's finding, at its line, is still there after the author's "<!--"
    assert f"line 5: '{SCRIPT}' is not one of the leaders" in tags.text
