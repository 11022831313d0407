"""Benchmark: build the site for a school with many posts (default 10,000) and report time and size.

Run: .venv/bin/python tests/benchmarks/build_many_posts.py [POSTS]
The posts are spread over two school years, several a day, a mix of states, some with links and threads.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
STATES = ["draft", "proposed", "approved", "approved"]


def make_school(root: Path, count: int) -> None:
    for part in ("calendar", "templates", "content/media"):
        shutil.copytree(PROJECT / part, root / part)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    start = dt.datetime(2026, 9, 1, 8, 0)
    for number in range(count):
        moment = start + dt.timedelta(hours=(number * 17) % (24 * 660))
        moment = moment.replace(hour=8 + number % 10, minute=(number * 7) % 60)
        status = STATES[number % len(STATES)]
        approved = "approved_by: Mrs Hart\n" if status == "approved" else ""
        body = (f"Post {number}: news from class {number % 14} for our families. "
                f"Read more on www.tregarrow.example.org/news/{number} #TregarrowNews")
        if number % 9 == 0:
            body += "\n---\nAnd a second part of the thread, with thanks to @TregarrowPTA."
        folder = root / "content" / "posts" / f"{moment:%Y-%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"post-{number}.md").write_text(
            f"---\npublish_at: {moment:%Y-%m-%d %H:%M}\nstatus: {status}\nauthor: Office\n{approved}---\n{body}\n",
            encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    postplan = Path(sys.executable).with_name("postplan")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "school"
        make_school(root, count)
        for args in (["build"], ["build", "--staff"]):
            started = time.perf_counter()
            result = subprocess.run([str(postplan), *args, "--root", str(root), "--now", "2027-01-15T09:00"],
                                    capture_output=True, text=True)
            seconds = time.perf_counter() - started
            site = root / ("site-staff" if "--staff" in args else "site")
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
            pages = sum(1 for _ in site.rglob("*.html"))
            print(f"{' '.join(args):<15} {count} posts: {seconds:5.1f} s, exit {result.returncode}, "
                  f"{pages} HTML pages, {size / 1e6:.1f} MB")
            if result.returncode not in (0, 1):
                print(result.stdout, result.stderr)


if __name__ == "__main__":
    main()
