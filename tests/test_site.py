"""The calendar site: what the public and staff builds show, the build's exit codes, and its files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import School
from postplan.pipeline import check
from postplan.clock import now as pinned
from postplan.load import load_repository
from postplan.site.pages import render_pages

NOW = "2026-11-18T09:00"
PAYLOAD = ('Tickets on sale <script>window.__pwned = "script"</script> '
           '<img src=x onerror="window.__pwned = \'img\'"> [click me](javascript:window.__pwned=\'link\') '
           '<a href="javascript:window.__pwned=\'a\'">here</a> <b>bold?</b> #Cinderella')
TRIP = """events:
  - id: zoo-trip
    title: Year 2 zoo trip
    kind: trip
    start: 2026-11-20
    location: Newquay Zoo
  - id: governors
    title: Governors meeting
    start: "2026-11-19 18:00"
    public: false
"""


def rendered(school: School, staff: bool, published: dict | None = None) -> dict[str, str]:
    loaded = load_repository(school.root)
    moment = pinned(NOW)
    return render_pages(loaded.repository, check(loaded, moment), moment, staff,
                        published=published or {})


def everything(pages: dict[str, str]) -> str:
    return "\n".join(pages.values())


def published_school(school: School) -> School:
    """A school with a post in each state; only `sent` is in the ledger."""
    school.post("sent", "Our Year 5 netball team played brilliantly today.", status="approved", approved_by="Mrs Hart",
                publish_at="2026-11-16 15:30")
    school.post("waiting", "Odd Socks Day is on Monday: wear your brightest socks!", status="approved",
                approved_by="Mrs Hart", publish_at="2026-11-20 08:30")
    school.post("idea", "A draft about the Christmas fair raffle prizes.", status="draft", publish_at="2026-11-21 08:30")
    school.post("ready", "A proposed post about the school choir concert.", status="proposed",
                publish_at="2026-11-22 08:30")
    school.mark_published("sent", "https://x.com/TregarrowCP/status/1")
    return school


def test_the_public_pages_show_only_published_posts_without_authors(school: School) -> None:
    published_school(school)
    public = everything(rendered(school, staff=False, published={"sent": {}}))
    assert "Year 5 netball team" in public
    for hidden in ("Odd Socks Day is on Monday", "Christmas fair raffle", "school choir concert",
                   "Office (J. Pengelly)", "pp-findings"):
        assert hidden not in public, hidden


def test_the_staff_pages_show_every_post_with_its_state_and_author(school: School) -> None:
    published_school(school)
    pages = rendered(school, staff=True, published={"sent": {}})
    month = pages["calendar/2026-11.md"]
    for text in ("Year 5 netball team", "Odd Socks Day is on Monday", "Christmas fair raffle", "school choir concert",
                 "Office (J. Pengelly)"):
        assert text in month, text
    board = pages["status.md"]
    for state, post in (("published", "sent"), ("approved", "waiting"), ("draft", "idea"), ("proposed", "ready")):
        section = board.split(f'<h2 id="{state}">')[1].split("<h2")[0]
        assert f"#post-{post}" in section, (state, post)


def test_show_approved_posts_lets_a_school_show_approved_posts_before_they_go_out(school: School) -> None:
    published_school(school)
    settings = (school.root / "mkdocs.yml").read_text(encoding="utf-8")
    (school.root / "mkdocs.yml").write_text(settings.replace("show_approved_posts: false", "show_approved_posts: true"),
                                            encoding="utf-8")
    public = everything(rendered(school, staff=False, published={"sent": {}}))
    assert "Odd Socks Day is on Monday" in public
    assert "Christmas fair raffle" not in public and "school choir concert" not in public


def test_an_approved_post_past_its_grace_time_is_missed_on_the_status_board(school: School) -> None:
    school.post("late", "Harvest Festival is this afternoon at 2pm.", status="approved", approved_by="Mrs Hart",
                publish_at="2026-11-17 08:30")
    board = rendered(school, staff=True)["status.md"]
    missed = board.split('<h2 id="missed">')[1].split("<h2")[0]
    assert "#post-late" in missed


def test_a_trust_sized_status_board_is_split_by_month_and_keeps_missed_posts_in_front(school: School) -> None:
    from postplan.site.status import ONE_PAGE

    months = ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]
    for number in range(ONE_PAGE + 60):
        month = months[number % len(months)]
        school.post(f"p{number}", f"Notice number {number} for families.", publish_at=f"{month}-{10 + number % 9} 15:30")
    school.post("late", "Harvest Festival is this afternoon at 2pm.", status="approved", approved_by="Mrs Hart",
                publish_at="2026-09-17 08:30")
    pages = rendered(school, staff=True)
    board = pages["status.md"]
    assert "#post-late" in board.split('<h2 id="missed">')[1].split("<h2")[0]  # missed, though months ago
    assert "Notice number 2 for" in board and "Notice number 0 for" not in board  # November's, not September's
    assert [f"status/{month}.md" for month in months] == sorted(p for p in pages if p.startswith("status/"))
    september = pages["status/2026-09.md"]
    assert "Notice number 0 for" in september and "Back to the status board" in september
    every_month = sum(pages[f"status/{month}.md"].count("<tr>") for month in months)
    assert every_month > ONE_PAGE + 61 and board.count("<tr>") < every_month * 0.6  # each post once, in its month


def test_a_published_post_with_an_error_is_left_out_of_the_public_site(school: School) -> None:
    school.post("sent", "Well done to our netball team!", status="approved", approved_by="Mr Nobody",
                publish_at="2026-11-16 15:30")
    assert "netball team" not in everything(rendered(school, staff=False, published={"sent": {}}))
    staff = rendered(school, staff=True, published={"sent": {}})
    assert "netball team" in staff["calendar/2026-11.md"]
    assert "is not one of the leaders" in staff["calendar/2026-11.md"]


def test_trip_locations_and_private_events_stay_off_the_public_site(school: School) -> None:
    school.write("calendar/events.yml", TRIP)
    public = everything(rendered(school, staff=False))
    assert "Year 2 zoo trip" in public
    assert "Newquay Zoo" not in public and "Governors meeting" not in public
    staff = everything(rendered(school, staff=True))
    assert "Newquay Zoo" in staff and "Governors meeting" in staff


def test_post_text_is_escaped_never_markup(school: School) -> None:
    school.post("payload", PAYLOAD, status="approved", approved_by="Mrs Hart", publish_at="2026-11-16 15:30")
    month = rendered(school, staff=False, published={"payload": {}})["calendar/2026-11.md"]
    assert "&lt;script&gt;window.__pwned" in month
    assert "<script" not in month and "<img src=x" not in month and "<b>" not in month
    assert not re.search(r"""href=["']?\s*javascript""", month, re.IGNORECASE)
    assert '<span class="pp-hashtag">#Cinderella</span>' in month


