"""Debian's headless Chromium driven by Selenium through Debian's chromedriver, and a local web server.

Both programs are Debian packages (`chromium`, `chromium-driver`) of the same version. Selenium is
given their paths, so Selenium Manager never runs and nothing is downloaded; the browser only ever
talks to 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromedriver_path() -> str | None:
    return shutil.which("chromedriver") or next(
        (p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if Path(p).is_file()), None)


class Browser:
    """One headless Chromium tab: open a page, run JavaScript in it, see a dialog, take a screenshot."""

    def __init__(self, browser: str, driver: str):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in FLAGS:
            options.add_argument(flag)
        options.set_capability("unhandledPromptBehavior", "ignore")  # leave a page's alert() open to be seen
        self.session = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        self.session.set_page_load_timeout(30)
        self.session.set_script_timeout(60)  # axe-core takes seconds on the longest pages

    def open(self, url: str) -> None:
        self.session.get(url)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page; a promise is awaited."""
        return self.session.execute_script(f"return ({expression});")

    def resize(self, width: int, height: int = 1000) -> None:
        """The window's size in CSS pixels, as a phone (390) or a laptop (1280) shows the page."""
        self.session.set_window_size(width, height)
        inner = self.session.execute_script("return [innerWidth, innerHeight];")
        # the window has a frame even when headless: grow it until the page itself is the width asked for
        self.session.set_window_size(width + (width - inner[0]), height + (height - inner[1]))

    def run(self, script: str) -> None:
        self.session.execute_script(script)

    def dialog(self) -> str | None:
        """The text of an alert, confirm or prompt the page opened, or None."""
        from selenium.common.exceptions import NoAlertPresentException

        try:
            return self.session.switch_to.alert.text
        except NoAlertPresentException:
            return None

    def screenshot(self) -> bytes:
        """The viewport as PNG."""
        return self.session.get_screenshot_as_png()

    def close(self) -> None:
        self.session.quit()


class SiteServer:
    """The built site served on 127.0.0.1 from a thread, as a browser would see it deployed."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.server.server_port}/{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the standard library's name
        pass


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"
