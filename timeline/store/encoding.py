"""Stored events' JSON written by orjson from the models' own fields: the bytes pydantic's
`to_json` writes (tests/store/test_encoding.py compares them), at less cost.

pydantic-core walks each model through its serialisation schema (10.3 us for a generated
engagement's `Recorded` event, 2.2 KB of JSON); orjson writes the same fields, taking each
nested model's field dict as it finds it, in 7.7 us (best of 9, interleaved, 5,000 events).
Only models whose JSON is their field dict as it stands take this path: no serializers,
computed fields, aliases, exclusions or extra fields, and fields whose types orjson writes as
pydantic does (text, whole numbers, booleans, dates, times, uuids, literals, lists and tuples
of these, and such models). Anything else, or a value orjson refuses, is written by pydantic."""

from __future__ import annotations

import operator
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, Union
from uuid import UUID

import orjson
from pydantic import BaseModel

# pydantic writes a time in UTC with `Z`, as orjson does with this option.
_OPTIONS = orjson.OPT_UTC_Z
# Written by orjson exactly as pydantic writes them. Not float (their shortest forms may differ),
# nor dict (pydantic writes whole-number keys as text, orjson refuses them), nor Any.
_SCALARS = frozenset({str, int, bool, type(None), date, datetime, UUID})


def plain_json(
    event: BaseModel, leave_out: frozenset[str], version: int, *, checked: bool = False
) -> bytes | None:
    """The event's JSON without the fields `leave_out`, with `class_version` last when `version`
    is over 1, as pydantic writes it; None when pydantic must write it (see the module).
    `checked`: `no_new_subclasses()` was asked for the batch this event belongs to."""
    if not _is_plain(type(event)):
        return None
    state = dict(event.__dict__)
    for key in leave_out:
        state.pop(key, None)
    if version > 1:
        state["class_version"] = version
    try:
        return orjson.dumps(state, default=_field_dict if checked else _fields, option=_OPTIONS)
    except orjson.JSONEncodeError:
        return None


# The models that plain models' fields are declared with, each plain and without subclasses
# when it was checked: pydantic writes a field by its declared model, so a model of another
# class in it (a subclass) is left to pydantic.
_DECLARED: set[type] = set()


def _fields(value: Any) -> dict[str, Any]:
    """orjson's hook for what it does not write itself: a model a field is declared with is its
    field dict (in the order of its fields, as pydantic fills it)."""
    if type(value) in _DECLARED:
        return value.__dict__
    raise TypeError(f"{type(value).__name__}: not written by orjson")


# The same hook, in C, for a batch checked by `no_new_subclasses`: a model in a validated plain
# model's field is then of the field's declared class, so its class need not be asked. orjson
# calls the hook for each nested model (ten an engagement's `Recorded` event), and the call of
# `_fields` cost a quarter of the event's JSON (callgrind: 53k -> 40k instructions an event).
# Anything else orjson does not write has no `__dict__` or is refused below it (a number
# beyond 64 bits): orjson then raises, and pydantic writes the event.
_field_dict = operator.attrgetter("__dict__")


def no_new_subclasses() -> bool:
    """Whether no model that plain fields are declared with has gained a subclass since it was
    checked (asked once a batch: a subclass's model would be written with its own fields)."""
    return not any(cls.__subclasses__() for cls in _DECLARED)


# The models being checked: a model that holds itself, at any depth, is left to pydantic.
_CHECKING: set[type] = set()


@cache
def _is_plain(cls: type) -> bool:
    """Whether pydantic writes a model of `cls` as orjson writes its field dict."""
    if not isinstance(cls, type) or not issubclass(cls, BaseModel) or cls.__pydantic_root_model__:
        return False
    if cls in _CHECKING:
        return False
    _CHECKING.add(cls)
    try:
        return _has_plain_fields(cls)
    finally:
        _CHECKING.discard(cls)


def _has_plain_fields(cls: type[BaseModel]) -> bool:
    decorators = cls.__pydantic_decorators__
    if decorators.field_serializers or decorators.model_serializers:
        return False
    if cls.__pydantic_computed_fields__ or cls.model_config.get("extra") == "allow":
        return False
    return all(
        not (f.exclude or f.alias or f.serialization_alias)
        and not any(isinstance(m, _serializers()) for m in f.metadata)
        and _is_plain_type(f.annotation)
        for f in cls.model_fields.values()
    )


def _is_plain_type(annotation: Any) -> bool:
    if isinstance(annotation, type) and annotation in _SCALARS:
        return True
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return not any(isinstance(m, _serializers()) for m in args[1:]) and _is_plain_type(args[0])
    if origin is Literal:
        return all(type(a) in (str, int, bool) for a in args)
    if origin in (list, tuple, Union, types.UnionType):
        return all(a is ... or _is_plain_type(a) for a in args)
    if not isinstance(annotation, type) or not _is_plain(annotation):
        return False
    if annotation.__subclasses__():
        return False
    _DECLARED.add(annotation)
    return True


@cache
def _serializers() -> tuple[type, ...]:
    # Imported when a model is first checked: `timeline append` of one record loads no more.
    from pydantic.functional_serializers import PlainSerializer, WrapSerializer

    return PlainSerializer, WrapSerializer
