"""A parent withdraws consent after a photo went out: the audit finds the post, `takedown` removes it from
the account through the real Mastodon.py client against the local fake on 127.0.0.1, the audit is green
again, and the next build shows neither the post nor its photo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

import fake_mastodon
from conftest import School
from fake_mastodon import FakeMastodon, mastodon_account
from platform_helpers import add_account
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from postplan.publish.takedown import takedown
from publish_helpers import approved, ledger_lines
from test_consent import register  # noqa: F401 - the fixture

SENT = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
LATER = "2027-06-03T09:00"


def test_a_withdrawal_is_found_taken_down_and_gone_from_the_site(school: School, register: Path, httpserver,
                                                                  monkeypatch) -> None:
    toot = FakeMastodon(httpserver)
    add_account(school, fake_mastodon.ACCOUNT, mastodon_account(toot.base), default=True)
    Image.new("RGB", (60, 40), "blue").save(school.root / "content" / "media" / "garden.jpg", "JPEG")
    approved(school, "garden", "Our bulbs are in! Spring will be bright.",
             extra="media:\n  - file: media/garden.jpg\n    alt: Pupils planting bulbs\n    people: true\n"
                   "    who: [Maya 4B]\n")
    sent = publish(load(school.root), SENT, Options(environ=fake_mastodon.ENV, sleep=[].append))
    assert sent.counts["published"] == 1, sent.text()
    for name, value in fake_mastodon.ENV.items():
        monkeypatch.setenv(name, value)

    # Maya's parents withdraw consent: the school exports the register again.
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("Maya Patel,4B,Yes,Yes", "Maya Patel,4B,Withdrawn,Withdrawn"),
                        encoding="utf-8")
    audit = school.run("consent", "audit", "--now", LATER)
    assert audit.exit_code == 1 and "take it down: postplan takedown garden" in audit.output, audit.output

    done = takedown(school.root, "garden", SENT + dt.timedelta(days=2), environ=fake_mastodon.ENV,
                    sleep=[].append, reason="consent withdrawn")
    assert done.exit_code == 0, done.text()
    assert toot.standing() == []
    assert [line["state"] for line in ledger_lines(school.root)][-2:] == ["takedown", "taken-down"]

    again = school.run("consent", "audit", "--now", LATER)
    assert again.exit_code == 0, again.output
    built = school.run("build", "--now", LATER)
    check = school.run("validate", "--now", LATER)
    assert built.exit_code == 0, built.output + check.output
    site = school.root / "site"
    public = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))
    assert "Our bulbs are in!" not in public and "garden.jpg" not in public
    assert not (site / "media" / "garden.jpg").exists()
    httpserver.check_assertions()
