"""Requests that try to make the server grow, hang or fail (issue 12): each is refused with a
message, and the server keeps answering. A real `timeline serve` where memory and concurrency
matter, Datasette's test client for the rest."""

from __future__ import annotations

import copy
import os
import time
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from datasette.database import QueryInterrupted

from tests.helpers import serving
from tests.web.test_publish import METADATA, Client, open_client
from tests.web.test_web import RECORDS, status
from timeline.projection.build import build
from timeline.projection.schema import TRACKING_TABLE
from timeline.store.application import Archive
from timeline.web.pages import counts
from timeline.web.pages.counts import aggregate
from timeline.web.safety import MAX_RESULT_BYTES
from timeline.web.serve import typed_settings
from timeline.web.sql import MAX_TERMS, fts_query

# The server must stay under this, whatever one visitor asks for.
MEMORY_LIMIT_KB = 500 * 1024
NUMBERS = "with recursive n(i) as (select 1 union all select i + 1 from n limit {rows})"
# Each would make a value, or a result, of a gigabyte or more.
HUGE_RESULTS = [
    "select zeroblob(1000000000)",
    "select zeroblob(30000000)",
    "select randomblob(1000000000)",
    "select length(randomblob(1000000000))",
    # One value under the length limit, a thousand times: over the result limit.
    NUMBERS.format(rows=1000) + " select printf('%.*c', 900000, 'x') from n",
    # Control characters, which JSON writes as six bytes each.
    NUMBERS.format(rows=1000) + " select printf('%.*c', 900000, char(1)) from n",
    NUMBERS.format(rows=1000) + " select zeroblob(900000), zeroblob(900000) from n",
    NUMBERS.format(rows=10**7) + " select group_concat(printf('%.*c', 1000, 'x')) from n",
    NUMBERS.format(rows=10**7) + " select sum(length(printf('%.*c', 999999, 'x') || i)) from n",
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("hostile") / "archive")
    archive.append(RECORDS)
    build(archive)
    return archive


