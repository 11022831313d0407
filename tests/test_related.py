"""A check of a few posts compares them only with the posts their findings hang on (each comparing rule's
``RELATED``), and says exactly what comparing them with every post says."""

from __future__ import annotations

import datetime as dt
import random
import types
import zoneinfo

import pytest

from conftest import School
from postplan import cachefiles, findcache
from postplan.models import Repository
from postplan.rules import Context, RuleModuleError, every_rule, registry
from postplan.rules.base import PostFacts
from test_findcache import findings

ZONE = zoneinfo.ZoneInfo("Europe/London")


def _facts(chance: random.Random, number: int) -> PostFacts:
    """A post's facts drawn from small pools, so that ids, texts, events and times often clash."""
    moment = dt.datetime(2027, 5, 25, 8, 30, tzinfo=ZONE) + dt.timedelta(hours=chance.choice([0, 0, 1]))
    if chance.random() < 0.2:  # the same instant, written in another zone
        moment = moment.astimezone(dt.timezone.utc)
    accounts = chance.choice([("school",), ("pe",), ("school", "pe")])
    ident = chance.choice(["sports-day", "choir", "fair", f"post-{number}"])
    return PostFacts(
        path=f"content/posts/{number:03d}-{ident}.md", id=ident, status=chance.choice(["draft", "approved", "proposed"]),
        account=accounts[0], reply_to=chance.choice([None, None, "choir", "sports-day", "nobody-here",
                                                     "https://x.com/SomeParent/status/1"]),
        part_lines=(6,), lines={"publish_at": 2}, line=1, allow={},
        event=chance.choice([None, "sports-day", "fair"]), publish_at=moment,
        planned_template=chance.choice([None, "reminder"]), accounts=accounts,
        compared_texts=(chance.choice([b"a", b"b", b"c", bytes([number % 250])]),))


@pytest.mark.parametrize("seed", range(12))
def test_a_comparing_rule_finds_on_a_post_only_what_its_related_posts_give(example: School, seed: int) -> None:
    """Each rule that compares posts, on every post, against the same rule on that post and the posts
    sharing one of its keys (in the same order): the findings on that post are the same."""
    from postplan.load import load_repository

    repository: Repository = load_repository(example.root, posts=False).repository
    chance = random.Random(seed)
    posts = [_facts(chance, number) for number in range(40)]
    comparing = [rule for rule in every_rule().values() if rule.check_repository and not rule.calendar_only]
    assert {rule.id for rule in comparing} >= {"duplicate-id", "duplicate-text", "reply-not-own", "same-event-same-time"}
    for rule in comparing:
        def on(post: PostFacts, among: list[PostFacts], rule=rule) -> list:
            context = Context(repository, dt.datetime(2026, 9, 1, tzinfo=ZONE), posts=tuple(among))
            return [problem for problem in rule.check_repository(repository, context) if problem.path == post.path]

        found = 0
        for post in posts:
            keys = set(rule.related(post))
            related = [other for other in posts if other is post or not keys.isdisjoint(rule.related(other))]
            assert on(post, related) == on(post, posts), (rule.id, post)
            found += bool(on(post, posts))
        assert found, f"{rule.id}: no post was found to clash, so this test tested nothing"


def test_a_rule_that_compares_posts_must_say_what_its_findings_hang_on() -> None:
    module = types.ModuleType("postplan.rules.careless")
    module.ID, module.SEVERITY, module.SUMMARY, module.POLICY = "careless", every_rule()["duplicate-id"].severity, "", ""
    module.check_repository = lambda repository, context: []
    with pytest.raises(RuleModuleError, match="RELATED"):
        registry((module,))
    module.CALENDAR_ONLY = True  # reads only the calendar: nothing to relate
    assert registry((module,))["careless"].related is None