def test_links_mentions_and_hashtags_are_marked_up_in_the_preview(school: School) -> None:
    text = "Thank you @KernowLibraries! Details: www.tregarrow.example.org/library #Reading"
    school.post("links", text, status="approved", approved_by="Mrs Hart", publish_at="2026-11-16 15:30")
    month = rendered(school, staff=True)["calendar/2026-11.md"]
    assert '<a class="pp-link" href="https://www.tregarrow.example.org/library"' in month
    assert '<span class="pp-mention">@KernowLibraries</span>' in month
    assert '<span class="pp-hashtag">#Reading</span>' in month
    assert f"{len(text) - len('www.tregarrow.example.org/library') + 23} of 280 characters" in month  # a link counts 23


def test_there_is_a_page_per_month_never_a_page_per_post(school: School) -> None:
    for day in range(1, 29):
        school.post(f"post-{day}", f"News for day {day}.", status="draft", publish_at=f"2026-11-{day:02d} 08:30")
    pages = rendered(school, staff=True)
    assert [p for p in pages if p.startswith("calendar/2026")] == ["calendar/2026-11.md"]
    assert pages["calendar/2026-11.md"].count('<article class="pp-post') == 28


def test_rendering_is_a_pure_function_of_its_inputs(example: School) -> None:
    assert rendered(example, staff=True) == rendered(example, staff=True)


# --- the command ---------------------------------------------------------------------------------


def test_build_writes_the_public_site_and_a_feed_real_calendars_can_read(example: School) -> None:
    result = example.run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    site = example.root / "site"
    assert (site / "index.html").is_file()
    for page in ("calendar/2026-11", "calendar/this-week", "calendar/upcoming", "campaigns/abw-2026", "subscribe"):
        assert (site / page / "index.html").is_file(), page
    assert not (site / "status").exists()
    feeds = list((site / "feeds").glob("*.ics"))
    assert feeds
    calendar = Calendar.from_ical(feeds[0].read_bytes())
    assert not calendar.errors and calendar.walk("VEVENT")
    html = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Office (J. Pengelly)" not in html and "Staff preview" not in html


