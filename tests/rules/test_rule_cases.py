"""Every policy rule against its cases: posts it must flag and near-misses it must leave alone.

The cases are data, one file a rule (``cases/<rule-id>.yml``): each has the post's text, any front
matter fields, settings to change, images to create, calendar events to add, a pupil roster, and files
to write as they are (a broken post for the loader's rules, a calendar file); ``fail`` cases must give at
least one finding of the rule (containing ``message`` when given), ``pass`` cases none. The posts are
checked in a small school that has the example school's calendar (campaigns, events, terms).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE, School, post_text
from platform_helpers import add_account
from postplan.pipeline import check
from postplan.clock import now as pinned
from postplan.load import Loaded, load_repository

CASES = Path(__file__).parent / "cases"
NOW = "2026-09-01T08:00"
DEFAULTS = {"publish_at": "2026-10-06 08:30", "status": "draft", "author": "Office (J. Pengelly)"}


def _cases() -> list:
    found = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for outcome in ("fail", "pass"):
            for number, case in enumerate(data.get(outcome) or [], start=1):
                label = f"{data['rule']}:{outcome}:{case.get('why', number)}"
                found.append(pytest.param(data["rule"], outcome, case, id=label))
    return found


def make_image(path: Path, spec: dict) -> None:
    """A real picture file: JPEG/PNG/GIF made by Pillow (with GPS in EXIF or XMP, or GIF frames, if asked), or HEIC bytes."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("copy"):  # a photograph kept in tests/fixtures/ (faces/README.md gives their licences)
        shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / spec["copy"], path)
        return
    kind = spec.get("kind", "jpeg")
    if kind == "heic":
        path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
        return
    image = Image.new("RGB", tuple(spec.get("size", (64, 48))), "green")
    options: dict = {}
    if spec.get("gps") == "exif":
        exif = Image.Exif()
        exif.get_ifd(0x8825).update({1: "N", 2: (50.0, 7.0, 12.0), 3: "W", 4: (5.0, 32.0, 10.0)})
        options["exif"] = exif.tobytes()
    if kind == "gif" and spec.get("frames", 1) > 1:  # an animated GIF: frames of different colours
        colours = ["red", "blue", "yellow", "white"]
        frames = [Image.new("RGB", image.size, colours[n % 4]) for n in range(spec["frames"] - 1)]
        options.update(save_all=True, append_images=frames, duration=100, loop=0)
    buffer = io.BytesIO()
    image.save(buffer, format={"jpeg": "JPEG", "png": "PNG", "gif": "GIF"}[kind], **options)
    data = buffer.getvalue()
    if spec.get("gps") == "xmp":
        data += b'<x:xmpmeta><rdf:Description exif:GPSLatitude="50,7.2N" exif:GPSLongitude="5,32.1W"/></x:xmpmeta>'
    if spec.get("megabytes"):
        data += b"\x00" * int(spec["megabytes"] * 1024 * 1024)
    path.write_bytes(data)


def findings_for(school: School, rule: str, case: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list:
    if case.get("mkdocs"):  # more top-level lines at the end of mkdocs.yml (the site's own settings)
        settings = school.root / "mkdocs.yml"
        settings.write_text(settings.read_text(encoding="utf-8") + case["mkdocs"], encoding="utf-8")
    for account_id, fields in (case.get("accounts") or {}).items():  # accounts on other platforms
        add_account(school, account_id, fields)
    if case.get("calendar"):  # calendar cases: one more calendar file beside the example school's
        school.write("calendar/case.yml", case["calendar"])
    for name, spec in (case.get("images") or {}).items():
        make_image(school.root / "content" / name, spec or {})
    for name, content in (case.get("files") or {}).items():
        school.write(name, content)
    if case.get("events"):
        add_events(school, case["events"])
    written_alone = (case.get("files") or case.get("calendar") or case.get("events") or case.get("mkdocs")) \
        and "text" not in case
    posts = case.get("posts") or ([] if written_alone else [{"text": case.get("text", ""),
                                                              "fields": case.get("fields") or {}}])
    for number, post in enumerate(posts):
        fields = {**DEFAULTS, **(post.get("fields") or {})}
        front = {key: json.dumps(value, ensure_ascii=False) for key, value in fields.items()}  # JSON is YAML too
        school.write(f"content/posts/case-{number}.md", post_text(post["text"], **front))
    if case.get("roster"):
        roster = tmp_path / "outside" / "roster.txt"
        roster.parent.mkdir()
        roster.write_text("\n".join(case["roster"]) + "\n", encoding="utf-8")
        monkeypatch.setenv("POSTPLAN_ROSTER", str(roster))
    loaded = load_repository(school.root)
    others = [p for p in loaded.problems if p.rule != rule]
    assert not others, others  # the case itself must load, but for what its own rule is about
    settings = loaded.repository.settings.model_copy(update=case.get("settings") or {})
    repository = loaded.repository.model_copy(update={"settings": settings})
    when = pinned(case.get("now", NOW), settings.zone)
    return check(Loaded(repository, loaded.problems), when)


def add_events(school: School, events: list[dict]) -> None:
    """Add the case's events to the school's calendar (each gets a title and kind if it has none)."""
    path = school.root / "calendar" / "events.yml"
    calendar = yaml.safe_load(path.read_text(encoding="utf-8"))
    for number, event in enumerate(events):
        calendar["events"].append({"id": f"case-event-{number}", "title": "Case event", **event})
    path.write_text(yaml.safe_dump(calendar, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def calendar_school(school: School) -> School:
    for name in ("campaigns.yml", "events.yml", "terms.yml"):
        shutil.copy(EXAMPLE / "calendar" / name, school.root / "calendar" / name)
    shutil.copytree(EXAMPLE / "templates" / "posts", school.root / "templates" / "posts")
    return school


@pytest.mark.parametrize(("rule", "outcome", "case"), _cases())
def test_rule_case(rule: str, outcome: str, case: dict, calendar_school: School,
                   monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POSTPLAN_ROSTER", raising=False)
    found = [f for f in findings_for(calendar_school, rule, case, monkeypatch, tmp_path) if f.rule == rule]
    if outcome == "fail":
        assert found, f"{rule} should flag: {case}"
        if "message" in case:
            assert any(case["message"] in f.message for f in found), [f.message for f in found]
        if "line" in case:
            assert found[0].line == case["line"], found
    else:
        assert not found, [f"{f.line}: {f.message}" for f in found]
