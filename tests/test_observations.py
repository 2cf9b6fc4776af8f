"""Observations read from short sentences written in the patterns of Vietnamese reporting."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from kg.document import Document
from kg.facts import EntityRef, ObservationFact
from kg.relate import observations
from kg.relate.observations import relate_observations
from tests.docs import make_doc

MentionSpec = tuple[str, str, str, dict[str, Any]]


@pytest.fixture(autouse=True)
def article_province(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every article here is about Ninh Bình unless a test says otherwise."""
    monkeypatch.setattr(observations, "main_province", lambda doc: "ninh-binh")


def number(substring: str, value: str, unit: str | None, **attrs: Any) -> MentionSpec:
    return ("number", substring, value, {"value": Decimal(value), "unit": unit, **attrs})


def ratio(substring: str, numerator: str, denominator: str, noun: str = "") -> MentionSpec:
    return ("number", substring, numerator, {"value": Decimal(numerator), "unit": "Count", "noun": noun,
                                             "numerator": Decimal(numerator), "denominator": Decimal(denominator)})


def province(substring: str, slug: str) -> MentionSpec:
    return ("province", substring, slug, {"label": substring})


def period(substring: str, key: str, **attrs: Any) -> MentionSpec:
    return ("period", substring, key, attrs)


def read(text: str, *mentions: MentionSpec) -> tuple[Document, list[tuple[Any, ...]]]:
    doc = make_doc(text, *mentions)
    relate_observations(doc)
    return doc, [summary(fact) for fact in doc.facts]


def summary(fact: ObservationFact) -> tuple[Any, ...]:
    return (fact.ref_area, fact.indicator, fact.indicator_label, fact.value, fact.unit, fact.period,
            fact.numerator, fact.denominator)


NINH_BINH = EntityRef("province", "ninh-binh")


def test_places_before_parentheses_each_get_their_figure_and_share_the_measure() -> None:
    _, facts = read(
        "Một số tỉnh có tỷ lệ hồ sơ giải quyết đúng hạn cao như Nam Định (98,5%), Hà Nam (97,25%).",
        province("Nam Định", "nam-dinh"), province("Hà Nam", "ha-nam"),
        number("98,5%", "98.5", "Percent"), number("97,25%", "97.25", "Percent"))
    label = "tỷ lệ hồ sơ giải quyết đúng hạn"
    assert facts == [
        (EntityRef("province", "nam-dinh"), "OnTimeResolutionRate", label, Decimal("98.5"), "Percent",
         None, None, None),
        (EntityRef("province", "ha-nam"), "OnTimeResolutionRate", label, Decimal("97.25"), "Percent",
         None, None, None),
    ]


def test_a_ratio_with_its_stated_rate_is_one_observation_of_the_rate() -> None:
    _, facts = read(
        "Hiện nay, tỉnh đã đưa 1.845/1.850 thủ tục hành chính (tỷ lệ 99,73%) vào thực hiện cơ chế một cửa.",
        ratio("1.845/1.850", "1845", "1850", "thủ tục hành chính"), number("99,73%", "99.73", "Percent"))
    assert facts == [(NINH_BINH, "OneStopProcedureShare", "tỉnh đã đưa thủ tục hành chính vào thực hiện cơ chế một cửa",
                      Decimal("99.73"),
                      "Percent", None, Decimal("1845"), Decimal("1850"))]


def test_a_share_of_the_plan_keeps_its_ratio_and_the_period_of_the_sentence() -> None:
    doc, facts = read(
        "Năm 2024, các cơ quan của tỉnh đã thực hiện được 40/52 nhiệm vụ, đạt 76,92% Kế hoạch cải cách hành chính.",
        period("Năm 2024", "2024", grain="year"),
        ratio("40/52", "40", "52", "nhiệm vụ"), number("76,92%", "76.92", "Percent"))
    label = "các cơ quan của tỉnh đã thực hiện được nhiệm vụ Kế hoạch cải cách hành chính"
    assert [f[1:] for f in facts] == [("PlanCompletionShare", label, Decimal("76.92"), "Percent", "2024",
                                       Decimal("40"), Decimal("52"))]
    assert facts[0][0] == NINH_BINH
    assert doc.facts[0].sentence == doc.sentences[0]


def test_a_bare_ratio_is_the_share_it_implies() -> None:
    _, facts = read("Đến nay, tỉnh đã số hóa 7/8 cơ sở dữ liệu chuyên ngành.",
                    ratio("7/8", "7", "8", "cơ sở dữ liệu chuyên ngành"))
    assert facts == [(NINH_BINH, "DigitisedRecordShare", "tỉnh đã số hóa cơ sở dữ liệu chuyên ngành",
                      Decimal("87.5"), "Percent", None, Decimal("7"), Decimal("8"))]


