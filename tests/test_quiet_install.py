"""Installing postplan says nothing alarming: the package's own metadata gives the build no deprecation
warning (a school's IT lead reads `pip install` output, and a warning there looks like a fault)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_building_the_package_gives_no_deprecation_warning(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--verbose", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    built = result.stdout + result.stderr
    warnings = [line for line in built.splitlines()
                if "Deprecat" in line or "deprecated" in line.lower() and "setuptools" in line.lower()]
    assert warnings == [], "\n".join(warnings)
    assert list(tmp_path.glob("postplan-*.whl"))


def test_the_licence_the_metadata_names_is_in_the_repository():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in text and 'license-files = ["LICENSE"]' in text
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
