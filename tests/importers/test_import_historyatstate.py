"""`timeline import historyatstate`: the Office of the Historian's visits and travels as
engagements, on small folders written here and on the real data in ../shared when it is there."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from events import country, is_country
from tests.helpers import Backend
from tests.web.test_publish import Client, open_client
from timeline.cli import cli
from timeline.errors import ImportDataError
from timeline.importers import historyatstate
from timeline.importers.historyatstate import Merge, cities, split_visitors
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "external" / "historyatstate"
needs_real_data = pytest.mark.skipif(
    not (REAL / "visits").is_dir(),
    reason=f"the Office of the Historian's data is not at {REAL} (it ships in ../shared)",
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def visit(id: int, start: str, end: str, visitor: str, slug: str, description: str) -> str:
    return f"""
    <visit>
        <id>{id}</id>
        <start-date>{start}</start-date>
        <end-date>{end}</end-date>
        <visitor>{visitor}</visitor>
        <from id="{slug}">{slug.title()}</from>
        <description>{description}</description>
        <created-by>someone</created-by>
        <created-datetime>2010-02-25T12:15:14.612-04:00</created-datetime>
        <last-modified-by>someone</last-modified-by>
        <last-modified-datetime/>
    </visit>"""


def trip(id: int, start: str, end: str, slug: str, locale: str, remarks: str,
         who: str = "blinken-antony-j", name: str = "Antony John Blinken",
         role: str = "secretary", created: str = "2021-09-21T12:21:00-04:00") -> str:  # fmt: skip
    return f"""
    <trip role="{role}" who="{who}">
        <id>{id}</id>
        <role>{role}</role>
        <name>{name}</name>
        <start-date>{start}</start-date>
        <end-date>{end}</end-date>
        <country id="{slug}">{slug.title()}</country>
        <locale>{locale}</locale>
        <remarks>{remarks}</remarks>
        <created-by>someone</created-by>
        <created-datetime>{created}</created-datetime>
        <last-modified-by>someone</last-modified-by>
        <last-modified-datetime/>
    </trip>"""


VISITS = [
    visit(113, "1970-01-26", "1970-01-28", "Prime Minister Harold Wilson", "united-kingdom",
          "Official visit; attended NSC meeting at the White House on January\n            28."),
    visit(2353, "1957-05-08", "1957-05-12", "President Diem", "vietnam",
          "State visit. Addressed U.S. <em>Congress</em> May 9."),
    visit(3001, "2000-08-07", "2000-08-07", "President Stjepan Mesic and Prime Minister Ivica Racan",
          "croatia", "Official working visit."),
    visit(3002, "1959-09-15", "1959-09-16", "Premier Khrushchev", "russia", ""),
]  # fmt: skip
TRIPS = [
    trip(3992, "2021-03-15", "2021-03-17", "japan", "Tokyo", "Attended the Security Consultative Committee."),
    trip(4019, "2021-03-15", "2021-03-17", "japan", "Tokyo", "Attended the Security Consultative Committee.",
         created="2022-07-26T10:37:00-04:00"),
    trip(3406, "2013-12-14", "2013-12-17", "vietnam", "Ho Chi Minh City, Ca Mau (Camau Province), Hanoi",
         "Met with Foreign Minister Pham Binh Minh."),
    trip(1, "1991-07-29", "1991-08-01", "russia", "Moscow, Kiev", "Summit meeting with Gorbachev.",
         who="bush-george-h-w", name="George Bush", role="president"),
]  # fmt: skip
PRESIDENTS = """<?xml version="1.0" encoding="UTF-8"?>
<presidents><president n="41"><id>bush-george-h-w</id><name>George H.W. Bush</name></president>
</presidents>"""
ROLES = """<?xml version="1.0" encoding="UTF-8"?>
<code-table><items>
  <item><label>President</label><value>president</value></item>
  <item><label>Secretary</label><value>secretary</value></item>
