"""Check: models → findings. Runs every registered rule and applies each post's leader-approved exceptions.

One way to check, with a scope: every post, some files (a pull request's), or the posts that can be
due (a publishing run). The rules for one post run on the posts in scope; the rules that compare posts
always see every post, so a clash with any post outside the scope is still found. What a rule may
consult besides the school's files (the time, the roster, the ledger's view) arrives in its
``Context`` from the pipeline: this stage never reads the ledger or the roster itself.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection
from dataclasses import dataclass, replace

from postplan import workers
from postplan.exceptions import honour
from postplan.findcache import FindingsCache
from postplan.findings import Finding, LoadProblem, Severity
from postplan.load import Loaded, load_post, relative_path
from postplan.models import Allow, Post, Repository
from postplan.rules import Context, Problem, Rule, every_rule
from postplan.rules.base import PostFacts
from postplan.settings import SETTINGS_FILE


@functools.cache  # the rules are imported here, in the parent, before any worker forks from it
def _one_post() -> list[Rule]:
    return [rule for rule in every_rule().values() if rule.check is not None]


@functools.cache
def _comparing() -> list[Rule]:
    return [rule for rule in every_rule().values() if rule.check_repository is not None]


@dataclass(frozen=True)
class Scope:
    """Which posts the rules for one post run on, and which files' findings are reported."""

    posts: frozenset[str] | None = None  # paths; None: every post
    reported: frozenset[str] | None = None  # paths; None: every file's findings


EVERYTHING = Scope()


def some_files(paths: Collection[str]) -> Scope:
    """The findings on these files alone: a clash with another post lands on the one checked."""
    return Scope(frozenset(paths), frozenset(paths))


def can_be_due(paths: Collection[str]) -> Scope:
    """Only these posts (the ones a publishing run may send) are checked one by one; every finding is kept."""
    return Scope(frozenset(paths))


def check(loaded: Loaded, context: Context, scope: Scope = EVERYTHING, cache: FindingsCache | None = None
          ) -> list[Finding]:
    """Every finding in scope: the loader's, then each rule's, in file and line order.

    With the whole repository and the posts not read yet (``load_repository(root, posts=False)``), each
    post is read, checked and dropped in a worker process, so a trust's ten thousand posts are checked
    on every core at once; the findings are the same as for a fully loaded repository. There, with a
    ``cache``, a post unchanged since the last run is not read again: its findings and facts are reused.
    """
    if scope.reported is not None:
        loaded = replace(loaded, repository=changed_last(loaded.repository, scope.reported))
    if not loaded.posts_read or cache is not None:  # with a cache, unchanged posts are neither read nor checked
        findings = _read_and_check(loaded, context, cache, scope)
    else:
        findings = _check_loaded(loaded, context, scope.posts)
    if scope.reported is not None:
        findings = [finding for finding in findings if finding.path in scope.reported]
    return sorted(findings, key=Finding.sort_key)


def loader_finding(problem: LoadProblem) -> Finding:
    """A problem the loader (or the ledger's reader) found, as the finding of its registered rule."""
    rule = every_rule()[problem.rule]
    return Finding(rule.id, rule.severity, problem.path, problem.line, problem.message, problem.fix)


def changed_last(repository: Repository, changed: Collection[str]) -> Repository:
    """The repository with the changed posts listed last.

    Rules that compare posts (a duplicate id, a duplicate text) report the later of the two, so a clash
    between a new post and an old one lands on the new post, where the pull request can fix it.
    """
    def order(post: Post) -> tuple[bool, str]:
        return post.source.path in changed, post.source.path

    return repository.model_copy(update={"posts": sorted(repository.posts, key=order)})


def _check_loaded(loaded: Loaded, context: Context, only: frozenset[str] | None) -> list[Finding]:
    repository = loaded.repository
    posts = repository.posts if only is None else [p for p in repository.posts if p.source.path in only]
    findings = [loader_finding(problem) for problem in loaded.problems]
    _one_post()
    findings += workers.share(_check_slice, (posts, context), len(posts))
    findings += compare_posts(context, [PostFacts.of(post) for post in repository.posts])
    return findings


def _check_slice(shared: tuple[list[Post], Context], start: int, stop: int) -> list[Finding]:
    posts, context = shared
    return [finding for post in posts[start:stop] for finding in check_post(post, context)]


