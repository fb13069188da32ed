"""Pages that once crashed the extractor, each written for this test in the shape of the real page
that did (the real pages are not in the repository)."""

from __future__ import annotations

from pathlib import Path

from timeline.extract import extract

PAGES = Path(__file__).resolve().parent / "pages"


def test_an_embassy_written_with_a_curly_apostrophe_is_drafted_as_its_countrys() -> None:
    # "Vietnam’s Embassy" with a curly apostrophe was once read as an "Embassy in Tokyo" of no
    # country, which crashed the draft (TypeError in short_name); it is Vietnam's embassy
    text = (PAGES / "en_portal_embassy_visit.txt").read_text(encoding="utf-8")
    draft = extract(text, document="t")
    orgs = [o for r in draft.records for o in r.record.get("organisations", [])]
    assert any(
        o["name"] == "Embassy of Vietnam in Tokyo" and o.get("country") == "VN" for o in orgs
    )
    assert not any(
        f.code == "ministry-country-inferred" and "Embassy" in f.note
        for r in draft.records
        for f in r.flags
    )
