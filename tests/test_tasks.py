from __future__ import annotations

import re
from decimal import Decimal

from kg.facts import EntityRef
from kg.guarded import AnyWord, WordSearch, search_at_end, word_choice
from kg.relate.task_parts import status_of
from kg.relate.tasks import relate_tasks
from tests.docs import make_doc

PROVINCE = ("province", "Quảng Ngãi", "quang-ngai", {})
GOV = ("agency", "Chính phủ", "chinh-phu", {})
PM = ("agency", "Thủ tướng Chính phủ", "thu-tuong-chinh-phu", {})


def count(text: str, value: int, unit: str = "Count", **attrs) -> tuple:
    return ("number", text, str(value), {"value": Decimal(value), "unit": unit, **attrs})


def tasks(doc):
    return [fact for fact in doc.facts if type(fact).__name__ == "TaskFact"]


def test_status_words_of_progress_reports():
    assert [status_of(c) for c in (
        "đã hoàn thành đúng hạn 30 nhiệm vụ", "hoàn thành quá hạn 2", "5 nhiệm vụ đang thực hiện quá hạn",
        "10 nhiệm vụ trong hạn", "chưa hoàn thành 12", "đã hoàn thành 40", "nhiệm vụ được giao")] == [
        "CompletedOnTime", "CompletedLate", "Overdue", "InProgress", "NotCompleted", "Completed", None]


def test_dang_is_under_way_but_the_words_folding_to_its_letters_are_not():
    assert [status_of(c) for c in ("các tổ chức đảng triển khai nghị quyết", "Sở đang triển khai",
                                   "đáng chú ý, 4 nhiệm vụ trong hạn", "Dang thuc hien 3 nhiem vu")] == [
        None, "InProgress", "InProgress", "InProgress"]


SEARCHED = ["giao cho", "xgiao cho giao", "luu yeu cau", "de nghidenghi de nghi", "giaogiao giao", "muc tieu1 it nhat",
            "ubnd tinh giao so noi vu chu tri", "khong co", "", "tinh phan dau dat toi thieu 80%"]


def test_word_search_finds_what_word_choice_finds():
    words = ("giao cho", "giao", "de nghi", "yeu cau", "luu y", "muc tieu", "it nhat", "toi thieu")
    found, expected = WordSearch(*words), word_choice(*words)
    for text in SEARCHED:
        assert [(m.span(), m.groups()) for m in found.finditer(text)] == [
            (m.span(), m.groups()) for m in expected.finditer(text)], text
        assert (found.search(text) is None) == (expected.search(text) is None), text


def test_any_word_is_a_substring_test():
    words = ("giao cho", "giao", "yeu cau", "luu y", "phan dau", "muc tieu", "chi tieu", "toi thieu", "khong duoi")
    for text in [*SEARCHED, "chi tieu", "xmuc tieu", "toi thieux", "chi", "luu ", "khong duo"]:
        assert AnyWord(*words).found_in(text) == any(word in text for word in words), text
        assert AnyWord(*words[2:]).found_in(text) == any(word in text for word in words[2:]), text


def test_search_at_end_finds_what_a_search_finds():
    pattern = re.compile(r"(?<![\w])(doi voi|voi|cac)\s*$")
    for text in ("doi voi ", "xvoi", "cung voi \n", "cac", "voi cac nhiem vu", " voi\t"):
        for end in range(len(text) + 1):
            found, expected = search_at_end(pattern, text, 7, end), pattern.search(text, 0, end)
            assert (found and found.span()) == (expected and expected.span()), (text, end)


