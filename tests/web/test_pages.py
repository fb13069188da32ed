"""The pages of `timeline.web.pages` through Datasette's test client, on a real timeline.db built
from a real archive: timelines, the engagement record, charts, and what they refuse."""

from __future__ import annotations

import copy
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from events import EngagementFacts
from tests.helpers import DatasetteClient
from timeline.projection.build import build
from timeline.store.application import Archive
from timeline.web.pages import drawing
from timeline.web.pages import timeline as pages

ROOT = Path(__file__).resolve().parents[2]
METADATA = json.loads((ROOT / "datasette_metadata.json").read_text())
SVG = "{http://www.w3.org/2000/svg}"

SOURCE = {
    "document": "wire-1",
    "publisher": "Test Wire",
    "url": "https://example.org/news/1",
    "published": "2025-09-06",
    "language": "vi",
    "quote": "Ngày 5/9, tại Washington D.C.",
    "start": 0,
    "end": 29,
}
EVIL = "<script>alert('x')</script> Dialogue"


def record(slug: str, **fields: Any) -> EngagementFacts:
    return EngagementFacts.model_validate({"slug": slug, "sources": [SOURCE], **fields})


# Every precision, a visit with its sessions, a dialogue series of three sessions, four
# counterparts for Vietnam, a title with a script in it, and a duplicate merged away.
RECORDS = [
    record(
        "vn-us-dialogue-1",
        kind="dialogue",
        title="1st Vietnam–US Security Dialogue",
        date="2024-07",
        place={"city": "Hanoi", "country": "VN"},
        host="VN",
        guests=["US"],
        series="vn-us-dialogue",
        session=1,
        topics=["cybercrime"],
    ),
    record(
        "vn-us-visit-2025",
        kind="visit",
        title="MPS delegation visits the United States",
        date="2025-09-04/2025-09-05",
        place={"country": "US"},
        host="US",
        guests=["VN"],
    ),
    record(
        "vn-us-dialogue-2",
        kind="dialogue",
        title="2nd Vietnam–US Security Dialogue",
        title_vi="Đối thoại An ninh Việt Nam-Mỹ lần thứ hai",
        summary="Co-chaired by the deputy minister.",
        date={"start": "2025-09-05", "precision": "day", "phrase": "Ngày 5/9"},
        place={"city": "Washington, D.C.", "country": "US"},
        host="US",
        guests=["VN"],
        series="vn-us-dialogue",
        session=2,
        part_of="vn-us-visit-2025",
        participants=[
            {
                "name": "Lương Tam Quang",
                "rank": "Senior Lieutenant General",
                "title": "Deputy Minister of Public Security",
                "organisation": "MPS",
                "country": "VN",
                "role": "co_chair",
            },
            {"name": "Chris Landberg", "country": "US", "role": "co_chair"},
        ],
        organisations=[
            {
                "name": "Ministry of Public Security",
                "abbreviation": "MPS",
                "country": "VN",
                "name_local": "Bộ Công an",
            }
        ],
        topics=["money_laundering", "cybercrime"],
        evidence=[
            {
                "field": "date",
                "document": "wire-1",
                "quote": "Ngày 5/9",
                "start": 0,
                "end": 8,
                "inferred": True,
                "note": "The year comes from the publication date.",
            },
            {
                "field": "participants[1].role",
                "document": "wire-1",
                "quote": "Ngày 5/9",
                "start": 0,
                "end": 8,
                "inferred": True,
                "note": "The article does not say who co-chaired for the US.",
            },
        ],
    ),
    record(
        "vn-us-fbi-meeting-2025",
        kind="meeting",
        title="Working session with the FBI",
        date="2025-09-04",
        host="US",
        guests=["VN"],
        part_of="vn-us-visit-2025",
        topics=["cybercrime"],
    ),
    record(
        "vn-us-dialogue-3",
        kind="dialogue",
        title=EVIL,
        date="2026",
        host="VN",
        guests=["US"],
        series="vn-us-dialogue",
        session=3,
    ),
    record(
        "vn-au-dialogue-3",
        kind="dialogue",
        title="3rd Vietnam–Australia Security Dialogue",
        date="2023-02-22",
        host="AU",
        guests=["VN"],
        topics=["counter_terrorism"],
    ),
    record(
        "vn-au-embassy-2023",
        kind="embassy_visit",
        title="Visit to the Embassy of Vietnam in Canberra",
        date="2023-02",
        place={"city": "Canberra", "country": "AU"},
        guests=["VN"],
    ),
    record("vn-jp-meeting-2024", kind="meeting", title="Vietnam–Japan meeting", date="2024-03-01",
           host="JP", guests=["VN"]),
    record("vn-kr-meeting-2024", kind="meeting", title="Vietnam–Korea meeting", date="2024-05-02",
           host="KR", guests=["VN"]),
    record("vn-us-dialogue-2-dup", kind="dialogue", title="Second Vietnam–US dialogue (duplicate)",
           date="2025-09-05", host="US", guests=["VN"]),
]  # fmt: skip
VN_SLUGS = {r.slug for r in RECORDS} - {"vn-us-dialogue-2-dup"}