def test_a_pre_commit_check_reads_only_the_facts_its_posts_hang_on(example: School,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm check of two new posts, one repeating an old post's text and one reusing an old post's id,
    finds both clashes without reading every stored post's facts, and says what a cold check says."""
    findings(example)  # the cache now holds every post and its facts
    posts = sorted((example.root / "content" / "posts").rglob("*.md"))
    copied = example.write("content/posts/zz-copy.md", posts[5].read_text(encoding="utf-8"))
    same_id = example.write(f"content/posts/zz/{posts[9].name}", posts[2].read_text(encoding="utf-8")
                            .replace("\n---\n", "\n---\nA new text for an old id.\n", 1))
    named = [path.relative_to(example.root).as_posix() for path in (copied, same_id)]
    cold = findings(example, *named, "--no-cache")
    monkeypatch.setattr(findcache, "_read_facts", lambda *args: pytest.fail("every stored post's facts were read"))
    asked: list[list[str]] = []
    real = cachefiles.load_some
    monkeypatch.setattr(cachefiles, "load_some", lambda *args: asked.append(sorted(args[3])) or real(*args))
    assert findings(example, *named) == cold
    assert {(rule, where) for rule, where, _, _ in cold[1]} >= {("duplicate-text", named[0]), ("duplicate-id", named[1])}
    assert len(asked) == 1 and len(asked[0]) < len(posts) / 2  # the posts sharing a key, not every post
    assert posts[9].relative_to(example.root).as_posix() in asked[0]


def test_facts_that_cannot_be_read_in_part_are_read_again_from_the_posts(example: School) -> None:
    findings(example)
    posts = sorted((example.root / "content" / "posts").rglob("*.md"))
    copied = example.write("content/posts/zz-copy.md", posts[5].read_text(encoding="utf-8"))
    named = copied.relative_to(example.root).as_posix()
    facts = example.root / findcache.CACHE_DIR / findcache.FACTS_FILE
    facts.write_bytes(facts.read_bytes()[:-3])  # cut short: its table of runs is lost
    assert findings(example, named) == findings(example, named, "--no-cache")
    assert "duplicate-text" in {rule for rule, where, _, _ in findings(example, named)[1] if where == named}


def test_load_some_reads_the_runs_holding_the_keys_asked_for(tmp_path) -> None:
    file = tmp_path / "runs.pickle"
    items = {f"key-{number:04d}": number for number in range(1000)}
    assert cachefiles.write_runs(file, b"stamp", "head", items, run=7, indexed=True)
    assert cachefiles.load_runs(file, b"stamp", frozenset()) == ("head", items)  # still whole to read in full
    some = cachefiles.load_some(file, b"stamp", frozenset(), ["key-0000", "key-0500", "key-0999", "missing", "a"])
    assert {key: some[key] for key in ("key-0000", "key-0500", "key-0999")} == {"key-0000": 0, "key-0500": 500,
                                                                                "key-0999": 999}
    assert "missing" not in some and len(some) <= 3 * 7  # three runs read, not a thousand items
    assert cachefiles.load_some(file, b"other", frozenset(), ["key-0001"]) is None
    file.write_bytes(file.read_bytes()[:-1])
    assert cachefiles.load_some(file, b"stamp", frozenset(), ["key-0001"]) is None


def test_a_check_of_named_posts_does_not_read_another_only_because_time_moved_on(school: School,
                                                                                  monkeypatch: pytest.MonkeyPatch
                                                                                  ) -> None:
    """Another post's facts do not change with the time, so a pre-commit check reads it only if its file
    changed; its own findings, which do change with the time, are found when it is checked itself."""
    from postplan import check

    school.post("soon", status="approved", approved_by="Mrs Trevithick", publish_at="2026-09-02 08:30")
    school.post("later", status="approved", approved_by="Mrs Trevithick", publish_at="2027-05-25 08:30")
    assert "past-unpublished" not in {rule for rule, *_ in findings(school)[1]}  # the cache now holds both
    read: list[str] = []
    real = check.load_post
    monkeypatch.setattr(check, "load_post", lambda path, *rest: read.append(str(path)) or real(path, *rest))
    after = ["--now", "2026-09-03T08:00"]
    named = school.run("validate", "--format", "json", *after, "content/posts/later.md")
    assert read == [] and "soon.md" not in named.output  # neither post changed: nothing is read again
    everything = school.run("validate", "--format", "json", *after)
    assert read == [str(school.root / "content/posts/soon.md")]  # checked again: its time has passed
    assert '"rule": "past-unpublished"' in everything.output