def peak_memory_kb(pid: int) -> int:
    """The most resident memory the process has had (VmHWM), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmHWM for process {pid}")


def server_pid(port: int) -> int:
    """The `timeline serve` this test started on `port`: a child of this process."""
    children = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        children += (task / "children").read_text().split()
    for pid in children:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"serve" in cmdline and str(port).encode() in cmdline:
            return int(pid)
    raise AssertionError(f"no server of this test on port {port}")


@pytest.fixture(scope="module")
def server(
    archive: Archive, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[httpx.Client, int]]:
    cwd = tmp_path_factory.mktemp("serve")
    with serving(archive.folder, cwd) as base, httpx.Client(base_url=base, timeout=120) as client:
        yield client, server_pid(httpx.URL(base).port or 0)


def test_one_request_cannot_grow_the_server_past_its_limits(
    server: tuple[httpx.Client, int],
) -> None:
    client, pid = server
    largest = 0
    for sql in HUGE_RESULTS:
        started = time.monotonic()
        response = client.get("/timeline.json", params={"sql": sql})
        elapsed = time.monotonic() - started
        largest = max(largest, len(response.content))
        assert response.status_code == 400, (sql, response.status_code, response.text[:300])
        error = response.json()["error"]
        # SQLite's length limit, the result limit, or (a value remade ten million times) the
        # time limit: each a 400 that says which.
        assert any(m in error for m in ("too big", "larger than", "took too long")), (sql, error)
        print(f"{response.status_code} {len(response.content)} B {elapsed:.2f} s {sql[-60:]}")
    # The HTML page of the same query is refused the same way.
    response = client.get("/timeline", params={"sql": HUGE_RESULTS[4]})
    assert response.status_code == 400 and "larger than" in response.text
    largest = max(largest, len(response.content))
    # Still serving, and within its memory.
    assert client.get("/timeline/engagements.json").status_code == 200
    peak = peak_memory_kb(pid)
    print(f"{len(HUGE_RESULTS) + 1} requests, largest response {largest} B, peak {peak} kB")
    assert peak < MEMORY_LIMIT_KB


def test_results_under_the_limits_are_served_whole(archive: Archive) -> None:
    client = Client(archive.projection_path)
    try:
        rows = MAX_RESULT_BYTES // 2 // 100_000
        sql = NUMBERS.format(rows=rows) + " select printf('%.*c', 100000, 'x') as x from n"
        response = client.get("/timeline.json", sql=sql, _shape="array")
        assert [len(r["x"]) for r in response.json()] == [100_000] * rows
    finally:
        client.close()


def capped_client(archive: Archive, limit_mb: int) -> Client:
    metadata: dict[str, Any] = copy.deepcopy(METADATA)
    metadata["plugins"]["timeline"] = {**metadata["plugins"].get("timeline", {})}
    metadata["plugins"]["timeline"]["max_response_mb"] = limit_mb
    return Client(archive.projection_path, metadata=metadata)


def test_a_response_past_the_cap_is_refused_with_a_message(archive: Archive) -> None:
    client = capped_client(archive, 1)
    try:
        sql = NUMBERS.format(rows=20) + " select printf('%.*c', 100000, 'x') as x from n"
        response = client.run(client.ds.client.get("/timeline.json", params={"sql": sql}))
        assert response.status_code == 400
        assert response.text == (
            "The response is larger than the 1 MB allowed: ask for fewer rows or columns."
        )
        # A small response of the same server is untouched.
        assert client.get("/timeline.json", sql="select 1 as one").json()["rows"] == [[1]]
    finally:
        client.close()


def test_a_stream_past_the_cap_is_cut_off_not_completed(archive: Archive) -> None:
    client = capped_client(archive, 1)
    try:
        # Over the cap but under Datasette's own CSV limit: the headers are already sent when
        # the body passes the cap, so the transfer breaks rather than ending as if complete.
        sql = NUMBERS.format(rows=50) + " select printf('%.*c', 100000, 'x') as x from n"
        with pytest.raises(Exception):  # noqa: B017 (the test transport says only that it broke)
            client.run(client.ds.client.get("/timeline.csv", params={"sql": sql, "_stream": "1"}))
    finally:
        client.close()


# Internal tables ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    yield from open_client(archive.projection_path)


@pytest.mark.parametrize("path", ["/timeline/engagements.json", "/timeline/engagements"])
@pytest.mark.parametrize(
    "where",
    [
        f"slug in (select name from {TRACKING_TABLE})",
        f"exists (select * from {TRACKING_TABLE})",
        f"slug = (select max(rowid) from {TRACKING_TABLE})",
    ],
)
def test_a_where_clause_that_reads_an_internal_table_is_refused(
    client: Client, path: str, where: str
) -> None:
    response = client.run(client.ds.client.get(path, params={"_where": where}))
    assert response.status_code == 403, response.text[:300]
    assert "internal tables cannot be read" in response.text


def test_home_and_database_pages_log_no_error(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in ("/", "/timeline", "/.json", "/timeline.json"):
        client.get(path)
    err = capsys.readouterr().err
    assert "ERROR" not in err and "not authorized" not in err, err
    # Counting the internal table is what Datasette does; reading it is still refused.
    assert status(client, "/timeline.json", sql=f"select name from {TRACKING_TABLE}") == 400


# Slow queries ------------------------------------------------------------------------------------

# 3,000 one-letter prefixes: 53 s for one search at a million engagements, in FTS5's own code.
PREFIXES = " ".join(f"{letter}*" for letter in ("abcdefghijklmnopqrstuvwxyz" * 116)[:3000])
TOO_LONG = "took too long"


def test_a_search_with_too_many_words_or_too_short_prefixes_is_refused(client: Client) -> None:
    for q in (PREFIXES, " ".join(["word"] * (MAX_TERMS + 1)), "security a*"):
        for params in ({"q": q}, {"q": q, "_format": "json"}):
            response = client.run(client.ds.client.get("/-/search", params=params))
            assert response.status_code == 400, response.text[:300]
            assert "q: " in response.text
    assert (
        "more than the 16 words"
        in client.run(client.ds.client.get("/-/search", params={"q": PREFIXES})).text
    )
    # As many words as allowed, and two-letter prefixes, are searched.
    assert status(client, "/-/search", q=" ".join(["talks"] * MAX_TERMS)) == 200
    assert status(client, "/-/search", q="ta* ca*") == 200


def test_the_search_function_of_sql_is_bounded_the_same_way() -> None:
    assert fts_query(PREFIXES).count('"') == 2 * MAX_TERMS
    assert "*" not in fts_query("a* b*") and fts_query("ta*") == '"ta"*'


# Seconds, unbounded, for SQLite to count to it.
ENDLESS = NUMBERS.format(rows=3 * 10**7) + " select count(*) from n"


def test_the_pages_counting_queries_stop_at_the_time_limit(archive: Archive) -> None:
    client = Client(
        archive.projection_path, settings={**typed_settings(), "sql_time_limit_ms": 100}
    )
    try:
        db = client.ds.get_database("timeline")
        with pytest.raises(QueryInterrupted):
            client.run(aggregate(db, ENDLESS, []))
    finally:
        client.close()


@pytest.mark.parametrize(
    "path",
    [
        # A country's charts read the count tables (timeline.projection.counts): no slow query.
        "/-/charts/VN/US",
        "/-/timeline/VN",
        "/-/timeline/VN/US",
        "/-/timeline/VN?from=2020&to=2025",
    ],
)
def test_a_page_whose_query_takes_too_long_says_so(
    client: Client, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    db = client.ds.get_database("timeline")
    execute = db.execute

    async def interrupted_counts(sql: str, *args: Any, **kwargs: Any) -> Any:
        if "count(*)" in sql:
            raise QueryInterrupted(Exception("interrupted"), sql, args)
        return await execute(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute", interrupted_counts)
    monkeypatch.setattr(counts, "_counts", OrderedDict())  # nothing kept from earlier pages
    response = client.run(client.ds.client.get(path))
    assert response.status_code == 503, (path, response.status_code, response.text[:300])
    assert TOO_LONG in response.text and "3,000 ms" in response.text


def test_heavy_requests_in_parallel_leave_a_plain_page_answering(
    server: tuple[httpx.Client, int],
) -> None:
    client, _ = server
    heavy = [
        ("/-/search", {"q": PREFIXES}),
        ("/-/search", {"q": PREFIXES, "_format": "json"}),
        ("/timeline/search", {"q": PREFIXES}),
        ("/timeline/engagements", {"_search": PREFIXES, "_searchmode": "raw"}),
        ("/-/charts/VN", {}),
        ("/-/timeline/VN", {"from": "1900", "to": "2100"}),
    ] * 3
    with ThreadPoolExecutor(max_workers=len(heavy) + 1) as pool:
        futures = [pool.submit(client.get, path, params=params) for path, params in heavy]
        plain = pool.submit(client.get, "/timeline/engagements", params={"_size": "1"})
        assert plain.result().status_code == 200
        for (path, _), future in zip(heavy, futures, strict=True):
            response = future.result()
            # Served, refused with the reason, or stopped at the time limit: never a 500.
            assert response.status_code in (200, 400, 503), (path, response.text[:300])
            if response.status_code != 200:
                assert "q: " in response.text or TOO_LONG in response.text, response.text[:300]