def test_a_figure_reported_for_two_years_is_two_observations() -> None:
    _, facts = read(
        "Chỉ số PAR INDEX của tỉnh năm 2021 và 2022 đều xếp thứ 5 cả nước.",
        period("năm 2021 và 2022", "2021", grain="year", values=["2021", "2022"]),
        number("thứ 5", "5", "Rank"))
    assert [(f[0], f[1], f[3], f[4], f[5]) for f in facts] == [
        (NINH_BINH, "PARIndexRank", Decimal("5"), "Rank", "2021"),
        (NINH_BINH, "PARIndexRank", Decimal("5"), "Rank", "2022"),
    ]


def test_money_then_growth_and_a_comparison_base_that_is_no_period() -> None:
    _, facts = read(
        "Tổng thu ngân sách trên địa bàn tỉnh đạt 12.450 tỷ đồng, tăng 7,3% so với cùng kỳ năm 2023.",
        number("12.450 tỷ đồng", "12450", "BillionVND"), number("7,3%", "7.3", "Percent"),
        period("năm 2023", "2023", grain="year"))
    assert facts == [
        (NINH_BINH, "BudgetRevenue", "tổng thu ngân sách trên địa bàn tỉnh", Decimal("12450"), "BillionVND",
         None, None, None),
        (NINH_BINH, "BudgetRevenueGrowth", "mức tăng tổng thu ngân sách trên địa bàn tỉnh", Decimal("7.3"),
         "Percent", None, None, None),
    ]


def test_a_share_of_the_estimate_follows_the_revenue_it_qualifies() -> None:
    _, facts = read(
        "Thu nội địa của tỉnh đạt 2.100 tỷ đồng, bằng 35% dự toán, tăng 4,5% so với cùng kỳ.",
        number("2.100 tỷ đồng", "2100", "BillionVND"), number("35%", "35", "Percent"),
        number("4,5%", "4.5", "Percent"))
    assert [(f[1], f[3]) for f in facts] == [("DomesticRevenue", Decimal("2100")),
                                             ("DomesticRevenueEstimateShare", Decimal("35")),
                                             ("DomesticRevenueGrowth", Decimal("4.5"))]


def test_received_and_on_time_for_a_district_named_inside_its_body() -> None:
    _, facts = read(
        "Quý III/2024, UBND huyện Gia Viễn tiếp nhận 3.215 hồ sơ, giải quyết trước và đúng hạn đạt 98,1%.",
        period("Quý III/2024", "2024-Q3", grain="quarter"),
        ("agency", "UBND huyện Gia Viễn", "uy-ban-nhan-dan-huyen-gia-vien", {"jurisdiction": "ninh-binh"}),
        ("admin_unit", "huyện Gia Viễn", "ninh-binh/huyen-gia-vien", {"province": "ninh-binh"}),
        number("3.215", "3215", "Count", noun="hồ sơ"), number("98,1%", "98.1", "Percent"))
    gia_vien = EntityRef("unit", "ninh-binh/huyen-gia-vien")
    assert facts == [
        (gia_vien, "RecordsReceived", "UBND huyện Gia Viễn tiếp nhận hồ sơ", Decimal("3215"), "Count", "2024-Q3",
         None, None),
        (gia_vien, "OnTimeResolutionRate", "giải quyết trước và đúng hạn", Decimal("98.1"), "Percent", "2024-Q3",
         None, None),
    ]


def test_a_bare_city_is_the_city_named_before_and_carries_to_the_next_sentence() -> None:
    _, facts = read(
        "Năm 2024, thành phố Tam Điệp đẩy mạnh cải cách hành chính.\n"
        "Bộ phận một cửa thành phố tiếp nhận 5.120 hồ sơ.\n"
        "Tỷ lệ hồ sơ nộp trực tuyến trên địa bàn đạt 64,2%.",
        period("Năm 2024", "2024", grain="year"),
        ("admin_unit", "thành phố Tam Điệp", "ninh-binh/thanh-pho-tam-diep", {"province": "ninh-binh"}),
        number("5.120", "5120", "Count", noun="hồ sơ"), number("64,2%", "64.2", "Percent"))
    tam_diep = EntityRef("unit", "ninh-binh/thanh-pho-tam-diep")
    assert facts == [
        (tam_diep, "RecordsReceived", "bộ phận một cửa thành phố tiếp nhận hồ sơ", Decimal("5120"), "Count",
         None, None, None),
        (tam_diep, "OnlineSubmissionShare", "tỷ lệ hồ sơ nộp trực tuyến trên địa bàn", Decimal("64.2"),
         "Percent", None, None, None),
    ]


def test_without_a_subject_the_figure_is_about_the_article_province() -> None:
    _, facts = read("Toàn tỉnh có 215 doanh nghiệp đăng ký thành lập mới.",
                    number("215", "215", "Count", noun="doanh nghiệp"))
    assert facts == [(NINH_BINH, "NewEnterprises", "toàn tỉnh có doanh nghiệp đăng ký thành lập mới", Decimal("215"),
                      "Count", None, None, None)]