def test_breakdown_of_assigned_tasks_is_one_task_per_status_tied_to_the_total():
    doc = make_doc(
        "Đến ngày 30/9/2023, tỉnh Quảng Ngãi được Chính phủ, Thủ tướng Chính phủ giao 80 nhiệm vụ; "
        "đã hoàn thành đúng hạn 50 nhiệm vụ, chưa hoàn thành 30 nhiệm vụ (25 nhiệm vụ trong hạn, 5 nhiệm vụ quá hạn).",
        ("period", "30/9/2023", "2023-09-30", {"grain": "date"}), PROVINCE, GOV, PM,
        count("|80| nhiệm", 80), count("|50| nhiệm", 50), count("|30| nhiệm", 30), count("|25| nhiệm", 25),
        count("|5| nhiệm vụ quá", 5))
    relate_tasks(doc)
    found = tasks(doc)
    assert [(t.status, t.count) for t in found] == [
        (None, 80), ("CompletedOnTime", 50), ("NotCompleted", 30), ("InProgress", 25), ("Overdue", 5)]
    total = found[0]
    assert total.assigned_to == (EntityRef("province", "quang-ngai"),)
    assert total.assigned_by == (EntityRef("agency", "chinh-phu"), EntityRef("agency", "thu-tuong-chinh-phu"))
    assert total.status_date == "2023-09-30"
    assert [t.total.count if t.total else None for t in found] == [None, 80, 80, 30, 30]
    assert all(t.assigned_to == total.assigned_to for t in found)


