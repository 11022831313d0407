"""`postplan validate` on the example school: the command-line contract other tools depend on."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import PROJECT, School
from postplan.cli import cli

NOW = "2026-09-01T08:00"


def test_the_schools_own_repository_validates_with_no_error() -> None:
    """The one test that reads the repository's own content/, calendar/ and settings, whoever's they are.

    Every other test uses the tests' own example school (tests/fixtures/), so a school's own posts
    cannot break them; this one is how `make test` tells a school that its own repository is sound.
    It runs as the school's checks do, at the real time.
    """
    result = CliRunner().invoke(cli, ["validate", "--root", str(PROJECT)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert " 0 errors" in result.output.splitlines()[-1], result.output


def test_the_example_school_passes_with_the_contracts_shape(example: School) -> None:
    result = example.run("validate", "--format", "json", "--now", NOW)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {"files", "errors", "warnings", "findings"}
    assert report["errors"] == 0
    posts = len(list((example.root / "content" / "posts").rglob("*.md")))
    assert report["files"] >= posts >= 60
    for finding in report["findings"]:
        assert {"rule", "severity", "path", "line", "message"} <= set(finding)
        assert not finding["path"].startswith("/")


def test_breaking_one_posts_front_matter_fails_at_that_file_and_line(example: School) -> None:
    post = sorted((example.root / "content" / "posts").rglob("*.md"))[5]
    lines = post.read_text(encoding="utf-8").splitlines()
    status_line = next(i for i, line in enumerate(lines) if line.startswith("status:"))
    lines[status_line] = "status: [approved"
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = example.run("validate", "--format", "json", "--now", NOW)

    assert result.exit_code == 1
    report = json.loads(result.output)
    relative = post.relative_to(example.root).as_posix()
    assert report["errors"] == 1
    errors = [f for f in report["findings"] if f["severity"] == "error" and not f.get("allowed")]  # not a leader's allow
    assert [(f["path"], f["rule"]) for f in errors] == [(relative, "yaml")]
    line = errors[0]["line"]
    assert status_line + 1 <= line <= status_line + 2  # the YAML reader stops at or just after the bad line


def test_text_output_names_file_line_rule_and_fix(school: School) -> None:
    school.post("sports-day", status="approved", approved_by="Miss Nance")
    result = school.run("validate")
    assert result.exit_code == 1
    assert ("content/posts/sports-day.md:5: error: 'Miss Nance' is not one of the leaders who may approve posts "
            "[approval]") in result.output
    assert "how to fix: ask one of Mrs Hart, Mr Osei, Ms Rowe to approve it" in result.output
    assert "1 error" in result.output.splitlines()[-1]


def test_github_format_annotates_the_line_and_escapes_the_message(school: School) -> None:
    school.post("sports-day", status="approved", approved_by="Miss Nance, 100%")
    result = school.run("validate", "--format", "github")
    first = result.output.splitlines()[0]
    assert first.startswith("::error file=content/posts/sports-day.md,line=5,title=postplan approval::")
    assert "Miss Nance, 100%25" in first and "%0AHow to fix: " in first


def test_given_paths_limit_the_report_to_those_files(school: School) -> None:
    school.post("good")
    school.post("bad", status="approved")
    only_good = school.run("validate", str(school.root / "content/posts/good.md"))
    assert only_good.exit_code == 0 and "1 file checked: 0 errors" in only_good.output
    assert school.run("validate", "content/posts/bad.md").exit_code == 1  # relative to --root


def test_a_missing_path_is_a_usage_error(school: School) -> None:
    result = school.run("validate", "content/posts/nope.md")
    assert result.exit_code == 2 and "no such file" in result.output


def test_warnings_do_not_fail_and_allowed_errors_do_not_count(school: School) -> None:
    school.post("allowed", status="approved", allow="\n  - rule: approval\n    reason: Agreed by the head on the phone")
    result = school.run("validate", "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 0
    assert report["errors"] == 0
    assert report["findings"][0]["allowed"] == "Agreed by the head on the phone"
    text = school.run("validate").output
    assert "allowed by a leader: Agreed by the head on the phone" in text


def test_a_thread_part_over_the_limit_is_reported_at_its_own_line(school: School) -> None:
    school.post("thread", body="A short first part.\n---\n" + "word " * 70 + "\n---\nThe end.")
    report = json.loads(school.run("validate", "--format", "json").output)
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("weighted-length", 8)]
    assert "part 2 of this thread is 349 characters" in report["findings"][0]["message"]


def test_links_count_twenty_three_whatever_their_length(school: School) -> None:
    link = "https://www.tregarrow.example.org/" + "a" * 300
    school.post("link", body="Our newsletter is out: " + link)
    assert json.loads(school.run("validate", "--format", "json").output)["errors"] == 0


def test_duplicate_ids_are_reported_on_the_second_file(school: School) -> None:
    school.post("2026-09/harvest")
    school.post("2027-09/harvest")
    findings = json.loads(school.run("validate", "--format", "json").output)["findings"]
    assert [(f["path"], f["rule"]) for f in findings] == [("content/posts/2027-09/harvest.md", "duplicate-id")]
    assert "content/posts/2026-09/harvest.md" in findings[0]["message"]


def test_media_must_exist_inside_content(school: School) -> None:
    school.write("content/media/relay.jpg", b"\xff\xd8\xff")
    school.write("outside.jpg", b"\xff\xd8\xff")
    media = ("\n  - file: media/relay.jpg\n    alt: A relay race"
             "\n  - file: media/Relay.JPG\n    alt: Missing"
             "\n  - file: ../outside.jpg\n    alt: Outside")
    school.post("photos", media=media)
    findings = json.loads(school.run("validate", "--format", "json").output)["findings"]
    assert [(f["rule"], f["line"], f["message"]) for f in findings] == [
        ("media-file", 8, "there is no file content/media/Relay.JPG"),
        ("media-file", 10, "'../outside.jpg' is outside content/"),
    ]


def test_unknown_event_suggests_the_nearest_id(school: School) -> None:
    school.write("calendar/events.yml", "events:\n  - id: sports-day-2027\n    title: Sports Day\n    start: 2027-06-01\n")
    school.post("reminder", event="sportsday-2027")
    finding = json.loads(school.run("validate", "--format", "json").output)["findings"][0]
    assert finding["rule"] == "unknown-reference" and finding["line"] == 5
    assert "did you mean 'sports-day-2027'?" in finding["fix"]


def test_a_past_post_warns_only_when_the_ledger_does_not_know_it(school: School) -> None:
    school.post("went-out", "Harvest Festival is on Friday 9 October.", status="approved", approved_by="Mrs Hart",
                publish_at="2026-10-05 08:30")
    school.post("never-sent", "Tickets for the Christmas Fair are on sale.", status="approved",
                approved_by="Mrs Hart", publish_at="2026-10-06 08:30")
    school.mark_published("went-out")
    report = json.loads(school.run("validate", "--format", "json", "--now", "2026-11-23T15:31").output)
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [
        ("content/posts/never-sent.md", "past-unpublished")]


def test_a_broken_ledger_is_a_finding_at_its_line(school: School) -> None:
    school.post("fine")
    school.mark_published("fine")
    school.write("ledger.jsonl", (school.root / "ledger.jsonl").read_text() + "not json\n")
    result = school.run("validate", "--format", "json")
    assert result.exit_code == 1
    finding = json.loads(result.output)["findings"][0]
    assert (finding["path"], finding["line"], finding["rule"]) == ("ledger.jsonl", 2, "file")


def test_a_check_that_fails_on_one_post_is_an_error_there_and_every_other_check_goes_on(school: School,
                                                                                         monkeypatch) -> None:
    """A fault in one of postplan's checks (here made to happen: a real one would be a bug) must not stop
    the run: the post it failed on gets an error, so it cannot be published unchecked, and every other
    check, on that post and the others, still reports."""
    from dataclasses import replace

    from postplan import check
    from postplan.rules import every_rule

    real = every_rule()["postal-address"].check

    def faulty(post, context):
        if "Mill Lane" in post.text:
            raise IndexError("string index out of range")
        return real(post, context)

    rules = [replace(rule, check=faulty) if rule.id == "postal-address" else rule for rule in check._one_post()]
    monkeypatch.setattr(check, "_one_post", lambda: rules)
    monkeypatch.delenv("POSTPLAN_DEBUG", raising=False)
    school.post("address", "Thank you to everyone who came to 12 Mill Lane, Tom Baker especially!")
    school.post("clean", "Our new library books have arrived.")
    school.post("phone", "Ring Mrs Hart on 07700 900123 about the trip.")

    result = school.run("validate", "--format", "json", "--now", NOW)

    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["findings"]
    failed = [f for f in findings if f["rule"] == "postal-address"]
    assert [(f["path"].rsplit("/", 1)[-1], f["severity"]) for f in failed] == [("address.md", "error")]
    assert "could not finish" in failed[0]["message"] and "IndexError" in failed[0]["message"]
    assert "Traceback" not in result.output
    by_post = {f["path"].rsplit("/", 1)[-1] for f in findings if f["rule"] in ("pupil-full-name", "phone-number")}
    assert by_post == {"address.md", "phone.md"}  # the other checks ran on the same post and on the others