def test_the_words_after_a_count_name_the_measure_of_the_next_figure() -> None:
    _, facts = read(
        "Trong 6 tháng đầu năm, có 215 doanh nghiệp thành lập mới với tổng vốn đăng ký 1.200 tỷ đồng, "
        "tăng 8% về số doanh nghiệp.",
        period("6 tháng đầu năm", "2024-01/2024-06", grain="range"),
        number("215", "215", "Count", noun="doanh nghiệp"), number("1.200 tỷ đồng", "1200", "BillionVND"),
        number("8%", "8", "Percent"))
    assert [(f[0], f[1], f[3], f[4], f[5]) for f in facts] == [
        (NINH_BINH, "NewEnterprises", Decimal("215"), "Count", "2024-01/2024-06"),
        (NINH_BINH, "NewEnterpriseCapital", Decimal("1200"), "BillionVND", "2024-01/2024-06"),
        (NINH_BINH, "NewEnterpriseGrowth", Decimal("8"), "Percent", "2024-01/2024-06"),
    ]


def test_a_ministry_as_subject_but_not_when_it_reports_national_figures() -> None:
    _, facts = read(
        "Bộ Tư pháp đã công bố 320 thủ tục hành chính.\nTheo Bộ Nội vụ, 97% hồ sơ được số hóa.\n"
        "Thực hiện chỉ đạo của Chính phủ, 85% hồ sơ được nộp trực tuyến.",
        ("agency", "Bộ Tư pháp", "bo-tu-phap", {"org_class": "Agency"}),
        ("agency", "Bộ Nội vụ", "bo-noi-vu", {"org_class": "Agency"}),
        ("agency", "Chính phủ", "chinh-phu", {"org_class": "Agency"}),
        number("320", "320", "Count", noun="thủ tục hành chính"), number("97%", "97", "Percent"),
        number("85%", "85", "Percent"))
    assert [(f[0], f[1]) for f in facts] == [(EntityRef("agency", "bo-tu-phap"), "ProceduresAnnounced"),
                                             (NINH_BINH, "OnlineSubmissionShare")]


def test_an_unknown_measure_keeps_its_phrase_as_label() -> None:
    _, facts = read("Tỷ lệ cán bộ, công chức sử dụng thư điện tử công vụ đạt 92%.",
                    number("92%", "92", "Percent"))
    assert facts == [(NINH_BINH, None, "tỷ lệ cán bộ, công chức sử dụng thư điện tử công vụ", Decimal("92"),
                      "Percent", None, None, None)]


@pytest.mark.parametrize("text, mentions", [
    ("Phấn đấu đến năm 2025 có ít nhất 80% hồ sơ được nộp trực tuyến.",
     [number("80%", "80", "Percent", qualifier="at_least")]),
    ("Đến nay, 63/63 tỉnh, thành phố đã kết nối với Cổng Dịch vụ công quốc gia.",
     [ratio("63/63", "63", "63", "tỉnh, thành phố")]),
    ("Đến nay, 100% các bộ, ngành đã kết nối với Trục liên thông văn bản quốc gia.",
     [number("100%", "100", "Percent")]),
    ("Tỉnh đã cung cấp dịch vụ công trực tuyến mức độ 3, 4 cho người dân.",
     [number("mức độ 3", "3", None, role="level"), number("|4| cho", "4", "Count")]),
    ("Tỉnh được giao 35 nhiệm vụ, đã hoàn thành 30 nhiệm vụ.",
     [number("35", "35", "Count", noun="nhiệm vụ"), number("30", "30", "Count", noun="nhiệm vụ")]),
    ("Tỉnh tổ chức thí điểm tại 12 xã để đánh giá mức độ hài lòng.",
     [number("12", "12", "Count", noun="xã")]),
    ("Định kỳ 03 tháng/lần, lãnh đạo tỉnh đối thoại với doanh nghiệp.",
     [number("03", "3", "Count", noun="tháng")]),
    ("Tỉnh là một trong 5 địa phương được chọn thí điểm.",
     [number("5", "5", "Count", noun="địa phương")]),
    ("Một số tỉnh còn tích hợp dưới 10 dịch vụ công lên Cổng.",
     [number("10", "10", "Count", noun="dịch vụ công", qualifier="less_than")]),
])
def test_figures_that_are_not_reported_measures_are_skipped(text: str, mentions: list[MentionSpec]) -> None:
    assert read(text, *mentions)[1] == []


def test_a_named_place_the_recognisers_missed_is_not_taken_for_the_article_province() -> None:
    assert read("Tỷ lệ hồ sơ trễ hạn của tỉnh Xyz là 4%.", number("4%", "4", "Percent"))[1] == []


def test_a_period_after_the_figure_in_its_clause_counts_when_none_is_before() -> None:
    _, facts = read("Tỷ lệ hồ sơ trễ hạn của tỉnh đạt 1,2% trong tháng 5/2023.",
                    number("1,2%", "1.2", "Percent"), period("tháng 5/2023", "2023-05", grain="month"))
    assert [(f[1], f[5]) for f in facts] == [("LateResolutionRate", "2023-05")]


