"""Work reported unfinished after its deadline, read by the whole pipeline: the bodies or places
named right before "(vẫn) chưa hoàn thành" or "(đều) đã chậm" are overdue, by the deadline the
sentence gives or the request before gave; no deadline, no overdue task."""

from __future__ import annotations

from kg.facts import TaskFact
from tests.test_report_patterns import article, tasks


def overdue(*paragraphs: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, tuple[str, ...]]]:
    return [(tuple(r.slug for r in f.assigned_by), tuple(r.slug for r in f.assigned_to), f.deadline,
             tuple(r.slug for r in f.based_on)) for f in article(*paragraphs).facts
            if isinstance(f, TaskFact) and f.status == "Overdue"]


def test_bodies_listed_before_chua_hoan_thanh_after_a_deadline_set_by_a_document_are_overdue() -> None:
    assert overdue("Theo Công văn số 2210/VPCP-KSTT ngày 3/3/2025 của Văn phòng Chính phủ, việc công bố thủ tục "
                   "phải hoàn thành trước ngày 30/4/2025, nhưng đến nay UBND tỉnh Gia Lai và UBND tỉnh Kon Tum vẫn "
                   "chưa hoàn thành.") == [
        (("van-phong-chinh-phu",), ("uy-ban-nhan-dan-tinh-gia-lai", "uy-ban-nhan-dan-tinh-kon-tum"), "2025-04-30",
         ("2210-vpcp-kstt",))]


def test_the_body_after_viec_and_the_setter_after_theo_yeu_cau_cua() -> None:
    assert overdue("Việc Bộ Công Thương số hóa hồ sơ theo yêu cầu của Bộ Nội vụ đến nay vẫn chưa hoàn thành, "
                   "dù thời hạn là ngày 30/6/2025.") == [(("bo-noi-vu",), ("bo-cong-thuong",), "2025-06-30", ())]


def test_a_place_not_done_after_a_request_takes_its_deadline_and_its_asker() -> None:
    assert overdue("Bộ Công an yêu cầu UBND tỉnh Điện Biên và UBND tỉnh Lai Châu làm sạch dữ liệu dân cư trước "
                   "ngày 31/3/2025.",
                   "Tuy nhiên, đến nay tỉnh Điện Biên vẫn chưa hoàn thành.") == [
        (("bo-cong-an",), ("dien-bien",), "2025-03-31", ())]


def test_no_deadline_or_cham_dut_says_nothing_is_late() -> None:
    assert overdue("Sở Tư pháp tỉnh Gia Lai vẫn chưa hoàn thành việc số hóa sổ hộ tịch.") == []
    assert tasks(article("Năm 2025, Sở Nội vụ tỉnh Gia Lai đã chấm dứt hợp đồng của 12 người trước ngày 30/6/2025.")) \
        == []


def test_the_body_right_before_the_status_is_the_one_late_on_a_deadline_set_by_another() -> None:
    assert overdue("Sở Nội vụ tỉnh Quảng Ninh chưa hoàn thành việc rà soát vị trí việc làm theo thời hạn UBND "
                   "tỉnh Quảng Ninh giao là ngày 30/9/2025.") == [
        (("uy-ban-nhan-dan-tinh-quang-ninh",), ("so-noi-vu-tinh-quang-ninh",), "2025-09-30", ())]
