"""The built site in a real headless Chromium: table semantics, escaping, what each build shows, axe-core.

Chromium is Debian's ``chromium`` package and axe-core comes from npm (``tests/browser``); both are
installed by ``.ci/run`` and ``make test``. Without them the tests are skipped, except in CI (CI=true),
where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cdp import Chromium, SiteServer, chromium_path, in_ci
from conftest import School
from test_site import NOW, PAYLOAD

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
MONTH = "calendar/2026-11/"
PAGES = ["", "calendar/", MONTH, "calendar/this-week/", "calendar/upcoming/", "campaigns/", "campaigns/abw-2026/",
         "subscribe/", "guides/writing-posts/"]


def _need(found: bool, what: str) -> None:
    if not found:
        if in_ci():
            pytest.fail(f"{what} is missing in CI; .ci/run installs it")
        pytest.skip(f"{what} is not installed (apt-get install chromium; npm ci --prefix tests/browser)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = chromium_path()
    _need(executable is not None, "chromium")
    chromium = Chromium(executable)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SiteServer]]:
    """The example school with a draft and a published post carrying a script payload, built both ways."""
    from conftest import EXAMPLE
    import shutil

    root = tmp_path_factory.mktemp("browser") / "example"
    shutil.copytree(EXAMPLE, root)
    school = School.__new__(School)
    school.root = root
    school.post("2026-11/payload", PAYLOAD, status="approved", approved_by="Mrs Hart", publish_at="2026-11-16 15:30")
    school.post("2026-11/secret-draft", "A draft nobody outside school should read yet.", status="draft",
                publish_at="2026-11-17 08:30")
    school.mark_published("payload")
    for args in (("build",), ("build", "--staff")):
        result = school.run(*args, "--now", NOW)
        assert result.exit_code == 0, result.output
    servers = {"public": SiteServer(root / "site"), "staff": SiteServer(root / "site-staff")}
    yield servers
    for server in servers.values():
        server.close()


def test_the_month_grid_is_a_real_table_with_named_days_and_dates(browser: Chromium, sites) -> None:
    browser.open(sites["staff"].url(MONTH))
    table = browser.evaluate("""(() => {
        const t = document.querySelector('table.pp-grid');
        return {
          caption: t.caption && t.caption.textContent,
          headers: [...t.tHead.querySelectorAll('th')].map(th => [th.scope, th.querySelector('abbr').title, th.textContent]),
          rows: t.tBodies[0].rows.length,
          cellsWithTime: [...t.tBodies[0].querySelectorAll('td')].filter(td => td.querySelector(':scope > time[datetime]')).length,
          cells: t.tBodies[0].querySelectorAll('td').length,
          grids: document.querySelectorAll('[role=grid]').length,
          firstCard: t.querySelector('a.pp-card') && t.querySelector('a.pp-card').getAttribute('href'),
        };
    })()""")
    assert table["caption"] == "November 2026"
    assert [h[1] for h in table["headers"]] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                                "Sunday"]
    assert {h[0] for h in table["headers"]} == {"col"} and table["headers"][0][2] == "Mon"
    assert table["rows"] == 6 and table["cells"] == 42 == table["cellsWithTime"]
    assert table["grids"] == 0
    target = table["firstCard"].lstrip("#")
    assert browser.evaluate(f"!!document.getElementById({json.dumps(target)}).closest('.pp-agenda')")


@pytest.mark.parametrize("build", ["public", "staff"])
def test_a_script_in_a_post_is_shown_as_text_and_never_runs(browser: Chromium, sites, build: str) -> None:
    browser.open(sites[build].url(MONTH))
    browser.evaluate("new Promise(r => setTimeout(r, 300))", await_promise=True)  # let any onerror fire
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert not browser.dialogs()
    text = browser.evaluate("document.getElementById('post-payload').innerText")
    assert '<script>window.__pwned = "script"</script>' in text and "<img src=x onerror=" in text
    assert browser.evaluate("""[...document.querySelectorAll('.pp-post *')].filter(e =>
        e.tagName === 'SCRIPT' || e.tagName === 'B' || [...e.attributes].some(a => a.name.startsWith('on'))
        || /^\\s*javascript:/i.test(e.getAttribute('href') || '')).length""") == 0


def test_drafts_are_absent_from_the_public_build_and_present_in_the_staff_build(browser: Chromium, sites) -> None:
    browser.open(sites["public"].url(MONTH))
    assert browser.evaluate("document.getElementById('post-secret-draft')") is None
    assert "A draft nobody outside school" not in browser.evaluate("document.body.innerText")
    browser.open(sites["staff"].url(MONTH))
    assert browser.evaluate("document.querySelector('#post-secret-draft .pp-status').textContent") == "Draft"
    browser.open(sites["public"].url("status/"))
    assert "404" in browser.evaluate("document.title") or browser.evaluate("!document.querySelector('.pp')")


@pytest.mark.parametrize("build,page", [("staff", p) for p in [*PAGES, "status/"]] + [("public", p) for p in PAGES])
def test_no_page_has_serious_accessibility_problems(browser: Chromium, sites, build: str, page: str) -> None:
    _need(AXE.is_file(), "axe-core")
    browser.open(sites[build].url(page))
    browser.evaluate(AXE.read_text(encoding="utf-8"))
    violations = browser.evaluate("""axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html)})))""",
                                  await_promise=True)
    assert violations == [], json.dumps(violations, indent=2)


def test_a_screenshot_of_the_month_page_can_be_taken(browser: Chromium, sites, tmp_path: Path) -> None:
    browser.open(sites["staff"].url(MONTH))
    shot = Path(os.environ.get("POSTPLAN_SCREENSHOT", tmp_path / "month.png"))
    browser.screenshot(shot, full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
