"""Requests read by the whole pipeline across sentences: the chair of a meeting named far back, a
body asked to finish by a deadline right after a request, and "đang" told from the words that fold
to its letters ("đăng ký", "đáng chú ý", "Đảng")."""

from __future__ import annotations

from kg.facts import TaskFact
from tests.test_report_patterns import article, tasks


def test_the_chair_named_far_back_asks_again() -> None:
    doc = article("Chủ tọa kỳ họp, Chủ tịch HĐND tỉnh Phú Yên Lê Văn Hà đề nghị UBND tỉnh chỉ đạo xử lý hồ sơ quá hạn.",
                  "Đại biểu chất vấn về tiến độ số hóa.", "Giám đốc Sở Tư pháp giải trình thêm.",
                  "Nhiều đại biểu đồng tình.", "Kỳ họp bế mạc chiều cùng ngày.",
                  "Chủ tọa yêu cầu Sở Nội vụ tỉnh Phú Yên bổ sung viên chức cho văn phòng đăng ký đất đai.")
    assert tasks(doc) == [(("le-van-ha",), ("uy-ban-nhan-dan-tinh-phu-yen",), "Planned", None),
                          (("le-van-ha",), ("so-noi-vu-tinh-phu-yen",), "Planned", None)]


def test_a_body_finishing_by_a_deadline_after_a_request_is_asked_but_one_reported_done_is_not() -> None:
    request = "Chủ tịch UBND tỉnh Phú Yên Tạ Anh Tuấn yêu cầu Sở Xây dựng tỉnh Phú Yên rà soát quy hoạch."
    asked = article(request, "Sở Tài chính tỉnh Phú Yên hoàn thành việc quyết toán trong quý II/2025.")
    done = article(request, "Sở Tài chính tỉnh Phú Yên hoàn thành việc quyết toán dự án.")
    assert tasks(asked)[1:] == [(("ta-anh-tuan",), ("so-tai-chinh-tinh-phu-yen",), "Planned", None)]
    assert tasks(done)[1:] == []


def test_joint_work_near_dang_ky_or_dang_chu_y_is_not_under_way() -> None:
    doc = article("Đáng chú ý, UBND tỉnh Phú Yên phối hợp với Bộ Nông nghiệp và Môi trường xây dựng cơ sở dữ liệu "
                  "đăng ký đất đai.")
    under_way = article("UBND tỉnh Phú Yên đang phối hợp với Bộ Nông nghiệp và Môi trường xây dựng cơ sở dữ liệu "
                        "đất đai.")
    assert tasks(doc) == [((), ("uy-ban-nhan-dan-tinh-phu-yen",), "Planned", None)]
    assert tasks(under_way) == [((), ("uy-ban-nhan-dan-tinh-phu-yen",), "InProgress", None)]


def test_bodies_opening_the_sentence_as_its_topic_are_asked_when_the_verb_names_no_one() -> None:
    doc = article("Chủ tịch UBND tỉnh Phú Yên Tạ Anh Tuấn chủ trì cuộc họp.",
                  "Đối với UBND xã Hòa Quang và UBND xã An Ninh, Chủ tịch đề nghị hoàn thành các nhiệm vụ quá hạn "
                  "trước ngày 20/12/2025.")
    assert tasks(doc) == [(("ta-anh-tuan",), ("uy-ban-nhan-dan-xa-hoa-quang", "uy-ban-nhan-dan-xa-an-ninh"),
                           "Planned", None)]


def test_each_clause_after_a_semicolon_asking_a_body_is_a_request_of_its_own() -> None:
    doc = article("Chủ tịch UBND tỉnh Phú Yên Tạ Anh Tuấn yêu cầu Sở Xây dựng tỉnh Phú Yên rà soát quy hoạch; "
                  "Sở Tài chính tỉnh Phú Yên khẩn trương quyết toán các dự án; Sở Nội vụ tỉnh Phú Yên cũng được "
                  "giao tổng hợp báo cáo hằng tháng; các sở, ngành theo dõi tiến độ.")
    assert tasks(doc) == [(("ta-anh-tuan",), ("so-xay-dung-tinh-phu-yen",), "Planned", None),
                          (("ta-anh-tuan",), ("so-tai-chinh-tinh-phu-yen",), "Planned", None),
                          (("ta-anh-tuan",), ("so-noi-vu-tinh-phu-yen",), "Planned", None)]


