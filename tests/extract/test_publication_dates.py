"""The publication date from every byline shape the genre's outlets print, and the year from the
story itself when the page prints none."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract
from timeline.extract.dates import published_from_byline, published_from_story


@pytest.mark.parametrize(
    ("page", "published"),
    [
        ("Hai nước tăng cường hợp tác\n\n09:05 12/08/2024\n\nSáng 11/8, …", date(2024, 8, 12)),
        (
            "Bộ trưởng tiếp Đại sứ Pháp Jean Dupont 03/05/2024 16:20\n\nNgày 2/5, …",
            date(2024, 5, 3),
        ),
        ("Minister receives ambassador\n\nJune, 07 2018\nHANOI - The minister …", date(2018, 6, 7)),
        ("Police chiefs meet\n\nThứ Tư, 05/07/2023, 09:30\n\nOn Tuesday …", date(2023, 7, 5)),
    ],
)
def test_a_byline_of_the_genre_gives_the_publication_date(page, published):
    assert published_from_byline(page)[0] == published


def test_a_date_inside_a_long_story_sentence_is_no_byline():
    story = (
        "Theo kế hoạch, hai bên sẽ tiếp tục trao đổi về các nội dung hợp tác trong thời gian tới "
        "và tổ chức buổi làm việc tiếp theo vào ngày 03/05/2024 tại Hà Nội.\n"
    )
    assert published_from_byline(story) is None


def test_the_trip_s_dated_range_gives_its_sessions_their_year():
    text = (
        "Đoàn Bộ Công an thăm Nhật Bản\n\n"
        "Đoàn đại biểu Bộ Công an do Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an dẫn đầu "
        "đã thăm và làm việc tại Nhật Bản từ ngày 14 - 18/11/2022.\n\n"
        "Sáng 15/11, Đoàn đã làm việc với Cơ quan Cảnh sát quốc gia Nhật Bản (NPA).\n"
    )
    assert published_from_story(text, "vi")[0] == date(2022, 11, 18)
    drafts = extract(text, document="doc")
    meeting = next(r for r in drafts.records if r.record["kind"] == "meeting")
    assert meeting.record["date"]["start"] == "2022-11-15"
    assert "published" not in meeting.record["sources"][0]  # the story's date is no byline
    assert "year-inferred" in {f.code for f in meeting.flags}


def test_a_date_told_as_past_does_not_give_the_year():
    text = (
        "Hai bên đã tổ chức Đối thoại lần thứ nhất tại Hà Nội hồi ngày 12/7/2024.\n"
        "Ngày 5/9, Thứ trưởng Trần Văn Bình đã hội đàm với Đại sứ Hoa Kỳ.\n"
    )
    assert published_from_story(text, "vi") is None
