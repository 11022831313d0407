"""The publisher remembers photos' fingerprints by size and modification time, so years of photos are
not read again on every run, and a changed photo is still noticed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import School

from postplan import regularfile
from postplan.publish.fingerprints import CACHE, Fingerprints

LIMIT = 10_000_000


@pytest.fixture
def photo(school: School) -> Path:
    path = school.write("content/media/relay.jpg", b"\xff\xd8 the relay " * 100)
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))  # long ago: safe to remember
    return path


def test_a_photo_is_read_once_then_known_by_its_size_and_time(school: School, photo: Path, monkeypatch) -> None:
    first = Fingerprints(school.root)
    digest = first.sha256(photo, school.root / "content", LIMIT)
    first.save()
    assert json.loads((school.root / CACHE).read_text())[str(photo.resolve())][2] == digest

    reads = []
    monkeypatch.setattr(regularfile, "sha256", lambda *args, **kwargs: reads.append(args) or "read again")
    assert Fingerprints(school.root).sha256(photo, school.root / "content", LIMIT) == digest
    assert reads == []


def test_a_changed_photo_is_read_again(school: School, photo: Path) -> None:
    cache = Fingerprints(school.root)
    before = cache.sha256(photo, school.root / "content", LIMIT)
    cache.save()
    photo.write_bytes(b"\xff\xd8 a different photo " * 100)
    os.utime(photo, ns=(1_700_000_100_000_000_000, 1_700_000_100_000_000_000))
    assert Fingerprints(school.root).sha256(photo, school.root / "content", LIMIT) != before


def test_a_photo_swapped_for_a_link_outside_is_refused_even_when_remembered(school: School, photo: Path,
                                                                           tmp_path: Path) -> None:
    cache = Fingerprints(school.root)
    cache.sha256(photo, school.root / "content", LIMIT)
    cache.save()
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the internet")
    photo.unlink()
    photo.symlink_to(secret)
    with pytest.raises(regularfile.Refused, match="outside"):
        Fingerprints(school.root).sha256(photo, school.root / "content", LIMIT)


def test_a_broken_cache_is_ignored(school: School, photo: Path) -> None:
    (school.root / CACHE).parent.mkdir(parents=True)
    (school.root / CACHE).write_text("{not json")
    expected = regularfile.sha256(photo, school.root / "content", LIMIT)
    assert Fingerprints(school.root).sha256(photo, school.root / "content", LIMIT) == expected
