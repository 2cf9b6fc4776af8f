from __future__ import annotations

from pathlib import Path

import pytest

from kg.document import Document, Sentence, Span
from kg.sentences import sentence_spans, split_sentences


def sentences_of(text: str, removed: list[Span] | None = None) -> list[str]:
    doc = Document(path=Path("bai.txt"), text=text, removed=removed or [])
    split_sentences(doc)
    assert doc.sentences == sorted(doc.sentences)
    assert all(isinstance(s, Sentence) for s in doc.sentences)
    return [doc.slice(s) for s in doc.sentences]


def test_full_stop_before_a_capital_ends_a_sentence() -> None:
    assert sentences_of("Tỉnh đã họp. Sở Nội vụ báo cáo kết quả.") == [
        "Tỉnh đã họp.",
        "Sở Nội vụ báo cáo kết quả.",
    ]


def test_numbers_with_points_and_commas_do_not_split() -> None:
    text = "Tỉnh nhận 2.132 hồ sơ, đạt 79,4% kế hoạch và 93.86% đúng hạn. Vốn đạt 1.880 tỷ đồng."
    assert sentences_of(text) == [
        "Tỉnh nhận 2.132 hồ sơ, đạt 79,4% kế hoạch và 93.86% đúng hạn.",
        "Vốn đạt 1.880 tỷ đồng.",
    ]


def test_a_sentence_may_start_with_a_number() -> None:
    assert sentences_of("Bãi bỏ 12 thủ tục. 100% thủ tục được công khai.") == [
        "Bãi bỏ 12 thủ tục.",
        "100% thủ tục được công khai.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trung tâm đặt tại TP. Đà Nẵng phục vụ người dân.",
        "Đoàn gồm ThS. Lê Văn An, TS. Hoàng Minh và PGS. TS. Phạm Thu.",
        "Ông GS. Ngô Bảo dự hội nghị.",
        "Trụ sở ở Q. Hoàn Kiếm được sửa chữa.",
        "Xem tr. 12 của báo cáo năm.",
        "Giảm các loại phí, lệ phí, v.v. Các khoản khác giữ nguyên.",
        "Ông Nguyễn V. Bình phát biểu.",
    ],
)
def test_abbreviations_and_initials_do_not_split(text: str) -> None:
    assert sentences_of(text) == [text]


def test_lowercase_continuation_does_not_split() -> None:
    text = "Kết quả đạt mức khá. tuy nhiên vẫn còn hạn chế."
    assert sentences_of(text) == [text]


def test_semicolons_keep_a_list_in_one_sentence() -> None:
    text = "Đúng hạn là 40; quá hạn là 2; chưa hoàn thành là 8."
    assert sentences_of(text) == [text]


def test_ellipsis_in_an_enumeration_does_not_split() -> None:
    text = "Thu phí, lệ phí…, làm thủ tục nhanh hơn. Người dân hài lòng."
    assert sentences_of(text) == ["Thu phí, lệ phí…, làm thủ tục nhanh hơn.", "Người dân hài lòng."]


def test_ellipsis_before_a_capital_splits_even_without_a_space() -> None:
    assert sentences_of("Còn nhiều khó khăn... Tỉnh sẽ khắc phục…Đồng thời, rà soát lại.") == [
        "Còn nhiều khó khăn...",
        "Tỉnh sẽ khắc phục…",
        "Đồng thời, rà soát lại.",
    ]


def test_closing_quote_after_the_stop_belongs_to_the_sentence() -> None:
    assert sentences_of("Ông nói: “Phải làm ngay.” Sau đó tỉnh triển khai. \"Rất tốt.\" Bà đáp.") == [
        "Ông nói: “Phải làm ngay.”",
        "Sau đó tỉnh triển khai.",
        "\"Rất tốt.\"",
        "Bà đáp.",
    ]


def test_official_closing_mark_ends_a_sentence() -> None:
    assert sentences_of("Tỉnh sẽ hoàn thành trong năm./. Theo kế hoạch, năm sau sơ kết.") == [
        "Tỉnh sẽ hoàn thành trong năm./.",
        "Theo kế hoạch, năm sau sơ kết.",
    ]


def test_question_and_exclamation_marks_split() -> None:
    assert sentences_of("Vì sao chậm? Do thiếu người! Cần bổ sung.") == [
        "Vì sao chậm?",
        "Do thiếu người!",
        "Cần bổ sung.",
    ]


def test_a_line_break_always_ends_a_sentence() -> None:
    assert sentences_of("Tiêu đề không có dấu chấm\n\n  Đoạn một có hai câu. Câu hai  \n") == [
        "Tiêu đề không có dấu chấm",
        "Đoạn một có hai câu.",
        "Câu hai",
    ]


def test_sentences_never_cross_a_removed_span() -> None:
    text = "Tỉnh tổ chức họp. Ảnh: Minh Anh\nSở báo cáo kết quả tốt rồi bàn tiếp."
    credit = Span(text.index("Ảnh"), text.index("\n"))
    middle = Span(text.index("kết quả"), text.index(" rồi"))
    doc = Document(path=Path("bai.txt"), text=text, removed=[credit, middle])
    split_sentences(doc)
    assert [doc.slice(s) for s in doc.sentences] == ["Tỉnh tổ chức họp.", "Sở báo cáo", "rồi bàn tiếp."]
    assert not any(doc.is_removed(s) for s in doc.sentences)


def test_leftovers_without_a_word_are_not_sentences_and_bullets_are_trimmed() -> None:
    assert sentences_of("|\n- \n• Tỉnh làm tốt.\n- 5/6\n  |  Huyện làm chậm. |") == [
        "Tỉnh làm tốt.",
        "Huyện làm chậm.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  Mở đầu. Kết thúc."
    assert sentence_spans(text, 0, len(text)) == [Span(2, 9), Span(10, 19)]


def test_quarter_numeral_before_the_stop_is_not_an_initial() -> None:
    assert sentences_of("Thu ngân sách tăng trong quý I. Tổng sản phẩm tăng 8,75%.") == [
        "Thu ngân sách tăng trong quý I.",
        "Tổng sản phẩm tăng 8,75%.",
    ]