def test_a_staff_build_goes_to_its_own_folder_and_shows_findings(example: School) -> None:
    result = example.run("build", "--staff", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert not (example.root / "site").exists()
    staff = example.root / "site-staff"
    assert "Staff preview" in (staff / "index.html").read_text(encoding="utf-8")
    assert "No problems found" in (staff / "status" / "index.html").read_text(encoding="utf-8")


def test_build_exits_1_with_errors_but_still_builds_and_leaves_the_post_out(example: School) -> None:
    example.post("2026-11/unapproved", "Well done to our netball team!", status="approved",
                 approved_by="Mr Nobody", publish_at="2026-11-16 15:30")
    example.mark_published("unapproved")
    result = example.run("build", "--now", NOW)
    assert result.exit_code == 1
    assert "posts with errors are left out of the site" in result.output
    assert "netball team!" not in (example.root / "site/calendar/2026-11/index.html").read_text(encoding="utf-8")


def test_build_exits_2_for_a_settings_problem_and_builds_nothing(school: School) -> None:
    (school.root / "mkdocs.yml").write_text("site_name: x\nextra:\n  postplan:\n    school: X\n", encoding="utf-8")
    result = school.run("build")
    assert result.exit_code == 2
    assert "mkdocs.yml" in result.output and "Traceback" not in result.output
    assert not (school.root / "site").exists()


def test_a_school_without_its_own_pages_still_gets_a_home_page(school: School) -> None:
    school.post("sent", "Our Year 5 netball team played brilliantly today.", status="approved",
                approved_by="Mrs Hart", publish_at="2026-11-16 15:30")
    result = school.run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "The year at a glance" in (school.root / "site/index.html").read_text(encoding="utf-8")


def test_images_are_copied_without_their_location(example: School) -> None:
    from PIL import Image

    photo = example.root / "content/media/2026/odd-socks.jpg"
    with Image.open(photo) as image:
        exif = image.getexif()
        exif[0x8825] = {1: "N", 2: (50.0, 20.0, 0.0)}  # GPS
        image.save(photo, exif=exif)
    result = example.run("build", "--staff", "--now", NOW)
    assert result.exit_code == 1, result.output  # the media-location rule refuses the photo itself
    with Image.open(example.root / "site-staff/media/2026/odd-socks.jpg") as copy:
        assert not copy.getexif()


def test_the_search_index_holds_post_text_as_text(example: School) -> None:
    example.post("2026-11/payload", PAYLOAD, status="proposed", publish_at="2026-11-16 15:30")
    example.run("build", "--staff", "--now", NOW)
    index = (example.root / "site-staff/search/search_index.json").read_text(encoding="utf-8")
    assert "__pwned" in index
    assert "<script" not in index and "onerror=\"" not in index


def test_the_search_index_holds_each_post_and_event_once_not_every_page(example: School) -> None:
    example.post("2026-11/rounders", "Rounders final against Heptonstall: what a game!", publish_at="2026-11-17 15:30")
    example.run("build", "--staff", "--now", NOW)
    index = json.loads((example.root / "site-staff/search/search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert "calendar/2026-11/" in pages and "guides/writing-posts/" in pages
    assert not pages & {"", "status/", "calendar/this-week/", "calendar/upcoming/", "calendar/"}
    holding = [entry["location"] for entry in index["docs"] if "Heptonstall" in entry["text"]]
    assert holding and all(location.startswith("calendar/2026-11/") for location in holding)


def test_each_post_and_event_is_found_once_by_search_at_its_own_place_on_its_month_page(example: School) -> None:
    example.post("2026-11/rounders", "Rounders final against Heptonstall: what a game!", publish_at="2026-11-17 15:30")
    example.run("build", "--staff", "--now", NOW)
    site = example.root / "site-staff"
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    [entry] = [entry for entry in docs if "Heptonstall" in entry["text"]]
    page, anchor = entry["location"].split("#")
    assert f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8")
    assert entry["title"].startswith("15:30 · ") and "Written by" in entry["text"]  # staff see who wrote it
    events = [entry for entry in docs if "#day-" in entry["location"]]
    assert events and len({entry["location"] for entry in docs}) == len(docs)  # search shows one result a place
    for event in events:
        page, anchor = event["location"].split("#")
        assert f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8"), event
    example.run("build", "--now", NOW)
    public = (example.root / "site/search/search_index.json").read_text(encoding="utf-8")
    assert "Written by" not in public and "content/posts/" not in public  # staff details stay in the staff build


def test_build_exits_2_when_mkdocs_cannot_use_the_site_settings(example: School) -> None:
    settings = example.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("name: material", "name: no-such-theme"),
                        encoding="utf-8")
    result = example.run("build", "--now", NOW)
    assert result.exit_code == 2
    assert "mkdocs.yml: MkDocs could not build the site" in result.output


@pytest.mark.parametrize("search", [True, False])
def test_every_page_is_written_whole_with_one_heading_whether_or_not_search_reads_it(example: School,
                                                                                      search: bool) -> None:
    """MkDocs holds a stand-in for each finished page its search does not read, and the page's HTML takes
    its place only as the page is written: nothing of the stand-in may reach a page, nor the theme's own
    heading."""
    if not search:
        settings = example.root / "mkdocs.yml"
        settings.write_text(settings.read_text(encoding="utf-8") + "plugins: []\n", encoding="utf-8")
    result = example.run("build", "--staff", "--now", NOW)
    assert result.exit_code == 0, result.output
    staff = example.root / "site-staff"
    assert (staff / "search" / "search_index.json").is_file() == search
    pages = {path: path.read_text(encoding="utf-8") for path in staff.rglob("*.html")}
    assert not [path for path, html in pages.items() if "postplan:page:" in html]
    month = pages[staff / "calendar" / "2026-11" / "index.html"]
    assert len(re.findall(r"<h1\b", month)) == 1 and "Staff preview" in month
    body = rendered(example, staff=True)["calendar/2026-11.md"]
    first_post = re.search(r'<article[^>]*id="(post-[^"]+)"', body)
    assert first_post is not None and f'id="{first_post[1]}"' in month
    for page in ("status", "calendar/this-week", "calendar/upcoming", "campaigns/abw-2026", "index"):
        html = pages[staff / page / "index.html"] if page != "index" else pages[staff / "index.html"]
        assert len(re.findall(r"<h1\b", html)) == 1, page
