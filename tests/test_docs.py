"""The docs' generated parts (CLI reference, record fields, vocabularies) match the code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cogapp import Cog

from events import KINDS, TOPICS, EngagementFacts
from tests.helpers import ROOT
from timeline import docs_reference

DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])


def cog_check(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`cog --check --diff` of one file, in process and from the repository root (as
    `cog -r docs/*.md README.md` runs): its exit status and what it printed."""
    monkeypatch.chdir(ROOT)
    cog = Cog()
    out = io.StringIO()
    cog.set_output(stdout=out, stderr=out)
    status = cog.main(["cog", "--check", "--diff", "--verbosity=1", str(path)])
    return status, out.getvalue()


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_generated_parts_of_each_doc_match_the_code(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, output = cog_check(path, monkeypatch)
    assert status == 0, (
        f"{path.relative_to(ROOT)} is out of date with the code; regenerate it with "
        f"`cog -r docs/*.md README.md`:\n{output}"
    )


def test_a_changed_generated_part_is_caught_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drifted = tmp_path / "records.md"
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    drifted.write_text(text.replace("| `embassy_visit` |", "| `consulate_visit` |"), "utf-8")
    status, output = cog_check(drifted, monkeypatch)
    assert status == 5
    assert f"Checking {drifted}  (changed)" in output
    assert "-| `consulate_visit` |" in output


def test_every_command_and_subcommand_has_its_help_in_the_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for heading in ("## timeline\n", "## timeline append\n", "## timeline import historyatstate\n"):
        assert heading in reference
    assert "Usage: timeline import historyatstate [OPTIONS] DIR" in reference


def test_the_field_tables_describe_every_field_of_a_record() -> None:
    table = docs_reference.fields_table(EngagementFacts)
    rows = [line for line in table.splitlines()[2:]]
    assert [row.split("`")[1] for row in rows] == list(EngagementFacts.model_fields)
    assert "| `sources` | list of [source](#source) | yes, one or more |" in table
    assert "| `status` | [status](#statuses) | default `held` |" in table


def test_a_field_without_a_description_is_refused() -> None:
    from pydantic import BaseModel

    class Undescribed(BaseModel):
        name: str

    with pytest.raises(ValueError, match=r"Undescribed.name has no Field\(description=...\)"):
        docs_reference.fields_table(Undescribed)


def test_the_vocabulary_tables_hold_every_key_with_both_labels() -> None:
    kinds = docs_reference.vocabulary_table(KINDS)
    assert "| `embassy_visit` | Embassy visit | Thăm cơ quan đại diện |" in kinds
    topics = docs_reference.vocabulary_table(TOPICS)
    assert len(topics.splitlines()) == 2 + len(TOPICS)
