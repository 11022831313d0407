"""Bad input never ends in a traceback: each gives a finding with its path and line, and the rest is checked."""

from __future__ import annotations

import json

import pytest

from conftest import School, post_text

GOOD = post_text()

# (scenario, file content, rule, line, words the message must contain)
BROKEN_POSTS = [
    ("empty-file", b"", "file", 1, "empty"),
    ("only-blank-lines", b"\n\n  \n", "file", 1, "empty"),
    ("windows-1252-not-utf8", GOOD.replace("Office", "Caf\xe9").encode("cp1252"), "file", 4, "not UTF-8"),
    ("nul-byte", GOOD.encode() + b"\x00\x01", "file", 7, "NUL"),
    ("no-front-matter", b"Sports Day is on 1 June!\n", "front-matter", 1, "does not start"),
    ("front-matter-not-closed", b"---\npublish_at: 2027-06-01 08:30\nauthor: Office\nHello\n", "front-matter", 1,
     "not closed"),
    ("front-matter-is-a-list", b"---\n- publish_at: 2027-06-01 08:30\n- author: Office\n---\nHi\n", "front-matter", 2,
     "is a list"),
    ("front-matter-is-a-string", b"---\nSports day post\n---\nHi\n", "front-matter", 2, "sentence"),
    ("front-matter-is-empty", b"---\n---\nHi\n", "front-matter", 2, "empty"),
    ("no-text", post_text("").encode(), "front-matter", 5, "no text"),
    ("malformed-yaml", b"---\npublish_at: 2027-06-01 08:30\nauthor: [Office\n---\nHi\n", "yaml", 4, "could not be read"),
    ("bad-indentation", b"---\npublish_at: 2027-06-01 08:30\n author: Office\n  status: draft\n---\nHi\n", "yaml", 3,
     "could not be read"),
    ("yaml-alias-bomb",
     ("---\n" + "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9 if i else ["lol"] * 9) + "]\n"
                        for i in range(9)) + "---\nHi\n").encode(),
     "yaml", 3, "aliases"),
    ("key-given-twice", b"---\npublish_at: 2027-06-01 08:30\nauthor: Office\nauthor: Me\n---\nHi\n", "yaml", 4, "twice"),
    ("python-tag", b"---\npublish_at: 2027-06-01 08:30\nauthor: !!python/object/apply:os.system [ls]\n---\nHi\n",
     "yaml", 3, "not allowed"),
    ("impossible-date", b"---\npublish_at: 2027-02-30 08:30\nauthor: Office\n---\nHi\n", "schema", 2, "publish_at"),
    ("date-without-time", b"---\npublish_at: 2027-06-01\nauthor: Office\n---\nHi\n", "schema", 2, "give a time"),
    ("misspelt-field", post_text(publsh_at="2027-06-01 08:30").encode(), "schema", 5, "publsh_at"),
    ("misspelt-status", post_text(status="aproved").encode(), "schema", 3, "aproved"),
    ("wrong-type-media", post_text(media="relay.jpg").encode(), "schema", 5, "media"),
    ("wrong-type-people",
     post_text(media="\n  - file: media/a.jpg\n    alt: A display\n    people: maybe").encode(), "schema", 8,
     "true or false"),
    ("missing-author", post_text(author=None).encode(), "schema", 2, "'author' is missing"),
    ("reserved-field", post_text(parts="[1]").encode(), "schema", 5, "unknown field 'parts'"),
    ("clocks-go-forward", post_text(publish_at="2027-03-28 01:30").encode(), "local-time", 2, "does not exist"),
    ("clocks-go-back", post_text(publish_at="2026-10-25 01:30").encode(), "local-time", 2, "happens twice"),
]


@pytest.mark.parametrize(("content", "rule", "line", "words"), [case[1:] for case in BROKEN_POSTS],
                         ids=[case[0] for case in BROKEN_POSTS])
def test_a_broken_post_is_reported_at_its_line_and_the_others_still_checked(
        school: School, content: bytes, rule: str, line: int, words: str) -> None:
    school.write("content/posts/2027-06/broken.md", content)
    school.post("2027-06/good-one")
    school.post("2027-06/good-but-unapproved", status="approved")  # proves later files are still checked

    result = school.run("validate", "--format", "json")

    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    broken = [f for f in report["findings"] if f["path"] == "content/posts/2027-06/broken.md"]
    assert [(f["rule"], f["line"]) for f in broken] == [(rule, line)], broken
    assert words in broken[0]["message"]
    others = {f["path"] for f in report["findings"]} - {"content/posts/2027-06/broken.md"}
    assert others == {"content/posts/2027-06/good-but-unapproved.md"}