class Client(DatasetteClient):
    """Datasette's test client on the pages' metadata."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, metadata=copy.deepcopy(METADATA))

    def get(self, path: str, status: int = 200, **params: str) -> httpx.Response:
        response = self.run(self.ds.client.get(path, params=params or None))
        assert response.status_code == status, (path, params, response.text[-800:])
        return response


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("pages") / "archive")
    archive.append(RECORDS)
    archive.correct(
        "vn-us-dialogue-2", {"summary": "Co-chaired by Lương Tam Quang."}, "Name the co-chair"
    )
    duplicate = archive.get("vn-us-dialogue-2-dup")
    duplicate.retract("The same dialogue as vn-us-dialogue-2", merged_into="vn-us-dialogue-2")
    archive.save(duplicate)
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    c = Client(archive.projection_path)
    yield c
    c.close()


def svg(page: str, element_id: str = "timeline-svg") -> ET.Element:
    """The page's SVG figure, parsed as XML: the template writes well-formed SVG."""
    found = re.search(rf'<svg[^>]*id="{element_id}".*?</svg>', page, re.S)
    assert found, f"no svg #{element_id} in the page"
    return ET.fromstring(found.group(0))


def marks(figure: ET.Element) -> dict[str, ET.Element]:
    return {a.get("data-slug"): a for a in figure.iter(f"{SVG}a") if a.get("data-slug")}


def lane_labels(figure: ET.Element) -> list[str]:
    return [
        "".join(t.itertext())
        for t in figure.iter(f"{SVG}text")
        if t.get("class") == "tl-lane-label"
    ]


# Timelines


def test_index_lists_the_countries_with_engagements(client: Client) -> None:
    page = client.get("/-/timeline").text
    for code in ("VN", "US", "AU", "JP", "KR"):
        assert f'href="/-/timeline/{code}"' in page
    assert 'href="/-/timeline/FR"' not in page
    assert "Việt Nam" in page


def test_country_timeline_draws_every_engagement_in_lanes_by_counterpart(client: Client) -> None:
    page = client.get("/-/timeline/VN", **{"from": "2023", "to": "2026"}).text
    figure = svg(page)
    drawn = marks(figure)
    # The merged duplicate is retracted: not on the timeline.
    assert set(drawn) == VN_SLUGS
    assert lane_labels(figure) == ["United States", "Australia", "Japan", "South Korea"]
    for slug, a in drawn.items():
        assert a.get("href") == f"/-/engagement/{slug}"
    assert drawn["vn-us-fbi-meeting-2025"].get("data-kind") == "meeting"
    # A lane's name opens the pair; the legend names every kind in both languages.
    assert 'href="/-/timeline/VN/US?from=2023&amp;to=2026"' in page
    assert "Embassy visit" in page and "Thăm cơ quan đại diện" in page


def test_precisions_are_drawn_as_what_they_are(client: Client) -> None:
    figure = svg(client.get("/-/timeline/VN", **{"from": "2023", "to": "2026"}).text)
    drawn = marks(figure)
    precision = {slug: a.get("data-precision") for slug, a in drawn.items()}
    assert precision["vn-us-dialogue-2"] == "day"
    assert precision["vn-us-visit-2025"] == "range"
    assert precision["vn-us-dialogue-1"] == "month"
    assert precision["vn-us-dialogue-3"] == "year"

    def rect(slug: str) -> ET.Element:
        return drawn[slug].find(f"{SVG}rect")

    # A day is a point: a shape and no bar. A range is a bar, a month or year a faded band.
    assert rect("vn-us-dialogue-2") is None
    assert rect("vn-us-visit-2025").get("class") == "tl-bar"
    assert rect("vn-us-dialogue-1").get("class") == "tl-band"
    assert rect("vn-us-dialogue-3").get("class") == "tl-band"
    # Four years on 834 px: July 2024 is about 31 days wide, 2026 about 365.
    july, year = (
        float(rect("vn-us-dialogue-1").get("width")),
        float(rect("vn-us-dialogue-3").get("width")),
    )
    assert year / july == pytest.approx(365 / 31, rel=0.02)
    # The two-day visit starts where 4 Sep starts, as the meeting on 4 Sep does.
    visit_x = float(rect("vn-us-visit-2025").get("x"))
    window = drawing.Window(date(2023, 1, 1), date(2026, 12, 31))
    assert visit_x == pytest.approx(window.x(date(2025, 9, 4)), abs=0.1)


def test_a_window_of_years_or_months(client: Client) -> None:
    figure = svg(client.get("/-/timeline/VN", **{"from": "2025", "to": "2025"}).text)
    assert set(marks(figure)) == {"vn-us-visit-2025", "vn-us-dialogue-2", "vn-us-fbi-meeting-2025"}
    page = client.get("/-/timeline/VN", **{"from": "2025-09", "to": "2025-09"}).text
    figure = svg(page)
    assert len(marks(figure)) == 3
    # A month's window has day ticks.
    ticks = [
        "".join(t.itertext())
        for t in figure.iter(f"{SVG}text")
        if "tl-tick" in (t.get("class") or "")
    ]
    assert ticks[:3] == ["1", "2", "3"] and len(ticks) == 30
    assert "← earlier" in page


