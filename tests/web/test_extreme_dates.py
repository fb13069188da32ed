"""Every date the record format accepts draws, and every window a URL can ask for draws or gets a
400 that says why (issue 12, defect 3): the first and last days of the calendar (0001-01-01,
9999-12-31), years before 1000, and windows at either end of time. Datasette's test client on a
real archive; hypothesis over dates and windows."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.test_publish import Client, open_client
from tests.web.test_web import record
from timeline.projection.build import build
from timeline.store.application import Archive

# Hypothesis cases a property: each date case appends a record and rebuilds (about 0.3 s).
DATE_CASES = 40
WINDOW_CASES = 100
FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)
EXTREMES = [
    record("last-day", title="On the last day", date="9999-12-31"),
    record("first-day", title="On the first day", date="0001-01-01", host="US", guests=["VN"]),
    record("year-five", title="In year five", date="0005", host="VN", guests=["US"]),
    record("month-100", title="In April 100", date="0100-04"),
    record("ordinary", title="An ordinary meeting", date="2025-09-05"),
]
PAGES = [
    "/-/timeline/VN",
    "/-/timeline/US",
    "/-/timeline/VN/US",
    "/-/timeline/US/VN",
    "/-/charts/VN",
    "/-/charts/VN/US",
    "/-/calendar/VN.ics",
    "/-/calendar/US.ics",
    "/-/changes.atom",
]
_slugs = itertools.count()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("dates") / "archive")
    archive.append(EXTREMES)
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    yield from open_client(archive.projection_path)


def answer(client: Client, path: str, **params: str) -> Any:
    return client.run(client.ds.client.get(path, params=params or None))


def assert_draws(client: Client, path: str, **params: str) -> None:
    response = answer(client, path, **params)
    assert response.status_code == 200, (path, params, response.text[:500])


@pytest.mark.parametrize("path", PAGES + [f"/-/engagement/{r.slug}" for r in EXTREMES])
def test_pages_draw_the_first_and_last_days_of_the_calendar(client: Client, path: str) -> None:
    assert_draws(client, path)


@pytest.mark.parametrize(
    "window",
    [
        {"from": "0001"},
        {"to": "9998"},
        {"to": "9999"},
        {"to": "9999-11"},
        {"to": "9999-12"},
        {"from": "9999-12"},
        {"from": "0005", "to": "0006"},
        {"from": "0100-01", "to": "0100-02"},
        {"from": "0001", "to": "9999"},
        {"from": "0001-01", "to": "0001-01"},
    ],
)
@pytest.mark.parametrize("path", ["/-/timeline/VN", "/-/timeline/VN/US", "/-/timeline/US"])
def test_windows_at_either_end_of_time_draw(
    client: Client, path: str, window: dict[str, str]
) -> None:
    assert_draws(client, path, **window)


def test_the_last_day_is_in_its_windows_and_the_calendar(client: Client) -> None:
    page = answer(client, "/-/timeline/VN", **{"from": "9999"}).text
    assert "On the last day" in page
    page = answer(client, "/-/timeline/US", to="0001").text
    assert "On the first day" in page
    ics = icalendar.Calendar.from_ical(answer(client, "/-/calendar/VN.ics").text)
    last = next(e for e in ics.walk("VEVENT") if str(e["summary"]) == "On the last day")
    assert last.decoded("dtstart") == LAST
    # No day follows 9999-12-31 to end it (DTEND is exclusive): the event lasts one day.
    assert "dtend" not in last and last.decoded("duration").days == 1


@pytest.mark.parametrize(
    ("window", "reason"),
    [
        ({"from": "0000"}, "from: '0000' is not a year"),
        ({"to": "10000"}, "to: '10000' is not a year"),
        ({"from": "2025-13"}, "from: '2025-13' is not a year"),
        ({"from": "2025", "to": "2024"}, "the window must start before it ends"),
    ],
)
def test_windows_outside_the_calendar_are_refused_saying_why(
    client: Client, window: dict[str, str], reason: str
) -> None:
    response = answer(client, "/-/timeline/VN", **window)
    assert response.status_code == 400 and reason in html.unescape(response.text)


def record_date(kind: str, first: date, second: date) -> str:
    if kind == "day":
        return first.isoformat()
    if kind == "month":
        return first.isoformat()[:7]
    if kind == "year":
        return first.isoformat()[:4]
    first, second = sorted((first, second))
    return f"{first.isoformat()}/{second.isoformat()}" if first != second else first.isoformat()


@settings(
    max_examples=DATE_CASES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(["day", "month", "year", "range"]),
    first=st.dates(FIRST, LAST),
    second=st.dates(FIRST, LAST),
    guest=st.sampled_from(["US", "AU", "JP"]),
)
def test_every_date_the_record_format_accepts_draws(
    archive: Archive, client: Client, kind: str, first: date, second: date, guest: str
) -> None:
    slug = f"drawn-{next(_slugs)}"
    text = record_date(kind, first, second)
    archive.append([record(slug, title=f"Drawn {slug}", date=text, guests=[guest])])
    build(archive)
    for path in ("/-/timeline/VN", f"/-/timeline/VN/{guest}", f"/-/timeline/{guest}"):
        assert_draws(client, path)
        # The window of the record's own year, and the record's page.
        assert_draws(client, path, **{"from": text[:4], "to": text[:4]})
    for path in ("/-/charts/VN", f"/-/calendar/{guest}.ics", f"/-/engagement/{slug}"):
        assert_draws(client, path)


YEARS = st.integers(1, 9999).map(lambda y: f"{y:04d}")
MONTHS = st.tuples(YEARS, st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}")
BOUNDS = st.one_of(st.none(), YEARS, MONTHS, st.text(max_size=8))


@settings(max_examples=WINDOW_CASES, deadline=None, derandomize=True)
@given(
    start=BOUNDS,
    end=BOUNDS,
    path=st.sampled_from(["/-/timeline/VN", "/-/timeline/VN/US", "/-/timeline/US"]),
)
def test_every_window_a_url_can_ask_for_draws_or_says_why_not(
    client: Client, start: str | None, end: str | None, path: str
) -> None:
    params = {k: v for k, v in (("from", start), ("to", end)) if v is not None}
    response = answer(client, path, **params)
    assert response.status_code in (200, 400), (path, params, response.text[:500])
    if response.status_code == 400:
        assert "from: " in response.text or "to: " in response.text, response.text[:500]