def test_a_ratio_after_a_rank_word_is_a_rank() -> None:
    _, facts = read("Năm 2023, Chỉ số PCI của tỉnh xếp thứ 12/63 tỉnh, thành phố.",
                    period("Năm 2023", "2023", grain="year"), ratio("12/63", "12", "63", "tỉnh, thành phố"))
    assert [(f[0], f[1], f[3], f[4], f[5]) for f in facts] == [(NINH_BINH, "PCIRank", Decimal("12"), "Rank", "2023")]


def test_each_place_of_a_list_without_brackets_keeps_its_own_figure() -> None:
    _, facts = read("Tỷ lệ hồ sơ trực tuyến của Nam Định đạt 45,1%, Hà Nam đạt 39,5%.",
                    province("Nam Định", "nam-dinh"), province("Hà Nam", "ha-nam"),
                    number("45,1%", "45.1", "Percent"), number("39,5%", "39.5", "Percent"))
    assert [(f[0].slug, f[1], f[3]) for f in facts] == [("nam-dinh", "OnlineSubmissionShare", Decimal("45.1")),
                                                        ("ha-nam", "OnlineSubmissionShare", Decimal("39.5"))]


def test_a_rise_of_a_share_is_not_the_share_itself() -> None:
    _, facts = read("Tỷ lệ hồ sơ nộp trực tuyến của tỉnh tăng 15% so với năm trước.",
                    number("15%", "15", "Percent"))
    assert [(f[1], f[2], f[3]) for f in facts] == [
        (None, "mức tăng tỷ lệ hồ sơ nộp trực tuyến của tỉnh", Decimal("15"))]


@pytest.mark.parametrize("text", [
    "Đến năm 2026, 100% hồ sơ của tỉnh sẽ được số hóa.",
    "Tỉnh cần đạt 90% hồ sơ giải quyết đúng hạn.",
])
def test_figures_of_future_targets_are_skipped(text: str) -> None:
    figure = "100%" if "100%" in text else "90%"
    assert read(text, number(figure, figure.rstrip("%"), "Percent"))[1] == []


def test_a_figure_over_a_past_span_is_kept() -> None:
    _, facts = read("Từ năm 2016 đến năm 2020, tỉnh đã cắt giảm 120 thủ tục hành chính.",
                    period("Từ năm 2016 đến năm 2020", "2016/2020", grain="span"),
                    number("120", "120", "Count", noun="thủ tục hành chính"))
    assert [(f[0], f[3], f[5]) for f in facts] == [(NINH_BINH, Decimal("120"), "2016/2020")]


def test_a_rank_and_a_rise_after_an_index_are_its_rank_and_its_rise() -> None:
    _, facts = read(
        "Theo kết quả công bố của Bộ Nội vụ, năm 2023, Chỉ số PAR INDEX của tỉnh đạt 88,4%, xếp thứ 7/63 tỉnh, "
        "thành phố; Chỉ số SIPAS đạt 85,1%, tăng 1,5% so với năm 2022.",
        ("agency", "Bộ Nội vụ", "bo-noi-vu", {"org_class": "Agency"}),
        period("năm 2023", "2023", grain="year"), number("88,4", "88.4", "Percent"),
        number("7/63", "7", "Rank"), number("85,1", "85.1", "Percent"), number("1,5", "1.5", "Percent"),
        period("năm 2022", "2022", grain="year"))
    assert [(f[0], f[1], f[2], f[3], f[4], f[5]) for f in facts] == [
        (NINH_BINH, "PARIndex", "chỉ số PAR INDEX của tỉnh", Decimal("88.4"), "Percent", "2023"),
        (NINH_BINH, "PARIndexRank", "thứ hạng chỉ số PAR INDEX của tỉnh", Decimal("7"), "Rank", "2023"),
        (NINH_BINH, "SIPAS", "chỉ số SIPAS", Decimal("85.1"), "Percent", "2023"),
        (NINH_BINH, None, "mức tăng chỉ số SIPAS", Decimal("1.5"), "Percent", "2023"),
    ]


def test_a_share_of_a_count_takes_the_measure_its_words_name_as_a_share() -> None:
    _, facts = read("Tỉnh cung cấp 980 dịch vụ công trực tuyến toàn trình, chiếm 52,6% tổng số TTHC.",
                    number("980", "980", "Count", noun="dịch vụ công"), number("52,6", "52.6", "Percent"))
    assert [(f[1], f[2], f[3]) for f in facts] == [
        ("OnlineServiceCount", "tỉnh cung cấp dịch vụ công trực tuyến toàn trình", Decimal("980")),
        ("FullProcessOnlineServiceShare", "tỷ lệ tỉnh cung cấp dịch vụ công trực tuyến toàn trình", Decimal("52.6")),
    ]


