"""The seed documents and the curated records made from them: they load, they quote their
documents exactly, and they record what the articles report, no more (see seeds/README.md)."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from events import TOPICS, EngagementFacts, When
from timeline.inputs.records import load

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOCUMENTS = SEEDS / "documents"
RECORDS = SEEDS / "records"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "seeds"

VN_US = "000_36722caa4ac8dc06"
VN_AU = "003_28070336086c2807"
END_MARK = "/."

EXPECTED = {
    # slug: (kind, document, part_of)
    "vn-us-mps-delegation-visit-2025-09": ("visit", VN_US, None),
    "vn-us-security-law-enforcement-dialogue-2": (
        "dialogue",
        VN_US,
        "vn-us-mps-delegation-visit-2025-09",
    ),
    "vn-us-security-law-enforcement-dialogue-1": ("dialogue", VN_US, None),
    "vn-us-mps-fbi-meeting-2025-09": ("meeting", VN_US, "vn-us-mps-delegation-visit-2025-09"),
    "vn-us-mps-cbp-meeting-2025-09": ("meeting", VN_US, "vn-us-mps-delegation-visit-2025-09"),
    "vn-us-mps-state-department-meeting-2025-09": (
        "meeting",
        VN_US,
        "vn-us-mps-delegation-visit-2025-09",
    ),
    "vn-us-mps-asia-group-meeting-2025-09": (
        "meeting",
        VN_US,
        "vn-us-mps-delegation-visit-2025-09",
    ),
    "vn-au-mps-delegation-visit-2023-02": ("visit", VN_AU, None),
    "vn-au-deputy-ministerial-security-dialogue-3": (
        "dialogue",
        VN_AU,
        "vn-au-mps-delegation-visit-2023-02",
    ),
    "vn-au-nema-briefing-2023-02": ("meeting", VN_AU, "vn-au-mps-delegation-visit-2023-02"),
    "vn-au-mps-embassy-visit-canberra-2023-02": (
        "embassy_visit",
        VN_AU,
        "vn-au-mps-delegation-visit-2023-02",
    ),
    "vn-au-mps-consulate-visit-sydney-2023-02": (
        "embassy_visit",
        VN_AU,
        "vn-au-mps-delegation-visit-2023-02",
    ),
}


def text_of(document: str) -> str:
    return (DOCUMENTS / f"{document}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def records() -> dict[str, EngagementFacts]:
    loaded = load([str(RECORDS)])
    by_slug = {r.slug: r for r in loaded}
    assert len(by_slug) == len(loaded), "a slug is given twice"
    return by_slug


def quotes(record: EngagementFacts) -> list[tuple[str, object]]:
    return [(f"sources[{i}]", q) for i, q in enumerate(record.sources)] + [
        (f"evidence[{i}] ({q.field})", q) for i, q in enumerate(record.evidence)
    ]


def evidence_for(record: EngagementFacts, field: str) -> list:
    return [e for e in record.evidence if e.field == field]


# --- the documents ---------------------------------------------------------------------------


def test_the_documents_are_the_two_articles_each_with_its_metadata() -> None:
    assert sorted(p.name for p in DOCUMENTS.iterdir()) == [
        f"{VN_US}.txt",
        f"{VN_US}.yaml",
        f"{VN_AU}.txt",
        f"{VN_AU}.yaml",
    ]


def test_the_documents_are_byte_identical_to_the_originals() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the original seed documents are not at {SHARED} in this checkout")
    for document in (VN_US, VN_AU):
        copy = (DOCUMENTS / f"{document}.txt").read_bytes()
        original = (SHARED / f"{document}.txt").read_bytes()
        assert copy == original, f"{document}.txt differs from {SHARED}"


@pytest.mark.parametrize("document", [VN_US, VN_AU])
def test_each_document_has_its_metadata(document: str) -> None:
    meta = yaml.safe_load((DOCUMENTS / f"{document}.yaml").read_text(encoding="utf-8"))
    assert meta["document"] == document
    assert meta["language"] == "vi"
    assert meta["title"] and meta["publisher"] and meta["note"]
    assert re.match(r"^https://\S+$", meta["url"])
    assert isinstance(meta["published"], date)
    assert isinstance(meta["published_inferred"], bool)
    digest = hashlib.sha256((DOCUMENTS / f"{document}.txt").read_bytes()).hexdigest()
    assert meta["sha256"] == digest


def test_metadata_dates_match_what_the_texts_say() -> None:
    us = yaml.safe_load((DOCUMENTS / f"{VN_US}.yaml").read_text(encoding="utf-8"))
    au = yaml.safe_load((DOCUMENTS / f"{VN_AU}.yaml").read_text(encoding="utf-8"))
    # 000 gives no year at all: publication on or right after the Dialogue of 5 Sept 2025.
    assert us["published_inferred"] is True
    assert date(2025, 9, 5) <= us["published"] <= date(2025, 9, 7)
    assert "2025" in us["note"]
    # 003 states the Dialogue's date, 22/2/2023, but not its own publication date.
    assert "22/2/2023" in text_of(VN_AU)
    assert au["published_inferred"] is True
    assert au["published"] >= date(2023, 2, 22)


# --- the records load, and quote their documents exactly -------------------------------------


def test_every_seed_record_loads_and_validates(records: dict[str, EngagementFacts]) -> None:
    for path in sorted(RECORDS.glob("*.yaml")):
        assert load([str(path)]), f"{path.name} holds no records"
    for record in records.values():
        again = EngagementFacts.model_validate(record.model_dump())
        assert again == record


def raw_quotes() -> list[tuple[str, str, dict]]:
    """(slug, where, quote) of every source and evidence, read from the files without `load`."""
    out = []
    for path in sorted(RECORDS.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["engagements"]:
            for key in ("sources", "evidence"):
                for i, q in enumerate(raw.get(key, [])):
                    out.append((raw["slug"], f"{key}[{i}] {q.get('field', '')}", q))
    return out


def test_every_quote_stands_at_its_offsets() -> None:
    # Checked here without `load`, so that this test fails on its own if the loader's check does.
    texts = {d: text_of(d) for d in (VN_US, VN_AU)}
    found = raw_quotes()
    assert len(found) > 100
    for slug, where, q in found:
        assert q["document"] in texts, f"{slug} {where}: unknown document {q['document']}"
        assert texts[q["document"]][q["start"] : q["end"]] == q["quote"], (
            f"{slug} {where}: {q['quote']!r} is not at {q['start']}..{q['end']}"
        )


def test_each_record_quotes_one_document_and_its_metadata(
    records: dict[str, EngagementFacts],
) -> None:
    for slug, record in records.items():
        document = EXPECTED[slug][1]
        meta = yaml.safe_load((DOCUMENTS / f"{document}.yaml").read_text(encoding="utf-8"))
        assert {q.document for _, q in quotes(record)} == {document}, slug
        for source in record.sources:
            assert source.publisher == meta["publisher"], slug
            assert source.url == meta["url"], slug
            assert source.published == meta["published"], slug
            assert source.published_inferred == meta["published_inferred"], slug
            assert source.language == "vi", slug


def test_nothing_is_quoted_from_the_teaser_after_the_end_mark(
    records: dict[str, EngagementFacts],
) -> None:
    text = text_of(VN_US)
    assert text.count(END_MARK) == 1
    story_end = text.index(END_MARK)
    teaser = text[story_end + len(END_MARK) :]
    assert "Đảng Cộng sản" in teaser
    for record in records.values():
        for where, q in quotes(record):
            if q.document == VN_US:
                assert q.end <= story_end, f"{record.slug} {where} quotes past the `/.` end mark"
        assert "Cộng sản" not in (record.summary or "") + (record.notes or ""), record.slug


# --- what the records hold -------------------------------------------------------------------


def test_the_slugs_are_exactly_the_engagements_reported(
    records: dict[str, EngagementFacts],
) -> None:
    assert set(records) == set(EXPECTED)
    for slug, (kind, _, _) in EXPECTED.items():
        assert records[slug].kind == kind, slug


def test_part_of_points_at_a_seed_visit_that_contains_it(
    records: dict[str, EngagementFacts],
) -> None:
    for slug, record in records.items():
        assert record.part_of == EXPECTED[slug][2], slug
        if record.part_of is None:
            continue
        parent = records[record.part_of]
        assert parent.kind == "visit" and parent.part_of is None, slug
        assert parent.date.start <= record.date.start <= record.date.end <= parent.date.end, slug
        assert record.place and parent.place and record.place.country == parent.place.country


def test_series_and_sessions_are_coherent(records: dict[str, EngagementFacts]) -> None:
    series: dict[str, dict[int, str]] = {}
    for slug, record in records.items():
        assert (record.kind == "dialogue") == (record.series is not None), slug
        assert (record.series is None) == (record.session is None), slug
        if record.series:
            assert slug == f"{record.series}-{record.session}", slug
            assert record.session not in series.setdefault(record.series, {}), slug
            series[record.series][record.session] = slug
    assert set(series["vn-us-security-law-enforcement-dialogue"]) == {1, 2}
    assert set(series["vn-au-deputy-ministerial-security-dialogue"]) == {3}
    first = records["vn-us-security-law-enforcement-dialogue-1"]
    second = records["vn-us-security-law-enforcement-dialogue-2"]
    assert first.date.end < second.date.start


def test_dates_places_and_countries(records: dict[str, EngagementFacts]) -> None:
    def when(text: str) -> When:
        return When.model_validate(text)

    expected = {
        "vn-us-mps-delegation-visit-2025-09": ("2025-09-04/2025-09-05", "US", None, "US"),
        "vn-us-security-law-enforcement-dialogue-2": ("2025-09-05", "US", "Washington, D.C.", "US"),
        "vn-us-security-law-enforcement-dialogue-1": ("2024-07", "VN", "Hanoi", "VN"),
        "vn-us-mps-fbi-meeting-2025-09": ("2025-09-04/2025-09-05", "US", None, "US"),
        "vn-us-mps-cbp-meeting-2025-09": ("2025-09-04/2025-09-05", "US", None, "US"),
        "vn-us-mps-state-department-meeting-2025-09": ("2025-09-04/2025-09-05", "US", None, "US"),
        "vn-us-mps-asia-group-meeting-2025-09": ("2025-09-04/2025-09-05", "US", None, "US"),
        "vn-au-mps-delegation-visit-2023-02": ("2023-02", "AU", None, "AU"),
        "vn-au-deputy-ministerial-security-dialogue-3": ("2023-02-22", "AU", "Canberra", "AU"),
        "vn-au-nema-briefing-2023-02": ("2023-02", "AU", None, "AU"),
        "vn-au-mps-embassy-visit-canberra-2023-02": ("2023-02", "AU", "Canberra", None),
        "vn-au-mps-consulate-visit-sydney-2023-02": ("2023-02", "AU", "Sydney", None),
    }
    for slug, (day, country, city, host) in expected.items():
        record = records[slug]
        got = record.date
        want = when(day)
        assert (got.start, got.end, got.precision) == (want.start, want.end, want.precision), slug
        assert record.place is not None, slug
        assert (record.place.country, record.place.city) == (country, city), slug
        assert record.host == host, slug
        guests = ["US"] if slug == "vn-us-security-law-enforcement-dialogue-1" else ["VN"]
        assert record.guests == guests, slug


def test_every_record_has_a_summary_and_english_titles(
    records: dict[str, EngagementFacts],
) -> None:
    for slug, record in records.items():
        assert record.summary, slug
        assert record.title.replace("–", "-").isascii(), slug


def test_evidence_covers_date_and_place_and_every_stated_fact(
    records: dict[str, EngagementFacts],
) -> None:
    for slug, record in records.items():
        fields = {e.field for e in record.evidence}
        assert "date" in fields, slug
        if record.place:
            assert "place" in fields, slug
        for name in ("host", "guests", "series", "session", "part_of"):
            if getattr(record, name):
                assert name in fields, f"{slug}: no evidence for {name}"
        for i, p in enumerate(record.participants):
            assert f"participants[{i}]" in fields, f"{slug}: participants[{i}]"
            for attr in ("title", "rank", "role", "variants"):
                if getattr(p, attr):
                    assert f"participants[{i}].{attr}" in fields, f"{slug}: {p.name} {attr}"
        for i, _ in enumerate(record.organisations):
            assert f"organisations[{i}]" in fields, f"{slug}: organisations[{i}]"
        for i, topic in enumerate(record.topics):
            assert topic in TOPICS
            assert f"topics[{i}]" in fields, f"{slug}: topics[{i}] ({topic})"
        assert "sources[0].published" in fields, slug


def test_inferred_facts_say_how(records: dict[str, EngagementFacts]) -> None:
    for slug, record in records.items():
        for e in record.evidence:
            if e.inferred:
                assert e.note and len(e.note) > 20, f"{slug}: {e.field} inferred without a note"


def test_the_2025_dates_are_flagged_as_inferred(records: dict[str, EngagementFacts]) -> None:
    text = text_of(VN_US)
    assert "2025" not in text[: text.index(END_MARK)]
    dated_2025 = [r for r in records.values() if r.date.start.year == 2025]
    assert len(dated_2025) == 6
    for record in dated_2025:
        (evidence,) = evidence_for(record, "date")
        assert evidence.inferred, record.slug
        assert "2025" in evidence.note, record.slug
    # The 1st Dialogue's July 2024 is stated.
    (first,) = evidence_for(records["vn-us-security-law-enforcement-dialogue-1"], "date")
    assert not first.inferred and "7/2024" in first.quote


def test_day_ranges_and_months_not_stated_are_flagged(records: dict[str, EngagementFacts]) -> None:
    for record in records.values():
        if record.kind in ("meeting", "embassy_visit") or record.date.precision == "month":
            if record.slug == "vn-us-security-law-enforcement-dialogue-1":
                continue
            (evidence,) = evidence_for(record, "date")
            assert evidence.inferred and evidence.note, record.slug


def test_landberg_is_the_name_and_lanberg_only_a_variant(
    records: dict[str, EngagementFacts],
) -> None:
    dialogue = records["vn-us-security-law-enforcement-dialogue-2"]
    names = {p.name for r in records.values() for p in r.participants}
    assert "Chris Landberg" in names and "Chris Lanberg" not in names
    (i, chris), *_ = [(i, p) for i, p in enumerate(dialogue.participants) if "Landberg" in p.name]
    assert chris.variants == ["Chris Lanberg"]
    assert chris.role == "co_chair" and chris.country == "US"
    assert any("Landberg" in e.quote for e in evidence_for(dialogue, f"participants[{i}]"))
    assert any("Lanberg" in e.quote for e in evidence_for(dialogue, f"participants[{i}].variants"))


def test_the_co_chairs(records: dict[str, EngagementFacts]) -> None:
    def co_chairs(slug: str) -> dict[str, tuple[str | None, str | None, str | None]]:
        return {
            p.name: (p.rank, p.title, p.country)
            for p in records[slug].participants
            if p.role == "co_chair"
        }

    assert co_chairs("vn-us-security-law-enforcement-dialogue-2") == {
        "Lê Quốc Hùng": (
            "Senior Lieutenant General",
            "Deputy Minister of Public Security",
            "VN",
        ),
        "Chris Landberg": (
            None,
            "Acting Assistant Secretary of State for International Narcotics and Law "
            "Enforcement Affairs",
            "US",
        ),
    }
    assert co_chairs("vn-au-deputy-ministerial-security-dialogue-3") == {
        "Sophie Sharpe": (
            None,
            "Deputy Secretary, Executive Group, Department of Home Affairs",
            "AU",
        ),
        "Lương Tam Quang": (
            "Senior Lieutenant General",
            "Deputy Minister of Public Security",
            "VN",
        ),
    }


def test_home_affairs_is_an_inferred_reading_of_bo_noi_vu(
    records: dict[str, EngagementFacts],
) -> None:
    dialogue = records["vn-au-deputy-ministerial-security-dialogue-3"]
    (i, home_affairs), *_ = [
        (i, o) for i, o in enumerate(dialogue.organisations) if "Home Affairs" in o.name
    ]
    assert home_affairs.name == "Department of Home Affairs"
    assert (home_affairs.country, home_affairs.name_local) == ("AU", "Bộ Nội vụ")
    flagged = evidence_for(dialogue, f"organisations[{i}]")
    assert flagged and all(e.inferred and "Bộ Nội vụ" in e.note for e in flagged)
    assert all(e.quote == "Bộ Nội vụ" for e in flagged)


def test_supplied_names_are_flagged(records: dict[str, EngagementFacts]) -> None:
    # NEMA's abbreviation: the text names the agency in Vietnamese only.
    for slug in ("vn-au-nema-briefing-2023-02", "vn-au-deputy-ministerial-security-dialogue-3"):
        record = records[slug]
        (i,) = [i for i, o in enumerate(record.organisations) if o.abbreviation == "NEMA"]
        (e,) = evidence_for(record, f"organisations[{i}].abbreviation")
        assert e.inferred and "NEMA" in e.note
    assert "NEMA" not in text_of(VN_AU)
    # Canberra as the city of Vietnam's Embassy in Australia.
    embassy = records["vn-au-mps-embassy-visit-canberra-2023-02"]
    assert any(e.inferred and "Canberra" in e.note for e in evidence_for(embassy, "place"))


def test_the_topics_are_those_the_texts_name(records: dict[str, EngagementFacts]) -> None:
    us = set(records["vn-us-security-law-enforcement-dialogue-2"].topics)
    assert {
        "maritime_security",
        "supply_chain_security",
        "money_laundering",
        "counter_terrorism",
        "drug_trafficking",
        "cybercrime",
        "illegal_migration",
        "human_trafficking",
        "financial_crime",
        "online_fraud",
        "capacity_building",
        "criminal_justice",
        "regional_security",
        "transnational_crime",
        "organised_crime",
    } <= us
    au = set(records["vn-au-deputy-ministerial-security-dialogue-3"].topics)
    assert {
        "immigration",
        "people_smuggling",
        "cybersecurity",
        "data_security",
        "critical_technology",
        "money_laundering",
        "terrorist_financing",
        "extradition",
        "mutual_legal_assistance",
        "disaster_management",
        "climate_change",
    } <= au
    # The 1st Dialogue is known only from a mention: no topics or participants are invented.
    first = records["vn-us-security-law-enforcement-dialogue-1"]
    assert not first.topics and not first.participants
