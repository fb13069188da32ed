"""The topic vocabulary names every topic the development gold uses, and the extractor finds
them by their Vietnamese and English phrases."""

from __future__ import annotations

import pytest

from events.vocabulary import TOPICS
from timeline.extract.topics import find_topics

# the labels listed at the end of ../shared/dev-articles/README.md (the gold's vocabulary)
GOLD_LABELS = """regional security, transnational organised crime, maritime security, supply chain
security, money laundering, counter-terrorism, terrorist financing, drugs, drug precursors,
cybercrime, cybersecurity, data security, critical technology, illegal migration, immigration and
border management, human trafficking, financial crime, financial intelligence, online fraud,
wildlife trafficking, child abuse, extradition, mutual legal assistance, fugitives, capacity
building, equipment support, information sharing, joint investigation, delegation exchange, crime
prevention, law enforcement cooperation, disaster risk reduction, climate change, protection of
citizens, Vietnamese nationals abroad, national security, border security, security of high-level
visits and key projects, development assistance (ODA), culture and sports exchange, embassy work
briefing, economic and trade cooperation, bilateral relations"""


def labels() -> list[str]:
    return [x.strip() for x in " ".join(GOLD_LABELS.split()).split(",")]


@pytest.mark.parametrize("label", labels())
def test_every_gold_topic_label_is_a_topic_of_the_vocabulary(label):
    assert label.lower() in {t.en.lower() for t in TOPICS.values()}


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Hai bên trao đổi về công tác với cộng đồng người Việt tại Nhật Bản.", "nationals_abroad"),
        ("Both sides agreed to step up the exchange of delegations.", "delegation_exchange"),
        ("Hai bên nhất trí phối hợp bảo đảm an ninh biên giới chung.", "border_security"),
        ("They discussed combating child sexual abuse online.", "child_abuse"),
        ("Phía bạn trao tặng một số trang thiết bị kỹ thuật.", "equipment_support"),
        ("The talks covered wildlife trafficking and fraud.", "wildlife_trafficking"),
        ("Hai bên chia sẻ thông tin tài chính về giao dịch đáng ngờ.", "financial_intelligence"),
        ("Đại sứ báo cáo tình hình công tác của Đại sứ quán.", "embassy_work_briefing"),
    ],
)
def test_a_topic_is_found_by_a_phrase_of_the_genre(sentence, key):
    assert key in {t.key for t in find_topics(sentence, 0, len(sentence), [])}
