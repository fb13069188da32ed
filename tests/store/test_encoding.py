"""Stored events' JSON written by orjson from the models' fields (timeline/store/encoding.py) is
byte for byte what pydantic's `to_json` writes, for every kind of event and any text a record
may hold; what orjson would write otherwise is left to pydantic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, computed_field, field_serializer

from bench import generate as gen
from events import Engagement, EngagementFacts
from events.facts import CONTROL
from tests.helpers import Clock, make_record
from tests.store.test_persistence import events_of_every_kind
from timeline import Archive, build
from timeline.cli import cli
from timeline.store import encoding, persistence
from timeline.store.encoding import no_new_subclasses, plain_json
from timeline.store.persistence import OrjsonTranscoder, PydanticMapper

LEFT_OUT = frozenset({"originator_id", "originator_version"})


def as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Events stored as they were before orjson wrote them: by pydantic's `to_json` alone."""
    monkeypatch.setattr(persistence, "plain_json", lambda *args, **kwargs: None)


def pydantic_json(event: BaseModel) -> bytes:
    """What the mapper stored before orjson wrote events: pydantic's JSON, version last."""
    encoded = type(event).__pydantic_serializer__.to_json(event, exclude=LEFT_OUT)
    version = getattr(type(event), "class_version", 1)
    return encoded[:-1] + b',"class_version":%d}' % version if version > 1 else encoded


def stored_json(event: BaseModel) -> bytes:
    """The event's stored JSON, the same whether stored alone or in a batch, as a stored event
    or as the row the SQLite recorder inserts (`to_stored_rows`)."""
    mapper = PydanticMapper(transcoder=OrjsonTranscoder())
    stored = mapper.to_stored_event(event)
    alone = stored.state
    assert mapper.to_stored_events([event, event])[1].state == alone
    row = mapper.to_stored_rows([event, event])[1]
    assert type(row) is tuple  # sqlite3 binds a plain tuple's items directly
    assert row == (stored.originator_id.hex, stored.originator_version, stored.topic, alone)
    return alone


def test_every_kind_of_event_is_stored_as_the_bytes_pydantic_writes() -> None:
    events = events_of_every_kind()
    for event in events:
        assert stored_json(event) == pydantic_json(event), type(event).__name__
    # A correction's changes (any JSON value, by field name) are left to pydantic.
    taken = {type(e).__name__ for e in events if plain_json(e, LEFT_OUT, 1) is not None}
    assert taken == {"Recorded", "SourceAdded", "Retracted"}


def test_generated_engagements_are_stored_as_the_bytes_pydantic_writes() -> None:
    """Every kind and date precision, participants, organisations, sources, inferred evidence,
    diacritics, a timestamp now and then without microseconds."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for i, facts in enumerate(gen.generate(400, seed=5)):
        event = Engagement.recorded(facts)
        ticked = event.model_copy(update={"timestamp": start + timedelta(seconds=i)})
        for e in (event, ticked):
            assert plain_json(e, LEFT_OUT, 3) is not None
            assert stored_json(e) == pydantic_json(e)


# Any text a record may hold: every code point but surrogates and the controls it refuses
# (quotes, backslashes, tabs, line breaks, U+2028, emoji and other astral characters).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)).filter(lambda c: not CONTROL.match(c)),
    min_size=1,
).filter(lambda t: t.strip() == t)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=TEXT,
    summary=TEXT,
    name=TEXT,
    quote=TEXT,
    year=st.integers(min_value=1, max_value=9999),
    moment=st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=7)), timezone(-timedelta(hours=5, minutes=30))]
        ),
    ),
)
def test_any_text_and_time_is_stored_as_the_bytes_pydantic_writes(
    title: str, summary: str, name: str, quote: str, year: int, moment: datetime
) -> None:
    record = make_record(title=title, summary=summary, date=f"{year:04d}-02-03", part_of=None)
    record["participants"][0] |= {"name": name, "variants": [name, title]}
    record["sources"][0] |= {"quote": quote, "start": 5, "end": 5 + len(quote)}
    record["evidence"] = []
    event = Engagement.recorded(EngagementFacts.model_validate(record))
    event = event.model_copy(update={"timestamp": moment})
    assert plain_json(event, LEFT_OUT, 3) is not None
    assert stored_json(event) == pydantic_json(event)


class Leaf(BaseModel):
    model_config = ConfigDict(frozen=True)
    text: str
    day: date | None = None


class Base(BaseModel):
    text: str


class Special(Base):
    """A subclass of a field's model: pydantic writes the fields the field declares."""

    more: str = "more"


class Holder(BaseModel):
    base: Base


class Serialised(BaseModel):
    text: str

    @field_serializer("text")
    def _upper(self, value: str) -> str:
        return value.upper()


