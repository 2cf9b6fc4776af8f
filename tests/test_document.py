"""The document's indexes answer as a scan of its mentions and sentences would."""

from __future__ import annotations

from kg.document import Mention, Sentence
from tests.docs import lines_doc


def test_mentions_by_sentence_are_those_inside_each_sentence() -> None:
    doc = lines_doc("Năm 2023 đạt 95%.", "Không có số.", "Tăng 3 và 4 điểm.")
    for start, end, key in ((4, 8, "2023"), (13, 16, "95"), (36, 37, "3"), (40, 41, "4")):
        doc.add(Mention(start, end, "number", key))
    assert [[m.key for m in found] for found in doc.mentions_by_sentence("number")] == [["2023", "95"], [], ["3", "4"]]
    assert [[m.key for m in doc.mentions_in(s, "number")] for s in doc.sentences] == [["2023", "95"], [], ["3", "4"]]
    assert doc.sentence_of(14) == doc.sentences[0] and doc.sentence_of(17) is None


def test_mentions_of_a_kind_follow_mentions_added_after_a_first_question() -> None:
    doc = lines_doc("Tỉnh Hà Nam đạt 95% năm 2023.")
    doc.add(Mention(13, 16, "number", "95"))
    assert [m.key for m in doc.iter_kind("number")] == ["95"]
    doc.add(Mention(5, 11, "province", "ha-nam"))
    doc.add(Mention(4, 5, "number", "0"))
    assert [m.key for m in doc.iter_kind("number")] == ["0", "95"]
    assert [m.key for m in doc.mentions_in(doc.sentences[0], "province")] == ["ha-nam"]
    assert [m.key for m in doc.mentions_in(doc.sentences[0])] == ["0", "ha-nam", "95"]
    assert list(doc.iter_kind("period")) == [] and doc.mentions_in(doc.sentences[0], "period") == []


def test_a_sentence_starts_a_paragraph_when_first_or_after_a_line_break() -> None:
    doc = lines_doc("Câu một.", "Câu hai.")
    doc.sentences.append(Sentence(doc.sentences[-1].end + 1, doc.sentences[-1].end + 1))
    doc.text += " "
    assert [doc.starts_paragraph(index) for index in range(3)] == [True, True, False]


def test_a_memo_is_kept_while_its_state_stays_the_same() -> None:
    doc = lines_doc("Văn bản.")
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert [doc.memo("n", 1, compute), doc.memo("n", 1, compute), doc.memo("n", 2, compute)] == [1, 1, 2]
