"""Directives: numbering grammar, type, issuer, issue date, implementation links, short mentions."""

from __future__ import annotations

import pytest

from kg.document import Document, Mention
from kg.recognize.directives import normalise_document_number, recognise_directives
from tests.docs import lines_doc


def _directives(doc: Document) -> list[tuple[str, str, dict[str, object]]]:
    recognise_directives(doc)
    return [(doc.slice(m.span), m.key, m.attrs) for m in doc.iter_kind("directive")]


def _one(*lines: str) -> tuple[str, str, dict[str, object]]:
    found = _directives(lines_doc(*lines))
    assert len(found) == 1
    return found[0]


def _facts(attrs: dict[str, object]) -> tuple[object, ...]:
    return attrs["number"], attrs["doc_type"], attrs["issuer"], attrs["issued"], attrs["implements"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("45/2020/NĐ-CP", "45/2020/NĐ-CP"),
        ("45/2020/ND-CP", "45/2020/NĐ-CP"),
        ("83/nq - cp", "83/NQ-CP"),
        ("411/qd-ttg", "411/QĐ-TTg"),
        ("54-nq/tw", "54-NQ/TW"),
        ("05-CT/TU", "05-CT/TU"),
        ("76/2015/qh13", "76/2015/QH13"),
        ("05/2020/TTLT-BTC-BNV", "05/2020/TTLT-BTC-BNV"),
        ("12/CTR-UBND", "12/CTr-UBND"),
        ("2568/VPCP-KSTT", "2568/VPCP-KSTT"),
    ],
)
def test_normalise_document_number(written: str, canonical: str) -> None:
    assert normalise_document_number(written) == canonical


@pytest.mark.parametrize("written", ["18/64", "2.132/2.132", "tháng 3/2020", "abc"])
def test_normalise_document_number_rejects_other_text(written: str) -> None:
    with pytest.raises(ValueError):
        normalise_document_number(written)


def test_decree_with_issuer_named_and_title() -> None:
    written, key, attrs = _one("Nghị định số 61/2018/NĐ-CP của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông.")
    assert (written, key) == ("Nghị định số 61/2018/NĐ-CP", "61-2018-nd-cp")
    assert _facts(attrs) == ("61/2018/NĐ-CP", "NĐ", "chinh-phu", None, None)
    assert attrs["title"] == "thực hiện cơ chế một cửa"
    assert attrs["short"] is False


def test_party_resolution_with_date_and_issuer() -> None:
    _, key, attrs = _one("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về sắp xếp bộ máy.")
    assert key == "18-nq-tw"
    assert _facts(attrs) == ("18-NQ/TW", "NQ", "ban-chap-hanh-trung-uong-dang", "2017-10-25", None)


def test_party_symbol_issuer_named_by_text() -> None:
    _, key, attrs = _one("Kết luận số 12-KL/TW của Bộ Chính trị được quán triệt.")
    assert _facts(attrs) == ("12-KL/TW", "KL", "bo-chinh-tri", None, None)


def test_party_resolution_defaults_to_the_central_committee() -> None:
    _, _, attrs = _one("Quán triệt Nghị quyết 39-NQ/TW trong toàn tỉnh.")
    assert attrs["issuer"] == "ban-chap-hanh-trung-uong-dang"


def test_provincial_party_instruction_has_no_issuer_unless_named() -> None:
    _, key, attrs = _one("Thực hiện Chỉ thị số 05-CT/TU của tỉnh.")
    assert (key, attrs["doc_type"], attrs["issuer"]) == ("05-ct-tu", "CT", None)


def test_party_regulation_is_told_apart_from_decision_by_the_word() -> None:
    _, _, attrs = _one("Theo Quy định số 205-QĐ/TW về kiểm soát quyền lực.")
    assert attrs["doc_type"] == "QĐi"


def test_lower_case_and_ascii_symbols_are_canonicalised() -> None:
    _, key, attrs = _one("Theo quyết định 1847/qd-ttg, các bộ rà soát thủ tục.")
    assert key == "1847-qd-ttg"
    assert _facts(attrs) == ("1847/QĐ-TTg", "QĐ", "thu-tuong-chinh-phu", None, None)


def test_stray_spaces_in_symbol() -> None:
    written, key, _ = _one("Triển khai Nghị quyết 76/NQ - CP về cải cách hành chính.")
    assert (written, key) == ("Nghị quyết 76/NQ - CP", "76-nq-cp")


def test_symbol_stops_at_the_first_part_that_is_not_a_code() -> None:
    written, key, _ = _one("Ban hành Kế hoạch số 9/KH-UBND - một bước quan trọng.")
    assert (written, key) == ("Kế hoạch số 9/KH-UBND", "9-kh-ubnd")


