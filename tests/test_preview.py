"""`postplan preview`: what a leader reads in a pull request's job summary before approving."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from conftest import School
from platform_helpers import add_account
from test_changed_since import git, repo  # noqa: F401 - the git-repository fixture

NOW = "2026-09-01T08:00"
LONG = "Our Harvest Festival raised a record amount for the food bank. " * 5


class Page(HTMLParser):
    """The parts of the rendered summary a reader sees: table cells, code blocks, headings."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.code: list[str] = []
        self.headings: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        found = {"td": self.cells, "code": self.code, "h3": self.headings}.get(tag)
        if found is not None:
            found.append("")
            self._open.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "code", "h3"):
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for found in self._open:
            found[-1] += data


def rendered(text: str) -> Page:
    page = Page()
    page.feed(markdown.markdown(text, extensions=["tables", "fenced_code"]))
    return page


def test_the_summary_shows_only_the_changed_posts_with_text_length_images_and_findings(repo: School) -> None:
    repo.post("2026-10/harvest-total", LONG.strip(), publish_at="2026-10-12 15:30",
              media="\n  - file: media/2026/harvest-table.jpg\n    people: true\n    consent: pending")
    repo.post("2026-10/bake-sale", "Bake sale on Friday after school: 50p a cake, all money to the PTA.",
              publish_at="2026-10-02 08:30", status="approved", approved_by="Mrs Hart",
              approved_at="2026-09-20 09:00")
    git(repo.root, "add", "-A")

    result = repo.run("preview", "--changed-since", "main", "--format", "markdown", "--now", NOW)

    assert result.exit_code == 0, result.output
    page = rendered(result.output)
    assert page.headings == ["content/posts/2026-10/bake-sale.md", "content/posts/2026-10/harvest-total.md"]
    assert "Bake sale on Friday after school: 50p a cake, all money to the PTA." in page.code[1]
    assert "Mrs Hart" in page.cells
    assert f"❌ {len(LONG.strip())} / 280 characters as X counts them" in result.output
    assert "✅ 67 / 280 characters as X counts them" in result.output
    assert "media/2026/harvest-table.jpg" in page.code
    assert "❌ no alt text" in page.cells
    assert "weighted-length" in result.output and f"how to fix: cut {len(LONG.strip()) - 280} characters" in result.output
    assert "school-council" not in result.output  # an unchanged post is not previewed


def test_a_thread_shows_each_part_with_its_own_length(school: School) -> None:
    school.post("nc-week", "Part one of our careers week story.\n---\nPart two: thank you to our visitors!",
                publish_at="2027-03-02 08:30")
    result = school.run("preview", "content/posts/nc-week.md", "--format", "markdown", "--now", NOW)
    assert "**Part 1 of 2**" in result.output and "**Part 2 of 2**" in result.output
    assert rendered(result.output).code[1:3] == ["Part one of our careers week story.\n",
                                                 "Part two: thank you to our visitors!\n"]


def test_a_post_that_cannot_be_read_shows_why(school: School) -> None:
    school.write("content/posts/broken.md", "---\npublish_at: [2027-06-01\n---\nHello\n")
    result = school.run("preview", "content/posts/broken.md", "--format", "markdown", "--now", NOW)
    assert result.exit_code == 0
    assert "**This post could not be read**" in result.output
    assert "`yaml`" in result.output


def test_backticks_in_a_post_do_not_break_the_preview(school: School) -> None:
    school.post("code-club", "Code Club wrote ```print('hello')``` today!", publish_at="2027-03-02 15:30")
    result = school.run("preview", "content/posts/code-club.md", "--format", "markdown", "--now", NOW)
    assert "Code Club wrote ```print('hello')``` today!" in rendered(result.output).code[1]


def test_polls_and_allowed_exceptions_are_shown(school: School) -> None:
    school.post("lunch-poll", "Which lunch should come back next term?", publish_at="2027-03-02 15:30",
                poll="\n  options: [Pasta bake, Jacket potato]\n  duration: 1 day",
                allow="\n  - rule: weighted-length\n    reason: Agreed with the head")
    result = school.run("preview", "content/posts/lunch-poll.md", "--format", "markdown", "--now", NOW)
    assert "**Poll** (1 day): Pasta bake, Jacket potato" in result.output
    assert "**Exception allowed** for `weighted-length`: Agreed with the head" in result.output
    in_terminal = school.run("preview", "content/posts/lunch-poll.md", "--now", NOW)
    assert "poll (1 day): Pasta bake / Jacket potato" in in_terminal.output


def test_text_format_for_a_terminal(school: School) -> None:
    school.post("sports-day", publish_at="2027-05-25 08:30")
    result = school.run("preview", "content/posts/sports-day.md", "--now", NOW)
    assert result.output.splitlines()[:4] == [
        "== content/posts/sports-day.md",
        "Tuesday 25 May 2027, 08:30 · @TregarrowCP · draft · Office (J. Pengelly)",
        "-- text (58/280)",
        "Sports Day is on Tuesday 1 June. We hope to see you there!",
    ]


def test_nothing_changed_says_so(repo: School) -> None:
    result = repo.run("preview", "--changed-since", "main", "--format", "markdown", "--now", NOW)
    assert result.exit_code == 0
    assert "No posts, calendar files or settings changed." in result.output


def test_a_post_to_several_accounts_shows_each_send_and_the_x_charge_only_for_x(school: School) -> None:
    add_account(school, "page", 'platform: facebook, handle: "@TregarrowSchool", page_id: "104729835512345"')
    school.post("sports-day", publish_at="2027-05-25 08:30", accounts="[school, page]")
    result = school.run("preview", "content/posts/sports-day.md", "--format", "markdown", "--now", NOW)
    assert "| accounts (each sent once) |" in result.output
    assert "| @TregarrowCP, @TregarrowSchool |" in result.output
    assert "✅ 58 / 280 characters as X counts them for @TregarrowCP" in result.output
    assert "as FACEBOOK counts them for @TregarrowSchool" in result.output
    assert result.output.count("**Estimated X charge** on @TregarrowCP") == 1, result.output
    text = school.run("preview", "content/posts/sports-day.md", "--now", NOW).output
    assert "· @TregarrowCP, @TregarrowSchool ·" in text and "-- text (58/280, 58/63206)" in text, text
