"""``postplan serve``: the site on this computer, rebuilt when a post, calendar file, template or the
settings change, so a person sees what the school will publish before it does.

Opening ``site/index.html`` from the disk shows folders as file listings and breaks the site's links;
a small web server on this computer shows it as GitHub Pages will. It listens only on this computer
unless told otherwise, and lists no folders.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

WATCHED = ("content", "calendar", "templates", "mkdocs.yml")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Files of the built site; a folder shows its index.html, never a listing of its files."""

    def list_directory(self, path):  # noqa: ANN001 - the standard library's signature
        self.send_error(404, "No page here")
        return None

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows the rebuilds instead
        return


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the site is built from, as each file's name, size and modification time."""
    found = []
    for name in WATCHED:
        top = root / name
        files = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in files:
            if path.is_file():
                stat = path.stat()
                found.append((path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def serve(root: Path, site: Path, build: Callable[[], str], host: str, port: int, say: Callable[[str], None],
          stop: threading.Event, poll: float = 1.0) -> None:
    """Build, serve ``site`` at http://host:port/, and build again whenever the watched files change,
    until ``stop`` is set. ``build`` returns a line saying what it built (or what went wrong)."""
    say(build())
    handler = functools.partial(_Pages, directory=str(site))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"The site is at http://{'localhost' if host in LOCAL_HOSTS else host}:{server.server_port}/ "
            "(it is rebuilt when a file changes; Ctrl+C stops it)")
        seen = fingerprint(root)
        while not stop.wait(poll):
            now = fingerprint(root)
            if now != seen:
                seen = now
                say(build())
        server.shutdown()