def test_a_sentence_naming_only_a_place_and_a_figure_continues_the_sentence_before() -> None:
    _, facts = read(
        "Tỷ lệ giải quyết hồ sơ đúng hạn của thành phố Tam Điệp đạt 99,1%.\nHuyện Yên Mô đạt 97,6%.",
        ("admin_unit", "thành phố Tam Điệp", "ninh-binh/thanh-pho-tam-diep", {"province": "ninh-binh"}),
        ("admin_unit", "Huyện Yên Mô", "ninh-binh/huyen-yen-mo", {"province": "ninh-binh"}),
        number("99,1", "99.1", "Percent"), number("97,6", "97.6", "Percent"))
    label = "tỷ lệ giải quyết hồ sơ đúng hạn"
    assert [(f[0].slug, f[1], f[2]) for f in facts] == [
        ("ninh-binh/thanh-pho-tam-diep", "OnTimeResolutionRate", label),
        ("ninh-binh/huyen-yen-mo", "OnTimeResolutionRate", label),
    ]


def test_a_contrast_keeps_the_measure_and_names_its_own_place() -> None:
    _, facts = read(
        "Quận Ngô Quyền có tỷ lệ hồ sơ trễ hạn thấp nhất (0,12%), trong khi quận Lê Chân là 1,5%.",
        ("admin_unit", "Quận Ngô Quyền", "hai-phong/quan-ngo-quyen", {"province": "hai-phong"}),
        ("admin_unit", "quận Lê Chân", "hai-phong/quan-le-chan", {"province": "hai-phong"}),
        number("0,12", "0.12", "Percent"), number("1,5", "1.5", "Percent"))
    assert [(f[0].slug, f[1], f[2], f[3]) for f in facts] == [
        ("hai-phong/quan-ngo-quyen", "LateResolutionRate", "tỷ lệ hồ sơ trễ hạn", Decimal("0.12")),
        ("hai-phong/quan-le-chan", "LateResolutionRate", "tỷ lệ hồ sơ trễ hạn", Decimal("1.5")),
    ]


def test_a_bare_city_in_a_centrally_governed_city_is_the_city_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(observations, "main_province", lambda doc: "da-nang")
    _, facts = read("Năm 2022, Trung tâm Phục vụ hành chính công thành phố đã tiếp nhận 98.400 hồ sơ.",
                    period("Năm 2022", "2022", grain="year"), number("98.400", "98400", "Count", noun="hồ sơ"))
    assert [(f[0], f[1], f[3], f[5]) for f in facts] == [
        (EntityRef("province", "da-nang"), "RecordsReceived", Decimal("98400"), "2022")]


def test_bo_alone_is_the_ministry_named_before() -> None:
    _, facts = read("Bộ Công Thương tổ chức hội nghị.\nBộ đã cắt giảm 675/1.220 điều kiện kinh doanh.",
                    ("agency", "Bộ Công Thương", "bo-cong-thuong", {"org_class": "Agency"}),
                    ratio("675/1.220", "675", "1220", "điều kiện kinh doanh"))
    assert [(f[0], f[3], f[4], f[6], f[7]) for f in facts] == [
        (EntityRef("agency", "bo-cong-thuong"), Decimal("55.33"), "Percent", Decimal("675"), Decimal("1220"))]


@pytest.mark.parametrize("text, mentions", [
    ("Theo báo cáo của Văn phòng Chính phủ, đã có 3.500 dịch vụ công được tích hợp.",
     [("agency", "Văn phòng Chính phủ", "van-phong-chinh-phu", {"org_class": "Agency"}),
      number("3.500", "3500", "Count", noun="dịch vụ công")]),
    ("Tỷ lệ hài lòng của tỉnh cao hơn bình quân cả nước 4,5%.", [number("4,5", "4.5", "Percent")]),
    ("Hội nghị đã khen thưởng 25 tập thể có thành tích xuất sắc.", [number("25", "25", "Count", noun="tập thể")]),
    ("Tỉnh đặt chỉ tiêu năm 2026 giảm tỷ lệ hồ sơ trễ hạn xuống dưới 0,5%.", [number("0,5", "0.5", "Percent")]),
    ("Huyện còn 6 văn bản chưa ban hành dù đã quá thời hạn.", [number("6", "6", "Count", noun="văn bản")]),
])
def test_national_figures_and_awards_are_skipped(text: str, mentions: list[MentionSpec]) -> None:
    assert read(text, *mentions)[1] == []


def test_a_place_word_after_a_superlative_is_the_field_compared_not_the_subject() -> None:
    _, facts = read("Huyện Gia Viễn là địa phương có tỷ lệ hồ sơ trực tuyến cao nhất tỉnh với 71,5%.",
                    ("admin_unit", "Huyện Gia Viễn", "ninh-binh/huyen-gia-vien", {}),
                    number("71,5%", "71.5", "Percent"))
    assert [(f[0], f[3]) for f in facts] == [(EntityRef("unit", "ninh-binh/huyen-gia-vien"), Decimal("71.5"))]


def test_a_figure_of_the_ministry_at_hand_written_bo_alone() -> None:
    _, facts = read("Bộ Tài chính tổ chức hội nghị.\nTỷ lệ hồ sơ trực tuyến của Bộ năm 2024 đạt 88,2%.",
                    ("agency", "Bộ Tài chính", "bo-tai-chinh", {}), period("năm 2024", "2024", grain="year"),
                    number("88,2%", "88.2", "Percent"))
    assert [(f[0], f[3], f[5]) for f in facts] == [(EntityRef("agency", "bo-tai-chinh"), Decimal("88.2"), "2024")]


