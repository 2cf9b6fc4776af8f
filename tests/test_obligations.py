"""Obligations read by the whole pipeline: a body named before "phải" and a verb of work is asked
that work, by whoever gave the last task, else by the issuer of the document the sentence names."""

from __future__ import annotations

from kg.facts import TaskFact
from tests.test_report_patterns import article, tasks


def deadlines_and_labels(*paragraphs: str) -> list[tuple[str | None, str]]:
    return [(f.deadline, f.label) for f in article(*paragraphs).facts if isinstance(f, TaskFact)]


def test_a_body_obliged_after_a_request_is_asked_by_the_same_official() -> None:
    paragraphs = ("Chiều 12/8, Chủ tịch UBND tỉnh Quảng Bình Trần Phong yêu cầu Sở Xây dựng rà soát các dự án "
                  "chậm tiến độ.",
                  "Sở Tài chính tỉnh Quảng Bình cũng phải hoàn thành việc thu hồi 1,2 tỷ đồng trước ngày 30/9/2025.")
    assert tasks(article(*paragraphs)) == [(("tran-phong",), ("so-xay-dung-tinh-quang-binh",), "Planned", None),
                                           (("tran-phong",), ("so-tai-chinh-tinh-quang-binh",), "Planned", None)]
    assert deadlines_and_labels(*paragraphs)[1] == ("2025-09-30",
                                                    "hoàn thành việc thu hồi 1,2 tỷ đồng trước ngày 30/9/2025")


def test_a_bare_so_before_phai_is_the_department_named_before() -> None:
    paragraphs = ("Sở Nội vụ tỉnh Gia Lai đã trình UBND tỉnh đề án vị trí việc làm.",
                  "Theo Kế hoạch, Sở phải ban hành hướng dẫn trong tháng 10/2025.")
    assert tasks(article(*paragraphs)) == [((), ("so-noi-vu-tinh-gia-lai",), "Planned", None)]
    assert deadlines_and_labels(*paragraphs) == [("2025-10", "ban hành hướng dẫn trong tháng 10/2025")]


def test_the_issuer_of_the_document_named_obliges_when_no_one_asked_before() -> None:
    doc = article("Theo Kết luận số 86/KL-TTr ngày 5/3/2025 của Thanh tra tỉnh Quảng Bình, UBND huyện Lệ Thủy "
                  "phải hoàn thành 4 kiến nghị còn lại trong quý III/2025.")
    assert tasks(doc) == [(("thanh-tra-tinh-quang-binh",), ("uy-ban-nhan-dan-huyen-le-thuy",), "Planned", None)]


def test_people_obliged_and_what_a_body_had_to_do_are_no_tasks() -> None:
    doc = article("Tại UBND tỉnh Gia Lai, người dân phải nộp lại giấy tờ đã có trong cơ sở dữ liệu.",
                  "Năm qua, Sở Tư pháp tỉnh Gia Lai đã phải xử lý 1.200 hồ sơ.")
    assert tasks(doc) == []
