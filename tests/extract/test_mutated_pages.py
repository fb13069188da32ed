"""Real-looking pages, mangled the way scraping and copying mangle them, never break the extractor:
every run ends in drafts (each quote standing at its offsets) or an empty result."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from timeline.extract import extract, render_yaml
from timeline.inputs.records import parse

ROOT = Path(__file__).resolve().parents[2]
# the two seed documents, and pages written for these tests in the genre (tests/extract/pages/)
PAGES = [
    p.read_text(encoding="utf-8")
    for p in sorted([*ROOT.glob("seeds/documents/*.txt"), *ROOT.glob("tests/extract/pages/*.txt")])
]
# a sentence ends at . ! ? or a line's end; the separator stays with the sentence before it
UNIT = re.compile(r"[^\n.!?]*(?:[.!?]+[\"”)]?\s*|\n+|$)")
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200e\u202e\u2028\u2029\ufeff\r\t"
# Latin letters to look-alikes of other scripts, as a mis-encoded or spoofed page has them
SCRIPTS = {
    "cyrillic": str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ"),
    "greek": str.maketrans("aoABEHIKMNOPTXYZ", "αοΑΒΕΗΙΚΜΝΟΡΤΧΥΖ"),
    "fullwidth": {c: c + 0xFEE0 for c in range(0x21, 0x7F)},
}
FOREIGN = [
    "越南公安部代表团访问北京。",
    "การประชุมความมั่นคง",
    "Делегация МОБ Вьетнама",
    "مؤتمر الأمن",
]


def units(text: str) -> list[str]:
    return [u for u in UNIT.findall(text) if u]


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    """A page with 1-4 mutations: sentences dropped, duplicated or shuffled, a sentence in
    another script or stripped of its accents, control characters inserted, cut mid-word."""
    parts = units(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["drop", "dup", "shuffle", "script", "control", "truncate"]))
        i = draw(st.integers(0, max(len(parts) - 1, 0)))
        if not parts:
            break
        if op == "drop":
            del parts[i]
        elif op == "dup":
            parts.insert(draw(st.integers(0, len(parts))), parts[i])
        elif op == "shuffle":
            parts = draw(st.permutations(parts))
        elif op == "script":
            how = draw(st.sampled_from([*SCRIPTS, "ascii", "foreign"]))
            if how == "ascii":
                parts[i] = unidecode(parts[i])
            elif how == "foreign":
                parts[i] = draw(st.sampled_from(FOREIGN)) + parts[i][-1:]
            else:
                parts[i] = parts[i].translate(SCRIPTS[how])
        elif op == "control":
            at = draw(st.integers(0, len(parts[i])))
            chars = draw(st.text(alphabet=CONTROLS, min_size=1, max_size=3))
            parts[i] = parts[i][:at] + chars + parts[i][at:]
        else:  # truncate mid-word: in the middle of a word of sentence i
            words = list(re.finditer(r"\w{2,}", parts[i]))
            if words:
                w = words[draw(st.integers(0, len(words) - 1))]
                parts = [*parts[:i], parts[i][: w.start() + 1]]
    return "".join(parts)


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    mutated_page(),
    st.sampled_from([None, "vi", "en"]),
    st.one_of(st.none(), st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))),
)
def test_a_mutated_page_gives_drafts_or_nothing_never_an_exception(
    text: str, language: str | None, published: date | None
) -> None:
    if not text.strip():
        return  # an empty page is refused before extraction (tests/extract/test_bad_input.py)
    draft = extract(text, document="t", language=language, published=published)
    for r in draft.records:
        for item in [*r.record["sources"], *r.record["evidence"]]:
            assert text[item["start"] : item["end"]] == item["quote"]
        assert r.record["slug"]
    rendered = render_yaml(draft)
    assert rendered.startswith("# Draft records")
    # the draft file reads back, as `timeline append` would read it, to the same records
    assert [r for _, r in parse(rendered, "draft.yaml")] == [r.as_dict() for r in draft.records]


def test_the_mutations_start_from_pages_that_give_drafts() -> None:
    # the property means something only if the unmutated pages give engagements
    for page in PAGES:
        assert extract(page, document="t").records, page[:60]
