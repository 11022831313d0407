"""The staff guide's own example posts ("Twweeting as the School") pass with no error.

Each is written as a post of the example school, on the day the guide's situation puts it, linked to
the matching event. The blog-link example keeps its ``http://bit.ly`` link: that gives two warnings
(not https, a shortened link) and no error, because a leader can judge a link but must never miss a
child's name. ``@GreenClass`` is the school's own class account in the guide, so the test school lists
it among its approved mentions, as a school that used it would.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import School, post_text

NOW = "2026-09-01T08:00"
PHOTO = "media/2027/animal-visit-snaps.jpg"

# (file, front matter, text, the warnings it is expected to give: 16:30 and 15:45 are between posting slots)
EXAMPLES = [
    ("sports-day-confirmed", {"event": "sports-day-2027", "publish_at": "2027-04-20 08:30"},
     "Just confirmed our Sports Day as 1st June. Put the date in your diary - we'll see you there!", set()),
    ("ticket-slips-reminder", {"event": "cinderella-ticket-slips-2026", "publish_at": "2026-11-23 15:30"},
     "Don't forget to get your ticket slips back to us by Friday morning. If you need spares, get in touch!", set()),
    ("residential-payment-due", {"event": "y6-residential-payment-1", "publish_at": "2026-10-12 08:30"},
     "Quick reminder for Year 6 parents that the next £15 payment for the residential trip is due by Thursday.", set()),
    ("cinderella-highlights", {"event": "cinderella-matinee-2026", "publish_at": "2026-12-09 16:30"},
     "The first audience loved today's KS2 performance of Cinderella. Standing ovations all-round! Photos to follow...",
     {"between-slots"}),
    ("owens-animals-snaps", {"event": "animal-visit-2027", "publish_at": "2027-04-28 15:45",
                             "media": f'[{{file: {PHOTO}, alt: "Children holding a tortoise and a corn snake", '
                                      f"people: true, consent: confirmed}}]"},
     "Owen's Animals came in today for our children to hold some exotic animals. A few snaps here...", {"between-slots"}),
    ("green-class-blog", {"event": "animal-visit-2027", "publish_at": "2027-04-30 15:30"},
     "Earlier today @GreenClass blogged some of their animal fact books. Check it out at http://bit.ly/1zLd4JB",
     {"link-not-https", "link-shortener"}),
]


@pytest.fixture
def guide_school(example: School) -> School:
    settings = example.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('      - "@CornwallSchoolSport"\n',
                                     '      - "@CornwallSchoolSport"\n      - "@GreenClass"\n'), encoding="utf-8")
    from PIL import Image

    (example.root / "content" / PHOTO).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), "green").save(example.root / "content" / PHOTO)
    # The example school already has its own posts at these times; the guide's posts stand in for them
    # (two posts about one event at one minute would rightly be a same-event-same-time warning).
    shutil.rmtree(example.root / "content" / "posts")
    for name, fields, text, _ in EXAMPLES:
        front = {"status": "approved", "approved_by": "Mrs Hart", **fields}
        example.write(f"content/posts/guide/{name}.md", post_text(text, **front))
    return example


def test_every_example_post_in_the_staff_guide_passes_with_no_error(guide_school: School) -> None:
    result = guide_school.run("validate", "--format", "json", "--now", NOW)

    report = json.loads(result.output)
    assert result.exit_code == 0, result.output
    for name, _, _, warnings in EXAMPLES:
        found = [f for f in report["findings"] if f["path"] == f"content/posts/guide/{name}.md"]
        assert not [f for f in found if f["severity"] == "error"], found
        assert {f["rule"] for f in found} == warnings, found