</items></code-table>"""


def write_folder(folder: Path, visits: list[str], trips: list[str]) -> Path:
    (folder / "visits" / "data").mkdir(parents=True)
    (folder / "visits" / "data" / "1950.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<visits>' + "".join(visits) + "\n</visits>\n"
    )
    travels = folder / "travels" / "secretary-travels"
    travels.mkdir(parents=True)
    (travels / "people.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<trips>' + "".join(trips) + "\n</trips>\n"
    )
    (folder / "travels" / "presidents").mkdir()
    (folder / "travels" / "presidents" / "presidents.xml").write_text(PRESIDENTS)
    (folder / "travels" / "code-tables").mkdir()
    (folder / "travels" / "code-tables" / "travel-role-codes.xml").write_text(ROLES)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "historyatstate", VISITS, TRIPS)


def store_rows(archive: Path) -> list[tuple]:
    if not (archive / "events.db").exists():
        return []
    with sqlite3.connect(archive / "events.db") as db:
        return db.execute("select * from stored_events order by rowid").fetchall()


# Mapping -----------------------------------------------------------------------------------


def test_a_visit_to_the_us_is_hosted_by_the_us_with_the_visitor_as_guest(folder: Path) -> None:
    records = {r.slug: r for r in historyatstate.read(folder).records}
    wilson = records["gb-us-visit-1970-01-26-wilson"]
    assert (wilson.kind, wilson.host, wilson.guests) == ("visit", "US", ["GB"])
    assert (str(wilson.date.start), str(wilson.date.end), wilson.date.precision) == (
        "1970-01-26", "1970-01-28", "range",
    )  # fmt: skip
    assert wilson.title == "Prime Minister Harold Wilson (United Kingdom) visits the United States"
    assert wilson.summary == (
        "Official visit; attended NSC meeting at the White House on January 28."
    )
    [person] = wilson.participants
    assert (person.name, person.title, person.country, person.role) == (
        "Harold Wilson", "Prime Minister", "GB", "guest",
    )  # fmt: skip
    assert wilson.place is not None and wilson.place.country == "US" and wilson.place.city is None
    mesic = records["hr-us-visit-2000-08-07-mesic"]
    assert mesic.date.precision == "day"
    assert [(p.title, p.name) for p in mesic.participants] == [
        ("President", "Stjepan Mesic"), ("Prime Minister", "Ivica Racan"),
    ]  # fmt: skip


def test_a_trip_abroad_is_hosted_by_the_country_visited_at_its_first_city(folder: Path) -> None:
    records = {r.slug: r for r in historyatstate.read(folder).records}
    kerry = records["us-vn-visit-2013-12-14-blinken"]
    assert (kerry.host, kerry.guests) == ("VN", ["US"])
    assert kerry.place is not None
    assert (kerry.place.city, kerry.place.country) == ("Ho Chi Minh City", "VN")
    assert kerry.title == (
        "Secretary of State Antony John Blinken visits Vietnam (Ho Chi Minh City, Ca Mau, Hanoi)"
    )
    assert kerry.notes == (
        "Places visited, as recorded: Ho Chi Minh City, Ca Mau (Camau Province), Hanoi"
    )
    [person] = kerry.participants
    assert (person.title, person.country, person.role) == ("Secretary of State", "US", "guest")
    city = next(e for e in kerry.evidence if e.field == "place.city")
    assert city.inferred and city.note == "The first of the places visited."
    title = next(e for e in kerry.evidence if e.field == "participants[0].title")
    assert (title.quote, title.inferred) == ("secretary", True)


def test_a_president_is_named_as_presidents_xml_names_him(folder: Path) -> None:
    records = {r.slug: r for r in historyatstate.read(folder).records}
    bush = records["us-suhh-visit-1991-07-29-bush"]
    [person] = bush.participants
    assert (person.name, person.variants, person.title) == (
        "George H.W. Bush", ["George Bush"], "President of the United States",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("visitor", "people"),
    [
        ("Prime Minister Harold Wilson", [("Prime Minister", "Harold Wilson")]),
        ("King Abdullah and Crown Prince Hussein", [("King", "Abdullah"), ("Crown Prince", "Hussein")]),
        ("President Anwar Sadat, Prime Minister Mustafa Khalil",
         [("President", "Anwar Sadat"), ("Prime Minister", "Mustafa Khalil")]),
        ("President Benigno S. Aquino, 3rd", [("President", "Benigno S. Aquino, 3rd")]),
        ("Premier and Prince Sihanouk", [("Premier and Prince", "Sihanouk")]),
        ("Prime Minster Adrian Nastase", [("Prime Minister", "Adrian Nastase")]),
        ("Prime MinisterHaidar al- Abadi", [("Prime Minister", "Haidar al- Abadi")]),
        ("President- elect Ernesto Zedillo", [("President-elect", "Ernesto Zedillo")]),
        ("Acting Prime Minister Sirik Matak", [("Acting Prime Minister", "Sirik Matak")]),
        ("Valdas Adamkus", [(None, "Valdas Adamkus")]),
    ],
)  # fmt: skip
def test_visitor_lines_split_into_titles_and_names(visitor: str, people: list) -> None:
    assert split_visitors(visitor) == people


def test_locales_split_into_cities_without_their_regions() -> None:
    assert cities("Hanoi, Ho Chi Minh City") == ["Hanoi", "Ho Chi Minh City"]
    assert cities("Halifax, Stellarton (Nova Scotia)") == ["Halifax", "Stellarton"]
    assert cities("Nur-Sultan ") == ["Nur-Sultan"]
    assert cities("") == []


def test_every_quote_stands_at_its_offsets_in_the_records_text(folder: Path) -> None:
    texts = historyatstate.texts(folder)
    assert len(texts) == 8
    batch = historyatstate.read(folder)
    quoted = [q for r in batch.records for q in [*r.sources, *r.evidence]]
    assert len(quoted) > 2 * len(batch.records)
    for q in quoted:
        assert texts[q.document][q.start : q.end] == q.quote, q
    wilson = next(r for r in batch.records if r.slug.startswith("gb-us"))
    source = wilson.sources[0]
    assert source.document == "historyatstate-visits-113"
    assert source.publisher == "Office of the Historian, U.S. Department of State"
    assert source.url == "https://history.state.gov/departmenthistory/visits/united-kingdom"
    assert (str(source.published), source.language) == ("2010-02-25", "en")
    assert texts["historyatstate-visits-113"].splitlines()[1] == (
        "visitor: Prime Minister Harold Wilson"
    )


def test_an_empty_description_quotes_the_visitor(folder: Path) -> None:
    records = {r.slug: r for r in historyatstate.read(folder).records}
    khrushchev = records["suhh-us-visit-1959-09-15-khrushchev"]
    assert khrushchev.summary is None
    assert khrushchev.sources[0].quote == "Premier Khrushchev"


# Countries ---------------------------------------------------------------------------------


def test_slugs_of_states_that_no_longer_exist_map_by_date(folder: Path) -> None:
    records = {r.slug: r for r in historyatstate.read(folder).records}
    assert records["vnvn-us-visit-1957-05-08-diem"].guests == ["VNVN"]
    assert records["us-vn-visit-2013-12-14-blinken"].host == "VN"
    assert records["suhh-us-visit-1959-09-15-khrushchev"].guests == ["SUHH"]
    inferred = next(
        e for e in records["vnvn-us-visit-1957-05-08-diem"].evidence if e.field == "guests"
    )
    assert inferred.inferred and "Republic of Vietnam" in (inferred.note or "")
    rules = historyatstate.country_table()
    code_on = {
        ("vietnam", date(1975, 4, 30)): "VNVN",
        ("vietnam", date(1975, 5, 1)): "VN",
        ("russia", date(1917, 11, 7)): "RU",
        ("russia", date(1922, 12, 30)): "SUHH",
        ("russia", date(1991, 12, 25)): "SUHH",
        ("russia", date(1991, 12, 26)): "RU",
        ("yugoslavia", date(2003, 2, 3)): "YUCS",
        ("yugoslavia", date(2003, 2, 4)): "CSXX",
        ("serbia", date(2003, 4, 2)): "CSXX",
        ("serbia", date(2010, 10, 12)): "RS",
        ("german-democratic-republic", date(1990, 6, 11)): "DDDE",
        ("czechoslovakia", date(1973, 7, 8)): "CSHH",
        ("hawaii", date(1874, 12, 12)): "HIUS",
    }
    for (slug, on), code in code_on.items():
        rule = historyatstate.country_code(slug, on)
        assert rule is not None and rule.code == code, (slug, on)
        assert country(code).exists_during(on, on), (slug, on)
    for slug, slug_rules in rules.items():
        assert all(is_country(r.code) for r in slug_rules), slug
        assert slug_rules[-1].before is None, f"{slug}: no rule for the latest dates"


def test_a_date_outside_a_states_existence_is_skipped_with_its_reason(tmp_path: Path) -> None:
    late = visit(9, "1995-03-01", "1995-03-02", "Prime Minister Hans Modrow",
                 "german-democratic-republic", "Never happened.")  # fmt: skip
    batch = historyatstate.read(write_folder(tmp_path / "h", [late, VISITS[0]], []))
    assert [r.slug for r in batch.records] == ["gb-us-visit-1970-01-26-wilson"]
    [(file, record, reason)] = batch.skipped
    assert (Path(file).name, record) == ("1950.xml", "9")
    assert reason.startswith("guests[0]: DDDE (East Germany (German Democratic Republic)) existed "
                             "1949-10-07 to 1990-10-02")  # fmt: skip
    assert country("DDDE").name_vi == "Cộng hòa Dân chủ Đức (Đông Đức)"


# Duplicates, slugs, idempotence ------------------------------------------------------------


def test_records_with_the_same_content_are_one_engagement_with_both_sources(folder: Path) -> None:
    batch = historyatstate.read(folder)
    assert (batch.read, batch.visits, batch.trips, len(batch.records)) == (8, 4, 4, 7)
    assert batch.merged == [
        Merge("us-jp-visit-2021-03-15-blinken",
              ["historyatstate-travels-3992", "historyatstate-travels-4019"], identical=True),
    ]  # fmt: skip
    assert batch.merged_duplicates == 1
    tokyo = next(r for r in batch.records if r.slug == "us-jp-visit-2021-03-15-blinken")
    assert [(s.document, str(s.published)) for s in tokyo.sources] == [
        ("historyatstate-travels-3992", "2021-09-21"),
        ("historyatstate-travels-4019", "2022-07-26"),
    ]


def test_slugs_come_from_content_so_a_reordered_folder_gives_the_same(tmp_path: Path) -> None:
    one = historyatstate.read(write_folder(tmp_path / "a", VISITS, TRIPS))
    two = historyatstate.read(write_folder(tmp_path / "b", VISITS[::-1], TRIPS[::-1]))
    assert [r.slug for r in one.records] != [r.slug for r in two.records]  # read in other order
    assert {r.slug: r for r in one.records} == {r.slug: r for r in two.records}


SHULTZ = {"who": "shultz-george-pratt", "name": "George Pratt Shultz"}


def test_one_visit_told_twice_with_other_remarks_is_one_engagement(tmp_path: Path) -> None:
    a = trip(2121, "1988-02-28", "1988-02-28", "israel", "Tel Aviv, Jerusalem",
             "Briefed Israeli officials.", **SHULTZ)  # fmt: skip
    b = trip(2123, "1988-02-28", "1988-02-28", "israel", "Tel Aviv, Jerusalem",
             "Discussed a peace initiative.", **SHULTZ)  # fmt: skip
    batch = historyatstate.read(write_folder(tmp_path / "h", [], [b, a]))
    [visit] = batch.records
    assert visit.slug == "us-il-visit-1988-02-28-shultz"
    assert visit.summary == "Briefed Israeli officials. Discussed a peace initiative."
    assert [s.quote for s in visit.sources] == [
        "Briefed Israeli officials.", "Discussed a peace initiative.",
    ]  # fmt: skip
    assert "records 2121, 2123" in (visit.notes or "")
    assert batch.merged == [
        Merge(visit.slug, ["historyatstate-travels-2121", "historyatstate-travels-2123"],
              identical=False),
    ]  # fmt: skip
    assert batch.merged[0].describe().endswith(": the same visit, with other remarks")


def test_a_shared_slug_stays_with_the_lower_record_id_whatever_the_order(tmp_path: Path) -> None:
    a = trip(
        2121, "1988-02-28", "1988-02-28", "israel", "Jerusalem", "Briefed officials.", **SHULTZ
    )
    b = trip(2123, "1988-02-28", "1988-02-29", "israel", "Tel Aviv", "Discussed peace.", **SHULTZ)
    read = historyatstate.read(write_folder(tmp_path / "h", [], [b, a])).records
    slugs = {r.slug: r.summary for r in read}
    [other] = [s for s in slugs if s != "us-il-visit-1988-02-28-shultz"]
    assert re.fullmatch(r"us-il-visit-1988-02-28-shultz-[0-9a-f]{6}", other)
    assert slugs["us-il-visit-1988-02-28-shultz"] == "Briefed officials."  # the lower id, 2121
    reordered = historyatstate.read(write_folder(tmp_path / "g", [], [a, b])).records
    assert {r.slug: r.summary for r in reordered} == slugs


def test_import_records_builds_and_a_rerun_records_nothing(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    result = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert (
        "merged     us-jp-visit-2021-03-15-blinken "
        "(historyatstate-travels-3992, historyatstate-travels-4019): the same content"
        in result.output
    )
    assert (
        "8 read (4 visits, 4 trips), 7 recorded, 0 unchanged, 0 corroborated, "
        "1 merged duplicates, 0 skipped" in result.output
    )
    assert "timeline.db rebuilt: 7 events projected, 7 engagements" in result.output
    rows = store_rows(archive)
    assert len(rows) == 7
    again = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert again.exit_code == 0, again.output
    assert "8 read (4 visits, 4 trips), 0 recorded, 7 unchanged" in again.output
    assert store_rows(archive) == rows
    with sqlite3.connect(archive / "timeline.db") as db:
        assert db.execute(
            "select name_en, valid_until from countries where code = 'VNVN'"
        ).fetchone() == ("South Vietnam (Republic of Vietnam; State of Vietnam until 1955)",
                         "1975-04-30")  # fmt: skip
        assert db.execute(
            "select document from sources where engagement = 'us-jp-visit-2021-03-15-blinken'"
        ).fetchall() == [("historyatstate-travels-3992",), ("historyatstate-travels-4019",)]


def test_the_python_api_is_read_then_append(folder: Path, tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    report = archive.append(historyatstate.read(folder).records)
    assert len(report.recorded) == 7
    assert archive.get("vnvn-us-visit-1957-05-08-diem").facts.guests == ["VNVN"]
    assert len(archive.append(historyatstate.read(folder).records).unchanged) == 7


# Bad input ---------------------------------------------------------------------------------


def bad(tmp_path: Path, source: str) -> Result:
    archive = tmp_path / "archive"
    result = run("import", "historyatstate", source, "--archive", str(archive))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    assert not archive.exists()  # nothing written, not even the folder
    return result


def test_a_missing_folder(tmp_path: Path) -> None:
    result = bad(tmp_path, str(tmp_path / "nowhere"))
    assert result.stderr.strip() == f"Error: {tmp_path / 'nowhere'}: no such folder"


def test_a_folder_without_the_data(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = bad(tmp_path, str(tmp_path / "empty"))
    assert result.stderr.startswith(f"Error: {tmp_path / 'empty'}: no visits/data/*.xml nor")


def test_a_malformed_xml_file(folder: Path, tmp_path: Path) -> None:
    path = folder / "visits" / "data" / "1950.xml"
    path.write_text(path.read_text().replace("</visitor>", "</visitr>", 1))
    result = bad(tmp_path, str(folder))
    assert result.stderr.startswith(f"Error: {path}: malformed XML at line 7, column")


def test_an_unknown_country_slug(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "h", [VISITS[0]], [TRIPS[0].replace('"japan"', '"atlantis"')])
    result = bad(tmp_path, str(folder))
    assert result.stderr.strip() == (
        f"Error: {folder / 'travels' / 'secretary-travels' / 'people.xml'}: record 3992: "
        "country@id: unknown country slug 'atlantis' "
        "(add it to timeline/data/historyatstate_countries.tsv)"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("<start-date>1970-01-26", "<start-date>1970-01-32", "start-date: '1970-01-32' is not a date (YYYY-MM-DD)"),
        ("<end-date>1970-01-28", "<end-date>1970-01-20", "end-date: 1970-01-20 is before start-date 1970-01-26"),
        ("<visitor>Prime Minister Harold Wilson", "<visitor>", "visitor: missing"),
    ],
)  # fmt: skip
def test_a_bad_field_names_file_record_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = write_folder(tmp_path / "h", [VISITS[0].replace(old, new)], [])
    result = bad(tmp_path, str(folder))
    assert result.stderr.strip() == (
        f"Error: {folder / 'visits' / 'data' / '1950.xml'}: record 113: {message}"
    )


def test_an_error_leaves_an_existing_archive_as_it_was(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    before, projection = store_rows(archive), (archive / "timeline.db").read_bytes()
    (folder / "visits" / "data" / "1950.xml").write_text("<visits><visit>")
    result = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert result.exit_code == 1
    assert store_rows(archive) == before
    assert (archive / "timeline.db").read_bytes() == projection


def test_import_data_error_names_file_and_record() -> None:
    assert str(ImportDataError("a.xml", "id: bad", record="7")) == "a.xml: record 7: id: bad"


# The real data -----------------------------------------------------------------------------


@needs_real_data
def test_every_country_slug_in_the_real_data_maps_for_its_dates() -> None:
    seen = set()
    for entry in historyatstate.entries(REAL):
        slug, start = entry.fields["country-slug"], entry.fields["start-date"]
        rule = historyatstate.country_code(slug, date.fromisoformat(start))
        assert rule is not None and is_country(rule.code), (entry.file, entry.id, slug)
        seen.add(slug)
    assert len(seen) > 200
    assert seen <= set(historyatstate.country_table())


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REAL / "visits").is_dir():
        pytest.skip(f"the Office of the Historian's data is not at {REAL}")
    archive = tmp_path_factory.mktemp("real") / "archive"
    result = run("import", "historyatstate", str(REAL), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    archive.joinpath("first-run.txt").write_text(result.output)
    return archive


@pytest.fixture(scope="module")
def real_client(real_archive: Path) -> Iterator[Client]:
    yield from open_client(real_archive / "timeline.db")


def test_the_real_data_imports_whole_with_its_duplicates_merged(real_archive: Path) -> None:
    output = (real_archive / "first-run.txt").read_text()
    assert (
        "7535 read (3264 visits, 4271 trips), 7530 recorded, 0 unchanged, 0 corroborated, "
        "5 merged duplicates, 0 skipped" in output
    )
    for merged in [
        "us-jp-visit-2021-03-15-blinken (historyatstate-travels-3992, "
        "historyatstate-travels-4019): the same content",
        "us-kr-visit-2021-03-17-blinken (historyatstate-travels-3993, "
        "historyatstate-travels-4020): the same content",
        "us-il-visit-1988-02-28-shultz (historyatstate-travels-2121, "
        "historyatstate-travels-2123): the same visit, with other remarks",
    ]:
        assert f"merged     {merged}" in output
    again = run("import", "historyatstate", str(REAL), "--archive", str(real_archive), "--no-build")
    assert "0 recorded, 7530 unchanged, 0 corroborated, 5 merged duplicates" in again.output


def test_the_real_data_in_datasette(real_client: Client) -> None:
    [ussr] = real_client.rows("/timeline/countries", code="SUHH")
    assert (ussr["name_en"], ussr["name_vi"], ussr["valid_until"]) == (
        "Soviet Union (USSR)", "Liên Xô", "1991-12-26",
    )  # fmt: skip
    south = real_client.rows("/timeline/timeline", country="VNVN", counterpart="US",
                             _sort="start_date")  # fmt: skip
    assert south and all(r["start_date"] < "1975-05-01" for r in south)
    assert south[0]["engagement"] == "vnvn-us-visit-1951-09-03-huu"
    later = real_client.rows("/timeline/timeline", country="VN", counterpart="US")
    assert later and all(r["start_date"] > "1975-05-01" for r in later)
    [tokyo] = real_client.rows("/timeline/engagements", slug="us-jp-visit-2021-03-15-blinken")
    assert (tokyo["city"], tokyo["sources"]) == ("Tokyo", 2)


def test_a_record_changed_upstream_is_a_conflict_named_by_its_record(
    folder: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    before = store_rows(archive)
    path = folder / "visits" / "data" / "1950.xml"
    path.write_text(path.read_text().replace("Official working visit.", "Working visit."))
    result = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {path}: record 3001: hr-us-visit-2000-08-07-mesic: already recorded with other "
        "content (summary, sources)"
    )
    assert store_rows(archive) == before


def test_a_timeline_db_made_before_former_states_gains_their_columns(
    folder: Path, tmp_path: Path
) -> None:
    archive = Archive(tmp_path / "archive")
    with sqlite3.connect(archive.projection_path) as db:
        db.execute("create table countries (code text primary key, name_en text, name_vi text)")
        db.execute("insert into countries values ('VN', 'Vietnam', 'Việt Nam')")
    archive.append(historyatstate.read(folder).records)
    from timeline.projection.build import build

    build(archive)
    with sqlite3.connect(archive.projection_path) as db:
        assert db.execute(
            "select historical, valid_from, valid_until from countries where code = 'SUHH'"
        ).fetchone() == (1, "1922-12-30", "1991-12-26")
        assert db.execute("select count(*) from engagements").fetchone() == (7,)


@needs_real_data
def test_every_quote_of_the_real_data_stands_in_its_records_text() -> None:
    texts = historyatstate.texts(REAL)
    batch = historyatstate.read(REAL)
    assert len(texts) == batch.read == 7535
    checked = 0
    for record in batch.records:
        for q in [*record.sources, *record.evidence]:
            assert texts[q.document][q.start : q.end] == q.quote, (record.slug, q)
            checked += 1
    assert checked > 3 * len(batch.records)
    assert len({r.slug for r in batch.records}) == len(batch.records) == 7530


def test_an_xml_file_that_declares_entities_is_refused(folder: Path, tmp_path: Path) -> None:
    path = folder / "visits" / "data" / "1950.xml"
    text = path.read_text().replace(
        "<visits>", '<!DOCTYPE visits [<!ENTITY a "aaaaaaaaaa">]>\n<visits>', 1
    )
    path.write_text(text.replace("Harold Wilson", "&a;"))
    result = bad(tmp_path, str(folder))
    assert result.stderr.startswith(
        f"Error: {path}: refused: it declares XML entities (EntitiesForbidden)"
    )


def test_a_corrected_engagement_is_unchanged_on_reimport(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    fixed = run("correct", "hr-us-visit-2000-08-07-mesic", "--set", "summary=A working visit.",
                "--reason", "fuller summary", "--archive", str(archive))  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    again = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert again.exit_code == 0, again.output
    assert "0 recorded, 7 unchanged" in again.output
    current = Archive(archive).get("hr-us-visit-2000-08-07-mesic")
    assert (current.facts.summary, current.version) == ("A working visit.", 2)


def test_a_record_newly_repeated_upstream_corroborates_on_reimport(
    folder: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    path = folder / "travels" / "secretary-travels" / "people.xml"
    path.write_text(
        path.read_text().replace("</trips>", TRIPS[0].replace("3992", "5000") + "</trips>")
    )
    again = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert again.exit_code == 0, again.output
    assert (
        "corroborated us-jp-visit-2021-03-15-blinken (new source: historyatstate-travels-5000)"
        in again.output
    )
    assert "9 read (4 visits, 5 trips), 0 recorded, 6 unchanged, 1 corroborated" in again.output
    tokyo = Archive(archive).get("us-jp-visit-2021-03-15-blinken")
    assert [s.document for s in tokyo.facts.sources][-1] == "historyatstate-travels-5000"
    assert tokyo.version == 2


# Fuzzed ------------------------------------------------------------------------------------

FUZZ_EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="TIMELINE_FUZZ_EXAMPLES" not in os.environ,
    database=None,
)
TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12)
DATES = st.sampled_from(["1970-01-26", "1970-01-28", "2021-03-15", "1990-10-03", "1959-09-15",
                         "2025-02-30", "1970-1-2", "", "19700126", "2021-W11-1"]) | TEXT  # fmt: skip
SLUGS = st.sampled_from(["united-kingdom", "russia", "vietnam", "german-democratic-republic",
                         "yugoslavia", "hawaii", "atlantis", ""]) | TEXT  # fmt: skip


def element(tag: str, value: str | None) -> str:
    return "" if value is None else f"<{tag}>{escape(value)}</{tag}>"


@st.composite
def fuzzed_visit(draw: st.DrawFn) -> str:
    """A visit whose every field is, one time in five, missing or fuzzed."""

    def maybe(good: str, bad: st.SearchStrategy[str]) -> str | None:
        return good if draw(st.integers(0, 9)) < 8 else draw(st.none() | bad)

    slug = maybe("russia", SLUGS)
    country = "" if slug is None else f'<from id="{escape(slug, {chr(34): "&quot;"})}">X</from>'
    visitor = st.sampled_from(["President", "King Abdullah and Crown Prince Hussein"]) | TEXT
    return "<visit>" + "".join([
        element("id", maybe(str(draw(st.integers(1, 10**6))), TEXT)),
        element("start-date", maybe("1959-09-15", DATES)),
        element("end-date", maybe("1959-09-16", DATES)),
        element("visitor", maybe("Premier Khrushchev", visitor)),
        country, element("description", maybe("Official visit.", TEXT)),
    ]) + "</visit>"  # fmt: skip


@FUZZ
@given(
    visits=st.lists(fuzzed_visit(), max_size=4),
    garbage=st.none() | st.binary(max_size=40),
)
def test_fuzzed_visits_end_in_success_or_one_line_and_nothing_written(
    visits: list[str], garbage: bytes | None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "h"
        (folder / "visits" / "data").mkdir(parents=True)
        (folder / "visits" / "data" / "a.xml").write_text(
            "<visits>" + "".join(visits) + "</visits>", encoding="utf-8"
        )
        if garbage is not None:
            (folder / "visits" / "data" / "b.xml").write_bytes(garbage)
        archive = Path(tmp) / "archive"
        result = CliRunner().invoke(
            cli, ["import", "historyatstate", str(folder), "--archive", str(archive), "--no-build"]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 1:
            event("refused")
            assert result.stderr.startswith("Error: "), result.stderr
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert not archive.exists()
        else:
            event("imported")


def test_a_former_state_has_its_calendar_feed(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    client = Client(archive / "timeline.db")
    try:
        # The Office of the Historian's collections are shown when asked for.
        response = client.get("/-/calendar/SUHH.ics?collection=all")
        assert response.headers["content-type"].startswith("text/calendar")
        assert "Premier Khrushchev (Soviet Union) visits the United States" in response.text
        assert "President of the United States George H.W. Bush visits the Soviet Union" in (
            response.text.replace("\r\n ", "")
        )
    finally:
        client.close()


def test_import_on_either_store(folder: Path, tmp_path: Path, backend: Backend) -> None:
    archive = tmp_path / "archive"
    result = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert "7 recorded, 0 unchanged" in result.output
    stored = backend.stored(archive)
    assert len(stored) == 7
    again = run("import", "historyatstate", str(folder), "--archive", str(archive))
    assert "0 recorded, 7 unchanged" in again.output
    assert backend.stored(archive) == stored
    with sqlite3.connect(archive / "timeline.db") as db:
        assert db.execute("select count(*) from engagements where host = 'SUHH' or "
                          "guests like '%SUHH%'").fetchone() == (2,)  # fmt: skip


def test_visits_and_trips_join_collections_of_their_own(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    assert run("import", "historyatstate", str(folder), "--archive", str(archive)).exit_code == 0
    batch = historyatstate.read(folder)
    expected = {
        f"historyatstate-{'visits' if '-visits-' in f.sources[0].document else 'travels'}"
        for f in batch.records
    }
    with sqlite3.connect(archive / "timeline.db") as db:
        counts = dict(db.execute("select collection, count(*) from engagements group by 1"))
        listed = dict(db.execute("select name, engagements from collections"))
    assert set(counts) == expected == {"historyatstate-visits", "historyatstate-travels"}
    assert {name: listed[name] for name in counts} == counts
    # Not the security engagements: listed on request only.
    assert run("list", "--archive", str(archive)).stdout == ""
    everything = run("list", "--collection", "all", "--archive", str(archive)).stdout
    assert len(everything.splitlines()) == sum(counts.values())
