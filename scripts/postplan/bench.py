"""Benchmarks: a synthetic school of N posts, and each command timed as a whole process.

Whole processes, because that is what a school waits for (imports included). Each figure is the median of
``repeat`` runs, with the peak memory of the slowest; the floor for ``validate`` is the same files' front
matter parsed with PyYAML's C loader and nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from postplan.benchtexts import post_text

# A 1×1 PNG that decodes: media rules and the faces check open it.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c633851a1010003740169cbfad0d70000000049454e44ae426082"
)
SETTINGS = """site_name: Benchmark school
theme:
  name: material
extra:
  postplan:
    school: Benchmark Community Primary School
    accounts:
      school: {platform: x, handle: "@BenchSchool"}
      pe: {platform: x, handle: "@BenchPE"}
    leaders: [Mrs Hart, Mr Osei]
    site_url: https://calendar.tregarrow.example.org/
    approved_mentions: ["@TregarrowPTA", "@KernowLibraries", "@CornwallSchoolSport"]
    website_domains: [www.tregarrow.example.org]
"""


@dataclass(frozen=True)
class Measure:
    name: str
    command: str
    seconds: float  # median wall time of the runs
    peak_mb: float  # peak resident memory of the process
    exit_code: int


def generate_school(root: Path, posts: int, seed: int = 2027) -> list[dt.datetime]:
    """Write a realistic school of ``posts`` posts (media, polls, threads, campaigns, events) under root."""
    rng = random.Random(seed)
    (root / "content" / "media").mkdir(parents=True)
    (root / "calendar").mkdir()
    (root / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")
    for index in range(20):
        (root / "content" / "media" / f"photo-{index}.png").write_bytes(PIXEL)
    days = _school_days(dt.date(2024, 9, 2), max(1, posts // 8))  # about eight posts a school day
    events = max(5, posts // 20)
    _write_calendar(root, sorted({day.year for day in days} | {days[-1].year + 1}), rng, events)
    times, written = [], set()
    for number in range(posts):
        day = days[number * len(days) // posts]
        when = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(minutes=rng.randrange(0, 600, 5))
        times.append(when)
        folder = root / "content" / "posts" / f"{when:%Y-%m}"
        folder.mkdir(parents=True, exist_ok=True)
        coming = days[number * len(days) // posts + 1:][:30]
        (folder / f"post-{number:06d}.md").write_text(_post(when, rng, events, coming, written), encoding="utf-8")
    return times


TERMS = (((9, 2), (12, 18)), ((1, 5), (3, 26)), ((4, 12), (7, 21)))  # the same every year, for simplicity


def _school_days(first: dt.date, count: int) -> list[dt.date]:
    """The first ``count`` weekdays in term time from ``first``."""
    days, day = [], first
    while len(days) < count:
        in_term = any(dt.date(day.year, *start) <= day <= dt.date(day.year, *end) for start, end in TERMS)
        if in_term and day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _post(when: dt.datetime, rng: random.Random, events: int, coming: list[dt.date], written: set[str]) -> str:
    """One post's file: front matter as staff write it, and a text (sometimes a thread) like theirs.

    No text repeats one in ``written`` (a school does not post the same words twice).
    """
    status = rng.choices(["approved", "proposed", "draft"], weights=[80, 12, 8])[0]
    lines = [f"publish_at: {when:%Y-%m-%d %H:%M}", f"status: {status}", "author: Office (J. Pengelly)"]
    if status == "approved":
        lines.append(f"approved_by: {rng.choice(['Mrs Hart', 'Mr Osei'])}")
    if rng.random() < 0.2:
        lines.append("account: pe")
    if rng.random() < 0.15:
        lines += ["media:", f"  - file: media/photo-{rng.randrange(20)}.png",
                  "    alt: Children's paintings of the harbour on the classroom wall"]
    elif rng.random() < 0.06:  # X does not allow a poll and pictures together
        lines += ["poll:", "  options: [Pasta bake, Jacket potato, Roast dinner]", "  duration: 1 day"]
    if rng.random() < 0.15:  # about an event in the calendar
        lines.append(f"event: event-{rng.randrange(events)}")
    parts = [_new_text(rng, when, coming, written) for _ in range(rng.randint(2, 4) if rng.random() < 0.05 else 1)]
    return "---\n" + "\n".join(lines) + "\n---\n" + "\n---\n".join(parts) + "\n"


def _new_text(rng: random.Random, when: dt.datetime, coming: list[dt.date], written: set[str]) -> str:
    """A post's text (or a thread's part) that no earlier post has used, remembered in ``written``."""
    text = post_text(rng, when, coming)
    while text in written:
        text = post_text(rng, when, coming)
    written.add(text)
    return text


def _write_calendar(root: Path, years: list[int], rng: random.Random, events: int) -> None:
    terms, campaigns, items = ["terms:"], ["campaigns:"], ["events:"]
    for year in years:
        terms += [f"  - {{name: {name} {year}, start: {dt.date(year, *start)}, end: {dt.date(year, *end)}}}"
                  for name, (start, end) in zip(("Autumn", "Spring", "Summer"), TERMS)]
        campaigns.append(f"  - {{id: ncw-{year}, name: National Careers Week, start: {year}-03-01, "
                         f"end: {year}-03-06, hashtags: ['#NCW{year}']}}")
    for number in range(events):
        year = rng.choice(years)
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        kind = rng.choice(["event", "deadline", "payment", "performance"])
        items.append(f"  - {{id: event-{number}, title: School event {number}, kind: {kind}, start: {day}}}")
        if number % 10 == 0:  # some events want reminder posts written from the school's template
            items[-1] = items[-1][:-1] + ', reminders: [{template: event-reminder, days_before: 2, at: "15:30"}]}'
    (root / "templates" / "posts").mkdir(parents=True)
    (root / "templates" / "posts" / "event-reminder.md.j2").write_text(REMINDER, encoding="utf-8")
    for name, lines in (("terms", terms), ("campaigns", campaigns), ("events", items)):
        (root / "calendar" / f"{name}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


REMINDER = """{# Coming-up reminders for events. #}
Coming up {{ date|on_day }}: {{ title }}. We look forward to seeing you! 🎉
"""
BASELINE = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1], "content", "posts").rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    yaml.load(text.split("---", 2)[1], Loader=yaml.CSafeLoader)
"""


def run(name: str, args: list[str], cwd: Path, repeat: int, env: dict[str, str]) -> Measure:
    """Time a command as a whole process: median wall time, peak memory (from the OS), exit code."""
    times, peak, code = [], 0.0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)  # kilobytes on Linux
        code = os.waitstatus_to_exitcode(status)
        process.stderr.close()
    shown = " ".join(args[2:]) if args[1] == "-m" else "(PyYAML C loader)"
    return Measure(name, shown, round(statistics.median(times), 3), round(peak, 1), code)