def test_a_ten_megabyte_file_is_refused_without_reading_it_all(school: School) -> None:
    school.write("content/posts/huge.md", "---\n" + "x" * 10_000_000)
    result = school.run("validate")
    assert result.exit_code == 1
    assert "content/posts/huge.md:1: error: the file is too large (10.0 MB) [file]" in result.output


def test_an_alias_bomb_is_refused_quickly(school: School) -> None:
    # Nine levels of nine aliases would expand to 387 million items if built: it must be refused instead.
    content = dict(BROKEN_POSTS_BY_NAME)["yaml-alias-bomb"]
    school.write("content/posts/bomb.md", content)
    result = school.run("validate", "--format", "json")
    assert json.loads(result.output)["findings"][0]["rule"] == "yaml"


BROKEN_POSTS_BY_NAME = [(case[0], case[1]) for case in BROKEN_POSTS]


def test_nothing_is_written_or_deleted(school: School) -> None:
    """Nothing of the school's: the findings cache, in the git-ignored .cache/, is all validate writes."""
    cache = school.root / ".cache"
    for name, content, *_ in BROKEN_POSTS:
        school.write(f"content/posts/{name}.md", content)
    before = {p: p.read_bytes() for p in school.root.rglob("*") if p.is_file() and cache not in p.parents}
    school.run("validate")
    after = {p: p.read_bytes() for p in school.root.rglob("*") if p.is_file() and cache not in p.parents}
    assert after == before


def test_every_broken_post_is_reported_in_one_run(school: School) -> None:
    for name, content, *_ in BROKEN_POSTS:
        school.write(f"content/posts/{name}.md", content)
    report = json.loads(school.run("validate", "--format", "json").output)
    reported = {f["path"].removeprefix("content/posts/").removesuffix(".md") for f in report["findings"]}
    assert reported == {case[0] for case in BROKEN_POSTS}
    assert report["errors"] == len(BROKEN_POSTS)


# --- calendar files ---------------------------------------------------------------------------------

def test_calendar_problems_are_reported_at_their_line(school: School) -> None:
    school.write("calendar/events.yml", (
        "events:\n"
        "  - id: sports-day\n"
        "    title: Sports Day\n"
        "    start: 2027-06-02\n"
        "    end: 2027-06-01\n"
        "  - id: Christmas Fair\n"
        "    title: Christmas Fair\n"
        "    start: 2026-12-05\n"
        "  - id: swimming-gala\n"
        "    titel: Swimming gala\n"
        "    start: 2027-02-10 13:30\n"
        "terms: {autumn: 1}\n"
        "holidays: []\n"
    ))
    report = json.loads(school.run("validate", "--format", "json").output)
    found = [(f["line"], f["message"]) for f in report["findings"]]
    assert found[0] == (2, "ends (2027-06-01) before it starts (2027-06-02)")
    assert found[1] == (6, "id: 'Christmas Fair' is not a valid id")
    assert (10, "unknown field 'titel'") in found
    assert any(line == 12 and "'terms' must be a list" in m for line, m in found)
    assert any(line == 13 and "unknown section 'holidays'" in m for line, m in found)


def test_a_calendar_file_that_is_not_yaml_is_one_finding(school: School) -> None:
    school.write("calendar/terms.yml", "terms:\n  - name: Autumn 1\n    start: 2026-09-03\n   end: [\n")
    school.post("fine")
    report = json.loads(school.run("validate", "--format", "json").output)
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("calendar/terms.yml", "yaml")]


# --- settings -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "expected"), [
    (("    leaders:", "    leader:"), "mkdocs.yml:29: unknown field 'leader' (did you mean 'leaders'?)"),
    (("timezone: Europe/London", "timezone: Europe/Londn"), "'Europe/Londn' is not a time zone name"),
    (("default_account: school", "default_account: office"), "default_account 'office' is not one of the accounts"),
    (("  postplan:", "  postplan: [1]\n  unused:"), "'postplan:' must hold settings"),
    (("extra:", "extra: [\n"), "mkdocs.yml:"),
])
def test_a_settings_typo_is_one_clear_line_and_exit_2(school: School, change: tuple[str, str], expected: str) -> None:
    settings = school.root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace(*change, 1))
    school.post("fine")
    result = school.run("validate")
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_settings_may_use_mkdocs_python_tags_elsewhere(school: School) -> None:
    settings = school.root / "mkdocs.yml"
    settings.write_text(settings.read_text() + (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"))
    school.post("fine")
    assert school.run("validate").exit_code == 0


def test_missing_settings_say_what_to_write(school: School) -> None:
    (school.root / "mkdocs.yml").unlink()
    result = school.run("validate")
    assert result.exit_code == 2
    assert "mkdocs.yml: not found" in result.output and "extra:\n  postplan:" in result.output
