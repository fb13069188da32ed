"""Whatever the text, extraction ends with a draft whose every quote stands at its offsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract import extract
from timeline.extract.errors import ExtractError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
SENTENCES = [
    line
    for f in sorted(FIXTURES.glob("*/documents/*.txt"))
    for line in f.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
NOISE = ["", " ", "/.", "(Ảnh: TTXVN)", "Tin liên quan:", "Ngày 31/2", "lần thứ", "(", ")", "—"]


def check(text: str, **kw) -> None:
    try:
        d = extract(text, document="t", **kw)
    except ExtractError:
        assert not text.strip()
        return
    for r in d.records:
        for item in [*r.record["sources"], *r.record["evidence"]]:
            assert text[item["start"] : item["end"]] == item["quote"]
            assert item["quote"] == item["quote"].strip() and item["quote"]
        assert r.record["slug"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SENTENCES + NOISE), min_size=1, max_size=8),
    st.sampled_from(["\n", "\n\n", " ", "\r\n"]),
    st.one_of(st.none(), st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))),
)
def test_shuffled_articles_never_break_the_extractor(parts: list[str], sep: str, published) -> None:
    check(sep.join(parts), published=published)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text_never_breaks_the_extractor(text: str) -> None:
    check(text)
