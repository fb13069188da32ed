"""Persons and organisations are made from the engagements that name them now (pure functions,
no database): the latest engagement's values, field by field, whatever order they come in."""

from __future__ import annotations

from timeline.projection.rows import organisation_row, person_row

MPS = {
    "organisation": "vn-mps",
    "name": "Ministry of Public Security",
    "abbreviation": "MPS",
    "country": "VN",
}
NAMED_MPS = [  # latest first, as the projection reads them
    {**MPS, "name_local": None, "start_date": "2026-03-02", "engagement": "c"},
    {**MPS, "name": "Ministry of Public Security of Viet Nam", "name_local": "Bộ Công an", "start_date": "2025-09-05", "engagement": "b"},
    {**MPS, "name_local": "Bo Cong an", "start_date": "2024-01-01", "engagement": "a"},
]  # fmt: skip


def test_an_organisation_takes_each_field_from_the_latest_engagement_that_gives_it() -> None:
    """A record that leaves the local name out does not erase the one an earlier record gave."""
    assert organisation_row(NAMED_MPS) == {
        "id": "vn-mps",
        "name": "Ministry of Public Security",
        "abbreviation": "MPS",
        "country": "VN",
        "name_local": "Bộ Công an",
        "search_text": "ministry of public security bo cong an mps",
    }


def test_a_person_has_the_latest_name_and_country_and_every_variant() -> None:
    named = [
        {"person": "luong-tam-quang", "name": "Luong Tam Quang", "variants": "[]", "country": None},
        {"person": "luong-tam-quang", "name": "Lương Tam Quang", "variants": '["Luong T. Quang"]', "country": "VN"},
        {"person": "luong-tam-quang", "name": "Lương Tam Quang", "variants": '["L. T. Quang", "Luong T. Quang"]', "country": "VN"},
    ]  # fmt: skip
    assert person_row(named) == {
        "id": "luong-tam-quang",
        "name": "Luong Tam Quang",
        "variants": '["L. T. Quang","Luong T. Quang"]',
        "country": "VN",
        "search_text": "luong tam quang l. t. quang luong t. quang",
    }