def test_the_owner_of_a_measure_after_cua_is_its_subject() -> None:
    _, facts = read("Chỉ số cải cách hành chính của Bộ Tài chính năm 2023 xếp thứ 5/17.",
                    ("agency", "Bộ Tài chính", "bo-tai-chinh", {}), period("năm 2023", "2023", grain="year"),
                    number("5/17", "5", "Rank"))
    assert [(f[0], f[1], f[3]) for f in facts] == [(EntityRef("agency", "bo-tai-chinh"), "PARIndexRank", Decimal("5"))]


def test_a_report_as_the_source_does_not_make_its_figures_counts_of_reports() -> None:
    _, facts = read("Báo cáo tổng kết cho biết, toàn tỉnh đã giảm 46 đầu mối, vượt chỉ tiêu được giao.",
                    number("46", "46", "Count", noun="đầu mối"))
    assert [(f[0], f[3], f[4]) for f in facts] == [(NINH_BINH, Decimal("46"), "Count")]


def test_the_number_of_a_programme_is_no_figure() -> None:
    _, facts = read("Huyện sơ kết Đề án 06 năm 2024.", number("06", "6", "Count"))
    assert facts == []


def test_places_counted_are_a_scope_unless_their_number_changed() -> None:
    _, facts = read("Hội nghị kết nối tới 8 huyện; thành phố Tam Điệp giảm 3 phường.",
                    ("admin_unit", "thành phố Tam Điệp", "ninh-binh/thanh-pho-tam-diep", {}),
                    number("|8| huyện", "8", "Count", noun="huyện"), number("|3| phường", "3", "Count", noun="phường"))
    assert [(f[0], f[3]) for f in facts] == [(EntityRef("unit", "ninh-binh/thanh-pho-tam-diep"), Decimal("3"))]


def test_figures_after_respectively_pair_with_the_years_in_order() -> None:
    _, facts = read("Chỉ số PAPI năm 2022 và năm 2023 của tỉnh lần lượt đạt 42,18 điểm và 43,05 điểm.",
                    period("năm 2022 và năm 2023", "2022,2023", grain="years", values=["2022", "2023"]),
                    number("42,18", "42.18", "Score"), number("43,05", "43.05", "Score"))
    assert [(f[1], f[2], f[3], f[5]) for f in facts] == [
        ("PAPI", "chỉ số PAPI của tỉnh", Decimal("42.18"), "2022"), ("PAPI", "chỉ số PAPI của tỉnh", Decimal("43.05"), "2023")]


def test_a_figure_of_a_districts_body_is_about_the_district() -> None:
    _, facts = read("Công an huyện đã thu nhận 3.245 hồ sơ cấp căn cước.",
                    ("agency", "Công an huyện", "cong-an-huyen-nho-quan",
                     {"jurisdiction": "ninh-binh", "unit": "ninh-binh/huyen-nho-quan"}),
                    number("3.245", "3245", "Count", noun="hồ sơ"))
    assert [(f[0], f[3]) for f in facts] == [(EntityRef("unit", "ninh-binh/huyen-nho-quan"), Decimal("3245"))]


def test_a_level_of_government_is_no_place_cue() -> None:
    _, facts = read("Tại thành phố Tam Điệp, nơi đặt trụ sở cơ quan cấp tỉnh, lượng hồ sơ tiếp nhận đạt 4.210 hồ sơ.",
                    ("admin_unit", "thành phố Tam Điệp", "ninh-binh/thanh-pho-tam-diep", {}),
                    number("4.210", "4210", "Count", noun="hồ sơ"))
    assert [(f[0], f[3]) for f in facts] == [(EntityRef("unit", "ninh-binh/thanh-pho-tam-diep"), Decimal("4210"))]


def test_an_average_over_a_counted_group_of_places_is_no_ones_figure() -> None:
    _, facts = read("Điểm trung bình của 63 tỉnh, thành phố đạt 85,37 điểm.", number("85,37", "85.37", "Score"))
    assert facts == []


def test_a_duration_and_the_countrys_product_are_no_figures_of_a_place() -> None:
    _, facts = read("Sau 3 ngày làm việc, kỳ họp bế mạc; GDP quý I ước tăng 6,93%.",
                    number("3", "3", "Day", noun="ngày"), number("6,93%", "6.93", "Percent"))
    assert facts == []


@pytest.mark.parametrize("words", ["va dat", "tang, giam 5", "", "dat mức", "vao", "dat-tri", "ty le"])
def test_words_are_only_connectors_when_each_run_of_letters_is_one(words: str) -> None:
    assert (observations.ONLY_CONNECTORS.fullmatch(words) is not None) \
        == (set(re.findall(r"[a-z]+", words)) <= observations.CONNECTORS)