@pytest.mark.parametrize(
    ("sentence", "facts"),
    [
        ("Áp dụng Thông tư số 01/2018/TT-VPCP trong toàn tỉnh.", ("01/2018/TT-VPCP", "TT", "van-phong-chinh-phu")),
        ("Theo Thông tư liên tịch số 05/2020/TTLT-BTC-BNV đã ban hành.", ("05/2020/TTLT-BTC-BNV", "TTLT", "bo-tai-chinh")),
        ("Căn cứ Luật số 80/2015/QH13 về ban hành văn bản.", ("80/2015/QH13", "L", "quoc-hoi")),
        ("Công văn số 2568/VPCP-KSTT gửi các bộ.", ("2568/VPCP-KSTT", "CV", "van-phong-chinh-phu")),
        ("Văn bản 1105/BKHĐT-ĐKKD hướng dẫn doanh nghiệp.", ("1105/BKHĐT-ĐKKD", "CV", "bo-ke-hoach-va-dau-tu")),
        ("Thực hiện Chương trình số 07/CTr-UBND của huyện.", ("07/CTr-UBND", "CTr", None)),
        ("Tỉnh triển khai 52/2019/QH14 theo lộ trình.", ("52/2019/QH14", "L", "quoc-hoi")),
    ],
)
def test_types_and_issuers_from_symbols(sentence: str, facts: tuple[str, str, str | None]) -> None:
    _, _, attrs = _one(sentence)
    assert (attrs["number"], attrs["doc_type"], attrs["issuer"]) == facts


def test_issue_date_and_issuer_written_before_the_number() -> None:
    _, _, attrs = _one("Ngày 12/3/2021, Thủ tướng Chính phủ đã ban hành Quyết định số 406/QĐ-TTg về cắt giảm thủ tục.")
    assert _facts(attrs) == ("406/QĐ-TTg", "QĐ", "thu-tuong-chinh-phu", "2021-03-12", None)
    assert attrs["title"] == "cắt giảm thủ tục"


def test_issue_date_after_ban_hanh() -> None:
    _, _, attrs = _one("Quyết định số 1015/QĐ-TTg ban hành ngày 30/8/2022 được triển khai.")
    assert attrs["issued"] == "2022-08-30"


def test_issuer_named_by_the_text_wins_over_the_symbol() -> None:
    doc = lines_doc("Văn phòng Chính phủ đã ban hành Quyết định số 88/QĐ-CP về quy chế.")
    doc.add(Mention(0, 19, "agency", "van-phong-chinh-phu", {}))
    [(_, _, attrs)] = _directives(doc)
    assert attrs["issuer"] == "van-phong-chinh-phu"


def test_provincial_issuer_from_a_recognised_agency_after_the_number() -> None:
    line = "Quyết định số 1291/QĐ-UBND của UBND tỉnh Bình Định về công bố thủ tục."
    doc = lines_doc(line)
    start = line.index("UBND tỉnh")
    doc.add(Mention(start, start + len("UBND tỉnh Bình Định"), "agency", "uy-ban-nhan-dan-tinh-binh-dinh", {}))
    [(_, _, attrs)] = _directives(doc)
    assert attrs["issuer"] == "uy-ban-nhan-dan-tinh-binh-dinh"
    assert attrs["title"] == "công bố thủ tục"


def test_provincial_symbol_takes_the_main_province() -> None:
    line = "Tỉnh Bình Định ban hành Kế hoạch số 45/KH-UBND."
    doc = lines_doc(line)
    doc.add(Mention(5, 14, "province", "binh-dinh", {}))
    [(_, _, attrs)] = _directives(doc)
    assert attrs["issuer"] == "uy-ban-nhan-dan-tinh-binh-dinh"


def test_provincial_symbol_without_a_province_has_no_issuer() -> None:
    _, _, attrs = _one("Thực hiện Kế hoạch số 45/KH-UBND.")
    assert attrs["issuer"] is None


def test_plan_implementing_a_decree() -> None:
    found = _directives(lines_doc("Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai Nghị định số 107/2021/NĐ-CP."))
    assert [(key, attrs["implements"]) for _, key, attrs in found] == [
        ("45-kh-ubnd", "107-2021-nd-cp"),
        ("107-2021-nd-cp", None),
    ]


def test_guidance_of_a_decree() -> None:
    found = _directives(lines_doc("Thông tư số 01/2018/TT-VPCP hướng dẫn thi hành Nghị định số 61/2018/NĐ-CP."))
    assert found[0][2]["implements"] == "61-2018-nd-cp"


def test_opening_clause_names_the_implemented_directive() -> None:
    found = _directives(lines_doc("Thực hiện Chỉ thị số 23/CT-TTg, Bộ Nội vụ đã ban hành Kế hoạch số 1203/KH-BNV."))
    assert [(key, attrs["issuer"], attrs["implements"]) for _, key, attrs in found] == [
        ("23-ct-ttg", "thu-tuong-chinh-phu", None),
        ("1203-kh-bnv", "bo-noi-vu", "23-ct-ttg"),
    ]


