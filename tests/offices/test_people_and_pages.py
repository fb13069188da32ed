"""One person however written, merges and splits as reversible decisions, the person and office
pages and the canned queries, on a real archive and a real Datasette."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.helpers import ROOT, DatasetteClient, make_record
from timeline.cli import cli

METADATA = json.loads((ROOT / "datasette_metadata.json").read_text())


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def rows(archive: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(archive / "timeline.db") as db:
        return db.execute(sql, params).fetchall()


def visit(slug: str, day: str, name: str, **participant: str) -> dict:
    return make_record(
        slug=slug,
        kind="visit",
        title=f"A visit written for this test, {day}",
        date={"start": day, "precision": "day"},
        host="US",
        guests=["VN"],
        part_of=None,
        series=None,
        session=None,
        participants=[{"name": name, "country": "VN", **participant}],
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    records = tmp_path / "visits.json"
    records.write_text(
        json.dumps(
            [
                visit("vn-us-visit-a", "2010-03-01", "Nguyễn Tấn Dũng", title="Prime Minister"),
                visit("vn-us-visit-b", "2012-03-01", "Nguyen Tan Dung", title="Prime Minister"),
                visit("vn-us-visit-c", "2014-03-01", "Dung Nguyen Tan", title="Thủ tướng"),
                visit("vn-us-visit-d", "2022-05-12", "Nguyen Tan Dung", title="Prime Minister"),
                visit("vn-us-visit-e", "2019-03-01", "Yoon Hee-keun", title="Commissioner"),
                visit("vn-us-visit-f", "2020-03-01", "Yoon Hee-geun", title="Commissioner"),
            ],
            ensure_ascii=False,
        )
    )
    result = run("append", str(records), "--archive", str(folder))
    assert result.exit_code == 0, result.output
    return folder


class Client(DatasetteClient):
    def get(self, path: str) -> Any:
        return self.run(self.ds.client.get(path))


@pytest.fixture
def client(archive: Path) -> Iterator[Client]:
    c = Client(archive / "timeline.db", metadata=METADATA)
    yield c
    c.close()


def test_one_person_is_linked_across_diacritics_name_order_and_romanisation(archive: Path) -> None:
    linked = rows(archive, "select engagement, individual from participants order by engagement")
    assert linked == [
        ("vn-us-visit-a", "vn-dung-nguyen-tan"),
        ("vn-us-visit-b", "vn-dung-nguyen-tan"),
        ("vn-us-visit-c", "vn-dung-nguyen-tan"),
        ("vn-us-visit-d", "vn-dung-nguyen-tan"),
        ("vn-us-visit-e", "vn-geun-hee-yoon"),
        ("vn-us-visit-f", "vn-geun-hee-yoon"),
    ]
    (person,) = rows(
        archive,
        "select name, variants, engagements, offices from people where id = 'vn-dung-nguyen-tan'",
    )
    assert person[0] == "Nguyen Tan Dung"
    assert set(json.loads(person[1])) >= {"Nguyễn Tấn Dũng", "Dung Nguyen Tan"}
    assert person[2] == 4
    assert json.loads(person[3]) == ["Prime Minister (VN), 2006-06-27 to 2016-04-07"]


def test_two_people_of_one_name_stay_apart_when_their_countries_differ(
    archive: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(visit("kr-us-visit-g", "2021-03-01", "Yoon Hee-keun", country="KR"))
    )
    assert run("append", str(other), "--archive", str(archive)).exit_code == 0
    assert rows(
        archive, "select distinct individual from participants where name like 'Yoon%' order by 1"
    ) == [("kr-geun-hee-yoon",), ("vn-geun-hee-yoon",)]


def test_a_merge_is_a_recorded_decision_that_a_revert_undoes(archive: Path, tmp_path: Path) -> None:
    merge = tmp_path / "merge.yaml"
    merge.write_text(
        "people:\n  - {merge: vn-geun-hee-yoon, into: vn-dung-nguyen-tan, reason: a test}\n"
    )
    result = run("append", str(merge), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert "decided    merge:vn-geun-hee-yoon:vn-dung-nguyen-tan (a test)" in result.output
    assert rows(
        archive, "select count(*) from participants where individual = 'vn-dung-nguyen-tan'"
    ) == [(6,)]
    assert rows(archive, "select merged_from from people where id = 'vn-dung-nguyen-tan'") == [
        ('["vn-geun-hee-yoon"]',)
    ]
    merge.write_text(
        "people:\n  - {merge: vn-geun-hee-yoon, into: vn-dung-nguyen-tan, reason: wrong, "
        "revert: true}\n"
    )
    assert run("append", str(merge), "--archive", str(archive)).exit_code == 0
    assert rows(
        archive, "select count(*) from participants where individual = 'vn-geun-hee-yoon'"
    ) == [(2,)]
    assert rows(archive, "select reverted, revert_reason, version from person_decisions") == [
        (1, "wrong", 2)
    ]
    assert run("verify", "--archive", str(archive)).exit_code == 0


def test_a_split_sends_the_named_spellings_to_another_person(archive: Path, tmp_path: Path) -> None:
    split = tmp_path / "split.yaml"
    split.write_text(
        "people:\n  - split: vn-geun-hee-yoon\n    names: [Yoon Hee-keun]\n"
        "    into: vn-yoon-hee-keun-2\n    reason: two officers of one name\n"
    )
    assert run("append", str(split), "--archive", str(archive)).exit_code == 0
    assert rows(
        archive,
        "select engagement, individual from participants where name like 'Yoon%' "
        "order by engagement",
    ) == [
        ("vn-us-visit-e", "vn-yoon-hee-keun-2"),
        ("vn-us-visit-f", "vn-geun-hee-yoon"),
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{merge: a, into: a, reason: r}", "into: a person is merged into or split off another id"),
        ("{split: a, into: b, reason: r}", "names: a split names the spellings"),
        ("{merge: a, into: b}", "reason: Field required"),
        ("{into: b, reason: r}", "decision: give `merge: ID` or `split: ID` (one)"),
        ("{merge: a, into: b, reason: r, revert: true}", "revert: no such decision is recorded"),
    ],
)
def test_a_bad_decision_about_people_is_refused_in_one_line_and_nothing_is_written(
    archive: Path, tmp_path: Path, entry: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"people:\n  - {entry}\n")
    result = run("append", str(bad), "--archive", str(archive))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: people record 1"), result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert rows(archive, "select count(*) from person_decisions") == [(0,)]


def test_the_person_page_shows_offices_engagements_titles_and_contradictions(
    client: Client,
) -> None:
    response = client.get("/-/person/vn-dung-nguyen-tan")
    assert response.status_code == 200
    page = response.text
    assert "Offices over time" in page
    assert 'href="/-/office/vn-prime-minister"' in page
    assert "2006-06-27" in page and "2016-04-07" in page
    for slug in ("vn-us-visit-a", "vn-us-visit-b", "vn-us-visit-c", "vn-us-visit-d"):
        assert f"/-/engagement/{slug}" in page
    assert "(as Dung Nguyen Tan)" in page
    assert "Contradicts the registry:" in page  # the 2022 visit
    assert "<svg" in page


def test_the_person_page_shows_an_append_on_its_next_visit(
    client: Client, archive: Path, tmp_path: Path
) -> None:
    assert "vn-us-visit-g" not in client.get("/-/person/vn-dung-nguyen-tan").text
    records = tmp_path / "more.json"
    more = visit("vn-us-visit-g", "2011-06-01", "Nguyễn Tấn Dũng", title="Prime Minister")
    records.write_text(json.dumps([more], ensure_ascii=False))
    assert run("append", str(records), "--archive", str(archive)).exit_code == 0
    assert "/-/engagement/vn-us-visit-g" in client.get("/-/person/vn-dung-nguyen-tan").text


def test_the_office_page_lists_holders_in_order_with_their_engagements(
    client: Client,
) -> None:
    page = client.get("/-/office/vn-prime-minister").text
    holders = [
        "Phạm Văn Đồng",
        "Võ Văn Kiệt",
        "Phan Văn Khải",
        "Nguyễn Tấn Dũng",
        "Phạm Minh Chính",
    ]
    positions = [page.index(h) for h in holders]
    assert positions == sorted(positions)
    dung = page[page.index("Nguyễn Tấn Dũng") : page.index("Nguyễn Xuân Phúc")]
    assert "/-/engagement/vn-us-visit-a" in dung and "/-/engagement/vn-us-visit-d" not in dung


@pytest.mark.parametrize("path", ["/-/person/no-such-person", "/-/office/no-such-office"])
def test_an_unknown_person_or_office_is_a_404_with_a_message(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "No " in response.text


@pytest.mark.parametrize(
    "q", ["Nguyen Tan Dung", "Nguyễn Tấn Dũng", "Dung Nguyen Tan", "nguyen tan"]
)
def test_the_search_finds_a_person_under_every_variant(client: Client, q: str) -> None:
    found = client.get(f"/-/search?q={q}&_format=json").json()
    people = next(s for s in found["sections"] if s["table"] == "people")
    assert [r["pk"] for r in people["rows"]][:1] == ["vn-dung-nguyen-tan"]


def test_the_canned_queries_answer_who_held_an_office_and_what_contradicts_it(
    client: Client,
) -> None:
    held = client.get(
        "/timeline/office_holder_on.json?office=vn-prime-minister&country=&date=2022-05-12"
        "&_shape=array"
    ).json()
    assert [h["holder"] for h in held] == ["Phạm Minh Chính"]
    by_title = client.get(
        "/timeline/office_holder_on.json?office=Prime+Minister&country=VN&date=2010-01-01"
        "&_shape=array"
    ).json()
    assert [h["holder"] for h in by_title] == ["Nguyễn Tấn Dũng"]
    flagged = client.get("/timeline/registry_contradictions.json?_shape=array").json()
    assert [(f["engagement"], f["registry_entry"]) for f in flagged] == [
        ("vn-us-visit-d", "vn-prime-minister/pham-minh-chinh/2021-04-05")
    ]
    everything = client.get(
        "/timeline/person_all_engagements.json?person=Dung+Nguyen+Tan&_shape=array"
    ).json()
    assert len(everything) == 4
    assert {e["individual"] for e in everything} == {"vn-dung-nguyen-tan"}
    by_id = client.get(
        "/timeline/person_all_engagements.json?person=vn-dung-nguyen-tan&_shape=array"
    ).json()
    assert [e["engagement"] for e in by_id] == [
        "vn-us-visit-a",
        "vn-us-visit-b",
        "vn-us-visit-c",
        "vn-us-visit-d",
    ]


def test_registry_contradictions_page_by_50_engagements(archive: Path, tmp_path: Path) -> None:
    # 55 more visits in 2022, each naming the Prime Minister of 2006-2016 as Prime Minister.
    more = [
        visit(f"vn-us-late-{i:02d}", f"2022-{6 + i // 28:02d}-{1 + i % 28:02d}", "Nguyen Tan Dung", title="Prime Minister")
        for i in range(55)
    ]  # fmt: skip
    (tmp_path / "more.json").write_text(json.dumps(more, ensure_ascii=False))
    assert run("append", str(tmp_path / "more.json"), "--archive", str(archive)).exit_code == 0
    c = Client(archive / "timeline.db", metadata=METADATA)
    try:
        opened = c.get("/timeline/registry_contradictions")
        assert opened.status_code == 302 and opened.headers["location"].endswith("?after=")
        first = c.get("/timeline/registry_contradictions.json?after=&_shape=array").json()
        page = c.get("/timeline/registry_contradictions?after=").text
        last = first[-1]
        after = f"{last['start_date']}/{last['engagement']}"
        rest = c.get(f"/timeline/registry_contradictions.json?after={after}&_shape=array").json()
    finally:
        c.close()
    assert len({r["engagement"] for r in first}) == 50 and "Next 50" in page
    every = [r["engagement"] for r in first + rest]
    assert len(every) == len(set(every)) == 56  # vn-us-visit-d and the 55
    dates = [(r["start_date"], r["engagement"]) for r in first + rest]
    assert dates == sorted(dates)
