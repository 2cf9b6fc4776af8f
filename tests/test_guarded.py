from __future__ import annotations

import re

import pytest

from kg.guarded import GuardedPattern, compile_guarded, guarded, not_preceded, plain_phrases


def test_a_guarded_search_finds_what_the_pattern_finds():
    pattern = guarded(r"\b(se|can) (dat|co)\b", "se dat", "se co", "can dat", "can co")
    match = pattern.search("tinh se dat muc tieu")
    assert match is not None and match.group() == "se dat"


def test_a_guarded_search_is_none_without_a_keyword():
    pattern = guarded(r"\bmuc tieu\b", "muc tieu")
    assert pattern.search("ty le dat 95%") is None


def test_the_keyword_must_lie_between_pos_and_endpos():
    pattern = guarded(r"\bgiao\b", "giao")
    text = "duoc giao nhiem vu"
    assert pattern.search(text, 10) is None
    assert pattern.search(text, 0, 8) is None
    assert [m.start() for m in pattern.finditer(text, 0, 9)] == [5]


def test_finditer_without_a_keyword_yields_nothing():
    assert list(guarded(r"\bphoi hop\b", "phoi hop").finditer("tinh da trien khai")) == []


def test_a_guard_needs_a_keyword():
    with pytest.raises(ValueError):
        guarded(r"\bx\b")


@pytest.mark.parametrize(
    ("source", "phrases"),
    [
        (r"\bnhiem vu\b", ("nhiem vu",)),
        (r"\b(tthc|thu tuc)\b", ("tthc", "thu tuc")),
        (r"\bke hoach\b|\bnhiem vu\b", ("ke hoach", "nhiem vu")),
        (r"\b(qua|tre) han\b", None),
        (r"\bnop\b.*\btruc tuyen\b", None),
        (r"(a)|(b)", None),
    ],
)
def test_plain_phrases(source, phrases):
    assert plain_phrases(source) == phrases


def test_compile_guarded_guards_only_plain_phrases():
    assert isinstance(compile_guarded(r"\b(giam|rut ngan)\b"), GuardedPattern)
    assert isinstance(compile_guarded(r"\b(qua|tre) han\b"), re.Pattern)


def _spans(matches):
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", [
    "cuc thue, vu phap che va tong cuc thong ke",
    "lecuc thue; cuc&cuc vu",
    "cuc cuc cuc",
    "",
])
def test_not_preceded_finds_what_the_lookbehind_pattern_finds(text):
    body = r"(tong cuc|cuc|vu)(?![\w&])"
    original = re.compile(r"(?<![\w&])" + body)
    faster = not_preceded(r"[\w&]", body)
    assert _spans(faster.finditer(text)) == _spans(original.finditer(text))
    for pos in range(len(text) + 1):
        assert _spans(filter(None, [faster.search(text, pos)])) == _spans(filter(None, [original.search(text, pos)]))
        assert _spans(filter(None, [faster.match(text, pos)])) == _spans(filter(None, [original.match(text, pos)]))


def test_not_preceded_looks_before_the_search_start():
    pattern = not_preceded(r"\w", r"vu")
    assert pattern.search("bvu vu", 1).start() == 4


def test_not_preceded_refuses_an_empty_match():
    with pytest.raises(ValueError):
        list(not_preceded(r"\w", r"x?").finditer("ab"))
