"""Files that are not what they claim: devices, named pipes and links out of the repository.

A post or a picture path from a pull request can name ``/dev/zero`` (endless), a named pipe (blocks
whoever opens it) or a link to a file outside the repository (unreviewed, perhaps secret). Each is a
finding at its line and is never read: not by ``validate``, not by ``publish``'s fingerprinting.
The commands run in a child process with a memory limit, so reading ``/dev/zero`` would fail fast.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import School
from publish_helpers import approved

NOW = "2027-06-01T09:00"
MEDIA_LINE = 7  # approved() writes four fields, then media: on line 6 and its file on line 7


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(school: School, *args: str) -> subprocess.CompletedProcess:
    """The command in a child process limited to 1 GB, for at most a minute."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    return subprocess.run([sys.executable, "-m", "postplan", *args, "--root", str(school.root)],
                          capture_output=True, text=True, timeout=60, preexec_fn=_limited, env=environment)


def _findings(school: School, rule: str) -> tuple[int, list[tuple[str, int, str]]]:
    result = run(school, "validate", "--format", "json", "--now", NOW)
    assert "Traceback" not in result.stderr, result.stderr
    found = json.loads(result.stdout)["findings"]
    return result.returncode, [(f["path"], f["line"], f["message"]) for f in found if f["rule"] == rule]


def _with_media(school: School, file: str) -> None:
    approved(school, "relay", "Our relay team won!", publish_at="2027-06-01 08:30",
             extra=f"media:\n  - file: {file}\n    alt: The relay team\n")
    school.write("content/posts/draft.md", "---\npublish_at: 2027-06-01 08:00\nstatus: draft\n"
                 f"author: Office\nmedia:\n  - file: {file}\n    alt: A picture\n---\nA past-due draft.\n")


@pytest.mark.parametrize("kind", ["device path", "link to a device", "named pipe", "link out of content"])
def test_media_that_is_not_an_ordinary_file_is_refused_at_its_line_and_never_read(school: School, kind: str,
                                                                                   tmp_path: Path) -> None:
    media = school.root / "content" / "media"
    if kind == "device path":
        file = "/dev/zero"
    elif kind == "link to a device":
        (media / "zero.jpg").symlink_to("/dev/zero")
        file = "media/zero.jpg"
    elif kind == "named pipe":
        os.mkfifo(media / "pipe.jpg")
        file = "media/pipe.jpg"
    else:
        (tmp_path / "secret.jpg").write_bytes(b"\xff\xd8\xff not reviewed")
        (media / "secret.jpg").symlink_to(tmp_path / "secret.jpg")
        file = "media/secret.jpg"
    _with_media(school, file)
    code, found = _findings(school, "media-file")
    assert code == 1
    assert ("content/posts/relay.md", MEDIA_LINE) in [(path, line) for path, line, _ in found]
    published = run(school, "publish", "--now", NOW)
    dry = run(school, "publish", "--dry-run", "--now", NOW)
    for result in (published, dry):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "blocked" in result.stdout and "Traceback" not in result.stderr
        assert "not approved" in result.stdout  # the due reminder about the draft still goes out


@pytest.mark.parametrize("kind", ["link to a device", "named pipe", "link out of the repository", "loop of links",
                                  "link to nothing"])
def test_a_post_file_that_is_not_an_ordinary_file_in_the_repository_is_refused(school: School, kind: str,
                                                                               tmp_path: Path) -> None:
    post = school.root / "content" / "posts" / "odd.md"
    if kind == "link to a device":
        post.symlink_to("/dev/zero")
        message = "is a link to somewhere outside the repository"
    elif kind == "named pipe":
        os.mkfifo(post)
        message = "is not an ordinary file (it is a named pipe)"
    elif kind == "loop of links":
        post.symlink_to("odd.md")  # a link to itself
        message = "cannot be read: Too many levels of symbolic links"
    elif kind == "link to nothing":
        post.symlink_to("gone.md")
        message = "does not exist (or is a link to nothing)"
    else:
        outside = tmp_path / "unreviewed.md"
        outside.write_text("---\npublish_at: 2027-06-01 08:30\nstatus: approved\nauthor: Office\n"
                           "approved_by: Mrs Hart\n---\nA post nobody reviewed.\n")
        post.symlink_to(outside)
        message = "is a link to somewhere outside the repository"
    school.post("fine", publish_at="2027-06-03 08:30")
    code, found = _findings(school, "file")
    assert code == 1
    assert [(path, line) for path, line, _ in found] == [("content/posts/odd.md", 1)]
    assert message in found[0][2]
    published = run(school, "publish", "--now", NOW)
    assert published.returncode == 1 and "unreadable" in published.stdout
    assert "nobody reviewed" not in published.stdout
    assert not list((school.root / "outbox").glob("**/*odd*"))


def test_the_posts_found_are_what_a_recursive_glob_finds_and_no_link_to_a_folder_is_followed(tmp_path: Path) -> None:
    from postplan.load import POSTS_DIR, post_files

    posts = tmp_path / "school" / POSTS_DIR
    (posts / "2026-10" / ".drafts").mkdir(parents=True)
    (posts / "2026-10" / "fair.md").write_text("x", encoding="utf-8")
    (posts / "2026-10" / ".drafts" / "quiz.md").write_text("x", encoding="utf-8")
    (posts / "notes.txt").write_text("x", encoding="utf-8")
    (posts / "folder.md").mkdir()  # a folder named like a post: listed, so its finding says what it is
    (posts / "folder.md" / "inside.md").write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("x", encoding="utf-8")
    (posts / "elsewhere").symlink_to(outside)  # never followed: nothing outside is read as a post
    (posts / "gone.md").symlink_to(tmp_path / "nothing")
    found = [Path(path).relative_to(posts).as_posix() for path in post_files(tmp_path / "school")]
    assert found == sorted(path.relative_to(posts).as_posix() for path in posts.rglob("*.md"))
    assert found == ["2026-10/.drafts/quiz.md", "2026-10/fair.md", "folder.md", "folder.md/inside.md", "gone.md"]


@pytest.mark.parametrize("limit", [1_000, 120])
def test_a_file_that_grows_while_it_is_read_is_read_whole_or_refused_past_its_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    from postplan import regularfile

    post = tmp_path / "news.md"
    post.write_bytes(b"x" * 100)
    opened = regularfile._descriptor

    def then_grows(*args):  # 50 bytes are appended once the open file has been checked
        checked = opened(*args)
        with post.open("ab") as more:
            more.write(b"y" * 50)
        return checked

    monkeypatch.setattr(regularfile, "_descriptor", then_grows)
    if limit > 150:
        assert regularfile.read_bytes(post, tmp_path, limit) == b"x" * 100 + b"y" * 50
    else:
        with pytest.raises(regularfile.TooLarge, match="more than 0 KB"):
            regularfile.read_bytes(post, tmp_path, limit)