def test_request_from_an_official_to_a_province_with_deadline_and_directive():
    doc = make_doc(
        "Bộ trưởng Lê Văn Thành đề nghị tỉnh Quảng Ngãi hoàn thành việc số hóa hồ sơ trước tháng 6/2024 "
        "theo Quyết định số 06/QĐ-TTg.",
        ("official", "Bộ trưởng Lê Văn Thành", "le-van-thanh", {}), PROVINCE,
        ("period", "tháng 6/2024", "2024-06", {"grain": "month"}),
        ("directive", "06/QĐ-TTg", "06-qd-ttg", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert task.assigned_by == (EntityRef("official", "le-van-thanh"),)
    assert task.assigned_to == (EntityRef("province", "quang-ngai"),)
    assert task.label == "hoàn thành việc số hóa hồ sơ trước tháng 6/2024 theo Quyết định số 06/QĐ-TTg"
    assert (task.status, task.deadline) == ("Planned", "2024-06")
    assert task.based_on == (EntityRef("directive", "06-qd-ttg"),)


def test_noun_uses_of_request_words_are_not_requests():
    doc = make_doc("Theo chỉ đạo của Chính phủ, tỉnh Quảng Ngãi đáp ứng yêu cầu cải cách.", GOV, PROVINCE)
    relate_tasks(doc)
    assert tasks(doc) == []


def test_joint_work_with_a_ministry_is_a_task_of_the_province_with_a_partner():
    doc = make_doc("Tỉnh Quảng Ngãi đang phối hợp với Bộ Nội vụ xây dựng Đề án sắp xếp đơn vị hành chính cấp xã.",
                   PROVINCE, ("agency", "Bộ Nội vụ", "bo-noi-vu", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.partners, task.status) == (
        (EntityRef("province", "quang-ngai"),), (EntityRef("agency", "bo-noi-vu"),), "InProgress")
    assert task.label == "xây dựng Đề án sắp xếp đơn vị hành chính cấp xã"


def test_targets_of_a_resolution_are_the_issuers_own_commitments():
    doc = make_doc(
        "Chính phủ ban hành Nghị quyết số 12/NQ-CP với mục tiêu đến năm 2026 cắt giảm ít nhất 30% thủ tục "
        "và giảm ít nhất 25% thời gian giải quyết.",
        GOV, ("directive", "12/NQ-CP", "12-nq-cp", {"issuer": "chinh-phu"}),
        ("period", "năm 2026", "2026", {"grain": "year"}),
        ("number", "30%", "30", {"value": Decimal(30), "unit": "Percent", "qualifier": "at_least"}),
        ("number", "25%", "25", {"value": Decimal(25), "unit": "Percent", "qualifier": "at_least"}))
    relate_tasks(doc)
    found = tasks(doc)
    assert [(t.target_value, t.target_unit, t.deadline, t.assigned_to, t.assigned_by) for t in found] == [
        (Decimal(30), "Percent", "2026", (EntityRef("agency", "chinh-phu"),), (EntityRef("agency", "chinh-phu"),)),
        (Decimal(25), "Percent", "2026", (EntityRef("agency", "chinh-phu"),), (EntityRef("agency", "chinh-phu"),)),
    ]
    assert [t.label for t in found] == ["đến năm 2026 cắt giảm ít nhất 30% thủ tục",
                                        "giảm ít nhất 25% thời gian giải quyết"]


def test_an_imperative_sentence_goes_on_with_the_request_before_it():
    doc = make_doc("Bộ trưởng Lê Văn Thành mong muốn tỉnh Quảng Ngãi giữ vững kết quả.\n"
                   "Khẩn trương triển khai Nghị quyết số 12/NQ-CP về chuyển đổi số.\n"
                   "Kết quả năm qua là đáng ghi nhận.",
                   ("official", "Bộ trưởng Lê Văn Thành", "le-van-thanh", {}), PROVINCE,
                   ("directive", "12/NQ-CP", "12-nq-cp", {}))
    relate_tasks(doc)
    first, second = tasks(doc)
    assert (first.label, second.label) == ("giữ vững kết quả", "Khẩn trương triển khai Nghị quyết số 12/NQ-CP về chuyển đổi số")
    assert second.assigned_by == first.assigned_by and second.assigned_to == first.assigned_to
    assert second.based_on == (EntityRef("directive", "12-nq-cp"),)


def test_work_not_done_by_the_deadline_a_body_set_is_overdue():
    doc = make_doc("Các tỉnh Kon Tum, Gia Lai chưa hoàn thành việc kết nối theo thời hạn Thủ tướng Chính phủ giao là tháng 9/2022.",
                   ("province", "Kon Tum", "kon-tum", {}), ("province", "Gia Lai", "gia-lai", {}), PM,
                   ("period", "tháng 9/2022", "2022-09", {"grain": "month"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.status, task.deadline, task.assigned_by) == ("Overdue", "2022-09", (EntityRef("agency", "thu-tuong-chinh-phu"),))
    assert task.assigned_to == (EntityRef("province", "kon-tum"), EntityRef("province", "gia-lai"))


def test_overdue_for_completion_is_not_completed_late():
    assert status_of("đã quá hạn hoàn thành tích hợp") == "Overdue"


def test_a_place_chosen_for_a_pilot_is_given_a_task():
    doc = make_doc("Tỉnh Quảng Ngãi được lựa chọn là địa phương làm thí điểm chính quyền số, kết quả tốt.", PROVINCE)
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.label) == ((EntityRef("province", "quang-ngai"),),
                                              "được lựa chọn là địa phương làm thí điểm chính quyền số, kết quả tốt")


def test_double_digit_growth_is_a_ten_percent_target_stated_once():
    growth = ("number", "|2| con số", "2", {"value": Decimal(2), "unit": "Count", "noun": "con số"})
    doc = make_doc("Huyện góp phần đạt mục tiêu tăng trưởng 2 con số trên địa bàn tỉnh Quảng Ngãi.\n"
                   "Để đạt mục tiêu tăng trưởng 2 con số năm 2026 trên địa bàn tỉnh, cần đẩy mạnh cải cách.",
                   PROVINCE, growth, growth, ("period", "năm 2026", "2026", {"grain": "year"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.target_value, task.target_unit, task.deadline, task.assigned_to) == (
        Decimal(10), "Percent", "2026", (EntityRef("province", "quang-ngai"),))


def test_a_breakdown_of_completed_tasks_after_trong_do_says_how_they_were_completed():
    doc = make_doc("Năm 2023, tỉnh Quảng Ngãi được Chính phủ giao 60 nhiệm vụ; tính đến ngày 31/12/2023 đã hoàn thành "
                   "50 nhiệm vụ, trong đó đúng hạn 45, quá hạn 5; 8 nhiệm vụ đang thực hiện trong hạn và 2 nhiệm vụ "
                   "quá hạn chưa hoàn thành.",
                   PROVINCE, GOV, ("period", "ngày 31/12/2023", "2023-12-31", {"grain": "date"}),
                   count("|60| nhiệm", 60), count("|50| nhiệm", 50), count("|45|, quá", 45), count("hạn |5|;", 5),
                   count("|8| nhiệm", 8), count("|2| nhiệm vụ quá", 2))
    relate_tasks(doc)
    found = tasks(doc)
    assert [(t.status, t.count, t.total.count if t.total else None) for t in found] == [
        (None, 60, None), ("Completed", 50, 60), ("CompletedOnTime", 45, 50), ("CompletedLate", 5, 50),
        ("InProgress", 8, 60), ("Overdue", 2, 60)]
    assert found[0].status_date == "2023-12-31"


def test_a_count_of_work_with_a_status_and_no_total_is_a_task_of_its_subject():
    doc = make_doc("Theo Văn phòng Chính phủ, tỉnh Quảng Ngãi còn 4 nhiệm vụ đã quá hạn nhưng chưa hoàn thành.",
                   ("agency", "Văn phòng Chính phủ", "van-phong-chinh-phu", {}), PROVINCE,
                   count("|4| nhiệm", 4, noun="nhiệm vụ"))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.status, task.count) == ((EntityRef("province", "quang-ngai"),), "Overdue", 4)


def test_a_pronoun_subject_asks_through_the_official_named_just_before():
    doc = make_doc("Chủ tịch UBND tỉnh Lê Văn Thành phát biểu kết luận.\nÔng cũng giao Sở Nội vụ chủ trì, phối hợp với "
                   "Sở Tư pháp rà soát quy chế.",
                   ("official", "Chủ tịch UBND tỉnh Lê Văn Thành", "le-van-thanh", {}),
                   ("agency", "Sở Nội vụ", "so-noi-vu-tinh-quang-ngai", {}),
                   ("agency", "Sở Tư pháp", "so-tu-phap-tinh-quang-ngai", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_by, task.assigned_to, task.partners) == (
        (EntityRef("official", "le-van-thanh"),), (EntityRef("agency", "so-noi-vu-tinh-quang-ngai"),),
        (EntityRef("agency", "so-tu-phap-tinh-quang-ngai"),))


def test_a_request_to_the_heads_of_several_peoples_committees_named_under_one_head():
    doc = make_doc("Bộ trưởng Lê Văn Thành yêu cầu Chủ tịch UBND các tỉnh Kon Tum, Gia Lai khẩn trương báo cáo.",
                   ("official", "Bộ trưởng Lê Văn Thành", "le-van-thanh", {}),
                   ("agency", "UBND các tỉnh Kon Tum", "uy-ban-nhan-dan-tinh-kon-tum", {}),
                   ("agency", "UBND các tỉnh Kon Tum, Gia Lai", "uy-ban-nhan-dan-tinh-gia-lai", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert task.assigned_to == (EntityRef("agency", "uy-ban-nhan-dan-tinh-kon-tum"),
                                EntityRef("agency", "uy-ban-nhan-dan-tinh-gia-lai"))
    assert task.label == "khẩn trương báo cáo"


def test_a_target_whose_owner_is_named_before_the_figure():
    doc = make_doc("Tại Quảng Ngãi, chỉ tiêu đặt ra đến năm 2026: tỷ lệ hồ sơ trực tuyến của tỉnh đạt tối thiểu 75%.",
                   PROVINCE, ("period", "năm 2026", "2026", {"grain": "year"}),
                   ("number", "75%", "75", {"value": Decimal(75), "unit": "Percent", "qualifier": "at_least"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.target_value, task.deadline) == (
        (EntityRef("province", "quang-ngai"),), Decimal(75), "2026")


def test_a_goal_covers_the_figures_after_it_until_the_sentence_turns_to_what_is_done():
    doc = make_doc("Chỉ thị của tỉnh Quảng Ngãi đặt mục tiêu đến năm 2027, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 85%; "
                   "90% hồ sơ được số hóa, trong khi hiện nay mới đạt 62%.",
                   PROVINCE, ("period", "năm 2027", "2027", {"grain": "year", "bound": "until"}),
                   ("number", "85%", "85", {"value": Decimal(85), "unit": "Percent"}),
                   ("number", "90%", "90", {"value": Decimal(90), "unit": "Percent"}),
                   ("number", "62%", "62", {"value": Decimal(62), "unit": "Percent"}))
    relate_tasks(doc)
    assert [(t.target_value, t.deadline, t.assigned_to) for t in tasks(doc)] == [
        (Decimal(85), "2027", (EntityRef("province", "quang-ngai"),)),
        (Decimal(90), "2027", (EntityRef("province", "quang-ngai"),)),
    ]


def test_a_place_among_the_leading_group_is_a_rank_target_asked_by_the_requester():
    doc = make_doc("Phó Thủ tướng đề nghị tỉnh Quảng Ngãi phấn đấu năm 2026 đưa Chỉ số PCI vào nhóm 15 địa phương dẫn đầu.",
                   ("official", "Phó Thủ tướng", "tran-van-an", {}), PROVINCE,
                   ("period", "năm 2026", "2026", {"grain": "year"}),
                   count("|15| địa phương", 15, noun="địa phương"))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.target_value, task.target_unit, task.deadline, task.assigned_to, task.assigned_by) == (
        Decimal(15), "Rank", "2026", (EntityRef("province", "quang-ngai"),), (EntityRef("official", "tran-van-an"),))


def test_a_bare_province_that_must_reach_a_figure_owns_the_target_not_the_body_it_cites():
    doc = make_doc("Tỉnh Quảng Ngãi tổng kết việc sắp xếp bộ máy.\n"
                   "Theo Kết luận của Bộ Chính trị, tỉnh phải tinh giản tối thiểu 5% biên chế giai đoạn 2022 - 2026.",
                   PROVINCE, ("agency", "Bộ Chính trị", "bo-chinh-tri", {}),
                   ("period", "giai đoạn 2022 - 2026", "2022/2026", {"grain": "range"}),
                   ("number", "5%", "5", {"value": Decimal(5), "unit": "Percent", "qualifier": "at_least"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.assigned_by, task.deadline) == (
        (EntityRef("province", "quang-ngai"),), (EntityRef("agency", "bo-chinh-tri"),), "2026")


def test_a_target_deadline_is_never_its_comparison_base():
    doc = make_doc("Chính phủ đặt mục tiêu đến ngày 31/12/2026 cắt giảm ít nhất 25% chi phí so với năm 2024.",
                   GOV, ("period", "ngày 31/12/2026", "2026-12-31", {"grain": "date"}),
                   ("period", "năm 2024", "2024", {"grain": "year"}),
                   ("number", "25%", "25", {"value": Decimal(25), "unit": "Percent", "qualifier": "at_least"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.target_value, task.deadline) == (Decimal(25), "2026-12-31")


def test_a_breakdown_of_the_tasks_one_body_gave_another_named_after_the_total():
    doc = make_doc("Trong số 12 nhiệm vụ Chính phủ giao Bộ Tư pháp, Bộ đã hoàn thành 5 nhiệm vụ; 7 nhiệm vụ đang triển khai.",
                   GOV, ("agency", "Bộ Tư pháp", "bo-tu-phap", {}),
                   count("|12| nhiệm", 12), count("|5| nhiệm", 5), count("|7| nhiệm", 7))
    relate_tasks(doc)
    assert [(t.status, t.count, t.assigned_to, t.assigned_by) for t in tasks(doc)] == [
        (None, 12, (EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "chinh-phu"),)),
        ("Completed", 5, (EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "chinh-phu"),)),
        ("InProgress", 7, (EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "chinh-phu"),)),
    ]


def test_a_figure_later_in_a_goal_list_belongs_to_the_owner_named_before():
    doc = make_doc("Tỉnh ủy Quảng Ngãi đặt mục tiêu đến năm 2026, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 80%; "
                   "100% kết quả giải quyết được số hóa.",
                   ("agency", "Tỉnh ủy Quảng Ngãi", "tinh-uy-quang-ngai", {}), ("province", "Quảng Ngãi", "quang-ngai", {}),
                   ("period", "năm 2026", "2026", {"grain": "year"}),
                   ("number", "80%", "80", {"value": Decimal(80), "unit": "Percent"}),
                   ("number", "100%", "100", {"value": Decimal(100), "unit": "Percent"}))
    relate_tasks(doc)
    assert [(t.target_value, t.assigned_to, t.assigned_by) for t in tasks(doc)] == [
        (Decimal(80), (EntityRef("province", "quang-ngai"),), (EntityRef("agency", "tinh-uy-quang-ngai"),)),
        (Decimal(100), (EntityRef("province", "quang-ngai"),), (EntityRef("agency", "tinh-uy-quang-ngai"),)),
    ]


def test_work_under_a_plan_carrying_out_a_resolution_rests_on_the_plan():
    doc = make_doc("Thực hiện Kế hoạch số 05/KH-UBND triển khai Nghị quyết số 76/NQ-CP, Chủ tịch UBND tỉnh yêu cầu "
                   "Sở Nội vụ tỉnh Quảng Ngãi rà soát thủ tục.",
                   ("directive", "05/KH-UBND", "05-kh-ubnd", {"implements": "76-nq-cp"}),
                   ("directive", "76/NQ-CP", "76-nq-cp", {}),
                   ("official", "Chủ tịch UBND tỉnh", "le-van-thanh", {}),
                   ("agency", "Sở Nội vụ tỉnh Quảng Ngãi", "so-noi-vu-tinh-quang-ngai", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.based_on) == ((EntityRef("agency", "so-noi-vu-tinh-quang-ngai"),),
                                                 (EntityRef("directive", "05-kh-ubnd"),))


def test_a_goal_of_carrying_something_out_is_not_what_stands_now():
    doc = make_doc("Tỉnh Quảng Ngãi đặt mục tiêu năm 2026 thực hiện số hóa 90% hồ sơ.",
                   PROVINCE, ("period", "năm 2026", "2026", {"grain": "year"}),
                   ("number", "90%", "90", {"value": Decimal(90), "unit": "Percent"}))
    relate_tasks(doc)
    assert [(t.target_value, t.deadline) for t in tasks(doc)] == [(Decimal(90), "2026")]


MINISTRY = ("agency", "Bộ Tư pháp", "bo-tu-phap", {})
OFFICE = ("agency", "Văn phòng Chính phủ", "van-phong-chinh-phu", {})
DEPUTY_PM = ("official", "Phó Thủ tướng Trần Văn An", "tran-van-an", {})


def test_each_item_of_a_request_list_is_a_request_of_whoever_opened_the_list():
    doc = make_doc(
        "Kết luận cuộc họp, Phó Thủ tướng Trần Văn An yêu cầu:\n"
        "1. Bộ Tư pháp chủ trì, phối hợp với Văn phòng Chính phủ rà soát các quy định, hoàn thành trước ngày 30/6/2025.\n"
        "2. Giao UBND tỉnh Quảng Ngãi báo cáo kết quả trong tháng 7/2025.\n"
        "- Văn phòng Chính phủ theo dõi, đôn đốc.\n"
        "Bộ Tư pháp cho biết đã hoàn thành 12 nhiệm vụ.",
        DEPUTY_PM, MINISTRY, OFFICE, ("agency", "UBND tỉnh Quảng Ngãi", "uy-ban-nhan-dan-tinh-quang-ngai", {}),
        ("period", "30/6/2025", "2025-06-30", {"grain": "date"}), ("period", "tháng 7/2025", "2025-07", {"grain": "month"}),
        OFFICE, MINISTRY, count("|12| nhiệm", 12))
    relate_tasks(doc)
    requests = [t for t in tasks(doc) if t.status == "Planned"]
    assert [(t.assigned_to, t.deadline, t.partners) for t in requests] == [
        ((EntityRef("agency", "bo-tu-phap"),), "2025-06-30", (EntityRef("agency", "van-phong-chinh-phu"),)),
        ((EntityRef("agency", "uy-ban-nhan-dan-tinh-quang-ngai"),), "2025-07", ()),
        ((EntityRef("agency", "van-phong-chinh-phu"),), None, ())]
    assert {t.assigned_by for t in requests} == {(EntityRef("official", "tran-van-an"),)}
    assert requests[0].label == "chủ trì, phối hợp với Văn phòng Chính phủ rà soát các quy định, hoàn thành trước ngày 30/6/2025"


def test_a_paragraph_naming_no_one_first_ends_the_request_list():
    doc = make_doc(
        "Phó Thủ tướng Trần Văn An đề nghị như sau:\n"
        "Tình hình còn nhiều khó khăn.\n"
        "Bộ Tư pháp rà soát các quy định.",
        DEPUTY_PM, MINISTRY)
    relate_tasks(doc)
    assert tasks(doc) == []


def test_a_colon_after_a_report_opens_no_list():
    doc = make_doc(
        "Theo yêu cầu của Phó Thủ tướng Trần Văn An, kết quả như sau:\n"
        "Bộ Tư pháp rà soát các quy định.",
        DEPUTY_PM, MINISTRY)
    relate_tasks(doc)
    assert tasks(doc) == []


def test_a_plan_that_asks_is_its_issuer_asking_and_the_work_rests_on_it():
    doc = make_doc(
        "UBND tỉnh ban hành Kế hoạch số 125/KH-UBND về cải cách hành chính.\n"
        "Kế hoạch cũng giao Sở Tư pháp chủ trì rà soát thủ tục.",
        ("directive", "125/KH-UBND", "125-kh-ubnd", {"doc_type": "KH", "issuer": "uy-ban-nhan-dan-tinh-quang-ngai"}),
        ("agency", "Sở Tư pháp", "so-tu-phap-tinh-quang-ngai", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert task.assigned_by == (EntityRef("agency", "uy-ban-nhan-dan-tinh-quang-ngai"),)
    assert task.assigned_to == (EntityRef("agency", "so-tu-phap-tinh-quang-ngai"),)
    assert task.based_on == (EntityRef("directive", "125-kh-ubnd"),)


def test_a_request_reported_under_way_in_its_sentence_is_in_progress():
    doc = make_doc(
        "Thủ tướng Chính phủ giao Bộ Tư pháp chủ trì xây dựng thông tư, hoàn thành trước ngày 30/6/2025; "
        "hiện Bộ đang lấy ý kiến các địa phương.",
        PM, MINISTRY, ("period", "30/6/2025", "2025-06-30", {"grain": "date"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.status, task.deadline) == ((EntityRef("agency", "bo-tu-phap"),), "InProgress", "2025-06-30")


def test_the_body_that_leads_with_partners_is_asked_whatever_the_verb():
    doc = make_doc("Bộ Tư pháp chủ trì, phối hợp với Văn phòng Chính phủ đưa kết quả vào tiêu chí đánh giá.",
                   MINISTRY, OFFICE)
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.partners, task.status) == (
        (EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "van-phong-chinh-phu"),), "Planned")
    assert task.label == "đưa kết quả vào tiêu chí đánh giá"


def test_work_past_a_deadline_set_by_a_body_named_first_is_overdue_for_those_named_after():
    doc = make_doc(
        "Theo thời hạn Thủ tướng Chính phủ giao tại Quyết định 1291, phương án phải được trình trước ngày 31/3/2025, "
        "nhưng đến nay Bộ Tư pháp vẫn chưa hoàn thành.",
        PM, ("directive", "Quyết định 1291", "1291-qd-ttg", {}), ("period", "31/3/2025", "2025-03-31", {"grain": "date"}),
        MINISTRY)
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.assigned_by, task.status, task.deadline, task.based_on) == (
        (EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "thu-tuong-chinh-phu"),), "Overdue", "2025-03-31",
        (EntityRef("directive", "1291-qd-ttg"),))
    assert task.label == "phương án phải được trình trước ngày 31/3/2025, nhưng đến nay Bộ Tư pháp vẫn chưa hoàn thành"


def test_a_request_the_next_sentence_says_is_under_way_is_in_progress():
    doc = make_doc(
        "Thủ tướng Chính phủ giao Bộ Tư pháp chủ trì nghiên cứu phương án phân cấp.\n"
        "Hiện Bộ đang hoàn thiện dự thảo báo cáo.",
        PM, MINISTRY)
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_to, task.status) == ((EntityRef("agency", "bo-tu-phap"),), "InProgress")


def test_the_share_a_request_asks_to_reach_is_its_target():
    doc = make_doc(
        "Thủ tướng Chính phủ giao Bộ Tư pháp bảo đảm đến ngày 30/6/2025 có 100% thủ tục được cung cấp trực tuyến.",
        PM, MINISTRY, ("period", "30/6/2025", "2025-06-30", {"grain": "date"}),
        ("number", "100", "100", {"value": Decimal(100), "unit": "Percent"}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.target_value, task.target_unit, task.deadline) == (Decimal(100), "Percent", "2025-06-30")


def test_bodies_sharing_their_head_all_do_the_joint_work():
    doc = make_doc(
        "Giao UBND các tỉnh Lào Cai và Yên Bái phối hợp với Văn phòng Chính phủ hoàn thiện hồ sơ Đề án.",
        ("agency", "UBND các tỉnh Lào Cai", "uy-ban-nhan-dan-tinh-lao-cai", {}),
        ("agency", "UBND các tỉnh Lào Cai và Yên Bái", "uy-ban-nhan-dan-tinh-yen-bai", {}), OFFICE)
    relate_tasks(doc)
    [task] = tasks(doc)
    assert task.assigned_to == (EntityRef("agency", "uy-ban-nhan-dan-tinh-lao-cai"),
                                EntityRef("agency", "uy-ban-nhan-dan-tinh-yen-bai"))


def test_an_official_called_by_the_given_name_asks():
    doc = make_doc(
        "Chủ tịch HĐND tỉnh Nguyễn Hữu Thắng phát biểu bế mạc kỳ họp.\n"
        "Ông Thắng đề nghị UBND tỉnh hoàn thành giải ngân vốn đầu tư công.",
        ("official", "Chủ tịch HĐND tỉnh Nguyễn Hữu Thắng", "nguyen-huu-thang", {"name": "Nguyễn Hữu Thắng"}),
        ("agency", "UBND tỉnh", "uy-ban-nhan-dan-tinh-quang-ngai", {}))
    relate_tasks(doc)
    [task] = tasks(doc)
    assert (task.assigned_by, task.assigned_to) == (
        (EntityRef("official", "nguyen-huu-thang"),), (EntityRef("agency", "uy-ban-nhan-dan-tinh-quang-ngai"),))


def test_an_unmarked_list_asks_the_body_a_minister_heads_and_goes_on_past_an_item_for_everyone():
    doc = make_doc(
        "Thủ tướng Chính phủ yêu cầu:\n"
        "Bộ trưởng Bộ Tư pháp chỉ đạo rà soát các quy định, hoàn thành trước ngày 31/8/2025.\n"
        "Các bộ, cơ quan ngang bộ rà soát, bãi bỏ yêu cầu nộp giấy tờ.\n"
        "Giao Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện.",
        PM, MINISTRY, ("period", "31/8/2025", "2025-08-31", {"grain": "date"}), OFFICE)
    relate_tasks(doc)
    assert [(t.assigned_to, t.assigned_by, t.deadline) for t in tasks(doc)] == [
        ((EntityRef("agency", "bo-tu-phap"),), (EntityRef("agency", "thu-tuong-chinh-phu"),), "2025-08-31"),
        ((EntityRef("agency", "van-phong-chinh-phu"),), (EntityRef("agency", "thu-tuong-chinh-phu"),), None)]
