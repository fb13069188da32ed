"""Pages that once crashed the extractor, each written for this test in the shape of the real page
that did (the real pages are not in the repository)."""

from __future__ import annotations

from pathlib import Path

from timeline.extract import extract

PAGES = Path(__file__).resolve().parent / "pages"


def test_an_embassy_named_without_its_country_is_drafted_without_one() -> None:
    # "Vietnam’s Embassy" with a curly apostrophe is not read as Vietnam's: the mission is an
    # "Embassy in Tokyo" of no country, which crashed the draft (TypeError in short_name)
    text = (PAGES / "en_portal_embassy_visit.txt").read_text(encoding="utf-8")
    draft = extract(text, document="t")
    orgs = [o for r in draft.records for o in r.record.get("organisations", [])]
    assert any(o["name_local"] == "Embassy in Tokyo" and "country" not in o for o in orgs)
    assert not any(
        f.code == "ministry-country-inferred" and "Embassy" in f.note
        for r in draft.records
        for f in r.flags
    )