def test_listing_two_directives_is_not_implementation() -> None:
    found = _directives(lines_doc("Các văn bản gồm Nghị định số 61/2018/NĐ-CP, Nghị định số 45/2020/NĐ-CP."))
    assert [attrs["implements"] for _, _, attrs in found] == [None, None]


def test_short_mentions_resolve_to_the_full_one() -> None:
    found = _directives(lines_doc(
        "Tỉnh quán triệt Nghị quyết số 18-NQ/TW và Quyết định số 406/QĐ-TTg.",
        "Quyết định 406 yêu cầu cắt giảm, còn Nghị quyết số 18 đặt mục tiêu tinh gọn.",
    ))
    assert [(w, k, a["short"], a["number"]) for w, k, a in found] == [
        ("Nghị quyết số 18-NQ/TW", "18-nq-tw", False, "18-NQ/TW"),
        ("Quyết định số 406/QĐ-TTg", "406-qd-ttg", False, "406/QĐ-TTg"),
        ("Quyết định 406", "406-qd-ttg", True, "406/QĐ-TTg"),
        ("Nghị quyết số 18", "18-nq-tw", True, "18-NQ/TW"),
    ]


def test_short_mention_of_another_type_does_not_resolve() -> None:
    found = _directives(lines_doc("Thực hiện Nghị quyết số 18-NQ/TW.", "Chỉ thị 18 chưa được thực hiện."))
    assert [k for _, k, _ in found] == ["18-nq-tw"]


def test_short_mention_with_named_issuer_is_constructed() -> None:
    found = _directives(lines_doc("Thực hiện Chỉ thị 16 của Thủ tướng Chính phủ và Nghị quyết 39 của Bộ Chính trị."))
    assert [(w, k, a["number"], a["issuer"], a.get("constructed")) for w, k, a in found] == [
        ("Chỉ thị 16", "16-ct-ttg", "16/CT-TTg", "thu-tuong-chinh-phu", True),
        ("Nghị quyết 39", "39-nq-tw", "39-NQ/TW", "bo-chinh-tri", True),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chương trình 135 đã hỗ trợ nhiều xã.",
        "Nghị định 15 của Chính phủ được sửa đổi.",
        "Luật Tổ chức chính quyền địa phương được sửa đổi.",
        "Có 9/9 huyện và 1.518/1.518 thủ tục, tổng đài 24/7, 5/tháng.",
        "Kế hoạch CCHC năm 2024 đạt 41,5%.",
    ],
)
def test_not_directives(sentence: str) -> None:
    assert _directives(lines_doc(sentence)) == []


def test_short_mention_naming_another_issuer_does_not_resolve_to_a_local_document() -> None:
    found = _directives(lines_doc(
        "Tỉnh ban hành Nghị quyết số 01/2021/NQ-HĐND về phí.",
        "Các sở thực hiện Nghị quyết 01 của Chính phủ.",
    ))
    assert [(w, k, a["short"]) for w, k, a in found] == [
        ("Nghị quyết số 01/2021/NQ-HĐND", "01-2021-nq-hdnd", False),
        ("Nghị quyết 01", "01-nq-cp", True),
    ]


def test_year_after_a_type_word_is_not_a_short_mention() -> None:
    assert _directives(lines_doc("Kế hoạch 2021 của Chính phủ được triển khai.")) == []


def test_a_titled_plan_implementing_a_resolution_after_a_comma() -> None:
    found = _directives(lines_doc(
        "UBND tỉnh ban hành Kế hoạch số 1876/KH-UBND ngày 12/5/2025 về nâng cao các chỉ số PAR INDEX, SIPAS, PAPI, "
        "triển khai Nghị quyết số 76/NQ-CP của Chính phủ."))
    assert [(key, attrs["implements"]) for _, key, attrs in found] == [("1876-kh-ubnd", "76-nq-cp"), ("76-nq-cp", None)]


def test_grounds_listed_one_after_another_are_no_implementation() -> None:
    found = _directives(lines_doc("Căn cứ Quyết định số 12/QĐ-TTg, thực hiện Kế hoạch số 30/KH-BNV, tỉnh triển khai."))
    assert [attrs["implements"] for _, _, attrs in found] == [None, None]


def test_titled_grounds_listed_one_after_another_are_no_implementation() -> None:
    found = _directives(lines_doc(
        "Căn cứ Quyết định số 12/QĐ-TTg về cải cách hành chính, thực hiện Kế hoạch số 30/KH-BNV, tỉnh triển khai."))
    assert [attrs["implements"] for _, _, attrs in found] == [None, None]
