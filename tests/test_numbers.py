"""Numbers in Vietnamese notation: values, units, counted nouns, qualifiers, ratios, ranks, traps."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.recognize.directives import recognise_directives
from kg.recognize.numbers import (
    _ends_with_from,
    canonical_number,
    parse_vietnamese_number,
    recognise_numbers,
)
from kg.recognize.periods import recognise_periods
from tests.docs import lines_doc


def _numbers(*lines: str, with_context: bool = False) -> list[tuple[str, str, dict[str, object]]]:
    doc = lines_doc(*lines)
    if with_context:
        recognise_directives(doc)
        recognise_periods(doc)
    recognise_numbers(doc)
    return [(doc.slice(m.span), m.key, m.attrs) for m in doc.iter_kind("number")]


def _brief(*lines: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(written, key, a["unit"], a["noun"], a["qualifier"]) for written, key, a in _numbers(*lines)]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.132", Decimal("2132")),
        ("1.880", Decimal("1880")),
        ("19.390", Decimal("19390")),
        ("1.234.567", Decimal("1234567")),
        ("79,4", Decimal("79.4")),
        ("12,05", Decimal("12.05")),
        ("1.234,5", Decimal("1234.5")),
        ("2,975", Decimal("2.975")),
        ("1,234,567", Decimal("1234567")),
        ("93.86", Decimal("93.86")),
        ("09", Decimal("9")),
        ("0", Decimal("0")),
    ],
)
def test_parse_vietnamese_number(written: str, value: Decimal) -> None:
    assert parse_vietnamese_number(written) == value


@pytest.mark.parametrize("written", ["", "abc", "1.2.3", "12,5,1"])
def test_parse_vietnamese_number_rejects_non_numbers(written: str) -> None:
    with pytest.raises(ValueError):
        parse_vietnamese_number(written)


def test_canonical_number_drops_trailing_zeros_and_exponents() -> None:
    assert [canonical_number(Decimal(v)) for v in ("79.40", "100", "1.2E+3", "0.50")] == ["79.4", "100", "1200", "0.5"]


def test_counts_and_percentages() -> None:
    assert _brief("Huyện đã tiếp nhận 3.415 hồ sơ, trong đó 97,6% được giải quyết đúng hạn.") == [
        ("3.415", "3415", "Count", "hồ sơ", None),
        ("97,6", "97.6", "Percent", None, None),
    ]


def test_dot_with_two_digits_before_percent_is_a_decimal() -> None:
    assert _brief("Tỷ lệ giải quyết đúng hạn của xã đạt 96.45%.") == [("96.45", "96.45", "Percent", None, None)]


def test_percent_in_words_and_the_noun_it_measures() -> None:
    assert _brief("Chi phí tuân thủ giảm 20 phần trăm, hơn 40% các thủ tục hành chính được rút gọn.") == [
        ("20", "20", "Percent", None, None),
        ("40", "40", "Percent", "thủ tục hành chính", "more_than"),
    ]


def test_money_takes_the_unit_of_its_magnitude() -> None:
    assert _brief(
        "Vốn đăng ký đạt hơn 2.750 tỷ đồng, thêm 1,5 nghìn tỷ đồng vốn mới.",
        "Mỗi hộ được hỗ trợ 300 triệu đồng, dự án vay 12 triệu USD và thu 50 nghìn đồng phí.",
    ) == [
        ("2.750", "2750", "BillionVND", None, "more_than"),
        ("1,5", "1.5", "TrillionVND", None, None),
        ("300", "300", "MillionVND", None, None),
        ("12", "12", "MillionUSD", None, None),
        ("50", "50000", "VND", None, None),
    ]


def test_ratios_keep_numerator_and_denominator() -> None:
    found = _numbers("Đã có 41/45 xã hoàn thành và 7/7 huyện kết nối liên thông.")
    assert [(w, k, a["unit"], a["noun"], a["numerator"], a["denominator"]) for w, k, a in found] == [
        ("41/45", "41", "Count", "xã", Decimal("41"), Decimal("45")),
        ("7/7", "7", "Count", "huyện", Decimal("7"), Decimal("7")),
    ]


def test_thousands_inside_a_ratio() -> None:
    found = _numbers("Có 1.204/1.310 thủ tục hành chính được công khai.")
    assert [(k, a["numerator"], a["denominator"], a["noun"]) for _, k, a in found] == [
        ("1204", Decimal("1204"), Decimal("1310"), "thủ tục hành chính")
    ]


def test_round_the_clock_is_not_a_ratio() -> None:
    assert _brief("Tổng đài hoạt động 24/7 để hỗ trợ người dân.") == []


def test_day_and_month_after_a_date_word_is_not_a_ratio() -> None:
    assert _brief("Sáng 5/6 đoàn công tác làm việc tại huyện.") == []


def test_ranks_need_a_ranking_word() -> None:
    found = _numbers("Chỉ số của tỉnh xếp hạng 12/63, năm trước đứng thứ 7, hội nghị lần thứ 3.")
    assert [(w, k, a["unit"], a.get("denominator")) for w, k, a in found] == [
        ("12/63", "12", "Rank", Decimal("63")),
        ("7", "7", "Rank", None),
    ]


def test_ordinals_listed_after_a_rank_or_before_a_score_in_brackets_are_ranks() -> None:
    found = _numbers("Hai tỉnh xếp thứ 9 và thứ 30; Yên Bái thứ 41 (62,5 điểm), Sơn La thứ 52/63 (60,1 điểm), "
                     "kỳ họp thứ 8 (bất thường), lần thứ 2 và thứ 3.")
    assert [(w, k, a["unit"], a.get("denominator")) for w, k, a in found if a["unit"] == "Rank"] == [
        ("9", "9", "Rank", None), ("30", "30", "Rank", None), ("41", "41", "Rank", None),
        ("52/63", "52", "Rank", Decimal("63"))]
    assert [w for w, _, a in found if a["unit"] != "Rank"] == ["62,5", "60,1"]


def test_position_rank() -> None:
    assert _brief("Chỉ số cải cách hành chính của thành phố giữ vị trí thứ 4 cả nước.") == [
        ("4", "4", "Rank", None, None)
    ]


def test_codes_versions_and_times_are_not_numbers() -> None:
    assert _brief("Ứng phó COVID-19, phủ sóng 5G, chuyển đổi số 4.0 và họp lúc 8:30 tại Hue-S.") == []


def test_references_are_not_numbers() -> None:
    assert _brief("Theo Điều 5, có 3 địa phương chưa báo cáo.") == [("3", "3", "Count", "địa phương", None)]


def test_service_levels_are_marked_as_levels() -> None:
    found = _numbers("Có 215 dịch vụ công trực tuyến mức độ 3, 4 và cấp độ 2.")
    assert [(w, k, a["unit"], a["noun"], a.get("role")) for w, k, a in found] == [
        ("215", "215", "Count", "dịch vụ công trực tuyến", None),
        ("3", "3", None, None, "level"),
        ("4", "4", None, None, "level"),
        ("2", "2", None, None, "level"),
    ]


def test_levels_written_without_space_are_two_levels() -> None:
    found = _numbers("Cung cấp dịch vụ mức độ 3,4 cho người dân.")
    assert [(w, k, a.get("role")) for w, k, a in found] == [("3", "3", "level"), ("4", "4", "level")]


def test_qualifiers() -> None:
    assert _brief(
        "Khoảng 1.200 doanh nghiệp, ít nhất 15% thủ tục, dưới 5 ngày, tối đa 3 lần, gần 400 cán bộ, trên 90%."
    ) == [
        ("1.200", "1200", "Count", "doanh nghiệp", "about"),
        ("15", "15", "Percent", "thủ tục", "at_least"),
        ("5", "5", "Day", "ngày", "less_than"),
        ("3", "3", "Count", "lần", "at_most"),
        ("400", "400", "Person", "cán bộ", "about"),
        ("90", "90", "Percent", None, "more_than"),
    ]


def test_longer_qualifier_wins() -> None:
    assert _brief("Thời gian xử lý nhỏ hơn 2 ngày.") == [("2", "2", "Day", "ngày", "less_than")]


def test_zero_padded_counts_and_bare_numbers() -> None:
    assert _brief("Thành phố có 07 phường thí điểm, số hồ sơ quá hạn là 12.") == [
        ("07", "7", "Count", "phường", None),
        ("12", "12", None, None, None),
    ]


def test_unknown_nouns_take_at_most_two_words() -> None:
    assert _brief("Tỉnh đã cấp 120 chứng thư số cho cán bộ.") == [("120", "120", "Count", "chứng thư", None)]


def test_scores() -> None:
    assert _brief("Chỉ số hài lòng đạt 87,25 điểm, tăng 3 điểm cầu so với năm trước.") == [
        ("87,25", "87.25", "Score", None, None),
        ("3", "3", "Count", "điểm cầu", None),
    ]


def test_numbers_inside_directives_and_periods_are_left_to_them() -> None:
    found = _numbers(
        "Theo Quyết định số 2135/QĐ-UBND ngày 15/9/2021, trong năm 2022 tỉnh giải quyết 530 hồ sơ.",
        with_context=True,
    )
    assert [(w, k) for w, k, _ in found] == [("530", "530")]


def test_thousands_and_millions_in_words_scale_counts() -> None:
    found = _numbers("Cổng đón 2,5 triệu lượt truy cập và 3 nghìn người dùng mới.")
    assert [(w, k, a["unit"], a["noun"]) for w, k, a in found] == [
        ("2,5", "2500000", "Count", "lượt"),
        ("3", "3000", "Person", "người"),
    ]


def test_plain_four_digit_years_are_not_counts() -> None:
    assert _brief("Giải thưởng Sáng tạo 2022 trao cho 15 đơn vị.") == [("15", "15", "Count", "đơn vị", None)]


def test_percentage_points() -> None:
    assert _brief("Chỉ số hài lòng tăng 1,5 điểm phần trăm so với năm trước.") == [
        ("1,5", "1.5", "Percent", "điểm phần trăm", None)
    ]


def test_status_words_after_a_percentage_are_not_nouns() -> None:
    assert _brief("Giải quyết 99,1% đúng hạn.") == [("99,1", "99.1", "Percent", None, None)]


def test_a_plain_year_after_a_slash_is_not_a_denominator() -> None:
    assert _brief("Mã số 13/2021 được cấp cho 4 xã.") == [("4", "4", "Count", "xã", None)]


def test_arranging_is_no_ranking() -> None:
    assert [(w, a["unit"]) for w, _, a in _numbers("Phường được thành lập trên cơ sở sắp xếp 5 phường cũ; "
                                                    "năm nay phường xếp 2 trong 99 xã.")] == [
        ("5", "Count"), ("2", "Rank"), ("99", "Count")]


def test_the_first_number_of_a_change_counts_what_the_second_does() -> None:
    assert _brief("Tỉnh giảm từ 260 xuống còn 85 đơn vị; huyện từ 20 còn 9 xã; chỉ số là 99.") == [
        ("260", "260", "Count", "đơn vị", None),
        ("85", "85", "Count", "đơn vị", None),
        ("20", "20", "Count", "xã", None),
        ("9", "9", "Count", "xã", None),
        ("99", "99", None, None, None),
    ]


@pytest.mark.parametrize("before", ["tăng từ ", "Từ  ", "TỪ\t", "từ", "xtừ ", "_từ ", "từ x", "tư ", "(từ ", "từ\u00a0", ""])
def test_ends_with_from_as_its_pattern_tells(before: str) -> None:
    assert _ends_with_from(before) == bool(re.search(r"(?<!\w)từ\s+$", before, re.IGNORECASE))