def _read_and_check(loaded: Loaded, context: Context, cache: FindingsCache | None, scope: Scope) -> list[Finding]:
    """Read each post file and check it, or take it from the cache; then compare every post's facts.

    A post outside ``scope.posts`` is only read for its facts (cached without findings).
    """
    root = str(context.root)
    paths = {path: relative_path(path, root) for path in loaded.post_paths}
    posts = set(paths.values())  # a post file's own problems come with its entry (or its reading) below
    findings = [loader_finding(problem) for problem in loaded.problems if problem.path not in posts]
    digests: dict[str, bytes | None] = {}
    results: dict[str, tuple[list[Finding], bool]] = {}  # each post's findings, and whether it has facts
    unread = []
    for path, relative in paths.items():
        entry = None
        if cache is not None:
            digests[relative] = digest = cache.digest(path, relative)
            checking = scope.posts is None or relative in scope.posts
            entry = cache.lookup(relative, digest, context.ledger, context.now, checking)
        if entry is None:
            unread.append(path)
        else:
            results[relative] = list(entry.findings or ()) if checking else [], entry.has_facts
    # The posts the loader made from the very bytes just hashed (build and publish load every post first)
    known = {post.source.path: (post, digest) for post in loaded.repository.posts
             if (digest := loaded.digests.get(post.source.path)) is not None and digest == digests.get(post.source.path)}
    facts = _read_unread(unread, known, context, cache, scope, digests, results)
    for post_findings, _ in results.values():
        findings += post_findings
    # Checking posts alone, the rules that read only the calendar and settings cannot report on them.
    calendar = scope.reported is None or not scope.reported <= posts
    findings += _compare_cached(context, cache, _comparing_order(results, scope, root), facts, calendar, known,
                                scope.reported)
    # A check of named files that read only them (a warm pre-commit) leaves the cache for the next run:
    # writing every post's facts again costs more than reading a few posts then.
    if cache is not None and (scope.reported is None or not set(paths[path] for path in unread) <= scope.reported):
        cache.save()
    return findings


def _read_unread(unread: list[str], known: dict[str, tuple[Post, bytes]], context: Context,
                 cache: FindingsCache | None, scope: Scope, digests: dict[str, bytes | None],
                 results: dict[str, tuple[list[Finding], bool]]) -> dict[str, PostFacts]:
    """Read and check the posts the cache could not answer for, into ``results`` and the cache; their facts.

    A post the loader made from the very bytes just hashed (``known``) is not read again. The cache keeps
    each post's findings under the hash of the bytes they were found in.
    """
    if unread:
        _one_post()
    root, facts = str(context.root), {}
    shared = (unread, context, scope.posts, known)
    for path, (post_findings, post_facts, checked, digest) in zip(
            unread, workers.share(_read_and_check_slice, shared, len(unread))):
        relative = relative_path(path, root)
        results[relative] = post_findings, post_facts is not None
        if post_facts is not None:
            facts[relative] = post_facts
        if cache is not None:
            going = context.repository.goes_out(post_facts.publish_at) if post_facts and post_facts.publish_at else None
            cache.keep(relative, digest, post_findings if checked else None, post_facts, context.ledger, context.now,
                       going, related_keys(post_facts) if post_facts else ())
    return facts


def _comparing_order(results: dict[str, tuple[list[Finding], bool]], scope: Scope, root: str) -> list[str]:
    """The posts (paths) in the order the rules that compare them see them."""
    order = [path for path, (_, has_facts) in results.items() if has_facts]
    if scope.reported is not None:  # as changed_last: a clash lands on the post being checked
        return sorted(order, key=lambda path: (path in scope.reported, path))  # type: ignore[operator]
    return sorted(order, key=lambda path: f"{root}/{path}")  # as post_files orders them


def _compare_cached(context: Context, cache: FindingsCache | None, order: list[str], facts: dict[str, PostFacts],
                    calendar: bool = True, known: dict[str, tuple[Post, bytes]] | None = None,
                    reported: frozenset[str] | None = None) -> list[Finding]:
    """``compare_posts`` on the posts in ``order``, or its findings from the cache when the same posts in
    the same order gave them last time (the cache's key covers everything else they hang on).

    With findings wanted on some files alone (``reported``), only the posts those findings hang on are
    compared (``FindingsCache.sharing``): a pre-commit check of three posts reads three posts' facts and
    those of any post sharing an id, a text or an event's time with them, not a trust's 50,000.

    ``calendar=False`` leaves out the rules that read only the calendar and settings; those findings are
    not kept, as they are not every comparing rule's. A post the loader has made already (``known``)
    gives its facts itself: they share its words, where the facts file's copy would be a second one.
    """
    known = known or {}
    if cache is None:
        return compare_posts(context, [facts[path] for path in order], calendar)
    earlier = cache.earlier_comparison(order)
    if earlier is not None:
        return earlier
    if reported is not None:
        order = cache.sharing(order, reported)
    cache.lend_facts({path: PostFacts.of(known[path][0]) for path in order if path in known and path not in facts})
    stored = cache.some_facts([path for path in order if path not in facts]) if reported is not None else \
        {path: cache.facts(path) for path in order if path not in facts}
    lost = [str(context.root / path) for path, post_facts in stored.items() if post_facts is None]
    for path, (_, post_facts, _, _) in zip(lost, workers.share(_read_and_check_slice,
                                                               (lost, context, frozenset(), {}), len(lost))):
        if post_facts is not None:  # the stored facts could not be read: read the post again for them
            stored[post_facts.path] = post_facts
            cache.keep_facts(post_facts.path, post_facts)
    every = {**stored, **facts}
    compared = compare_posts(context, [every[path] for path in order if every.get(path) is not None], calendar)
    if calendar and reported is None:  # the findings of every post, not only those the reported ones hang on
        cache.keep_comparison(order, compared)
    return compared


