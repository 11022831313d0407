"""The commands that check and show: validate, preview, rules, schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postplan.cli.options import (EXIT_FINDINGS, EXIT_OK, Failure, changed_since_option, common, current_time,
                                  format_option, in_repository, load, root_option)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("text", "json", "github",
               help="text for people, json for programs, github for pull-request annotations.")
@changed_since_option("Check")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Read and check every post again, ignoring (and not writing) the caches in .cache/postplan/.")
@common
def validate(paths: tuple[Path, ...], fmt: str, ref: str | None, no_cache: bool, root: Path,
             now_text: str | None) -> None:
    """Check posts, calendar files and settings against the school's policy.

    Checks the given files, the files changed since REF (--changed-since), or the whole repository.
    A clash between a checked post and another (the same id, the same text) is reported on the checked
    post. Exits 0 when there are no errors (warnings are allowed), 1 when there are, 2 for a usage or
    settings problem.

    \b
    Examples:
        postplan validate content/posts/2027-06/sports-day.md --format github
        postplan validate --changed-since origin/main
    """
    from postplan import pipeline, report

    everything = not paths and ref is None
    # for everything, or for posts alone, each post is read as it is checked (or taken from the cache)
    posts = None if everything else _posts_only(paths, ref, root)
    loaded = load(root, posts=not everything and posts is None, cached=not no_cache)
    wanted = None if everything else posts if posts is not None else _wanted(paths, ref, loaded)
    findings = pipeline.validate(loaded, current_time(now_text, loaded), wanted, cached=_cache_usable(no_cache, root))
    files = loaded.repository.files if wanted is None else len(wanted)
    _consent_note(loaded.repository.settings.consent_env, fmt)
    click.echo(report.render(findings, files, fmt))
    sys.exit(EXIT_FINDINGS if any(f.blocks for f in findings) else EXIT_OK)


def _cache_usable(no_cache: bool, root: Path) -> bool:
    from postplan.cachefiles import CACHE_DIR, committed

    if no_cache:
        return False
    if committed(root):
        click.echo(f"Note: {CACHE_DIR}/ is committed to the repository or is a link, so it is not trusted and every post is "
                   f"checked. Remove it from git: git rm -r --cached {CACHE_DIR}", err=True)
        return False
    return True


def _posts_only(paths: tuple[Path, ...], ref: str | None, root: Path) -> set[str] | None:
    """The files to report on when every one is a post (given, or changed since ``ref``), else None.

    Posts alone bring in no other post (a photo, a template or a calendar entry would), so the other
    posts need not be read: their facts come from the findings cache.
    """
    from postplan.changes import ChangesError, changed_files
    from postplan.load import POSTS_DIR

    if paths and ref:
        raise Failure("give either files or --changed-since, not both")
    try:
        wanted = changed_files(root.resolve(), ref) if ref is not None else in_repository(paths, root.resolve())
    except ChangesError as error:
        raise Failure(str(error)) from None
    posts = {path for path in wanted or () if path.startswith(POSTS_DIR + "/") and path.endswith(".md")}
    return posts if posts and posts == wanted else None


def _consent_note(variable: str, fmt: str) -> None:
    """Once a run, without a consent register: photo consent is only the author's word."""
    import os

    if fmt == "text" and not os.environ.get(variable, "").strip():
        click.echo(f"Note: photo consent is self-declared (`consent: confirmed`); set {variable} to the school's "
                   "consent register to check it.", err=True)


def _wanted(paths: tuple[Path, ...], ref: str | None, loaded) -> set[str] | None:
    """The files to report on (None: all), from the paths given or from git's changes since ``ref``."""
    from postplan.changes import ChangesError
    from postplan.pipeline import wanted_files

    if paths and ref:
        raise Failure("give either files or --changed-since, not both")
    try:
        return wanted_files(loaded, in_repository(paths, Path(loaded.repository.root)), ref)
    except ChangesError as error:
        raise Failure(str(error)) from None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@changed_since_option("Preview")
@format_option("text", "markdown", help="markdown for a pull request's job summary, text for a terminal.")
@common
def preview(paths: tuple[Path, ...], ref: str | None, fmt: str, root: Path, now_text: str | None) -> None:
    """Show posts as a reviewer sees them: text, length against the limit, images with alt text, findings.

    Always exits 0 when it could build the preview: `postplan validate` is what passes or fails a check.

    \b
    Example:
        postplan preview --changed-since origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from postplan import pipeline
    from postplan import preview as previews

    loaded = load(root)
    wanted = _wanted(paths, ref, loaded)
    findings = pipeline.validate(loaded, current_time(now_text, loaded), wanted)
    shown = sorted(wanted) if wanted is not None else sorted(
        {post.source.path for post in loaded.repository.posts} | {f.path for f in findings})
    render = previews.as_markdown if fmt == "markdown" else previews.as_text
    click.echo(render(loaded.repository, shown, findings))


@click.command()
@click.argument("rule_id", metavar="[RULE]", required=False)
@format_option("text", "json", help="text for people, json for programs.")
@root_option
def rules(rule_id: str | None, fmt: str, root: Path) -> None:
    """List the rules postplan enforces: id, severity and what each asks for.

    Give a rule's id to read its page: the policy it comes from, examples, the settings it reads, and
    how to allow an exception.

    \b
    Examples:
        postplan rules
        postplan rules pupil-full-name
    """
    from postplan.rulesdoc import rule_list, rule_page_of

    try:
        click.echo(rule_page_of(rule_id) if rule_id is not None else rule_list(fmt))
    except KeyError as error:
        raise Failure(error.args[0]) from None


@click.command()
@root_option
def schema(root: Path) -> None:
    """Print the JSON Schema of a post's front matter, for editors to autocomplete and check fields.

    The repository keeps a copy in .vscode/postplan-post.schema.json; regenerate it after changing the
    Post model.

    \b
    Example:
        postplan schema > .vscode/postplan-post.schema.json
    """
    from postplan.schema import as_text

    click.echo(as_text(), nl=False)


@click.command()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="A labelled corpus (school/ and cases/). Default: tests/accuracy/ in --root.")
@click.option("--markdown", is_flag=True, help="Print the tables as Markdown (for POLICY-ACCURACY.md).")
@click.option("--json", "as_json", is_flag=True, help="Print every figure and case as JSON.")
@click.option("--show-misses", is_flag=True, help="List each missed breach and each false alarm.")
@root_option
def accuracy(corpus: Path | None, markdown: bool, as_json: bool, show_misses: bool, root: Path) -> None:
    """Measure how well the policy checks catch breaches and leave good posts alone, on a labelled corpus.

    Prints precision and recall per rule and overall, and how many clean posts got an error or a warning.

    \b
    Example:
        postplan accuracy --show-misses
    """
    from postplan.accuracy import main

    folder = corpus or root / "tests" / "accuracy"
    argv = ["--corpus", str(folder), *(["--markdown"] if markdown else []), *(["--json"] if as_json else []),
            *(["--show-misses"] if show_misses else [])]
    sys.exit(main(argv))
