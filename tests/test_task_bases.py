"""The document a task rests on, read by the whole pipeline: the one the article's lead announces
as issued, when the task names none, and never the document the work is to amend or replace."""

from __future__ import annotations

from kg.facts import TaskFact
from tests.test_report_patterns import article


def bases(doc) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(tuple(r.slug for r in f.assigned_to), tuple(r.slug for r in f.based_on))
            for f in doc.facts if isinstance(f, TaskFact)]


def test_work_naming_no_document_rests_on_the_one_the_lead_announces() -> None:
    doc = article("Văn phòng Chính phủ vừa ban hành Thông báo số 312/TB-VPCP ngày 5/6/2025 kết luận của Phó Thủ "
                  "tướng Chính phủ Trần Hồng Hà tại cuộc họp về dịch vụ công trực tuyến.",
                  "Phó Thủ tướng yêu cầu Bộ Tài chính hoàn thiện cơ chế thu phí trực tuyến trước ngày 30/7/2025.",
                  "Giao Bộ Công an phối hợp với Văn phòng Chính phủ kết nối dữ liệu dân cư theo Quyết định số "
                  "06/QĐ-TTg, hoàn thành trong quý III/2025.")
    assert bases(doc) == [(("bo-tai-chinh",), ("312-tb-vpcp",)), (("bo-cong-an",), ("06-qd-ttg",))]


def test_a_conclusion_announced_with_its_type_words_before_the_number_is_the_basis_of_its_heads_requests() -> None:
    lead = ("Thanh tra tỉnh Bắc Ninh vừa ban hành Kết luận thanh tra số 87/KL-TTr ngày 2/4/2025 về giải quyết thủ "
            "tục hành chính tại UBND huyện Yên Phong.")
    by_body = article(lead, "Thanh tra tỉnh yêu cầu UBND huyện Yên Phong giải quyết dứt điểm hồ sơ tồn đọng trước "
                            "ngày 30/6/2025.")
    by_head = article(lead, "Chánh Thanh tra tỉnh Nguyễn Văn Hùng yêu cầu UBND huyện Yên Phong giải quyết dứt điểm "
                            "hồ sơ tồn đọng trước ngày 30/6/2025.")
    assert bases(by_body) == bases(by_head) == [(("uy-ban-nhan-dan-huyen-yen-phong",), ("87-kl-ttr",))]


def test_a_document_the_lead_names_without_announcing_it_is_no_basis() -> None:
    doc = article("UBND tỉnh Bắc Ninh tổ chức hội nghị sơ kết 6 tháng thực hiện Kế hoạch số 45/KH-UBND về cải cách "
                  "hành chính.",
                  "Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn yêu cầu Sở Nội vụ tỉnh Bắc Ninh kiểm tra công vụ "
                  "trước ngày 30/9/2025.")
    assert bases(doc) == [(("so-noi-vu-tinh-bac-ninh",), ())]


def test_the_document_work_is_to_replace_or_amend_is_not_what_it_rests_on() -> None:
    doc = article("Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn giao Sở Tư pháp tỉnh Bắc Ninh chủ trì sửa đổi, bổ "
                  "sung Quyết định số 15/2024/QĐ-UBND, hoàn thành trong tháng 9/2025.",
                  "Giao Sở Nội vụ tỉnh Bắc Ninh xây dựng quy chế thay thế Quyết định số 21/2023/QĐ-UBND theo Nghị "
                  "định số 118/2025/NĐ-CP, hoàn thành trong tháng 10/2025.")
    assert bases(doc) == [(("so-tu-phap-tinh-bac-ninh",), ()),
                          (("so-noi-vu-tinh-bac-ninh",), ("118-2025-nd-cp",))]
