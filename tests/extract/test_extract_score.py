"""The scorer: matching drafts to gold records and counting field agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.score import evaluate_folder, score_document

ROOT = Path(__file__).resolve().parents[2]


def record(slug: str, kind: str = "meeting", **kw) -> dict:
    base = {
        "slug": slug,
        "kind": kind,
        "title": slug,
        "date": "2025-09-04/2025-09-05",
        "place": {"country": "US"},
        "host": "US",
        "guests": ["VN"],
        "sources": [{"document": "d", "publisher": "p", "language": "vi", "quote": "q",
                     "start": 0, "end": 1}],
    }  # fmt: skip
    base.update(kw)
    return base


FBI = [{"name": "Federal Bureau of Investigation", "abbreviation": "FBI", "country": "US"}]
CBP = [{"name": "U.S. Customs and Border Protection", "abbreviation": "CBP", "country": "US"}]


def test_meetings_are_matched_by_the_organisation_met() -> None:
    gold = [record("g-fbi", organisations=FBI), record("g-cbp", organisations=CBP)]
    drafts = [record("d-cbp", organisations=CBP), record("d-fbi", organisations=FBI)]
    s = score_document(drafts, gold)
    assert sorted(s.matches) == [("d-cbp", "g-cbp"), ("d-fbi", "g-fbi")]
    assert (s.events.precision, s.events.recall) == (1.0, 1.0)


def test_missions_are_compared_by_their_countries() -> None:
    def visit(slug: str, venue: str) -> dict:
        mission = [{"name": venue, "country": "VN"}]
        place = {"city": "Berlin", "country": "DE", "venue": venue}
        return record(slug, "embassy_visit", host=None, guests=["VN"], place=place,
                      organisations=mission)  # fmt: skip

    gold = [visit("g", "Embassy of Vietnam in the Federal Republic of Germany")]
    assert score_document([visit("d", "Embassy of Vietnam in Germany")], gold).matches == [
        ("d", "g")
    ]
    assert score_document([visit("d", "Embassy of Vietnam in Poland")], gold).matches == []


def test_kind_date_and_countries_must_agree() -> None:
    gold = [record("g", organisations=FBI)]
    assert score_document([record("d", kind="visit", organisations=FBI)], gold).matches == []
    assert score_document([record("d", date="2024-07", organisations=FBI)], gold).matches == []
    other = record("d", host="AU", place={"country": "AU"}, guests=["LA"], organisations=FBI)
    assert score_document([other], gold).matches == []
    s = score_document([record("d", organisations=CBP)], gold)
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 1, 1)
    assert s.missed == ["g"] and s.spurious == ["d"]


def test_fields_are_counted_over_matched_pairs() -> None:
    people = [
        {"name": "Lê Quốc Hùng", "role": "co_chair"},
        {"name": "Chris Landberg", "variants": ["Chris Lanberg"], "role": "co_chair"},
    ]
    gold = [record("g", kind="dialogue", date="2025-09-05", session=2,
                   series="vn-us-dialogue", participants=people,
                   topics=["money_laundering", "cybercrime"],
                   place={"city": "Washington, D.C.", "country": "US"})]  # fmt: skip
    draft = record("d", kind="dialogue", date="2025-09-04/2025-09-05", session=2,
                   series="vn-us-dialogue",
                   participants=[{"name": "Le Quoc Hung", "role": "co_chair"},
                                 {"name": "Chris Lanberg", "role": "attendee"},
                                 {"name": "Nguyễn Quốc Dũng"}],
                   topics=["money_laundering", "maritime_security"],
                   place={"country": "US"})  # fmt: skip
    s = score_document([draft], gold)
    f = s.fields
    assert s.matches == [("d", "g")]
    assert (f["date"].tp, f["date"].fp, f["date"].fn) == (0, 1, 1)
    assert (f["participants"].tp, f["participants"].fp, f["participants"].fn) == (2, 1, 0)
    assert (f["roles"].tp, f["roles"].fp, f["roles"].fn) == (1, 2, 1)
    assert (f["topics"].tp, f["topics"].fp, f["topics"].fn) == (1, 1, 1)
    assert (f["place"].tp, f["place"].fp, f["place"].fn) == (1, 0, 1)
    assert f["topics"].f1 == pytest.approx(0.5)


def test_a_partial_draft_date_still_matches_but_scores_as_missing() -> None:
    gold = [record("g", organisations=FBI)]
    draft = record("d", organisations=FBI, date={"start": "????-09-04", "precision": "day"})
    s = score_document([draft], gold)
    assert s.matches == [("d", "g")]
    assert (s.fields["date"].tp, s.fields["date"].fn) == (0, 1)


@pytest.mark.skipif(not (ROOT / "seeds" / "records").is_dir(), reason="seed records not present")
def test_on_the_seeds_every_engagement_is_found() -> None:
    per_doc, total = evaluate_folder(ROOT / "seeds")
    assert total.events.recall == 1.0, [s.missed for s in per_doc]
    assert total.events.precision == 1.0, [s.spurious for s in per_doc]


FIXTURE_SETS = sorted(
    p.name for p in (ROOT / "tests" / "fixtures" / "extract").iterdir() if p.is_dir()
)


# sets whose fixes are not done to the common floors: guarded at the level their fixes reached
# (events F1, date F1, participants F1); docs/extract.md has their scores.
# blind7's events 0.83 -> 0.81 in the eleventh round: b7_vi_05's online talks of 11/12, dated
# the whole of 2025 before (a plan's year took the day's place), overlapped and so matched the
# March talks the page recalls; dated 11/12 now, they meet their own gold record, which their
# sides (host KH for a page of Hanoi's point of the call) keep them from matching.
FLOORS = {"blind7": (0.81, 0.85, 0.86)}


@pytest.mark.parametrize("name", FIXTURE_SETS)
def test_on_the_genre_fixtures_engagements_are_found(name: str) -> None:
    # articles written in the style of the genre, with gold records apart from the rules; each
    # blind set was scored once before it informed any rule (docs/extract.md has those scores),
    # so this is a regression guard, not an estimate
    per_doc, total = evaluate_folder(ROOT / "tests" / "fixtures" / "extract" / name)
    events, dates, participants = FLOORS.get(name, (0.9, 0.8, 0.8))
    assert total.events.f1 >= events, [(s.document, s.missed, s.spurious) for s in per_doc]
    assert total.fields["date"].f1 >= dates
    assert total.fields["participants"].f1 >= participants
