"""A ledger line of the wrong shape: a clear message naming the line, never a ValueError from deep inside.

The ledger arrives in pull requests like any file. ``"part": "abc"`` used to reach ``int()`` while the
ledger was folded, and ``publish`` and ``status`` stopped with a bare ValueError.
"""

from __future__ import annotations

import json

import pytest

from conftest import School
from publish_helpers import approved

NOW = "2027-06-01T09:00"
GOOD = {"post": "sports-day", "part": 0, "of": 1, "state": "published", "platform": "x", "id": "1",
        "url": "https://x.com/TregarrowCP/status/1", "at": "2027-06-01T08:30:00+01:00", "run": "test"}
WRONG = {
    "a part that is not a number": ({"part": "abc"}, "part"),
    "a part that is a list": ({"part": [0]}, "part"),
    "a part past its thread": ({"part": 3, "of": 2}, "part 3 is not one of the 2 parts"),
    "a state nobody writes": ({"state": "sent-twice"}, "state"),
    "a post that is not a name": ({"post": 7}, "post"),
    "a count of parts that is text": ({"of": "many"}, "of"),
}


@pytest.mark.parametrize("case", list(WRONG), ids=list(WRONG))
def test_a_wrong_ledger_line_is_named_and_nothing_is_sent(school: School, case: str) -> None:
    change, message = WRONG[case]
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "sun-hats", "Remember sun hats.", publish_at="2027-06-01 08:45")
    lines = [GOOD, {**GOOD, "post": "other", **change}, {**GOOD, "post": "third"}]
    (school.root / "ledger.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    for command in (["publish"], ["publish", "--dry-run"], ["status"]):
        result = school.run(*command, "--now", NOW)
        assert result.exit_code == 2, (command, result.output)
        assert "ledger.jsonl:2: this line is not a ledger entry" in result.output
        assert message in result.output and "restore that line from git" in result.output
        assert "ValueError" not in result.output and "Traceback" not in result.output
    sent = [p for p in (school.root / "outbox").rglob("*") if p.is_file() and p.suffix != ".lock"]
    assert sent == []
    validate = school.run("validate", "--format", "json", "--now", NOW)
    assert validate.exit_code == 1
    found = [f for f in json.loads(validate.output)["findings"] if f["path"] == "ledger.jsonl"]
    assert [(f["line"], f["severity"]) for f in found] == [(2, "error")]
