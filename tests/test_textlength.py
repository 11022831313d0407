"""Tests for postplan.textlength: twitter-text conformance, exactness of the fast path, and its speed."""

from __future__ import annotations

import json
import random
import re

import pytest
import yaml

from conftest import ANCHORS
from postplan import textlength
from postplan.textlength import X_LIMIT, weighted_length

twitter_text = pytest.importorskip("twitter_text")
from twitter_text.config import config as library_configs  # noqa: E402
from twitter_text.regexp import valid_cctld, valid_domain, valid_domain_name, valid_gtld, valid_punycode  # noqa: E402
from twitter_text.regexp import valid_subdomain  # noqa: E402
from twitter_text.regexp.emoji import emoji as library_emoji  # noqa: E402

TWITTER_TEXT = ANCHORS / "twitter-text"
SECTIONS = {
    "WeightedTweetsCounterTest": ("v2", 20),
    "WeightedTweetsWithDiscountedEmojiCounterTest": ("v3", 22),
    "UnicodeDirectionalMarkerCounterTest": ("v3", 2),
}


def _library(text: str) -> int:
    return twitter_text.parse_tweet(text).weightedLength


def _conformance_cases() -> list:
    tests = yaml.safe_load((TWITTER_TEXT / "validate.yml").read_text(encoding="utf-8"))["tests"]
    cases = []
    for section, (config, count) in SECTIONS.items():
        assert len(tests[section]) == count, section
        for case in tests[section]:
            expected = case["expected"]["weightedLength"]
            cases.append(pytest.param(case["text"], config, expected, id=f"{config}-{case['description']}"))
    return cases


CASES = _conformance_cases()


def test_all_44_conformance_cases_are_loaded():
    assert len(CASES) == 44


@pytest.mark.parametrize(("text", "config", "expected"), CASES)
def test_conformance(text, config, expected):
    assert weighted_length(text, config=config) == expected


def test_unknown_config_is_rejected():
    with pytest.raises(ValueError):
        weighted_length("hello", config="v1")


# --- The facts the fast path relies on, checked against the installed library and the anchor config. ---


def test_light_ranges_match_v3_config():
    v3 = json.loads((TWITTER_TEXT / "v3.json").read_text(encoding="utf-8"))
    assert (v3["scale"], v3["defaultWeight"], v3["transformedURLLength"], v3["emojiParsingEnabled"]) == (
        100, 200, 23, True
    )
    assert {r["weight"] for r in v3["ranges"]} == {100}
    assert tuple((r["start"], r["end"]) for r in v3["ranges"]) == textlength.LIGHT_RANGES
    lib = library_configs["defaults"]
    assert tuple((r["start"], r["end"]) for r in lib["ranges"]) == textlength.LIGHT_RANGES
    assert (lib["scale"], lib["default_weight"], lib["transformed_url_length"]) == (100, 200, 23)
    assert X_LIMIT == v3["maxWeightedTweetLength"] == 280


def _is_light(cp: int) -> bool:
    return any(a <= cp <= b for a, b in textlength.LIGHT_RANGES)


def test_only_copyright_and_registered_are_light_single_emoji():
    light_singles = {chr(cp) for a, b in textlength.LIGHT_RANGES for cp in range(a, b + 1)
                     if library_emoji.match(chr(cp))}
    assert light_singles == {"\u00a9", "\u00ae"}


def test_every_multi_codepoint_emoji_has_a_wide_codepoint_first_or_second():
    multi, _, single_class = library_emoji.pattern.rpartition("|[")
    assert single_class.endswith("]") and "[" not in multi
    alternatives = [alt.encode("ascii").decode("unicode_escape") for alt in multi.split("|")]
    assert len(alternatives) > 1000
    for alt in alternatives:
        assert len(alt) >= 2, repr(alt)
        assert not (_is_light(ord(alt[0])) and _is_light(ord(alt[1]))), repr(alt)


def test_every_multi_codepoint_emoji_contains_a_joiner_or_modifier():
    multi = library_emoji.pattern.rpartition("|[")[0]
    alternatives = [alt.encode("ascii").decode("unicode_escape") for alt in multi.split("|")]
    assert [alt for alt in alternatives if not textlength._SEQUENCE.search(alt)] == []


def test_the_emoji_table_matches_the_library_regex_everywhere():
    """The sets that replace the library's compiled emoji regex give its match at every start: on every one
    of its sequences, each cut short and run into the next, and on every single code point."""
    table = textlength._emoji_table()
    assert len(table.sequences) > 2_000 and len(table.single) > 1_000
    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    assert {c for c in every_char if library_emoji.fullmatch(c)} == set(table.single)
    sequences = sorted(table.sequences)
    text = "".join(s + s[:-1] + "x" for s in sequences)
    assert [s for s in sequences if not library_emoji.fullmatch(s)] == []
    library = [m.end() - pos if (m := library_emoji.match(text, pos)) else 0 for pos in range(len(text))]
    assert [textlength._emoji_length(text, pos, table) for pos in range(len(text))] == library
    assert textlength._emoji_length("👍", 0, table) == 1 and textlength._emoji_length("👍\U0001f3fd", 0, table) == 2


def test_single_emoji_without_joiners_never_reach_the_library(monkeypatch):
    monkeypatch.setattr(textlength, "_emoji_spans", lambda *args: pytest.fail("emoji regex used"))
    text = "Sports Day is on Tuesday 🎉⚽ Bring a water bottle 🌞"
    assert weighted_length(text) == _library(text) == len(text) + 3