def _read_and_check_slice(shared: tuple[list[str], Context, frozenset[str] | None, dict[str, tuple[Post, bytes]]],
                          start: int, stop: int) -> list[tuple[list[Finding], PostFacts | None, bool, bytes | None]]:
    """Each post's findings, facts, whether it was checked (a post out of scope is only read), and the hash
    of the bytes it was made from. A post the loader has made already (``known``: it and that hash, by
    path) is not read again."""
    paths, context, only, known = shared
    results = []
    root = context.root
    for path in paths[start:stop]:
        relative = relative_path(path, root)
        if relative in known:
            (post, digest), problems = known[relative], []
        else:
            post, problems, digest = load_post(path, root, context.repository.settings)
        findings = [loader_finding(problem) for problem in problems]
        checked = only is None or relative in only
        if post is None:
            results.append((findings, None, checked, digest))
        else:
            post_findings = findings + check_post(post, context) if checked else findings
            results.append((post_findings, PostFacts.of(post), checked, digest))
    return results


def check_post(post: Post, context: Context) -> list[Finding]:
    """The findings of every rule that looks at one post at a time."""
    findings = []
    # The post as sent to each of its accounts, made once for every per-account rule (a post for one
    # account is itself); the same problem found on several accounts is reported once.
    views = [post] if post.accounts == [post.account] else [post.on(account) for account in post.accounts]
    for rule in _one_post():
        try:
            if rule.per_account and len(views) > 1:
                problems = dict.fromkeys(p for view in views for p in rule.check(view, context))
            else:
                problems = dict.fromkeys(rule.check(views[0] if rule.per_account else post, context))
        except Exception as error:  # noqa: BLE001 - one rule's fault must not stop every other check
            findings.append(rule_failed(rule, post.source.path, post.source.line, error))
            continue
        for problem in problems:
            line = problem.line if problem.line is not None else post.source.line_of(problem.field)
            findings.append(_finding(rule, problem, post.source.path, line, post.allowed(rule.id), context))
    return findings


def related_keys(facts: PostFacts) -> list[tuple] | None:
    """The keys the comparing rules' findings on this post hang on (``RELATED``); None: unknown, so every
    post is related to it (a rule whose keys could not be worked out)."""
    try:
        return [key for rule in _comparing() if rule.related is not None for key in rule.related(facts)]
    except Exception:  # noqa: BLE001 - the post is then compared with every post, as without keys
        if os.environ.get("POSTPLAN_DEBUG"):
            raise
        return None


def compare_posts(context: Context, facts: list[PostFacts], calendar: bool = True) -> list[Finding]:
    """The findings of the rules that compare posts or read the calendar (unless ``calendar`` is False),
    given every post's facts."""
    context = replace(context, posts=tuple(facts))
    by_path = {post.path: post for post in facts}
    findings = []
    for rule in _comparing():
        if rule.calendar_only and not calendar:
            continue
        try:
            problems = list(rule.check_repository(context.repository, context))
        except Exception as error:  # noqa: BLE001 - as for one post's rules
            findings.append(rule_failed(rule, SETTINGS_FILE, 1, error))
            continue
        for problem in problems:
            target = by_path.get(problem.path) if problem.path else None
            if problem.line is not None:
                line = problem.line
            else:
                line = target.line_of(problem.field) if target is not None else 1
            allowance = target.allow.get(rule.id) if target is not None else None
            findings.append(_finding(rule, problem, problem.path or "", line, allowance, context))
    return findings


def rule_failed(rule: Rule, path: str, line: int, error: Exception) -> Finding:
    """A check that stopped with an error (a fault in postplan, not in the post): an error finding, so
    the post is not published unchecked, while every other check and post goes on. With POSTPLAN_DEBUG
    set the error is raised instead, to show where it happened."""
    if os.environ.get("POSTPLAN_DEBUG"):
        raise error
    return Finding(rule.id, Severity.ERROR, path, line,
                   f"the '{rule.id}' check could not finish here ({type(error).__name__}), so this was not "
                   "checked for it",
                   "please report it to whoever looks after postplan, with the file (POSTPLAN_DEBUG=1 shows the "
                   "details); until it is fixed, a leader should read this against the policy before approving it")


def _finding(rule: Rule, problem: Problem, path: str, line: int, allowance: Allow | None,
             context: Context) -> Finding:
    """The engine, not the rule, decides the id, severity, path and line, and applies `allow:`
    (a safeguarding rule's only when a leader granted it: postplan.exceptions)."""
    allowed, refused = honour(rule.id, allowance, context.repository.settings.leaders)
    message = problem.message if refused is None else f"{problem.message} ({refused})"
    return Finding(rule.id, rule.severity, path, line, message, problem.fix, allowed)
