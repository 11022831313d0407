"""mkdocs.yml from a pull request cannot make the build run code (rule ``site-settings``).

Each hostile setting is an error at its line from ``validate``, and ``build`` refuses to start MkDocs,
so nothing it names runs: the hook's and the tag's marker files are never written.
"""

from __future__ import annotations

import json
import time

import pytest

from conftest import SETTINGS, School

FIRST = len(SETTINGS.splitlines()) + 1  # the line the appended settings start on
HOOK = "import pathlib\npathlib.Path(__file__).with_name('hook-ran').write_text('yes')\n"
BOMB = "".join(f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 12)).replace(
    "  l1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]", '  l1: &l1 ["lol", "lol", "lol", "lol"]')

HOSTILE = {
    "a hook file": ("hooks:\n  - templates/site/evil_hook.py\n", 0, "'hooks:' is not allowed"),
    "a plugin that is not shipped": ("plugins:\n  - search\n  - macros:\n      module_name: evil\n", 2,
                                     "the plugin 'macros' is not allowed"),
    "a python object tag": ("site_author: !!python/object/apply:os.system ['touch tag-ran']\n", 0,
                            "the tag !!python/object/apply:os.system is not allowed"),
    "an environment variable": ("site_author: !ENV [GITHUB_TOKEN, nobody]\n", 0, "the tag !ENV is not allowed"),
    "an unknown markdown extension": ("markdown_extensions:\n  - toc\n  - evil.extension\n", 2,
                                      "the Markdown extension 'evil.extension' is not allowed"),
    "a script on every page": ("extra_javascript:\n  - https://evil.example/x.js\n", 0,
                               "'extra_javascript:' is not allowed"),
    "markup in the footer": ("copyright: '<img src=x onerror=alert(1)>'\n", 0, "'copyright:' holds HTML"),
}


def _school(school: School, extra: str) -> School:
    (school.root / "mkdocs.yml").write_text(SETTINGS + extra, encoding="utf-8")
    school.write("templates/site/evil_hook.py", HOOK)
    school.write("templates/site/index.md", "# Home\n")
    school.post("fine", publish_at="2026-10-06 08:30")
    return school


def _findings(school: School) -> tuple[int, list[dict]]:
    result = school.run("validate", "--format", "json", "--now", "2026-09-01T08:00")
    assert "Traceback" not in result.output
    return result.exit_code, [f for f in json.loads(result.output)["findings"] if f["rule"] == "site-settings"]


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_a_setting_that_runs_code_is_an_error_at_its_line_and_the_build_refuses(school: School, case: str) -> None:
    extra, offset, message = HOSTILE[case]
    _school(school, extra)
    code, found = _findings(school)
    assert code == 1
    assert [(f["path"], f["line"]) for f in found] == [("mkdocs.yml", FIRST + offset)]
    assert message in found[0]["message"]
    built = school.run("build", "--now", "2026-09-01T08:00")
    assert built.exit_code == 2
    assert f"mkdocs.yml:{FIRST + offset}: {message}" in built.output
    assert not (school.root / "site").exists()
    assert not (school.root / "templates" / "site" / "hook-ran").exists()
    assert not (school.root / "tag-ran").exists()


def test_a_custom_theme_folder_is_an_error_at_its_line(school: School) -> None:
    _school(school, "")
    settings = SETTINGS.replace("  name: material\n", "  name: material\n  custom_dir: templates/site\n")
    (school.root / "mkdocs.yml").write_text(settings, encoding="utf-8")
    line = settings.splitlines().index("  custom_dir: templates/site") + 1
    code, found = _findings(school)
    assert code == 1 and [f["line"] for f in found] == [line]
    assert "'custom_dir:' is not allowed" in found[0]["message"]
    assert school.run("build", "--now", "2026-09-01T08:00").exit_code == 2


def test_an_alias_bomb_under_extra_fails_fast_with_a_finding(school: School) -> None:
    _school(school, "").root.joinpath("mkdocs.yml").write_text(
        SETTINGS.replace("extra:\n", "extra:\n" + BOMB, 1), encoding="utf-8")
    started = time.perf_counter()
    code, found = _findings(school)
    built = school.run("build", "--now", "2026-09-01T08:00")
    assert time.perf_counter() - started < 30
    assert code == 1 and found and "anchors and aliases" in found[0]["message"]
    extra = SETTINGS.splitlines().index("extra:") + 1
    assert extra < found[0]["line"] <= extra + len(BOMB.splitlines())
    assert built.exit_code == 2 and "anchors and aliases" in built.output


@pytest.mark.parametrize("extra", [
    "",
    "plugins:\n  - search\n  - tags\n",
    "markdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
], ids=["the example school's", "search and tags", "Material's emoji set-up"])
def test_the_settings_a_school_needs_pass(school: School, extra: str) -> None:
    _school(school, extra)
    (school.root / "templates" / "site" / "evil_hook.py").unlink()
    assert _findings(school) == (0, [])
