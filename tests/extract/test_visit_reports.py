"""A foreign agency's report of its head's trip, as the Vietnamese services of foreign
broadcasters print it: sentences glued without a space, a Korean name whose surname Vietnamese
names share, an audience ("diện kiến") and a minister of another portfolio."""

from __future__ import annotations

from timeline.extract import extract
from timeline.extract.gazetteer import find_organisations
from timeline.extract.people import find_people
from timeline.extract.segment import split_sentences

REPORT = (
    "Cơ quan Cảnh sát quốc gia Hàn Quốc ngày 9/5 cho biết Giám đốc Cơ quan Cảnh sát quốc gia "
    "Park Min-seok đã có chuyến thăm Việt Nam từ ngày 3-6/5 để thảo luận về hợp tác an ninh."
    "Trong khuôn khổ chuyến thăm, Giám đốc Park Min-seok đã gặp Bộ trưởng Bộ Công an Việt Nam "
    "Trần Văn Bình.Ông Park cũng đã diện kiến Phó Thủ tướng Lê Minh An và Bộ trưởng Tư pháp "
    "Việt Nam Đỗ Quang Huy.\n"
)


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it():
    text = "hợp tác an ninh.Trong khuôn khổ chuyến thăm, ông gặp John R.Smith tại VnExpress.net."
    assert [s[2] for s in split_sentences(text)] == [
        "hợp tác an ninh.",
        "Trong khuôn khổ chuyến thăm, ông gặp John R.Smith tại VnExpress.net.",
    ]


def test_a_hyphenated_given_name_after_a_korean_surname_is_korean():
    text = "Ông Kim Jae-won và ông Kim Văn Nam đã gặp nhau."
    found = {p.name: p.country for p in find_people(text, 0, len(text), "vi", [])}
    assert found == {"Kim Jae-won": "KR", "Kim Văn Nam": "VN"}


def test_a_minister_of_another_portfolio_is_no_organisation():
    text = "Ông gặp Bộ trưởng Tư pháp Việt Nam Đỗ Quang Huy."
    assert find_organisations(text, "vi", 0, len(text), []) == []


def test_each_counterpart_of_a_reported_trip_gives_one_meeting_with_the_visitors_country():
    drafts = [r.record for r in extract(REPORT, document="doc").records]
    assert sorted(r["kind"] for r in drafts) == ["meeting", "meeting", "meeting", "visit"]
    for r in drafts:
        assert (r["host"], r["guests"]) == ("VN", ["KR"])
    met = {p["name"] for r in drafts if r["kind"] == "meeting" for p in r["participants"]}
    assert met >= {"Trần Văn Bình", "Lê Minh An", "Đỗ Quang Huy", "Park Min-seok"}