def test_an_empty_window_says_so(client: Client) -> None:
    page = client.get("/-/timeline/VN", **{"from": "2030", "to": "2031"}).text
    assert "No engagements in 2030 – 2031" in page
    assert marks(svg(page)) == {}


def test_the_default_window_is_the_latest_years(client: Client) -> None:
    page = client.get("/-/timeline/VN").text
    assert "2023 – 2026" in page
    assert set(marks(svg(page))) == VN_SLUGS


def test_lanes_are_capped_with_others(client: Client) -> None:
    figure = svg(client.get("/-/timeline/VN", lanes="2", **{"from": "2023", "to": "2026"}).text)
    assert lane_labels(figure) == ["United States", "Others"]
    counts = [t.text for t in figure.iter(f"{SVG}text") if t.get("class") == "tl-lane-count"]
    assert counts == ["5", "4"]
    assert set(marks(figure)) == VN_SLUGS


def test_pair_timeline_has_a_lane_per_kind(client: Client) -> None:
    page = client.get("/-/timeline/VN/US", **{"from": "2024", "to": "2026"}).text
    figure = svg(page)
    assert set(marks(figure)) == {
        "vn-us-dialogue-1", "vn-us-visit-2025", "vn-us-dialogue-2",
        "vn-us-fbi-meeting-2025", "vn-us-dialogue-3",
    }  # fmt: skip
    # Busiest first, ties by key.
    assert lane_labels(figure) == ["Dialogue", "Meeting", "Delegation visit"]
    assert "Vietnam – United States" in page


def test_too_many_to_draw_are_counted_per_month(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "MAX_MARKS", 3)
    page = client.get("/-/timeline/VN", **{"from": "2023", "to": "2026"}).text
    figure = svg(page)
    assert marks(figure) == {}
    cells = [a for a in figure.iter(f"{SVG}a") if a.get("class") == "tl-cell"]
    by_url = {
        a.get("href"): int(a.find(f"{SVG}text").text)
        for a in cells
        if a.find(f"{SVG}text") is not None
    }
    titles = ["".join(a.find(f"{SVG}title").itertext()) for a in cells]
    # September 2025 with the United States: the visit, the dialogue and the FBI meeting.
    assert "United States: 3 engagements, 2025-09-01 to 2025-09-30" in titles
    assert sum(int(t.split(": ")[1].split()[0]) for t in titles) == len(VN_SLUGS)
    assert all(url.startswith("/-/timeline/VN") for url in by_url)
    assert "Too many engagements in this window" in page


def test_a_title_with_a_script_is_text(client: Client) -> None:
    for path in ("/-/timeline/VN", "/-/timeline/VN/US", "/-/engagement/vn-us-dialogue-3"):
        page = client.get(path, **({"from": "2026"} if "timeline" in path else {})).text
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Dialogue" in page


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("/-/timeline/XX", {}, 400, "unknown country &#39;XX&#39;: expected an ISO code"),
        ("/-/timeline/Vietnm", {}, 400, "did you mean VN (Vietnam / Việt Nam)?"),
        ("/-/timeline/VN/XX", {}, 400, "unknown country &#39;XX&#39;"),
        ("/-/timeline/VN/Hoa%20Kyy", {}, 400, "did you mean US (United States / Hoa Kỳ)?"),
        ("/-/timeline/%20", {}, 400, "no country given"),
        ("/-/timeline/VN/vn", {}, 404, "A pair needs two countries, not VN twice"),
        ("/-/timeline/VN", {"from": "last year"}, 400, "from: &#39;last year&#39; is not a year"),
        ("/-/timeline/VN", {"to": "2025-13"}, 400, "to: &#39;2025-13&#39; is not a year"),
        ("/-/timeline/VN", {"from": "2025", "to": "2024"}, 400, "must start before it ends"),
        ("/-/timeline/VN", {"lanes": "0"}, 400, "lanes: &#39;0&#39; is not a number from 1"),
        ("/-/engagement/no-such-thing", {}, 404, "No engagement is recorded with the slug"),
        ("/-/engagement/Not-A-Slug", {}, 404, "slug &#39;Not-A-Slug&#39;"),
        ("/-/charts/XX", {}, 400, "unknown country &#39;XX&#39;"),
        ("/-/charts/Atlantis/VN", {}, 400, "unknown country &#39;Atlantis&#39;"),
    ],
)
def test_bad_requests_say_what_is_wrong(
    client: Client, path: str, params: dict[str, str], status: int, message: str
) -> None:
    page = client.get(path, status=status, **params).text
    assert message in page


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/-/timeline/Vietnam", "/-/timeline/VN"),
        ("/-/timeline/Vi%E1%BB%87t%20Nam", "/-/timeline/VN"),
        ("/-/timeline/Viet%20Nam", "/-/timeline/VN"),
        ("/-/timeline/VNM/M%E1%BB%B9", "/-/timeline/VN/US"),
        ("/-/timeline/VN/Hoa%20K%E1%BB%B3", "/-/timeline/VN/US"),
        ("/-/timeline/VN/united%20states", "/-/timeline/VN/US"),
        ("/-/charts/Australia", "/-/charts/AU"),
        ("/-/charts/%C3%9Ac/vn", "/-/charts/AU/VN"),
    ],
)
def test_a_page_asked_for_by_a_countrys_name_moves_to_its_code(
    client: Client, path: str, target: str
) -> None:
    response = client.get(path, status=302, **{"from": "2024"})
    assert response.headers["location"] == f"{target}?from=2024"
    client.get(target, **{"from": "2024"})


