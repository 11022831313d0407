"""The built site in a real headless Chromium: table semantics, escaping, what each build shows, axe-core.

Chromium and its driver are Debian's ``chromium`` and ``chromium-driver`` packages, driven by Selenium;
axe-core comes from npm (``tests/browser``). ``.ci/run`` installs them all and ``make test`` installs
axe-core. Without them the tests are skipped, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from chromium import Browser, SiteServer, chromedriver_path, chromium_path, in_ci
from conftest import EXAMPLE, School
from test_site import NOW, PAYLOAD

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
MONTH = "calendar/2026-11/"
# Every kind of page a parent can open, and the staff build's own pages besides.
PAGES = ["", "calendar/", MONTH, "calendar/this-week/", "calendar/upcoming/", "campaigns/", "campaigns/abw-2026/",
         "subscribe/", "subscribe-print/", "accessibility/"]
STAFF_PAGES = [*PAGES, "status/", "guides/writing-posts/", "rules/", "rules/pupil-full-name/", "propose/"]
WIDTHS = {"phone": 390, "laptop": 1280}
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.slow


def _need(found: bool, what: str) -> None:
    if not found:
        if in_ci():
            pytest.fail(f"{what} is missing in CI; .ci/run installs it")
        pytest.skip(f"{what} is not installed (apt-get install chromium chromium-driver; "
                    "npm ci --prefix tests/browser)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable, driver = chromium_path(), chromedriver_path()
    _need(executable is not None, "chromium")
    _need(driver is not None, "chromedriver (Debian's chromium-driver)")
    browser = Browser(executable, driver)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SiteServer]]:
    """The example school with a draft and a published post carrying a script payload, built both ways."""
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


def test_the_month_grid_is_a_real_table_with_named_days_and_dates(browser: Browser, sites) -> None:
    browser.resize(WIDTHS["laptop"])
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
def test_a_script_in_a_post_is_shown_as_text_and_never_runs(browser: Browser, sites, build: str) -> None:
    browser.open(sites[build].url(MONTH))
    assert browser.dialog() is None
    browser.evaluate("new Promise(r => setTimeout(r, 300))")  # let any onerror fire
    assert browser.dialog() is None
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    text = browser.evaluate("document.getElementById('post-payload').innerText")
    assert '<script>window.__pwned = "script"</script>' in text and "<img src=x onerror=" in text
    assert browser.evaluate("""[...document.querySelectorAll('.pp-post *')].filter(e =>
        e.tagName === 'SCRIPT' || e.tagName === 'B' || [...e.attributes].some(a => a.name.startsWith('on'))
        || /^\\s*javascript:/i.test(e.getAttribute('href') || '')).length""") == 0


def test_drafts_are_absent_from_the_public_build_and_present_in_the_staff_build(browser: Browser, sites) -> None:
    browser.open(sites["public"].url(MONTH))
    assert browser.evaluate("document.getElementById('post-secret-draft')") is None
    assert "A draft nobody outside school" not in browser.evaluate("document.body.innerText")
    browser.open(sites["staff"].url(MONTH))
    assert browser.evaluate("document.querySelector('#post-secret-draft .pp-status').textContent") == "Draft"
    browser.open(sites["public"].url("status/"))
    assert "404" in browser.evaluate("document.title") or browser.evaluate("!document.querySelector('.pp')")


PAGE_CASES = [("staff", p) for p in STAFF_PAGES] + [("public", p) for p in PAGES]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("build,page", PAGE_CASES)
def test_every_page_meets_wcag_2_2_aa_in_axe_core_at_a_phone_and_a_laptop_width(
        browser: Browser, sites, build: str, page: str, width: int) -> None:
    _need(AXE.is_file(), "axe-core")
    browser.resize(width)
    browser.open(sites[build].url(page))
    assert "404" not in browser.evaluate("document.title"), page
    browser.run(AXE.read_text(encoding="utf-8"))
    violations = browser.evaluate(f"""axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(WCAG_22_AA)}}},
        resultTypes: ['violations']}}).then(r => r.violations
        .map(v => ({{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html)}})))""")
    assert violations == [], json.dumps(violations, indent=2)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("build,page", PAGE_CASES)
def test_no_page_is_wider_than_the_screen(browser: Browser, sites, build: str, page: str, width: int) -> None:
    """Nothing is cut off or needs sideways scrolling, on a phone or a laptop."""
    browser.resize(width)
    browser.open(sites[build].url(page))
    inner, scroll = browser.evaluate("[innerWidth, document.documentElement.scrollWidth]")
    assert inner == width
    assert scroll <= inner, f"{page} is {scroll}px wide on a {inner}px screen"
    # nor cut off inside a box that scrolls sideways (the month grid on a phone, once)
    beyond = browser.evaluate("""[...document.querySelectorAll('main *')].filter(e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > innerWidth + 1 && e.checkVisibility();
    }).slice(0, 3).map(e => e.outerHTML.slice(0, 120))""")
    assert beyond == [], beyond


def test_on_a_phone_the_month_is_a_list_of_days_and_keyboard_focus_is_visible(browser: Browser, sites) -> None:
    browser.resize(WIDTHS["phone"])
    browser.open(sites["public"].url(MONTH))
    assert browser.evaluate("getComputedStyle(document.querySelector('.pp-scroll')).display") == "none"
    days = browser.evaluate("[...document.querySelectorAll('.pp-agenda > li.pp-day')].map(li => li.offsetWidth)")
    assert days and max(days) <= WIDTHS["phone"]
    browser.resize(WIDTHS["laptop"])
    browser.open(sites["public"].url("subscribe/"))
    browser.run("document.querySelector('a.pp-app').focus()")
    outline = browser.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


def _distinct_colours(image) -> int:
    return len(image.convert("RGB").getcolors(maxcolors=1 << 24))


def test_a_screenshot_of_the_month_page_shows_the_grid_laid_out_as_a_week_a_row(browser: Browser, sites,
                                                                               tmp_path: Path) -> None:
    """What a parent sees: the whole viewport drawn, and the grid seven equal columns side by side."""
    from PIL import Image

    browser.resize(WIDTHS["laptop"])
    browser.open(sites["staff"].url(MONTH))
    shot = Path(os.environ.get("POSTPLAN_SCREENSHOT", tmp_path / "month.png"))
    shot.write_bytes(browser.screenshot())
    view = browser.evaluate("[innerWidth, innerHeight, devicePixelRatio]")
    days = browser.evaluate("""[...document.querySelectorAll('table.pp-grid thead th')].map(th => {
        const box = th.getBoundingClientRect(); return [box.left, box.top, box.width, box.height]; })""")
    grid = browser.evaluate("""(() => { const box = document.querySelector('table.pp-grid').getBoundingClientRect();
        return [box.left, box.top, box.right, box.bottom]; })()""")

    with Image.open(shot) as image:
        assert image.size == (round(view[0] * view[2]), round(view[1] * view[2]))
        assert _distinct_colours(image) > 50, "the screenshot is (nearly) blank"
        scale = view[2]
        visible = image.crop((round(grid[0] * scale), round(grid[1] * scale),
                              round(min(grid[2], view[0]) * scale), round(min(grid[3], view[1]) * scale)))
        assert visible.width > 500 and visible.height > 100, grid
        assert _distinct_colours(visible) > 20, "the month grid drew nothing"
    assert len(days) == 7 and len({round(top) for _, top, _, _ in days}) == 1, days  # one row of day names
    assert all(a[0] + a[2] <= b[0] + 1 for a, b in zip(days, days[1:])), days  # Monday to Sunday, left to right
    assert max(w for *_, w, _ in days) - min(w for *_, w, _ in days) < 2, days  # equal columns