def benchmark(posts: int, repeat: int, keep: Path | None = None, checks_only: bool = False) -> dict[str, object]:
    """Generate a school of ``posts`` posts and time each command on it (``checks_only``: only the
    floor and the validate rows, for a trust's 50,000 posts); return every figure."""
    workdir = Path(tempfile.mkdtemp(prefix="postplan-bench-"))
    root = workdir / "school"
    try:
        started = time.perf_counter()
        times = generate_school(root, posts)
        generated = time.perf_counter() - started
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env = {k: v for k, v in env.items() if not k.startswith("POSTPLAN_")}  # never real credentials
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # postplan runs from bytecode, as every installed package does
        postplan = [sys.executable, "-m", "postplan"]
        first, before = min(times), min(times) - dt.timedelta(days=1)
        validate = [*postplan, "validate", "--now", f"{before:%Y-%m-%dT%H:%M}"]
        measures = [
            run("baseline", [sys.executable, "-c", BASELINE, str(root)], root, repeat, env),
            run("help", [*postplan, "--help"], root, repeat, env),
            run("validate", [*validate, "--no-cache"], root, repeat, env),
            *cached_validate(validate, root, repeat, env),
        ]
        if checks_only:
            return _figures(posts, repeat, generated, measures, 0)
        measures += [
            # The staff build shows every post, so it is the largest site a school can build.
            run("build", [*postplan, "build", "--staff", "--now", f"{before:%Y-%m-%dT%H:%M}"], root, 1, env),
            run("publish-nothing-due", [*postplan, "publish", "--now", f"{before:%Y-%m-%dT%H:%M}"], root,
                repeat, env),
            run("publish-dry-run-one-due",
                [*postplan, "publish", "--dry-run", "--now", f"{first + dt.timedelta(minutes=1):%Y-%m-%dT%H:%M}"],
                root, repeat, env),
        ]
        site = root / "site-staff"
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) if site.exists() else 0
        return _figures(posts, repeat, generated, measures, site_bytes)
    finally:
        if keep is not None:
            shutil.copytree(root, keep, dirs_exist_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)