def test_a_page_asked_for_by_a_code_in_any_case_is_served_there(client: Client) -> None:
    assert "Vietnam" in client.get("/-/timeline/vn", **{"from": "2024"}).text
    assert "Vietnam" in client.get("/-/charts/vn/us").text


def test_a_country_without_engagements(client: Client) -> None:
    page = client.get("/-/timeline/FR").text
    assert "No engagements are recorded for France yet" in page
    assert "<svg" not in page.split("</header>")[1]


# The engagement record


def test_engagement_page_reads_like_an_archive_record(client: Client) -> None:
    page = client.get("/-/engagement/vn-us-dialogue-2").text
    # Facts: kind in both languages, date at its precision with its phrase, marked inferred.
    assert 'Dialogue <span lang="vi">Đối thoại</span>' in page
    assert "<strong>5 Sep 2025</strong>" in page and '<q lang="vi">Ngày 5/9</q>' in page
    assert 'class="tl-inferred" href="#evidence"' in page
    assert "Washington, D.C." in page and "Hoa Kỳ" in page
    assert "vn-us-dialogue</a>, session 2" in page
    # Participants with rank and title at the time, organisations, topics in both languages.
    assert "Senior Lieutenant General, Deputy Minister of Public Security" in page
    assert "Ministry of Public Security (MPS)" in page and "Bộ Công an" in page
    people = page.split("<h2>Participants</h2>")[1].split("</table>")[0]
    quang, landberg = people.split("Lương Tam Quang")[1].split("Chris Landberg")
    assert "tl-inferred" not in quang and 'class="tl-inferred" href="#evidence"' in landberg
    assert 'Money laundering <span lang="vi">Rửa tiền</span>' in page
    # The source, quoted and linked; evidence marked inferred with its note.
    assert '<blockquote lang="vi">Ngày 5/9, tại Washington D.C.</blockquote>' in page
    assert 'href="https://example.org/news/1" rel="nofollow noopener noreferrer"' in page
    assert "The year comes from the publication date." in page
    # The history: recorded, then corrected with its reason.
    history = page.split('id="history"')[1]
    assert "Recorded" in history and "Corrected" in history and "Name the co-chair" in history
    # Relations: the parent visit and its other session; the series before and after.
    assert 'href="/-/engagement/vn-us-visit-2025">MPS delegation visits' in page
    assert 'href="/-/engagement/vn-us-fbi-meeting-2025"' in page
    series = page.split("The vn-us-dialogue series")[1]
    assert series.index("vn-us-dialogue-1") < series.index("(this record)")
    assert series.index("(this record)") < series.index("vn-us-dialogue-3")


def test_a_visit_lists_its_sessions(client: Client) -> None:
    page = client.get("/-/engagement/vn-us-visit-2025").text
    assert "Sessions during this delegation visit" in page
    assert 'href="/-/engagement/vn-us-dialogue-2"' in page
    assert 'href="/-/engagement/vn-us-fbi-meeting-2025"' in page
    assert "4–5 Sep 2025" in page


def test_a_merged_record_shows_its_retraction_and_the_survivor(client: Client) -> None:
    page = client.get("/-/engagement/vn-us-dialogue-2-dup").text
    assert "Retracted" in page and "The same dialogue as vn-us-dialogue-2" in page
    assert '<a href="/-/engagement/vn-us-dialogue-2">2nd Vietnam–US Security Dialogue</a>' in page
    assert "Second Vietnam–US dialogue (duplicate)" in page
    assert "Retracted</td>" in page  # the event in the history table


def test_slugs_link_to_the_record_everywhere(client: Client) -> None:
    row = client.get("/timeline/engagements/vn-us-dialogue-2").text
    assert 'href="/-/engagement/vn-us-dialogue-2"><strong>Read this engagement' in row
    query = client.get("/timeline/country_timeline", country="VN").text
    assert '<a href="/-/engagement/vn-us-dialogue-2">vn-us-dialogue-2</a>' in query
    database = client.get("/timeline").text
    assert '<a href="/-/timeline">Timelines by country</a>' in database
    countries = client.get("/timeline/countries", code="VN").text
    assert '<a href="/-/timeline/VN" class="tl-cell-link">Vietnam</a>' in countries


def test_the_stylesheet_ships_with_the_package(client: Client) -> None:
    page = client.get("/-/timeline/VN").text
    assert '<link rel="stylesheet" href="/-/timeline-static/pages.css">' in page
    css = client.get("/-/timeline-static/pages.css")
    assert ".tl-svg" in css.text and "http" not in css.text