def _tld_alternatives(pattern: str) -> list[str]:
    m = re.fullmatch(r"\(\?:\(\?:(.*)\)\(\?=\[\^0-9a-zA-Z@\+-\]\|\$\)\)", pattern, re.S)
    assert m, pattern[:80]
    alternatives = m.group(1).split("|")
    assert all(alt and not set(alt) & set("\\()[]{}?*+^$.") for alt in alternatives)
    return alternatives


def test_every_url_needs_a_dot_followed_by_a_tld_start():
    tld = f"(?:{valid_gtld.valid_gtld.pattern}|{valid_cctld.valid_cctld.pattern}|{valid_punycode.valid_punycode.pattern})"
    sub, name = valid_subdomain.valid_subdomain.pattern, valid_domain_name.valid_domain_name.pattern
    assert valid_domain.valid_domain.pattern == f"(?:{sub}*{name}{tld})"
    assert name.endswith(r"\.)")  # the domain name ends in a literal dot, immediately followed by the TLD
    assert valid_punycode.valid_punycode.pattern.startswith("(?:xn--")
    firsts = {alt[0] for p in (valid_gtld.valid_gtld, valid_cctld.valid_cctld) for alt in _tld_alternatives(p.pattern)}
    firsts.add("x")
    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    cannot_start = re.sub(textlength.TLD_START, "", every_char)
    assert "3" in cannot_start and "_" in cannot_start and " " in cannot_start and "a" not in cannot_start
    # The URL regex is case-insensitive, so no case variant of a TLD's first letter may be outside TLD_START.
    assert re.search(f"[{re.escape(''.join(sorted(firsts)))}]", cannot_start, re.I) is None


# --- Fast path agrees with the library on generated text. ---

FRAGMENTS = [
    "Well", "done", "team", "Year", "6", "match", "today", ".", ". ", "..", "...", "…", "!", "?", ",", "e.g.",
    "5.30pm", "3.5", "example.com", "www.school.org.uk/news", "https://x.co/a", "http://test.co", "t.co/abc",
    "https://t.co/abcdefghij", "x.co", ".com", "foo.bar", "a.b.c", "mail@school.org", "@coach", "#TeamSchool",
    "＃tag", "(see example.org/a_(b))", "foobar.پاکستان", "日本語", "のの", "한국어", "é", "e\u0301", "ñ", "£5",
    "’", "“quote”", "–", "—", "🎉", "⚽", "📚", "👍🏽", "👨\u200d👩\u200d👧", "🇬🇧", "🇬", "1️⃣", "#️⃣", "#⃣",
    "©", "®", "©️", "™", "‼", "\u200d", "\ufe0f", "\u20e3", "\u2066", "\u202a", "\ufffe", "\r\n", "\r", "\n", " ",
    "Ⅻ", "\U0001f3fb", "ℹ", "ß", "İ", "K",
]


def _random_text(rng: random.Random) -> str:
    parts = rng.choices(FRAGMENTS, k=rng.randint(1, 25))
    return "".join(p + rng.choice(["", " ", " ", "."]) for p in parts)


def test_fast_path_matches_library_on_generated_text():
    rng = random.Random(20240917)
    mismatches = []
    for _ in range(600):
        text = _random_text(rng)
        if weighted_length(text) != _library(text):
            mismatches.append((text, weighted_length(text), _library(text)))
    assert mismatches == []


def test_plain_text_never_reaches_the_library(monkeypatch):
    def boom(*args):
        raise AssertionError("library used for plain text")

    monkeypatch.setattr(textlength, "_url_spans", boom)
    monkeypatch.setattr(textlength, "_emoji_spans", boom)
    text = "Well done to Year 6 – a brilliant match. Tickets £5 from the office ’til Friday. #TeamSchool @coach"
    assert weighted_length(text) == len(text)


# --- Realistic school posts: exact on a sample (speed is measured by `postplan bench`, not here). ---

SENTENCES = [
    "Well done to Year 6 for a brilliant match today.", "Our book fair starts on Monday.",
    "Tickets are £5 from the school office.", "Don’t forget: PE kits on Thursday.",
    "Reception had a wonderful time at the farm – thank you to all our helpers.",
    "Parents’ evening is 3.30–6pm next Wednesday.", "Please read the newsletter.",
    "Huge thanks to @PTAFriends for the new library books.", "Sports day is moved to Friday.",
]
EXTRAS = ["#TeamSchool", "#ProudHead", "@coach", "🎉", "⚽", "📚", "👏🏽", "https://example.sch.uk/news/sports-day",
          "https://bit.ly/3xYz", "www.school.org.uk"]


def realistic_posts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(SENTENCES, rng.randint(1, 4)) + rng.sample(EXTRAS, rng.randint(0, 3)))
            for _ in range(n)]


def test_realistic_posts_agree_with_the_library():
    posts = realistic_posts(2_000)
    assert all(weighted_length(p) == _library(p) for p in posts[::10])


def test_the_quick_upper_bound_is_never_below_the_exact_length():
    """The length rule skips the exact count when ``at_most`` is within the limit: it must never undercount."""
    rng = random.Random(20261121)
    texts = [case.values[0] for case in CASES] + [_random_text(rng) for _ in range(600)] + realistic_posts(400)
    under = [(t, textlength.at_most(t), _library(t)) for t in texts if textlength.at_most(t) < _library(t)]
    assert under == []
    plain = "Well done to Year 6 – a brilliant match. Tickets £5 from the office ’til Friday. 🎉"
    assert textlength.at_most(plain) == weighted_length(plain)  # exact when there is no link


def test_a_post_over_the_limit_by_the_bound_is_still_measured_exactly():
    """A long post with links is over the quick bound but within the limit: no false finding."""
    text = " ".join(["https://www.tregarrow.example.org/news/a-very-long-page-name"] * 8)
    assert textlength.at_most(text) > X_LIMIT >= weighted_length(text) == _library(text)
