"""The office registry shipped in the package, and one person however written."""

from __future__ import annotations

from datetime import date

from timeline.offices.conflicts import conflict
from timeline.offices.names import may_be_same_person, person_key
from timeline.offices.registry import overlap, shipped


def test_every_shipped_holding_names_its_source_and_no_single_holder_office_overlaps() -> None:
    registry = shipped()
    assert len(registry.offices) >= 20
    for holding in registry.holdings:
        assert holding.source.startswith("https://"), holding
        assert holding.end is None or holding.end >= holding.start, holding
    for office in registry.offices.values():
        assert overlap(office, registry.holders(office.slug)) is None, office.slug


def test_the_registry_says_who_held_an_office_on_a_date() -> None:
    registry = shipped()
    assert [h.holder for h in registry.held_on("vn-prime-minister", date(2022, 5, 12))] == [
        "Phạm Minh Chính"
    ]
    assert [h.holder for h in registry.held_on("vn-prime-minister", date(2010, 1, 1))] == [
        "Nguyễn Tấn Dũng"
    ]
    # A handover day has both: one leaves and the next comes in.
    handover = registry.held_on("vn-prime-minister", date(2016, 4, 7))
    assert {h.holder for h in handover} == {"Nguyễn Tấn Dũng", "Nguyễn Xuân Phúc"}


def test_one_person_has_one_key_across_diacritics_order_and_romanisation() -> None:
    assert person_key("Nguyen Tan Dung") == person_key("Nguyễn Tấn Dũng")
    assert person_key("Dung Nguyen Tan") == person_key("Nguyễn Tấn Dũng")
    assert person_key("Yoon Hee-keun") == person_key("Yoon Hee-geun")
    assert person_key("Nguyễn Tấn Dũng") != person_key("Nguyễn Xuân Phúc")
    assert person_key("Tô Lâm") != person_key("Lương Tam Quang")


def test_names_that_may_be_one_person_are_matched_leniently_but_not_blindly() -> None:
    assert may_be_same_person(["Madeleine Korbel Albright"], ["Madeleine K. Albright"])
    assert may_be_same_person(["Kakui Tanaka"], ["Kakuei Tanaka"])
    assert may_be_same_person(["Robert J. L. Hawke"], ["Bob Hawke"], "AU")
    assert not may_be_same_person(["Herbert C. Hoover"], ["Calvin Coolidge"], "US")
    # Family name first: a shared given name says nothing.
    assert not may_be_same_person(["Nguyễn Quốc Dũng"], ["Nguyễn Tấn Dũng"], "VN")


def test_a_title_the_registry_contradicts_is_found_with_the_entry_that_contradicts_it() -> None:
    registry = shipped()
    found = conflict(registry, ["Nguyen Tan Dung"], "Prime Minister", "VN", date(2022, 5, 12))
    assert found is not None
    assert found.entry == "vn-prime-minister/pham-minh-chinh/2021-04-05"
    assert "2006-06-27 to 2016-04-07" in found.message
    assert conflict(registry, ["Nguyen Tan Dung"], "Prime Minister", "VN", date(2010, 1, 1)) is None
    # A title naming no office of the registry, or a date before its first holder: no flag.
    assert conflict(registry, ["Nguyen Tan Dung"], "Ambassador", "VN", date(2022, 5, 12)) is None
    assert conflict(registry, ["Hồ Chí Minh"], "President", "VN", date(1960, 1, 1)) is None


def test_the_heads_of_cbp_afp_npa_and_knpa_are_known_and_checked_under_every_spelling() -> None:
    registry = shipped()
    on = {
        ("us-cbp-commissioner", date(2011, 6, 1)): ["Alan Bersin"],
        ("au-afp-commissioner", date(2012, 6, 1)): ["Tony Negus"],
        ("jp-npa-commissioner-general", date(2023, 5, 1)): ["Yasuhiro Tsuyuki"],
        ("kr-knpa-commissioner-general", date(2023, 5, 1)): ["Yoon Hee-keun"],
        # Between two holders the registry lists (an acting commissioner's time): nobody.
        ("au-afp-commissioner", date(2016, 1, 1)): [],
    }
    for (office, day), holders in on.items():
        assert [h.holder for h in registry.held_on(office, day)] == holders, (office, day)
    # The other romanisation of the same commissioner is no contradiction; a predecessor
    # named with the title after his term is one, with the entry that contradicts it.
    title = "KNPA Commissioner General"
    assert conflict(registry, ["Yoon Hee-geun"], title, "KR", date(2023, 5, 1)) is None
    found = conflict(registry, ["Yoon Hee-geun"], title, "KR", date(2025, 1, 10))
    assert found is not None
    assert found.entry == "kr-knpa-commissioner-general/cho-ji-ho/2024-08-12"
    found = conflict(registry, ["Mick Keelty"], "AFP Commissioner", "AU", date(2012, 6, 1))
    assert found is not None and found.office == "au-afp-commissioner"
