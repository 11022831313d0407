"""Hostile names on the public site, in a real headless Chromium: shown as text, never run.

A campaign's name (like every calendar and settings value) can come from anyone's pull request. It
reaches the page's <title>, its header, its body and the search index; none of them may run it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from chromium import Browser, SiteServer, chromedriver_path, chromium_path, in_ci
from conftest import EXAMPLE, School

pytestmark = pytest.mark.slow

NOW = "2026-11-18T09:00"
NAME = "Kindness <img src=x onerror=\"window.__pwned='name'\"> Week"
SCHOOL = "Tregarrow <img src=x onerror=\"window.__pwned='school'\"> School"
CAMPAIGN = f"""campaigns:
  - id: kindness-2026
    name: {json.dumps(NAME)}
    start: 2026-11-16
    end: 2026-11-20
    hashtags: ["#Kindness"]
    link: https://www.example.org/kindness
    description: {json.dumps("A week of <script>window.__pwned='description'</script> kindness.")}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable, driver = chromium_path(), chromedriver_path()
    if executable is None or driver is None:
        if in_ci():
            pytest.fail("chromium or chromedriver is missing in CI; .ci/run installs them")
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")
    browser = Browser(executable, driver)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = tmp_path_factory.mktemp("hostile") / "example"
    for part in ("content", "calendar", "templates"):
        shutil.copytree(EXAMPLE / part, root / part)
    settings = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(settings.replace(
        "school: Tregarrow Community Primary School", f"school: {json.dumps(SCHOOL)}"), encoding="utf-8")
    (root / "calendar" / "kindness.yml").write_text(CAMPAIGN, encoding="utf-8")
    (root / "templates" / "site" / "index.md").unlink(missing_ok=True)  # the generated home has the school's name
    school = School.__new__(School)
    school.root = root
    result = school.run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    server = SiteServer(root / "site")
    yield server
    server.close()


def _settle(browser: Browser, milliseconds: int = 400) -> None:
    browser.evaluate(f"new Promise(r => setTimeout(r, {milliseconds}))")  # let onerror fire


def _assert_inert(browser: Browser) -> None:
    assert browser.evaluate("typeof window.__pwned") == "undefined", browser.evaluate("String(window.__pwned)")
    assert browser.dialog() is None
    assert browser.evaluate("""[...document.querySelectorAll('*')].filter(e =>
        [...e.attributes].some(a => a.name.startsWith('on'))).length""") == 0


@pytest.mark.parametrize("page", ["campaigns/kindness-2026/", "campaigns/", "calendar/2026-11/", "", "subscribe/"])
def test_a_hostile_name_is_text_on_every_page_it_reaches(browser: Browser, site: SiteServer, page: str) -> None:
    browser.open(site.url(page))
    _settle(browser)
    _assert_inert(browser)
    assert browser.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    shown = browser.evaluate("document.title + ' ' + document.body.innerText")
    assert "<img src=x onerror=" in shown


def test_the_campaign_page_title_and_header_show_the_name_as_written(browser: Browser, site: SiteServer) -> None:
    browser.open(site.url("campaigns/kindness-2026/"))
    assert browser.evaluate("document.title").startswith(NAME)
    assert NAME in browser.evaluate("document.querySelector('.md-header__topic:last-child').innerText")


def test_typing_the_name_in_search_shows_it_as_text_and_runs_nothing(browser: Browser, site: SiteServer) -> None:
    browser.open(site.url(""))
    from selenium.webdriver.common.by import By

    box = browser.session.find_element(By.CSS_SELECTOR, ".md-search__input")
    browser.run("document.querySelector('.md-search__input').focus()")
    box.send_keys("Kindness")
    found = 0
    for _ in range(30):  # the search index loads in a worker: wait for results, up to 6 s
        _settle(browser, 200)
        found = browser.evaluate("document.querySelectorAll('.md-search-result__item').length")
        if found:
            break
    assert found, "search found nothing"
    _settle(browser)
    _assert_inert(browser)
    results = browser.evaluate("document.querySelector('.md-search-result').innerText")
    assert "<img src=x onerror=" in results
