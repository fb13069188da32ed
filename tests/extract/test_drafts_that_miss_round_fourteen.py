"""Drafts that miss their event (issue 11, fourteenth round, x-match-vi): an engagement drafted
with one field wrong (its counterpart's agency, its year, its day, a second copy of it) is both a
false positive and a miss. Each mechanism is tested on sentences written for these tests in the
genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import meetings, names, records

# --- a unit named with its parent body ----------------------------------------------------------


def test_a_unit_named_with_its_foreign_parent_in_brackets_is_that_country_s():
    text = (
        "Ngày 9/11, Cục Bộ đội Biên phòng (Bộ Tổng Tham mưu Quân đội nhân dân Lào) và Bộ Tư "
        "lệnh Bộ đội Biên phòng (Bộ Quốc phòng Việt Nam) phối hợp tổ chức hội nghị sơ kết 5 năm "
        "thực hiện thỏa thuận hợp tác giữa hai bên tại tỉnh Kon Tum.\n"
    )
    found = [r for r in records(text) if r["kind"] in ("meeting", "dialogue")]
    assert len(found) == 1
    orgs = {o.get("name_local"): o["country"] for o in found[0]["organisations"]}
    # the Lao unit itself, not only its parent, with the parent's country
    assert orgs.get("Cục Bộ đội Biên phòng") == "LA"
    assert found[0]["guests"] == ["LA"]


def test_a_unit_named_with_its_foreign_parent_after_a_comma_is_that_country_s():
    text = (
        "Sáng 4/3, tại Điện Biên, Cục Bộ đội Biên phòng, Bộ Tổng Tham mưu Quân đội nhân dân "
        "Lào và Bộ Tư lệnh Bộ đội Biên phòng Việt Nam tổ chức hội đàm thường niên.\n"
    )
    orgs = {o.get("name_local"): o["country"] for m in meetings(text) for o in m["organisations"]}
    assert orgs.get("Cục Bộ đội Biên phòng") == "LA"


# --- years listed together ------------------------------------------------------------------


def test_two_years_listed_together_leave_the_story_s_year_unknown():
    # "in 2019 and 2020" states two years: neither dates the reception told without one
    text = (
        "The chief judge of Da Nang City People's Court, Tran Minh Duc, hosted a reception for "
        "visiting President of the Cambodian Appeal Court Sok Vanna on September 14.\n"
        "Duc said the city's courts had kept working through hard times, especially in 2019 and "
        "2020 when floods hit the region.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert found[0]["date"]["start"] == "????-09-14"


def test_one_year_stated_still_dates_the_story():
    text = (
        "The chief judge of Da Nang City People's Court, Tran Minh Duc, hosted a reception for "
        "visiting President of the Cambodian Appeal Court Sok Vanna on September 14.\n"
        "Duc said the city's courts had handled more cases in 2019 than ever.\n"
    )
    assert meetings(text)[0]["date"]["start"] == "2019-09-14"


# --- a leading day and a lone year later in its sentence --------------------------------------


LAUNCH = (
    "Trang chủ Thứ ba, 14/06/2022 09:20 GMT+7\n\n"
    "Biên phòng - Ngày 12-6, tại huyện Sầm Tớ, tỉnh Hủa Phăn, Lào, đoàn công tác Bộ Chỉ huy "
    "BĐBP Thanh Hóa và Bộ Chỉ huy Quân sự tỉnh Hủa Phăn tổ chức gặp gỡ, trao đổi tình hình và "
    "khởi động chương trình giao lưu hữu nghị biên giới cấp tỉnh năm 2021.\n"
)


def test_a_lone_year_later_in_the_sentence_is_the_year_of_its_leading_day():
    # the year closes the name of the programme the meeting opens; the day leads the sentence
    found = meetings(LAUNCH)
    assert len(found) == 1
    assert found[0]["date"]["start"] == "2021-06-12"


def test_a_clock_line_a_year_after_the_lead_s_day_is_not_the_page_s_date():
    # the site's clock line (14/06/2022) would make a meeting of 12 June 2021 old news
    found = [r for r in records(LAUNCH) if r["kind"] == "meeting"]
    flagged = {f["code"] for r in found for f in r.get("x-review", {}).get("flags", [])}
    assert "context-mention" not in flagged


def test_a_day_with_its_own_year_keeps_it():
    text = (
        "Ngày 12-6-2022, tại tỉnh Hủa Phăn, Lào, đoàn công tác Bộ Chỉ huy BĐBP Thanh Hóa và "
        "Bộ Chỉ huy Quân sự tỉnh Hủa Phăn tổ chức gặp gỡ, khởi động chương trình giao lưu năm "
        "2021.\n"
    )
    assert meetings(text)[0]["date"]["start"] == "2022-06-12"


# --- one engagement told once ---------------------------------------------------------------


def test_talks_read_by_two_rules_from_the_same_words_are_one_draft():
    # "Tại cuộc hội đàm" and "cuộc hội đàm giữa" are two readings of one set of talks
    text = (
        "Tại cuộc hội đàm giữa Bộ trưởng Lưu Văn Khải và Bộ trưởng Bộ Quốc phòng Campuchia Chea "
        "Dara, hai bên đã nhất trí sẽ tăng cường trao đổi đoàn các cấp.\n"
        "Đồng thời, hai bên đã nhất trí tổ chức giao lưu sĩ quan trẻ và đào tạo cán bộ.\n"
        "Đại tướng Lưu Văn Khải khẳng định quân đội Việt Nam luôn ủng hộ quân đội Campuchia.\n"
        "Sau cuộc hội đàm, Đại tướng Lưu Văn Khải và Đại tướng Chea Dara đã ký Kế hoạch hợp "
        "tác năm 2021 giữa hai Bộ Quốc phòng.\n"
    )
    found = meetings(text, url="https://tin.example.vn/quoc-phong/hoi-dam-20201212194951984.htm")
    assert len(found) == 1
    assert "KH" in found[0]["guests"]


def test_talks_told_with_the_agency_met_and_then_their_chairs_are_one_meeting():
    text = (
        "Chiều 8-9, tại TP Điện Biên Phủ, Bộ Chỉ huy BĐBP Điện Biên đã tổ chức hội đàm với Bộ "
        "Chỉ huy Quân sự tỉnh Phông Sa Lỳ (Lào).\n"
        "Đại tá Lò Văn Thắng, Chỉ huy trưởng BĐBP Điện Biên và Đại tá Khăm Phon Vông Sa, Chính "
        "ủy Bộ CHQS tỉnh Phông Sa Lỳ, đồng chủ trì hội đàm.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert {"Lò Văn Thắng", "Khăm Phon Vông Sa"} <= names(found[0])


def test_each_agency_of_a_list_met_is_still_its_own_meeting():
    text = (
        "Ngày 6/5, tại Washington, đoàn công tác Bộ Công an do Thiếu tướng Phạm Văn Đức làm "
        "trưởng đoàn đã làm việc với Cục Điều tra Liên bang (FBI), Cơ quan Phòng chống ma túy "
        "(DEA) và Bộ Ngoại giao Mỹ.\n"
    )
    assert len(meetings(text, published=date(2024, 5, 8))) == 3