class Computed(BaseModel):
    text: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def length(self) -> int:
        return len(self.text)


class Aliased(BaseModel):
    text: str = Field(serialization_alias="Text")


class Numbers(BaseModel):
    ratio: float


class Keyed(BaseModel):
    counts: dict[int, int]


class Nested(BaseModel):
    leaf: Leaf
    leaves: tuple[Leaf, ...] = ()


class Recursive(BaseModel):
    text: str
    children: list[Recursive] = []


@pytest.mark.parametrize(
    "model",
    [
        Serialised(text="a"),
        Computed(text="a"),
        Aliased(text="a"),
        Numbers(ratio=0.1),
        Keyed(counts={1: 2}),
        Recursive(text="a", children=[Recursive(text="b")]),
    ],
    ids=lambda m: type(m).__name__,
)
def test_a_model_pydantic_writes_otherwise_is_left_to_pydantic(model: BaseModel) -> None:
    assert plain_json(model, frozenset(), 1) is None


def test_a_field_of_a_model_with_subclasses_is_left_to_pydantic() -> None:
    plain = Nested(leaf=Leaf(text="a", day=date(2025, 1, 2)), leaves=(Leaf(text="b"),))
    assert plain_json(plain, frozenset(), 1) == plain.__pydantic_serializer__.to_json(plain)
    special = Holder(base=Special(text="a"))
    assert plain_json(special, frozenset(), 1) is None
    assert special.__pydantic_serializer__.to_json(special) == b'{"base":{"text":"a"}}'


class Late(BaseModel):
    text: str


class LateHolder(BaseModel):
    late: Late


def test_a_model_given_a_subclass_after_it_was_checked_is_left_to_pydantic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch's models are written by orjson without asking each nested model's class only
    while no declared model has a subclass; one made later sends the batch to pydantic."""
    monkeypatch.setattr(encoding, "_DECLARED", set(encoding._DECLARED))
    plain = LateHolder(late=Late(text="a"))
    assert (
        plain_json(plain, frozenset(), 1, checked=no_new_subclasses()) == b'{"late":{"text":"a"}}'
    )

    class Later(Late):
        more: str = "more"

    special = LateHolder(late=Later(text="a"))
    assert not no_new_subclasses()
    assert plain_json(special, frozenset(), 1, checked=no_new_subclasses()) is None
    assert plain_json(special, frozenset(), 1) is None
    assert special.__pydantic_serializer__.to_json(special) == b'{"late":{"text":"a"}}'


def test_a_value_orjson_refuses_is_left_to_pydantic() -> None:
    """A whole number beyond 64 bits: orjson refuses it, pydantic writes it."""
    facts: Any = EngagementFacts.model_validate(make_record())
    event = Engagement.recorded(facts)
    huge = event.model_copy(update={"facts": facts.model_copy(update={"session": 2**70})})
    assert plain_json(huge, LEFT_OUT, 3) is None
    assert stored_json(huge) == pydantic_json(huge)
    assert str(2**70).encode() in stored_json(huge)


def test_an_archive_stored_by_pydantic_takes_events_stored_by_orjson_verifies_and_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same records appended, with the same clock, to an archive as stored before (pydantic's
    JSON) and to one that took the first half that way and the rest by orjson: the same bytes,
    events that read back equal, a chain that verifies and a projection that rebuilds."""
    clock = Clock.installed(monkeypatch)
    records = list(gen.generate(120, seed=4))
    corrected = records[3].slug
    archives = {}
    for name in ("before", "mixed"):
        clock.restart()
        archive = archives[name] = Archive(tmp_path / name)
        with monkeypatch.context() as patched:
            as_before(patched)
            archive.append(records[:60])
            if name == "before":
                archive.append(records[60:])
                archive.correct(corrected, {"summary": "Held as planned."}, "fuller")
        if name == "mixed":
            archive.append(records[60:])
            archive.correct(corrected, {"summary": "Held as planned."}, "fuller")
    before, mixed = (a.recorder.select_notifications(0, 1000) for a in archives.values())
    assert len(mixed) == 121
    assert [(s.originator_id, s.topic, s.state) for s in mixed] == [
        (s.originator_id, s.topic, s.state) for s in before
    ]
    read = [archives["mixed"].mapper.to_domain_event(s) for s in mixed]
    assert read == [archives["before"].mapper.to_domain_event(s) for s in before]
    assert [e.facts for e in read[:120]] == records
    folder = tmp_path / "mixed"
    build(archives["mixed"], rebuild=True)
    result = CliRunner().invoke(cli, ["verify", "--archive", str(folder)])
    assert result.exit_code == 0, result.output
    assert "120 engagements" in result.output
