"""Names and organisations the English genre writes with long titles before an abbreviation."""

from __future__ import annotations

from timeline.extract.gazetteer import learn_abbreviations


def test_an_abbreviation_names_the_organisation_not_the_titles_before_it():
    text = (
        "Deputy Minister Senior Lieutenant General Tran Van Binh and Acting Assistant Secretary "
        "of State for the Bureau of Consular Affairs (CA) Jane Doe co-chaired the talks. The "
        "Director General of the Korean National Police Agency (KNPA) attended.\n"
    )
    names = {m.abbreviation: m.key for m in learn_abbreviations(text)}
    assert names == {"CA": "Bureau of Consular Affairs", "KNPA": "Korean National Police Agency"}
