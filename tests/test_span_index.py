from __future__ import annotations

import random
from pathlib import Path

from kg.document import Document, Sentence, Span, SpanIndex


def test_a_span_index_answers_as_overlaps_does():
    spans = [Span(0, 4), Span(10, 30), Span(12, 14), Span(40, 40)]
    index = SpanIndex(spans)
    assert index.overlaps(Span(3, 5))
    assert index.overlaps(Span(28, 35))
    assert not index.overlaps(Span(4, 10))
    assert not index.overlaps(Span(30, 40))
    assert not SpanIndex([]).overlaps(Span(0, 100))


def test_a_span_index_agrees_with_a_scan_on_random_spans():
    rng = random.Random(7)
    for _ in range(2000):
        spans = [Span(s, s + rng.randrange(6)) for s in (rng.randrange(30) for _ in range(rng.randrange(6)))]
        probe = Span(p := rng.randrange(30), p + rng.randrange(6))
        assert SpanIndex(spans).overlaps(probe) == any(probe.overlaps(s) for s in spans)


def test_is_removed_follows_changes_to_the_removed_list():
    doc = Document(Path("a.txt"), "Một câu. Hai câu.")
    assert not doc.is_removed(Span(0, 3))
    doc.removed.append(Span(2, 5))
    assert doc.is_removed(Span(0, 3))
    doc.removed = [Span(9, 17)]
    assert not doc.is_removed(Span(0, 3))


def test_sentence_of_finds_the_sentence_holding_a_position():
    doc = Document(Path("a.txt"), "Một câu. Hai câu.")
    doc.sentences = [Sentence(0, 8), Sentence(9, 17)]
    assert doc.sentence_of(0) == Sentence(0, 8)
    assert doc.sentence_of(10) == Sentence(9, 17)
    assert doc.sentence_of(8) is None
    assert doc.sentence_of(17) is None
    doc.sentences = [Sentence(9, 17)]
    assert doc.sentence_of(0) is None


def test_stem_follows_the_path():
    doc = Document(Path("folder/bai-viet.txt"), "Một câu.")
    assert doc.stem == "bai-viet"
    doc.path = Path("khac.txt")
    assert doc.stem == "khac"