# Charts


def test_charts_count_engagements_per_year_per_counterpart(client: Client) -> None:
    page = client.get("/-/charts/VN").text
    bars = svg(page, "per-year-svg")
    counts = {
        (r.get("data-year"), r.get("data-series")): int(r.get("data-count"))
        for r in bars.iter(f"{SVG}rect")
    }
    assert counts == {
        ("2023", "AU"): 2, ("2024", "US"): 1, ("2024", "JP"): 1, ("2024", "KR"): 1,
        ("2025", "US"): 3, ("2026", "US"): 1,
    }  # fmt: skip
    heat = svg(page, "topics-svg")
    topics = {
        (r.get("data-topic"), r.get("data-year")): int(r.get("data-count"))
        for r in heat.iter(f"{SVG}rect")
    }
    assert topics == {
        ("cybercrime", "2024"): 1, ("cybercrime", "2025"): 2,
        ("money_laundering", "2025"): 1, ("counter_terrorism", "2023"): 1,
    }  # fmt: skip
    assert "Rửa tiền" in page  # topics in Vietnamese too


def test_pair_charts_are_by_kind(client: Client) -> None:
    bars = svg(client.get("/-/charts/VN/US").text, "per-year-svg")
    series = {r.get("data-series") for r in bars.iter(f"{SVG}rect")}
    assert series == {"dialogue", "visit", "meeting"}


# Drawing, without a database


def test_overlapping_marks_get_rows_of_their_own() -> None:
    window = drawing.Window(date(2025, 9, 1), date(2025, 9, 30))
    items = [
        drawing.Item("US", date(2025, 9, 4), date(2025, 9, 5), "range", "visit", f"v{i}", "t", "l")
        for i in range(3)
    ] + [drawing.Item("US", date(2025, 9, 20), date(2025, 9, 20), "day", "meeting", "m", "t", "l")]
    (lane,) = drawing.layout_marks(items, window, limit=5)
    ys = sorted({round(m.y, 1) for m in lane.marks if m.precision == "range"})
    assert len(ys) == 3  # three overlapping bars, three rows
    day = next(m for m in lane.marks if m.precision == "day")
    assert round(day.y - 4, 1) == ys[0]  # the meeting fits in the first row (bars are 8 high)
    assert lane.height == 3 * drawing.ROW + 2 * drawing.LANE_PAD


def test_rows_are_capped() -> None:
    window = drawing.Window(date(2025, 1, 1), date(2025, 12, 31))
    items = [
        drawing.Item("US", date(2025, 5, 5), date(2025, 5, 5), "day", "meeting", f"m{i}", "t", "l")
        for i in range(50)
    ]
    (lane,) = drawing.layout_marks(items, window, limit=5)
    assert len(lane.marks) == 50
    assert lane.height == drawing.MAX_ROWS * drawing.ROW + 2 * drawing.LANE_PAD


def test_stacked_bars_and_their_scale() -> None:
    chart = drawing.stacked_bars({("2020", "US"): 7, ("2022", "US"): 2, ("2022", "AU"): 3})
    assert [t.label for t in chart.years] == ["2020", "2021", "2022"]
    assert [v for _, v in chart.grid] == [0, 2, 4, 6, 8]
    tallest = sum(b.h for b in chart.bars if b.year == "2020")
    assert sum(b.h for b in chart.bars if b.year == "2022") == pytest.approx(tallest * 5 / 7)
    assert drawing.nice_step(7) == 2 and drawing.nice_step(230) == 50


