"""Record files: YAML, JSON and NDJSON; one or many records; errors that name file, record, field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.helpers import make_record, visit_record
from timeline.errors import RecordError
from timeline.inputs.records import dump_yaml, load, parse


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_yaml_json_and_ndjson_hold_the_same_records(tmp_path: Path) -> None:
    records = [make_record(), visit_record()]
    files = [
        write(tmp_path / "a.yaml", yaml.safe_dump_all(records, allow_unicode=True)),
        write(tmp_path / "b.yml", yaml.safe_dump({"engagements": records}, allow_unicode=True)),
        write(tmp_path / "c.json", json.dumps(records, ensure_ascii=False)),
        write(tmp_path / "d.ndjson", "\n".join(json.dumps(r) for r in records) + "\n"),
    ]
    loaded = [load([f]) for f in files]
    assert all(batch == loaded[0] for batch in loaded)
    assert [r.slug for r in loaded[0]] == ["vn-us-security-dialogue-2", "vn-us-visit-2025"]


def test_yaml_anchors_share_a_source_and_x_keys_are_ignored(tmp_path: Path) -> None:
    text = """
x-source: &wire
  document: test-doc
  publisher: Test Wire
  language: en
engagements:
  - slug: a-visit
    kind: visit
    title: A visit
    date: 2024-07
    host: VN
    guests: [US]
    sources: [{<<: *wire, quote: "abc", start: 0, end: 3}]
    x-review: {confidence: 0.4}
"""
    (record,) = load([write(tmp_path / "r.yaml", text)])
    assert record.sources[0].publisher == "Test Wire"
    assert record.date.precision == "month"


def test_a_folder_stands_for_its_record_files(tmp_path: Path) -> None:
    write(tmp_path / "1.yaml", yaml.safe_dump(make_record(), allow_unicode=True))
    write(tmp_path / "2.json", json.dumps(visit_record()))
    write(tmp_path / "notes.txt", "not a record")
    assert len(load([str(tmp_path)])) == 2


def test_stdin_format_is_detected() -> None:
    ndjson = "\n".join(json.dumps(r) for r in [make_record(), visit_record()])
    assert len(parse(ndjson, "<stdin>")) == 2
    assert len(parse(json.dumps(make_record()), "<stdin>")) == 1
    assert len(parse(yaml.safe_dump(make_record()), "<stdin>")) == 1


def test_dump_yaml_round_trips(tmp_path: Path) -> None:
    records = load([write(tmp_path / "a.json", json.dumps([make_record(), visit_record()]))])
    again = load([write(tmp_path / "b.yaml", dump_yaml(records))])
    assert again == records


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yaml", "slug: [unclosed", "bad.yaml: malformed YAML at line 1"),
        ("bad.json", '{"slug": "x",}', "bad.json: malformed JSON at line 1"),
        ("bad.ndjson", json.dumps(make_record()) + "\n{oops\n", "bad.ndjson: line 2: malformed JSON"),
        ("list.yaml", "- just a string", "list.yaml: record 1: expected a mapping of fields, found str"),
        ("noslug.json", json.dumps(make_record(slug=None)),
         "noslug.json: record 1: slug: missing"),
        ("country.json", json.dumps([visit_record(), make_record(host="XX")]),
         "country.json: record 2 (vn-us-security-dialogue-2): host: unknown country code 'XX'"),
        ("dates.json", json.dumps(make_record(date={"start": "2025-09-05", "end": "2025-09-01",
                                                    "precision": "range"})),
         "dates.json: record 1 (vn-us-security-dialogue-2): date: end 2025-09-01 is before start"),
        ("topic.json", json.dumps(make_record(topics=["piracy_of_films"])),
         "topic.json: record 1 (vn-us-security-dialogue-2): topics[0]: unknown topic"),
        ("kind.json", json.dumps(make_record(kind="summit")),
         "kind.json: record 1 (vn-us-security-dialogue-2): kind: Input should be"),
        ("twice.json", json.dumps([visit_record(), visit_record(title="Another title")]),
         "twice.json: record 2 (vn-us-visit-2025): slug: also given in"),
    ],
)  # fmt: skip
def test_bad_input_names_file_record_and_field(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(RecordError) as info:
        load([write(tmp_path / name, text)])
    assert str(info.value).startswith(str(tmp_path / message))
    assert "\n" not in str(info.value)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"nope\.yaml: no such file"):
        load([str(tmp_path / "nope.yaml")])
    (tmp_path / "latin.yaml").write_bytes("slug: caf\xe9".encode("latin-1"))
    with pytest.raises(RecordError, match=r"latin\.yaml: not UTF-8"):
        load([str(tmp_path / "latin.yaml")])


def test_quotes_are_checked_against_documents_beside_the_file(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "test-doc.txt").write_text(
        "The dialogue was held on 5 September. More text.", encoding="utf-8"
    )
    records = tmp_path / "records"
    records.mkdir()
    good = write(records / "good.json", json.dumps(make_record()))
    assert len(load([good])) == 1
    shifted = make_record(
        evidence=[{"field": "date", "document": "test-doc", "quote": "5 September", "start": 24,
                   "end": 35, "inferred": True, "note": "year from publication"}]
    )  # fmt: skip
    bad = write(records / "bad.json", json.dumps(shifted))
    with pytest.raises(
        RecordError, match=r"evidence\[0\].quote: not found at 24..35 .* stands at 25"
    ):
        load([bad])
