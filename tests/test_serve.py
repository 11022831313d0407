"""`postplan serve`: the site on this computer as GitHub Pages will show it, rebuilt when a file changes;
it listens only on this computer unless told, and lists no folders."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import School


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - 127.0.0.1 only
            return answer.status, answer.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_for(check, seconds: float = 30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError("waited too long")


@pytest.mark.slow
def test_the_site_is_served_and_rebuilt_when_the_calendar_changes(example: School) -> None:
    command = [sys.executable, "-m", "postplan", "serve", "--port", "0", "--root", str(example.root),
               "--now", "2026-11-23T15:31"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines: list[str] = []
        address = wait_for(lambda: (lines.append(server.stdout.readline()) or
                                    re.search(r"http://localhost:(\d+)/", lines[-1])))
        base = f"http://127.0.0.1:{address.group(1)}/"
        status, home = fetch(base)
        assert status == 200 and "Cinderella ticket slips due" in home
        assert fetch(base + "feeds/")[0] == 404, "a folder is never listed"
        events = example.root / "calendar" / "events.yml"
        events.write_text(events.read_text(encoding="utf-8").replace(
            "title: Cinderella ticket slips due", "title: Cinderella slips due back"), encoding="utf-8")
        wait_for(lambda: "Cinderella slips due back" in fetch(base)[1])
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_it_will_not_listen_beyond_this_computer_unless_told(example: School) -> None:
    result = example.run("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2 and "--anyone-on-the-network" in result.output
