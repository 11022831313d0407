"""What the text rules read: every text of a post with its disguises undone and its lines right."""

from __future__ import annotations

import pytest

from conftest import School, post_text
from postplan.load import load_repository
from postplan.rules.reading import file_name_words, plain, reader_texts, where


@pytest.mark.parametrize(("written", "read"), [
    ("Ma\u200bya Jo\u200cnes", "Maya Jones"),  # zero-width space and non-joiner inside a name
    ("Ma\u2060ya\ufeff", "Maya"),  # word joiner, byte-order mark
    ("Ma\u00adya Jon\u00ades", "Maya Jones"),  # soft hyphens
    ("M\u0430y\u0430 \u0408\u043en\u0435s", "Maya Jones"),  # Cyrillic а, Ј, о, е
    ("\u039c\u03b1y\u03b1 \u0399saac", "Maya Isaac"),  # Greek Μ, α, Ι
    ("\u041c\u0430\u0443\u0430", "Maya"),  # a name written wholly in Cyrillic look-alikes
    ("\uff2d\uff41\uff59\uff41 \uff2a\uff4f\uff4e\uff45\uff53", "Maya Jones"),  # fullwidth forms
    ("\U0001d40c\U0001d41a\U0001d432\U0001d41a", "Maya"),  # mathematical bold, as "fancy text" sites make
    ("M\u0336a\u0336y\u0336a\u0336", "Maya"),  # combining strokes over every letter
    ("Zo\u0065\u0308 Sia\u0302n", "Zoe Sian"),  # accents typed as combining marks
    ("Sin\u00e9ad \u0141ukasz Bj\u00f8rn", "Sinead Lukasz Bjorn"),  # accented and other Latin letters
    ("Ma\ufe0fya", "Maya"),  # a variation selector on a letter
    ("\ua4f3wen \u13aamy", "Owen Amy"),
    ("Mary\u2011Jane", "Mary-Jane"),  # a non-breaking hyphen  # Lisu and Cherokee look-alikes, from Unicode's confusables table
])
def test_plain_undoes_every_disguise_of_a_name(written: str, read: str) -> None:
    assert plain(written) == read


@pytest.mark.parametrize("text", [
    "Eid Mubarak! \u0639\u064a\u062f \u0645\u0628\u0627\u0631\u0643",
    "\u65b0\u5e74\u5feb\u4e50",
    "Well done \U0001F469\u200d\U0001F3EB \U0001F44D\U0001F3FD \u2764\ufe0f \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F",
])
def test_plain_leaves_other_alphabets_and_emoji_as_they_are(text: str) -> None:
    assert plain(text) == text


def test_plain_keeps_every_line_break_so_lines_stay_right() -> None:
    written = "Line one\n\nM\u0430\u200bya J\u043enes\r\nthird \uff2d\n\u00ad\n"
    assert plain(written).count("\n") == written.count("\n")
    assert plain(written).splitlines()[2] == "Maya Jones"


def test_ordinary_english_is_returned_untouched() -> None:
    text = "Sports Day is on Tuesday 1 June \u2013 bring a hat \u2018please\u2019! \u00a35"
    assert plain(text) == text


def test_a_media_file_name_reads_as_words() -> None:
    assert file_name_words("media/2026/maya-jones_sports.day.JPG") == "maya jones sports day"


def test_every_text_a_reader_sees_comes_with_its_line(school: School) -> None:
    body = "First line\n\nWell done M\u0430ya J\u200bones!"
    school.write("content/posts/p.md", post_text(
        body, poll='{"options": ["Tom", "\uff2d\uff41\uff59\uff41"], "duration": "1 day"}',
        media='[{"file": "media/maya-jones.jpg", "alt": "Ma\u00adya at the fair", "people": false}]'))
    school.write("content/media/maya-jones.jpg", b"\xff\xd8\xff")
    loaded = load_repository(school.root)
    post = next(iter(loaded.repository.posts))
    texts = {text.kind + str(index): text for index, text in enumerate(reader_texts(post))}
    kinds = [text.kind for text in texts.values()]
    assert kinds == ["text", "poll option", "poll option", "alt text", "file name"]
    text = texts["text0"]
    assert text.value.endswith("Well done Maya Jones!")
    assert text.line_at(text.value.index("Maya")) == text.line + 2
    assert texts["poll option2"].value == "Maya"
    assert texts["alt text3"].value == "Maya at the fair" and where(texts["alt text3"]) == " (in the alt text)"
    assert texts["file name4"].value == "maya jones" and where(text) == ""
    lines = post.source.lines
    assert texts["alt text3"].line == lines["media.0.alt"]
