"""Periods: dates, months, quarters, years, spans and ranges, normalised for rk:refPeriod."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.clean import clean
from kg.document import Document, Sentence, SourceMeta
from kg.iri import fold_aligned
from kg.paths import seeds_dir
from kg.read import read_article
from kg.recognize.directives import recognise_directives
from kg.recognize.periods import (
    _PERIOD,
    _may_lead,
    _word_anchors,
    iso_date,
    recognise_periods,
)
from kg.sentences import split_sentences


def _document(*lines: str, issued: str | None = None) -> Document:
    text = "\n".join(lines)
    sentences, position = [], 0
    for line in lines:
        sentences.append(Sentence(position, position + len(line)))
        position += len(line) + 1
    return Document(Path("test.txt"), text, sentences=sentences, meta=SourceMeta(issued=issued))


def _periods(*lines: str, issued: str | None = None) -> list[tuple[str, str, dict[str, object]]]:
    doc = _document(*lines, issued=issued)
    recognise_directives(doc)
    recognise_periods(doc)
    return [(doc.slice(m.span), m.key, m.attrs) for m in doc.iter_kind("period")]


def _keys(*lines: str, issued: str | None = None) -> list[tuple[str, str, object]]:
    return [(written, key, attrs["grain"]) for written, key, attrs in _periods(*lines, issued=issued)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tính đến ngày 30/9/2022, huyện đã hoàn thành.", ("ngày 30/9/2022", "2022-09-30")),
        ("Số liệu cập nhật 05/01/2023 cho thấy tiến bộ.", ("05/01/2023", "2023-01-05")),
        ("Báo cáo gửi trước 15-11-2021 theo quy định.", ("15-11-2021", "2021-11-15")),
        ("Bài đăng 2024-03-08 09:15 trên cổng thông tin.", ("2024-03-08", "2024-03-08")),
        ("Kế hoạch ký ngày 7 tháng 4 năm 2022 tại tỉnh.", ("ngày 7 tháng 4 năm 2022", "2022-04-07")),
    ],
)
def test_full_dates(sentence: str, expected: tuple[str, str]) -> None:
    assert _keys(sentence) == [(*expected, "date")]


def test_months_and_quarters() -> None:
    assert _keys("Thời hạn là tháng 8/2021, hoặc tháng 11 năm 2021; quý IV/2021 và quý II năm 2022, quý 3/2023.") == [
        ("tháng 8/2021", "2021-08", "month"),
        ("tháng 11 năm 2021", "2021-11", "month"),
        ("quý IV/2021", "2021-Q4", "quarter"),
        ("quý II năm 2022", "2022-Q2", "quarter"),
        ("quý 3/2023", "2023-Q3", "quarter"),
    ]


def test_years_and_lists_of_years() -> None:
    found = _periods("Trong năm 2018, kết quả các năm 2016, 2017 và 2018 đều tăng; năm 2021 và 2022 giữ vững.")
    assert [(w, k, a["grain"], a.get("values")) for w, k, a in found] == [
        ("năm 2018", "2018", "year", None),
        ("các năm 2016, 2017 và 2018", "2016,2017,2018", "years", ["2016", "2017", "2018"]),
        ("năm 2021 và 2022", "2021,2022", "years", ["2021", "2022"]),
    ]


def test_bounded_years() -> None:
    found = _periods("Phấn đấu đến năm 2030, tầm nhìn 2050, hoàn thành cuối năm 2024, từ năm 2015 đến nay.")
    assert [(w, k, a["grain"], a.get("bound")) for w, k, a in found] == [
        ("đến năm 2030", "2030", "year", "until"),
        ("tầm nhìn 2050", "2050", "year", "until"),
        ("cuối năm 2024", "2024", "year", "end"),
        ("từ năm 2015", "2015", "year", "since"),
    ]


def test_ranges() -> None:
    assert _keys("Giai đoạn 2016-2020, nhiệm kỳ 2020 – 2025 và từ năm 2021 đến năm 2026.") == [
        ("Giai đoạn 2016-2020", "2016/2020", "range"),
        ("nhiệm kỳ 2020 – 2025", "2020/2025", "range"),
        ("từ năm 2021 đến năm 2026", "2021/2026", "range"),
    ]


def test_backwards_range_is_not_a_period() -> None:
    assert _keys("Mã hồ sơ 2025-2019 bị trả lại.") == []


def test_spans_of_months_within_a_year() -> None:
    assert _keys("Kết quả 9 tháng đầu năm 2022 và 6 tháng cuối năm 2022, 9 tháng năm 2023.") == [
        ("9 tháng đầu năm 2022", "2022-01/2022-09", "span"),
        ("6 tháng cuối năm 2022", "2022-07/2022-12", "span"),
        ("9 tháng năm 2023", "2023-01/2023-09", "span"),
    ]


def test_periods_without_year_take_the_article_year() -> None:
    assert _keys("Sáng 3/8, tỉnh tổng kết 6 tháng đầu năm và quý II; cuối năm nay hoàn thành.", issued="2022-08-04") == [
        ("Sáng 3/8", "2022-08-03", "date"),
        ("6 tháng đầu năm", "2022-01/2022-06", "span"),
        ("quý II", "2022-Q2", "quarter"),
        ("cuối năm nay", "2022", "year"),
    ]


def test_periods_without_year_fall_back_to_the_sentence_year() -> None:
    assert _keys("Quý I, doanh thu năm 2023 tăng mạnh.") == [
        ("Quý I", "2023-Q1", "quarter"),
        ("năm 2023", "2023", "year"),
    ]


def test_periods_without_year_in_an_undated_article_take_the_year_it_reports_on() -> None:
    assert _keys("Trong quý II/2024, huyện tiếp nhận nhiều hồ sơ.",
                 "Giai đoạn 2021-2025 là trọng tâm.",
                 "Quý II, thu ngân sách tăng; 6 tháng đầu năm đạt kế hoạch, cuối năm nay hoàn thành.") == [
        ("quý II/2024", "2024-Q2", "quarter"),
        ("Giai đoạn 2021-2025", "2021/2025", "range"),
        ("Quý II", "2024-Q2", "quarter"),
        ("6 tháng đầu năm", "2024-01/2024-06", "span"),
        ("cuối năm nay", "2024", "year"),
    ]


def test_periods_without_any_year_are_not_emitted() -> None:
    assert _keys("Chiều 14/7, hội nghị đánh giá 3 tháng đầu năm và quý I; cuối năm nay hoàn thành.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Có 1.518/1.518 thủ tục được niêm yết.",
        "Đã hoàn thành 27/80 chỉ tiêu.",
        "Có 9/9 huyện kết nối.",
        "Tổng đài phục vụ 24/7.",
        "Định kỳ 06 tháng/lần gửi báo cáo.",
        "Hội nghị diễn ra lúc 09:40.",
        "Ngày 45/13/2020 không tồn tại.",
    ],
)
def test_things_that_are_not_periods(sentence: str) -> None:
    assert _keys(sentence, issued="2020-05-01") == []


def test_directive_numbers_are_not_periods() -> None:
    assert _keys("Thực hiện Thông tư số 01/2019/TT-BNV và Nghị định 45/2020/NĐ-CP.") == []


def test_date_after_a_directive_is_a_period() -> None:
    assert _keys("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.") == [
        ("ngày 25/10/2017", "2017-10-25", "date")
    ]


def test_date_helpers() -> None:
    assert iso_date(2021, 2, 3) == "2021-02-03"
    assert iso_date(2021, 13, 3) is None
    assert iso_date(2021, 4, 32) is None


def test_more_bounds() -> None:
    found = _periods("Hoàn thành đến hết năm 2025, không để sau năm 2026 hay trước năm 2024.")
    assert [(w, k, a.get("bound")) for w, k, a in found] == [
        ("đến hết năm 2025", "2025", "until"),
        ("sau năm 2026", "2026", "after"),
        ("trước năm 2024", "2024", "before"),
    ]


def test_bare_month_and_year() -> None:
    assert _keys("Hoàn thành trước 3/2020, chậm nhất 12/2021; không phải 13/2021.") == [
        ("3/2020", "2020-03", "month"),
        ("12/2021", "2021-12", "month"),
    ]


def test_months_of_another_year_are_not_guessed() -> None:
    assert _keys("So với 6 tháng đầu năm ngoái, kết quả tăng.", issued="2022-08-04") == []


def test_a_stretch_of_dates_and_an_index_year() -> None:
    assert _keys("Từ ngày 01/7 đến ngày 15/8/2025, tỉnh tiếp nhận hồ sơ; theo PCI 2023, tỉnh xếp thứ 5.") == [
        ("Từ ngày 01/7 đến ngày 15/8/2025", "2025-07-01/2025-08-15", "dates"),
        ("PCI 2023", "2023", "year"),
    ]


def test_a_day_the_calendar_has_not_is_no_date() -> None:
    assert iso_date(2020, 2, 31) is None and iso_date(2024, 2, 29) == "2024-02-29"


def test_every_period_opens_at_an_anchor_that_may_lead() -> None:
    """Periods are tried only at anchors that may lead one (and the words before them): each match
    of a scan at every position of the seeds' and held-out articles' sentences has its first anchor
    among them."""
    run_start = re.compile(r"(?<!\d)\d")
    held_out = Path(__file__).parent / "heldout" / "articles"
    for path in sorted([*seeds_dir().glob("*.txt"), *held_out.glob("*.txt")]):
        doc = read_article(path)
        clean(doc)
        split_sentences(doc)
        for sentence in doc.sentences:
            text = doc.slice(sentence)
            words = _word_anchors(text, fold_aligned(text))
            for match in _PERIOD.finditer(text):
                digits = run_start.search(text, match.start(), match.end())
                anchors = [a for a in words if match.start() <= a < match.end()]
                first = min([*anchors, *([digits.start()] if digits else [])])
                assert _may_lead(text, first), (path.name, match.group())


def test_the_past_months_are_those_before_the_articles_own_in_its_year() -> None:
    assert [(w, k) for w, k, _ in _keys("Tỷ lệ 9 tháng qua đạt 99,46%.", "Trong 3 tháng vừa qua, tỉnh đạt 95%.",
                                        issued="2024-10-15")] == [
        ("9 tháng qua", "2024-01/2024-09"), ("3 tháng vừa qua", "2024-07/2024-09")]
    assert _keys("Tỷ lệ 9 tháng qua đạt 99,46%.") == []
    assert _keys("Tỷ lệ 12 tháng qua đạt 99,46%.", issued="2024-10-15") == []


def test_trong_n_thang_opening_a_sentence_is_the_year_so_far_but_a_length_of_time_elsewhere() -> None:
    assert _keys("Trong 10 tháng, toàn tỉnh có 1.846 doanh nghiệp thành lập mới.",
                 "Giám đốc Sở: Trong 9 tháng, Sở tiếp nhận 4.200 hồ sơ.",
                 "Sở phải hoàn thành trong 3 tháng, kể từ ngày ký.", issued="2025-11-05") == [
        ("10 tháng", "2025-01/2025-10", "span"), ("9 tháng", "2025-01/2025-09", "span")]