def test_a_department_reports_its_own_figures_and_the_peoples_committee_its_provinces() -> None:
    _, facts = read(
        "Sở Tư pháp tiếp nhận 1.245 hồ sơ; UBND tỉnh tiếp nhận 8.210 hồ sơ.",
        ("agency", "Sở Tư pháp", "so-tu-phap-tinh-ninh-binh",
         {"jurisdiction": "ninh-binh", "parent": "uy-ban-nhan-dan-tinh-ninh-binh"}),
        ("agency", "UBND tỉnh", "uy-ban-nhan-dan-tinh-ninh-binh", {"jurisdiction": "ninh-binh"}),
        number("1.245", "1245", "Count", noun="hồ sơ"), number("8.210", "8210", "Count", noun="hồ sơ"))
    assert [(f[0], f[1], f[3]) for f in facts] == [
        (EntityRef("agency", "so-tu-phap-tinh-ninh-binh"), "RecordsReceived", Decimal("1245")),
        (NINH_BINH, "RecordsReceived", Decimal("8210"))]


def unit(substring: str, slug: str) -> MentionSpec:
    return ("admin_unit", substring, slug, {"province": "ninh-binh"})


def test_places_after_a_semicolon_and_an_adverb_go_on_with_the_measure_of_the_head() -> None:
    _, facts = read(
        "Thành phố Hoa Lư dẫn đầu với tỷ lệ hồ sơ trực tuyến đạt 86,1%; huyện Kim Sơn chỉ đạt 18,6%, huyện Nho Quan 21,3%.",
        unit("Thành phố Hoa Lư", "ninh-binh/thanh-pho-hoa-lu"), number("86,1%", "86.1", "Percent"),
        unit("huyện Kim Sơn", "ninh-binh/huyen-kim-son"), number("18,6%", "18.6", "Percent"),
        unit("huyện Nho Quan", "ninh-binh/huyen-nho-quan"), number("21,3%", "21.3", "Percent"))
    assert [(f[0].slug, f[1], f[2], f[3]) for f in facts] == [
        ("ninh-binh/thanh-pho-hoa-lu", "OnlineSubmissionShare", "tỷ lệ hồ sơ trực tuyến", Decimal("86.1")),
        ("ninh-binh/huyen-kim-son", "OnlineSubmissionShare", "tỷ lệ hồ sơ trực tuyến", Decimal("18.6")),
        ("ninh-binh/huyen-nho-quan", "OnlineSubmissionShare", "tỷ lệ hồ sơ trực tuyến", Decimal("21.3"))]


def test_each_place_of_a_ranking_keeps_its_own_rank_and_score() -> None:
    _, facts = read(
        "Về PAR INDEX, Hà Nam dẫn đầu với 91,2 điểm; Nam Định xếp thứ 2 với 89,6 điểm, Thái Bình xếp thứ 3 với 88,1 điểm.",
        province("Hà Nam", "ha-nam"), number("91,2", "91.2", "Score"),
        province("Nam Định", "nam-dinh"), number("thứ |2|", "2", "Rank"), number("89,6", "89.6", "Score"),
        province("Thái Bình", "thai-binh"), number("thứ |3|", "3", "Rank"), number("88,1", "88.1", "Score"))
    assert [(f[0].slug, f[1], f[3]) for f in facts] == [
        ("ha-nam", "PARIndex", Decimal("91.2")),
        ("nam-dinh", "PARIndexRank", Decimal("2")), ("nam-dinh", "PARIndex", Decimal("89.6")),
        ("thai-binh", "PARIndexRank", Decimal("3")), ("thai-binh", "PARIndex", Decimal("88.1"))]


def test_a_count_and_the_rate_it_makes_are_one_figure_over_the_total_they_round_to() -> None:
    _, facts = read(
        "Tỉnh tiếp nhận 412.586 hồ sơ, trong đó 257.453 hồ sơ nộp trực tuyến, đạt tỷ lệ 62,4%.",
        number("412.586", "412586", "Count", noun="hồ sơ"), number("257.453", "257453", "Count", noun="hồ sơ"),
        number("62,4", "62.4", "Percent"))
    assert [(f[1], f[3], f[4], f[6], f[7]) for f in facts] == [
        ("RecordsReceived", Decimal("412586"), "Count", None, None),
        ("OnlineSubmissionShare", Decimal("62.4"), "Percent", Decimal("257453"), Decimal("412586"))]


def test_a_rate_of_another_whole_after_a_count_is_a_figure_of_its_own() -> None:
    _, facts = read(
        "Tỉnh cung cấp 1.740 dịch vụ công trực tuyến, đạt tỷ lệ 72,8% tổng số thủ tục hành chính.",
        number("1.740", "1740", "Count", noun="dịch vụ công trực tuyến"), number("72,8", "72.8", "Percent"))
    assert [(f[3], f[4]) for f in facts] == [(Decimal("1740"), "Count"), (Decimal("72.8"), "Percent")]


