"""Diplomatic missions written with a curly possessive, and missions whose owner is unknown."""

from __future__ import annotations

from timeline.extract import extract
from timeline.extract.gazetteer import find_organisations


def test_a_mission_with_a_curly_possessive_belongs_to_its_country():
    text = "The delegation visited the Vietnam’s Embassy in Beijing on Monday."
    orgs = [o for o in find_organisations(text, "en") if o.org_kind == "embassy"]
    assert [(o.country, o.city) for o in orgs] == [("VN", "Beijing")]


def test_an_article_naming_a_mission_by_its_place_only_gives_drafts_not_an_error():
    text = (
        "Deputy Minister visits Embassy\n\n"
        "HANOI - Senior Lieutenant General Tran Van Minh, Deputy Minister of Public Security, "
        "visited the Embassy in Beijing, China, on May 2, 2019.\n"
    )
    drafts = extract(text, document="doc")
    assert all(r.record["kind"] for r in drafts.records)