def _figures(posts: int, repeat: int, generated: float, measures: list[Measure], site_bytes: int
             ) -> dict[str, object]:
    by_name = {m.name: m for m in measures}
    return {
        "posts": posts,
        "repeat": repeat,
        "generated_seconds": round(generated, 2),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "measures": [asdict(m) for m in measures],
        "validate_over_baseline": round(by_name["validate"].seconds / by_name["baseline"].seconds, 2),
        "validate_warm_over_baseline": round(by_name["validate-warm"].seconds / by_name["baseline"].seconds, 2),
        "validate_3_changed_seconds": by_name["validate-3-changed"].seconds,
        "site_mb": round(site_bytes / 1e6, 1),
        "site_mb_per_1000_posts": round(site_bytes / 1e6 / posts * 1000, 2),
    }


def cached_validate(validate: list[str], root: Path, repeat: int, env: dict[str, str]) -> list[Measure]:
    """``validate`` with the findings cache: warm with nothing changed, and of three posts just changed
    (as the pre-commit hook checks them), each run after changing those three posts' text again."""
    subprocess.run(validate, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    warm = run("validate-warm", validate, root, repeat, env)
    posts = sorted((root / "content" / "posts").rglob("*.md"), key=str)
    chosen = [posts[len(posts) * share // 4] for share in (1, 2, 3)]
    changed = [str(path.relative_to(root)) for path in chosen]
    runs = []
    for turn in range(repeat):
        for path in chosen:
            with path.open("a", encoding="utf-8") as post:
                post.write(f"\nUpdated again ({turn + 1}).\n")
        runs.append(run("validate-3-changed", [*validate, *changed], root, 1, env))
    shown = " ".join([*validate[2:], "<3 changed posts>"])
    middle = round(statistics.median(m.seconds for m in runs), 3)
    return [warm, Measure("validate-3-changed", shown, middle, max(m.peak_mb for m in runs), runs[-1].exit_code)]


def run_bench(posts: int, repeat: int, json_path: Path, keep: Path | None = None, root: Path = Path("."),
              checks_only: bool = False) -> str:
    """Benchmark, write every figure to ``json_path`` as JSON, and return the table of them, with the
    GitHub minutes a month that ``root``'s workflows would cost at the measured times (not for
    ``checks_only``, which times no build or publish)."""
    from postplan.actions_minutes import for_bench

    result = benchmark(posts, repeat, keep, checks_only)
    minutes = ""
    if not checks_only:
        result["github_minutes"], minutes = for_bench(root, result["measures"])
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return table(result) + ("\n" + minutes if minutes else "")


def table(result: dict[str, object]) -> str:
    rows = [f"{'what':<26} {'seconds':>8} {'peak MB':>8} {'exit':>5}  command"]
    for m in result["measures"]:
        rows.append(f"{m['name']:<26} {m['seconds']:>8.3f} {m['peak_mb']:>8.1f} {m['exit_code']:>5}  {m['command']}")
    rows.append(f"validate / baseline: {result['validate_over_baseline']}×   site: {result['site_mb']} MB "
                f"({result['site_mb_per_1000_posts']} MB per 1,000 posts)   posts: {result['posts']}")
    rows.append(f"validate-warm / baseline: {result['validate_warm_over_baseline']}×   "
                f"validate of 3 changed posts, warm: {result['validate_3_changed_seconds']:.3f} s")
    return "\n".join(rows)
