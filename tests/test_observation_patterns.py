"""Figures read by the whole pipeline: in a sentence breaking down the one before, with no cue of
their own, they are about the subject of the figures before ("Trong đó, quý I/2025 …"); a figure
whose noun "của" gives an owner is the owner's; a ratio and its share stated further on are one
figure."""

from __future__ import annotations

from decimal import Decimal

from tests.test_report_patterns import article, observations


def test_a_breakdown_opening_with_trong_do_keeps_the_subject_of_the_figures_before() -> None:
    doc = article("Đến hết tháng 9/2025, Bộ Xây dựng đã công bố 412 thủ tục hành chính. Trong đó, quý I/2025 công "
                  "bố 120 thủ tục; quý II/2025 là 292 thủ tục.")
    assert observations(doc) == [("agency", "bo-xay-dung", Decimal("412"), "Count", "2025-09"),
                                 ("agency", "bo-xay-dung", Decimal("120"), "Count", "2025-Q1"),
                                 ("agency", "bo-xay-dung", Decimal("292"), "Count", "2025-Q2")]


def test_without_trong_do_or_after_a_sentence_without_figures_no_subject_is_carried() -> None:
    doc = article("Đến hết tháng 9/2025, Bộ Xây dựng đã công bố 412 thủ tục hành chính. Hội nghị diễn ra sôi nổi. "
                  "Trong đó, quý I/2025 công bố 120 thủ tục.")
    assert observations(doc) == [("agency", "bo-xay-dung", Decimal("412"), "Count", "2025-09")]


def test_the_owner_after_a_figures_noun_is_its_subject_but_not_a_documents_issuer() -> None:
    owned = article("Bộ Công Thương đã rà soát các thủ tục. Hiện 150/300 thủ tục hành chính của Bộ đã được cung cấp "
                    "trực tuyến toàn trình cho người dân và doanh nghiệp trên cả nước, đạt 50%.")
    issued = article("Tỉnh Phú Yên có 316 trường hợp được gửi văn bản xin lỗi theo Nghị định số 61/2018/NĐ-CP "
                     "của Chính phủ.")
    assert observations(owned) == [("agency", "bo-cong-thuong", Decimal("50"), "Percent", None)]
    assert observations(issued) == [("province", "phu-yen", Decimal("316"), "Count", None)]


def test_a_count_and_a_rate_after_bare_dat_are_two_figures_but_a_share_after_chiem_is_one() -> None:
    listed = article("Tỷ lệ giải quyết hồ sơ đúng hạn của các phường thuộc tỉnh Quảng Ninh như sau:",
                     "- Phường Hòa Quang: 4.215 hồ sơ, đạt 99,1%.")
    share = article("Sở Tư pháp tỉnh Phú Yên có 3.127 hồ sơ quá hạn, chiếm 6,67%.")
    assert observations(listed) == [("unit", "quang-ninh/phuong-hoa-quang", Decimal("4215"), "Count", None),
                                    ("unit", "quang-ninh/phuong-hoa-quang", Decimal("99.1"), "Percent", None)]
    assert observations(share) == [("agency", "so-tu-phap-tinh-phu-yen", Decimal("6.67"), "Percent", None)]


def test_a_bare_xa_or_phuong_is_the_commune_named_before_but_listed_kinds_name_none() -> None:
    doc = article("Xã Hòa Quang, tỉnh Quảng Ninh được thành lập năm 2025.",
                  "Trung tâm Phục vụ hành chính công xã tiếp nhận 1.382 hồ sơ trong tháng 7/2025.",
                  "Toàn tỉnh, 54 xã, phường tiếp nhận 30.100 hồ sơ.")
    assert observations(doc) == [("unit", "quang-ninh/xa-hoa-quang", Decimal("1382"), "Count", "2025-07"),
                                 ("province", "quang-ninh", Decimal("30100"), "Count", None)]


def test_a_bare_thi_xa_is_still_the_town_named_before_and_xa_hoi_names_no_commune() -> None:
    doc = article("Thị xã Phú Mỹ, tỉnh Bà Rịa - Vũng Tàu đẩy mạnh phát triển kinh tế - xã hội.",
                  "Tỷ lệ hồ sơ nộp trực tuyến của thị xã đạt 87,5%.")
    assert observations(doc) == [("unit", "ba-ria-vung-tau/thi-xa-phu-my", Decimal("87.5"), "Percent", None)]
