"""The extractor's shape: languages behind one protocol, named passes in order, candidates with
declared fields only, and no function over 80 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from timeline.extract import languages
from timeline.extract.model import Engagement, SentenceInfo
from timeline.extract.pipeline import PASSES
from timeline.extract.segment import BODY, Sentence

PACKAGE = Path(__file__).resolve().parents[2] / "timeline" / "extract"


def test_each_language_is_registered_under_its_code_and_implements_the_protocol():
    assert set(languages.LANGUAGES) == {"vi", "en"}
    for code, lang in languages.LANGUAGES.items():
        assert lang.code == code
        for attr in ("visit", "meet", "object_end", "host_verb"):
            assert hasattr(getattr(lang, attr), "finditer")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bộ trưởng đã tiếp Đại sứ Nhật Bản tại Hà Nội.", "vi"),
        ("The minister received the Japanese ambassador in Hanoi.", "en"),
    ],
)
def test_the_language_of_a_text_is_detected(text, code):
    assert languages.detect(text) == code


def test_a_language_names_the_dialogues_of_a_sentence():
    text = "Hai bên đã tổ chức Đối thoại An ninh Việt Nam - Australia lần thứ 3 tại Hà Nội."
    info = SentenceInfo(Sentence(0, len(text), text, 0, BODY), [], [], [], [])
    (mention,) = languages.get("vi").series_names(text, info)
    assert mention.session == 3
    assert mention.noun == "dialogue"


def test_the_passes_run_in_their_documented_order():
    names = [p.name for p in PASSES]
    assert names.index("sentences") < names.index("engagements") < names.index("dates")
    assert names.index("dates") < names.index("places") < names.index("roles")
    assert len(set(names)) == len(names)
    doc = (PACKAGE.parents[1] / "docs" / "extract.md").read_text()
    for name in names:
        assert f"`{name}`" in doc, name


def test_a_candidate_takes_no_attribute_it_does_not_declare():
    text = "x"
    info = SentenceInfo(Sentence(0, 1, text, 0, BODY), [], [], [], [])
    e = Engagement("meeting", info, (0, 1, text))
    with pytest.raises(AttributeError):
        e.undeclared = True  # type: ignore[attr-defined]


def test_no_function_of_the_extractor_is_over_80_lines():
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if function and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.name}:{node.name}")
    assert long == []


def _twice_defined(tree: ast.Module) -> list[str]:
    seen: set[str] = set()
    twice = []
    for node in tree.body:
        names = (
            [t.id for t in node.targets if isinstance(t, ast.Name)]
            if isinstance(node, ast.Assign)
            else [node.name]
            if isinstance(node, (ast.FunctionDef, ast.ClassDef))
            else []
        )
        twice += [n for n in names if n in seen]
        seen.update(names)
    return twice


def test_no_module_of_the_extractor_defines_a_name_twice():
    # a second `_LIST_GAP` in objects.py silently replaced the first for the code above it (a
    # merge of two rounds' rules; so did a second `_LED_BY` in people.py)
    twice = {
        str(path.relative_to(PACKAGE)): _twice_defined(ast.parse(path.read_text()))
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert {path: names for path, names in twice.items() if names} == {}


def test_a_name_defined_twice_is_found():
    assert _twice_defined(ast.parse("A = 1\nB = 2\nA = 3\n")) == ["A"]
