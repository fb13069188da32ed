"""A signing between two agencies of two countries, told by one as the subject and the other
after "with", on a day the sentence gives: the two met to sign it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract

TEXTS = {
    "en": (
        "Police forces sign memorandum\n\n"
        "The Royal Thai Police signed a memorandum of understanding on cybercrime with the "
        "Australian Federal Police in Canberra on Monday.\n\n"
        "The agreement will expand training and the sharing of information.\n"
    ),
    "vi": (
        "Ngày 5/6, tại Hà Nội, Bộ Công an Việt Nam đã ký Bản ghi nhớ hợp tác phòng, chống tội "
        "phạm với Bộ Nội vụ Singapore.\n\n"
        "Văn kiện mở rộng hợp tác trao đổi thông tin và đào tạo.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_an_agency_that_signed_an_agreement_with_another_on_a_day_met_it(language):
    d = extract(TEXTS[language], document="doc", published=date(2025, 6, 10), publisher="X")
    (meeting,) = [r.record for r in d.records if r.record["kind"] == "meeting"]
    names = {o["name"] for o in meeting["organisations"]}
    assert names & {"Australian Federal Police", "Royal Thai Police", "Bộ Nội vụ Singapore"}
    assert len({meeting.get("host"), *meeting["guests"]} - {None}) == 2


def test_an_agreement_signed_in_a_year_past_is_background_not_a_meeting():
    text = (
        "Police cooperation\n\n"
        "The Royal Thai Police signed a memorandum of understanding with the Australian Federal "
        "Police in 2019, officials said.\n"
    )
    d = extract(text, document="doc", published=date(2025, 6, 10), publisher="X")
    assert [r.record["kind"] for r in d.records] == []