def test_a_continuation_opening_the_sentence_comes_before_a_passive_request_after_a_semicolon() -> None:
    doc = article("Chủ tịch UBND tỉnh Phú Yên Tạ Anh Tuấn yêu cầu Sở Xây dựng tỉnh Phú Yên rà soát quy hoạch.",
                  "Sở Tài chính tỉnh Phú Yên khẩn trương quyết toán các dự án; Sở Nội vụ tỉnh Phú Yên cũng được "
                  "giao tổng hợp báo cáo.")
    assert tasks(doc)[1:] == [(("ta-anh-tuan",), ("so-tai-chinh-tinh-phu-yen",), "Planned", None),
                              (("ta-anh-tuan",), ("so-noi-vu-tinh-phu-yen",), "Planned", None)]


def test_to_chuc_before_a_verb_goes_on_with_the_request_before_but_a_noun_phrase_does_not() -> None:
    request = "Chánh Thanh tra tỉnh Phú Yên Lê Văn Hòa yêu cầu Sở Xây dựng tỉnh Phú Yên rà soát 40 hồ sơ tồn đọng."
    assert tasks(article(request, "Tổ chức kiểm điểm trách nhiệm đối với tập thể, cá nhân có liên quan.")) == [
        (("le-van-hoa",), ("so-xay-dung-tinh-phu-yen",), "Planned", None)] * 2
    assert tasks(article(request, "Tổ chức bộ máy của Sở đã được kiện toàn.")) == [
        (("le-van-hoa",), ("so-xay-dung-tinh-phu-yen",), "Planned", None)]


def test_a_body_asked_to_direct_after_a_request_and_a_document_asking_after_a_topic() -> None:
    doc = article("Ban Thường vụ Tỉnh ủy Quảng Ninh giao UBND tỉnh Quảng Ninh ban hành quy chế trước ngày 31/12/2025. "
                  "UBND tỉnh Quảng Ninh chỉ đạo hoàn thành dứt điểm 3 nhiệm vụ quá hạn.",
                  "Đối với UBND tỉnh Quảng Ninh, Kế hoạch số 12/KH-BNV của Bộ Nội vụ yêu cầu Sở Nội vụ tỉnh Quảng "
                  "Ninh rà soát vị trí việc làm. Kế hoạch cũng yêu cầu Sở Tư pháp tỉnh Quảng Ninh rà soát văn bản.")
    asked = [(("tinh-uy-quang-ninh",), ("uy-ban-nhan-dan-tinh-quang-ninh",), "Planned", None)]
    assert tasks(doc) == asked * 2 + [(("bo-noi-vu",), ("so-noi-vu-tinh-quang-ninh",), "Planned", None),
                                      (("bo-noi-vu",), ("so-tu-phap-tinh-quang-ninh",), "Planned", None)]


def test_a_bare_so_given_tasks_is_the_department_named_before_and_its_status_lines_are_its() -> None:
    doc = article("Giám đốc Sở Khoa học và Công nghệ tỉnh Quảng Ninh trả lời báo chí.",
                  "Năm 2025, UBND tỉnh Quảng Ninh giao Sở 12 nhiệm vụ về chuyển đổi số. Đến nay, Sở đã hoàn thành "
                  "8 nhiệm vụ, 4 nhiệm vụ đang triển khai trong hạn.")
    department = ("so-khoa-hoc-va-cong-nghe-tinh-quang-ninh",)
    assert tasks(doc) == [(("uy-ban-nhan-dan-tinh-quang-ninh",), department, None, 12),
                          (("uy-ban-nhan-dan-tinh-quang-ninh",), department, "Completed", 8),
                          (("uy-ban-nhan-dan-tinh-quang-ninh",), department, "InProgress", 4)]


def test_a_request_by_the_issuer_of_a_document_named_before_rests_on_it() -> None:
    doc = article("Văn phòng Chính phủ ban hành Công văn số 8754/VPCP-KSTT ngày 3/10/2025 về dịch vụ công trực tuyến.",
                  "Văn phòng Chính phủ đề nghị Bộ Y tế hoàn thành tích hợp 12 dịch vụ công trước ngày 30/11/2025.",
                  "UBND tỉnh Quảng Ninh giao Sở Y tế tỉnh Quảng Ninh rà soát thủ tục.")
    based = [(f.assigned_to[0].slug, tuple(r.slug for r in f.based_on)) for f in doc.facts if isinstance(f, TaskFact)]
    assert based == [("bo-y-te", ("8754-vpcp-kstt",)), ("so-y-te-tinh-quang-ninh", ())]