def test_places_before_lan_luot_take_the_figures_after_it_in_order() -> None:
    _, facts = read(
        "Tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 68,2%.\n"
        "Hà Nam và Nam Định còn thấp, lần lượt đạt 32,5% và 29,8%.",
        number("68,2", "68.2", "Percent"), province("Hà Nam", "ha-nam"), province("Nam Định", "nam-dinh"),
        number("32,5", "32.5", "Percent"), number("29,8", "29.8", "Percent"))
    assert [(f[0].slug, f[1], f[3]) for f in facts] == [
        ("ninh-binh", "OnlineSubmissionShare", Decimal("68.2")),
        ("ha-nam", "OnlineSubmissionShare", Decimal("32.5")), ("nam-dinh", "OnlineSubmissionShare", Decimal("29.8"))]


def test_a_headline_figure_the_body_restates_is_the_bodys() -> None:
    doc = make_doc("Ninh Bình: Hơn 91% hồ sơ nộp trực tuyến\nTỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 91,3%.",
                   number("91", "91", "Percent"), number("91,3", "91.3", "Percent"))
    doc.meta = replace(doc.meta, title="Ninh Bình: Hơn 91% hồ sơ nộp trực tuyến")
    relate_observations(doc)
    assert [summary(fact)[3] for fact in doc.facts] == [Decimal("91.3")]


def test_the_ministry_at_hand_is_not_one_named_as_a_partner() -> None:
    _, facts = read(
        "Tại Bộ Nội vụ, sau khi hợp nhất với Bộ Lao động - Thương binh và Xã hội, biên chế của Bộ giảm 18,6%.",
        ("agency", "Bộ Nội vụ", "bo-noi-vu", {}),
        ("agency", "Bộ Lao động - Thương binh và Xã hội", "bo-lao-dong-thuong-binh-va-xa-hoi", {}),
        number("18,6", "18.6", "Percent"))
    assert [f[0] for f in facts] == [EntityRef("agency", "bo-noi-vu")]


def test_a_share_a_sentence_opening_with_giao_asks_for_is_no_observation() -> None:
    _, facts = read("Giao Sở Tư pháp bảo đảm 100% thủ tục được cung cấp trực tuyến toàn trình.",
                    ("agency", "Sở Tư pháp", "so-tu-phap-tinh-ninh-binh", {}), number("100", "100", "Percent"))
    assert facts == []


def test_the_value_of_the_period_compared_with_is_no_observation() -> None:
    _, facts = read(
        "Tỷ lệ hồ sơ nộp trực tuyến đạt 91,3% (cùng kỳ năm 2024 là 84,7%), trong khi trước sắp xếp, con số này "
        "chỉ quanh mức 50%.",
        number("91,3", "91.3", "Percent"), number("84,7", "84.7", "Percent"), number("50", "50", "Percent"))
    assert [f[3] for f in facts] == [Decimal("91.3")]


def test_counts_describing_a_method_are_no_observations() -> None:
    _, facts = read("Bộ chỉ số gồm 42 tiêu chí và 103 chỉ số thành phần, với 37.500 phiếu khảo sát.",
                    number("42", "42", "Count", noun="tiêu chí"), number("103", "103", "Count", noun="chỉ số thành phần"),
                    number("37.500", "37500", "Count", noun="phiếu"))
    assert facts == []


def test_bare_tinh_and_so_are_the_province_and_department_just_named() -> None:
    _, facts = read(
        "Tỉnh Hà Nam đã tích hợp 1.245 dịch vụ; tỷ lệ hồ sơ được số hóa của tỉnh đạt 91,3%.\n"
        "Sở Tư pháp được thanh tra. Tính đến thời điểm thanh tra, Sở còn 412 hồ sơ tồn đọng.",
        province("Hà Nam", "ha-nam"), number("1.245", "1245", "Count", noun="dịch vụ"),
        number("91,3", "91.3", "Percent"),
        ("agency", "Sở Tư pháp", "so-tu-phap-tinh-ninh-binh",
         {"jurisdiction": "ninh-binh", "parent": "uy-ban-nhan-dan-tinh-ninh-binh"}),
        number("412", "412", "Count", noun="hồ sơ"))
    assert [(f[0], f[3]) for f in facts] == [
        (EntityRef("province", "ha-nam"), Decimal("1245")), (EntityRef("province", "ha-nam"), Decimal("91.3")),
        (EntityRef("agency", "so-tu-phap-tinh-ninh-binh"), Decimal("412"))]


def test_a_list_of_places_and_figures_goes_on_with_the_measure_its_opening_line_names() -> None:
    _, facts = read(
        "Tỷ lệ hồ sơ nộp trực tuyến của các huyện cụ thể như sau:\n"
        "- Huyện Kim Sơn: 86,4%\n"
        "- Huyện Nho Quan: 61,3%",
        unit("Huyện Kim Sơn", "ninh-binh/huyen-kim-son"), number("86,4", "86.4", "Percent"),
        unit("Huyện Nho Quan", "ninh-binh/huyen-nho-quan"), number("61,3", "61.3", "Percent"))
    assert [(f[0].slug, f[1], f[3]) for f in facts] == [
        ("ninh-binh/huyen-kim-son", "OnlineSubmissionShare", Decimal("86.4")),
        ("ninh-binh/huyen-nho-quan", "OnlineSubmissionShare", Decimal("61.3"))]
