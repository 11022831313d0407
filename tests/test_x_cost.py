"""What posting to X costs (X's pay-per-use prices since February 2026): the dry run and the pull
request's preview estimate what will be sent, `status` the month so far, from prices a school can set."""

from __future__ import annotations

from conftest import School
from publish_helpers import approved

DUE = "2027-06-01T08:31"


def test_the_dry_run_estimates_each_post_and_the_run(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today! Gates open at 1pm.")
    approved(school, "blog", "Read about our trip: https://tregarrow.sch.uk/news/trip\n---\nMore photos soon!")
    result = school.run("publish", "--dry-run", "--now", DUE)
    assert result.exit_code == 0, result.output
    assert "estimated X charge: $0.015 (1 post)" in result.output
    assert "estimated X charge: $0.215 (1 post and 1 post with a link)" in result.output
    assert result.output.rstrip().endswith("Estimated X charge: $0.23.")


def test_a_school_sets_xs_prices_when_they_change(school: School) -> None:
    settings = school.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("    accounts:\n", "    x_prices: {post: 0.01, post_with_link: 0.5}\n"
                                                      "    accounts:\n", 1), encoding="utf-8")
    approved(school, "blog", "Read about our trip: https://tregarrow.sch.uk/news/trip")
    result = school.run("publish", "--dry-run", "--now", DUE)
    assert "estimated X charge: $0.50 (1 post with a link)" in result.output, result.output


def test_the_preview_shows_a_reviewer_the_charge(school: School) -> None:
    path = approved(school, "blog", "Read about our trip: https://tregarrow.sch.uk/news/trip")
    result = school.run("preview", str(path.relative_to(school.root)), "--format", "markdown", "--now", DUE)
    assert "**Estimated X charge**: $0.20 (1 post with a link)" in result.output


def test_status_adds_up_this_months_posts_to_x_from_the_ledger(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "blog", "Our blog: https://tregarrow.sch.uk/news", publish_at="2027-06-02 08:30")
    approved(school, "may", "Half term starts on Friday.", publish_at="2027-05-20 08:30")
    lines = [('{"post": "%s", "state": "published", "part": 0, "of": 1, "platform": "x", "id": "1%d", '
              '"url": "https://x.com/TregarrowCP/status/1%d", "at": "%s"}') % (post, n, n, at)
             for n, (post, at) in enumerate([("sports-day", "2027-06-01T08:30:00+01:00"),
                                             ("blog", "2027-06-02T08:30:00+01:00"),
                                             ("may", "2027-05-20T08:30:00+01:00")])]
    school.write("ledger.jsonl", "\n".join(lines) + "\n")
    result = school.run("status", "--now", "2027-06-03T09:00")
    assert "X this month (estimated from X's prices in the settings): $0.215 for 1 post and 1 post with a link." \
        in result.output, result.output