def test_bins_and_window_bounds() -> None:
    # First and last days, inclusive: no day follows 9999-12-31 to end a window that holds it.
    assert drawing.bin_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert drawing.bin_span("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert drawing.bin_span("9999-12") == (date(9999, 12, 1), date(9999, 12, 31))
    assert pages.bound_text(date(2024, 12, 31), end=True) == "2024"
    assert pages.bound_text(date(2025, 9, 30), end=True) == "2025-09"
    assert pages.bound_text(date(2025, 9, 1), end=False) == "2025-09"
    # Years before 1000 keep four digits, as the dates in the database do.
    assert pages.bound_text(date(100, 4, 1), end=False) == "0100-04"
    assert pages.bound_text(date(5, 12, 31), end=True) == "0005"


def test_counts_follow_the_archive(tmp_path: Path) -> None:
    """Charts are kept between requests, until the database changes."""
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    c = Client(archive.projection_path)
    try:

        def total_2025() -> int:
            bars = svg(c.get("/-/charts/VN").text, "per-year-svg")
            return sum(
                int(r.get("data-count"))
                for r in bars.iter(f"{SVG}rect")
                if r.get("data-year") == "2025"
            )

        assert total_2025() == 1
        assert total_2025() == 1
        archive.append([RECORDS[3].model_copy(update={"part_of": None})])
        build(archive)
        assert total_2025() == 2
    finally:
        c.close()


def test_a_timeline_is_drawn_again_only_when_its_windows_engagements_change(
    tmp_path: Path,
) -> None:
    """A write elsewhere keeps a pair's drawing (the same rows read again); a write in its
    window draws it again, with the new mark."""
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    c = Client(archive.projection_path)
    try:

        def drawings() -> list[Any]:
            kept = pages._drawings.items()
            return [
                drawn for key, (_, drawn) in kept if str(tmp_path) in str(key[1]) and "US" in key
            ]

        first = c.get("/-/timeline/VN/US").text
        (before,) = drawings()
        archive.append([RECORDS[5]])  # Vietnam and Australia: not the pair's
        build(archive)
        assert c.get("/-/timeline/VN/US").text == first
        (after,) = drawings()
        assert after is before
        archive.append([RECORDS[3].model_copy(update={"part_of": None})])
        build(archive)
        page = c.get("/-/timeline/VN/US").text
        assert "vn-us-fbi-meeting-2025" in page and "vn-us-fbi-meeting-2025" not in first
        (redrawn,) = drawings()
        assert redrawn is not before
    finally:
        c.close()


def test_a_merge_is_followed_to_the_engagement_that_survives(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    a, b, c = (
        record(f"dup-{x}", kind="meeting", title=f"Meeting {x}", date="2024-05-02", host="VN",
               guests=["KR"])
        for x in "abc"
    )  # fmt: skip
    archive.append([a, b, c])
    for slug, into in (("dup-a", "dup-b"), ("dup-b", "dup-c")):
        e = archive.get(slug)
        e.retract("A duplicate", merged_into=into)
        archive.save(e)
    build(archive)
    client = Client(archive.projection_path)
    try:
        page = client.get("/-/engagement/dup-a").text
        assert (
            '<a href="/-/engagement/dup-b">dup-b</a>, which was merged into '
            '<a href="/-/engagement/dup-c">dup-c</a>.'
        ) in page
        assert 'It survives as <a href="/-/engagement/dup-c">Meeting c</a>' in page
    finally:
        client.close()


def test_bands_give_way_to_precise_marks() -> None:
    window = drawing.Window(date(2025, 9, 1), date(2025, 9, 30))
    bands = [
        drawing.Item("US", date(2025, 9, 1), date(2025, 9, 30), "month", "visit", f"b{i}", "t", "l")
        for i in range(8)
    ]
    days = [
        drawing.Item("US", date(2025, 9, d), date(2025, 9, d), "day", "meeting", f"d{d}", "t", "l")
        for d in (3, 10, 20)
    ]
    (lane,) = drawing.layout_marks(bands + days, window, limit=5)
    # Row centres: a point's y is its centre, a band's y its top.
    centre = {m.slug: m.y + (m.h / 2 if m.precision == "month" else 0) for m in lane.marks}
    # The days share the first row; the bands take the others, and overlap once rows run out.
    assert centre["d3"] == centre["d10"] == centre["d20"] == min(centre.values())
    band_rows = {round(centre[f"b{i}"], 1) for i in range(8)}
    assert len(band_rows - {round(centre["d3"], 1)}) == drawing.MAX_ROWS - 1
    assert lane.height == drawing.MAX_ROWS * drawing.ROW + 2 * drawing.LANE_PAD


def test_a_band_takes_a_free_place_in_a_row_before_later_marks() -> None:
    window = drawing.Window(date(2023, 1, 1), date(2025, 12, 31))
    items = [
        drawing.Item("US", date(2025, 9, 5), date(2025, 9, 5), "day", "dialogue", "d", "t", "l"),
        drawing.Item("US", date(2024, 7, 1), date(2024, 7, 31), "month", "dialogue", "m", "t", "l"),
    ]
    (lane,) = drawing.layout_marks(items, window, limit=5)
    day, band = sorted(lane.marks, key=lambda m: m.slug)
    assert band.y + band.h / 2 == day.y  # one row: they do not overlap in time
    assert lane.height == drawing.LANE


# The marks as the timeline page's template wrote them, in a loop, before `marks_svg`.
MARKS_TEMPLATE = """{% for lane in lanes %}{% for m in lane.marks %}
  <a class="tl-mark tl-{{ m.precision }}" href="{{ engagement_url }}{{ m.slug }}" data-slug="{{ m.slug }}" data-kind="{{ m.kind }}" data-precision="{{ m.precision }}"><title>{{ m.title }}</title>
  {%- if m.precision in ("month", "year") %}
  <rect class="tl-band" x="{{ '%.1f'|format(m.x) }}" y="{{ '%.1f'|format(m.y) }}" width="{{ '%.1f'|format(m.w) }}" height="{{ m.h }}" fill="{{ m.colour }}" stroke="{{ m.colour }}"></rect><path class="tl-band-shape" d="{{ m.path }}" stroke="{{ m.colour }}"></path>
  {%- elif m.precision == "range" %}
  <rect class="tl-bar" x="{{ '%.1f'|format(m.x) }}" y="{{ '%.1f'|format(m.y) }}" width="{{ '%.1f'|format(m.w) }}" height="{{ m.h }}" rx="4" fill="{{ m.colour }}"></rect><path class="tl-point" d="{{ m.path }}" fill="{{ m.colour }}"></path>
  {%- else %}
  <path class="tl-point" d="{{ m.path }}" fill="{{ m.colour }}"></path>
  {%- endif %}</a>
{% endfor %}{% endfor %}
"""


def test_the_marks_are_written_as_the_templates_loop_wrote_them() -> None:
    import jinja2

    window = drawing.Window(date(2024, 1, 1), date(2024, 12, 31))
    items = [
        drawing.Item(
            lane, date(2024, month, 3), date(2024, month, last), precision, kind,
            f"mark-{i}", f'<script>"{title}" & co</script>', "label",
        )
        for i, (lane, month, last, precision, kind, title) in enumerate(
            [
                ("US", 1, 3, "day", "dialogue", "a day"),
                ("US", 1, 9, "range", "visit", "a range"),
                ("AU", 3, 31, "month", "meeting", "a month"),
                ("AU", 3, 31, "year", "embassy_visit", "a year"),
                ("JP", 6, 3, "day", "meeting", "another day"),
            ]
        )
    ]  # fmt: skip
    lanes = drawing.layout_marks(items, window, 10)
    # The newline after the loops is the one before the page's `</g>`: kept.
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    expected = env.from_string(MARKS_TEMPLATE)
    url = "/base/-/engagement/"
    assert str(pages.marks_svg(lanes, url)) == expected.render(lanes=lanes, engagement_url=url)
    assert "&lt;script&gt;&#34;a day&#34; &amp; co&lt;/script&gt;" in pages.marks_svg(lanes, url)


# The charts' loops as the charts page's template wrote them, before `bars_svg` and `heat_svg`.
BARS_TEMPLATE = """{% for y, v in bars.grid %}
  <line class="tl-grid" x1="48" x2="{{ bars.width - 16 }}" y1="{{ '%.1f'|format(y) }}" y2="{{ '%.1f'|format(y) }}"></line>
  <text class="tl-tick" x="42" y="{{ '%.1f'|format(y + 4) }}" text-anchor="end">{{ v }}</text>
{% endfor %}
{% for b in bars.bars %}
  <rect class="tl-barseg" x="{{ '%.1f'|format(b.x) }}" y="{{ '%.1f'|format(b.y) }}" width="{{ '%.1f'|format(b.w) }}" height="{{ '%.1f'|format(b.h) }}" fill="{{ b.colour }}" data-series="{{ b.series }}" data-year="{{ b.year }}" data-count="{{ b.count }}"><title>{{ b.year }}: {{ names.get(b.series, b.series) }}, {{ b.count }}</title></rect>
{% endfor %}
{% for t in bars.years %}
  <text class="tl-tick" x="{{ '%.1f'|format(t.x) }}" y="{{ '%.1f'|format(bars.baseline + 18) }}" text-anchor="middle">{{ t.label }}</text>
{% endfor %}"""
HEAT_TEMPLATE = """{% for t in heat.columns %}
  <text class="tl-tick" x="{{ '%.1f'|format(t.x) }}" y="14" text-anchor="middle">{{ t.label }}</text>
{% endfor %}
{% for key, y in heat.rows %}
  <text class="tl-lane-label" x="{{ heat.left - 8 }}" y="{{ '%.1f'|format(y + 4) }}" text-anchor="end">{{ topic_labels[key][0] if key in topic_labels else key }}</text>
{% endfor %}
{% for c in heat.cells %}
  <rect class="tl-heat" x="{{ '%.1f'|format(c.x) }}" y="{{ '%.1f'|format(c.y) }}" width="{{ '%.1f'|format(c.w) }}" height="{{ c.h }}" fill-opacity="{{ c.opacity }}" data-topic="{{ c.row }}" data-year="{{ c.column }}" data-count="{{ c.count }}"><title>{{ topic_labels[c.row][0] if c.row in topic_labels else c.row }} ({{ topic_labels[c.row][1] if c.row in topic_labels else "" }}), {{ c.column }}: {{ c.count }}</title></rect>
  {% if c.w > 18 %}<text class="tl-heat-n{% if c.opacity > 0.55 %} tl-on-dark{% endif %}" x="{{ '%.1f'|format(c.x + c.w / 2) }}" y="{{ '%.1f'|format(c.y + c.h / 2 + 4) }}" text-anchor="middle">{{ c.count }}</text>{% endif %}
{% endfor %}"""


@pytest.mark.parametrize("years", [3, 60])  # wide cells with their counts, narrow ones without
def test_the_charts_are_written_as_the_templates_loops_wrote_them(years: int) -> None:
    import jinja2

    from timeline.web.pages.charts import bars_svg, heat_svg

    series = ["US", "AU", "<b>&", "JP", "KR", "LA", "KH", "CN", "RU", "IN"]
    counts = {
        (f"{2025 - y:04d}", s): (y * 7 + i * 3) % 11
        for y in range(years)
        for i, s in enumerate(series)
        if (y * 7 + i * 3) % 11
    }
    bars = drawing.stacked_bars(counts, 8)
    names = {"US": "United States", "<b>&": 'Say "no" & <i>'}
    topics = {(s.lower(), y): n for (y, s), n in counts.items()}
    heat = drawing.heatmap(topics, limit=6)
    labels = {"us": ("Cyber & <crime>", 'Tội phạm "mạng"'), "au": ("Training", "Đào tạo")}
    env = jinja2.Environment(autoescape=True)
    assert str(bars_svg(bars, names)) == env.from_string(BARS_TEMPLATE).render(
        bars=bars, names=names
    )
    assert str(heat_svg(heat, labels)) == env.from_string(HEAT_TEMPLATE).render(
        heat=heat, topic_labels=labels
    )
    assert any(c.w > 18 for c in heat.cells) == (years == 3)
    if years == 3:  # the odd series is among the eight drawn, its name escaped
        assert "Say &#34;no&#34; &amp; &lt;i&gt;" in bars_svg(bars, names)


# The person page's rows of engagements as its template wrote them, in a loop, before
# `engagement_rows`.
PERSON_ROWS_TEMPLATE = """{% for e in engagements %}
<tr><td>{{ e.date_label }}</td><td><a href="{{ urls.path('/-/engagement/' ~ e.engagement) }}">{{ e.engagement_title }}</a></td>
<td>{{ e.rank or "" }}{% if e.rank and e.title %}, {% endif %}{{ e.title or "" }}{% if e.name != person.name %} <span class="tl-muted">(as {{ e.name }})</span>{% endif %}{% if e.registry_conflict %}<br><strong class="tl-conflict">Contradicts the registry:</strong> {{ e.registry_conflict }}{% endif %}</td>
<td>{{ e.role_label }}</td></tr>
{% endfor %}"""


def test_the_person_pages_rows_are_written_as_the_templates_loop_wrote_them() -> None:
    import jinja2

    from timeline.web.pages.people import engagement_rows

    class Urls:
        def path(self, path: str) -> str:
            return "/base" + path

    person = {"name": "Lương Tam Quang"}
    engagements = [
        {
            "date_label": label,
            "engagement": slug,
            "engagement_title": title,
            "rank": rank,
            "title": held,
            "name": name,
            "registry_conflict": conflict,
            "role_label": role,
        }
        for label, slug, title, rank, held, name, conflict, role in [
            ("5 Sep 2025", "vn-us-1", "Dialogue <b>&</b>", "General", "Minister", person["name"],
             None, "head of delegation"),
            (None, "a&b", 'Say "no"', None, "Deputy", "Luong Tam Quang", "Not in office <then>",
             None),
            ("2024", "x", "Visit", "Colonel", None, "L. T. Quang", None, "member"),
            ("", "y", "", None, None, person["name"], "", ""),
        ]
    ]  # fmt: skip
    env = jinja2.Environment(autoescape=True)
    expected = env.from_string(PERSON_ROWS_TEMPLATE).render(
        engagements=engagements, person=person, urls=Urls()
    )
    assert str(engagement_rows(engagements, person, "/base/-/engagement/")) == expected
    assert (
        "Dialogue &lt;b&gt;&amp;&lt;/b&gt;" in expected and "Not in office &lt;then&gt;" in expected
    )


def test_charts_of_more_counterparts_than_bars_add_up_the_rest_as_others(tmp_path: Path) -> None:
    """Past the busiest counterparts the bars draw "others": each year's rows less the drawn
    counterparts' (timeline_year_totals), the very counts the one query folding every
    counterpart gave; and in a collection not shown, nothing counts."""
    from timeline.web.pages.charts import BAR_SERIES

    partners = ["US", "AU", "JP", "KR", "LA", "KH", "TH", "CN", "RU", "IN", "SG"]
    assert len(partners) > BAR_SERIES
    archive = Archive(tmp_path / "archive")
    archive.append(
        [
            record(
                f"vn-{code.lower()}-meeting-{i}",
                kind="meeting",
                title=f"Meeting {code} {i}",
                date=f"{2015 + (i * 7 + n) % 9}-03-0{1 + i % 9}",
                host="VN",
                guests=[code],
            )
            for n, code in enumerate(partners)
            for i in range(len(partners) - n)
        ]
    )
    archive.append(
        [record("vn-fr-visit", kind="visit", title="Visit", date="2016", host="FR", guests=["VN"])],
        collection="historyatstate-visits",
    )
    build(archive)
    c = Client(archive.projection_path)
    try:
        bars = svg(c.get("/-/charts/VN").text, "per-year-svg")
        drawn = {
            (r.get("data-year"), r.get("data-series")): int(r.get("data-count"))
            for r in bars.iter(f"{SVG}rect")
        }
    finally:
        c.close()
    shown = partners[: BAR_SERIES - 1]
    db = sqlite3.connect(archive.projection_path)
    folded = db.execute(
        "select year, case when counterpart in ({}) then counterpart else 'others' end as s, "
        "sum(n) from timeline_year_counts where country = 'VN' and collection = 'curated' "
        "group by year, s".format(", ".join("?" for _ in shown)),
        shown,
    ).fetchall()
    db.close()
    assert drawn == {(year, series): n for year, series, n in folded}
    assert {series for _, series in drawn} == {*shown, "others"}
