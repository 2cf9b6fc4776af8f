"""The whole pipeline over short articles written in patterns that a ninth blind batch of held-out
articles showed: datelines with hyphens, a ward of a province merged in 2025, progress reports
presented by an office, lists of bodies with their overdue tasks, requests by a meeting's chair or
an unnamed minister and the bodies asked after them, a council committee's head, the figures a
request asks for."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.document import Document
from kg.facts import ObservationFact, TaskFact
from kg.pipeline import process
from kg.recognize.places import main_province


def article(*paragraphs: str, dateline: str = "") -> Document:
    head = f"{dateline}\n\n" if dateline else ""
    return process(Document(Path("bai-viet.txt"), "Tiêu đề bài viết về cải cách hành chính\n\n" + head
                            + "\n\n".join(paragraphs) + "\n"))


def observations(doc: Document) -> list[tuple[str, str, Decimal, str, str | None]]:
    return [(f.ref_area.kind, f.ref_area.slug, f.value, f.unit, f.period)
            for f in doc.facts if isinstance(f, ObservationFact)]


def tasks(doc: Document) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, int | None]]:
    return [(tuple(r.slug for r in f.assigned_by), tuple(r.slug for r in f.assigned_to), f.status, f.count)
            for f in doc.facts if isinstance(f, TaskFact)]


def test_a_dateline_with_hyphens_dates_the_article_and_places_a_ward_after_the_2025_mergers() -> None:
    doc = article("Từ ngày 1-7 đến ngày 15-10-2025, UBND phường Dĩ An tiếp nhận 3.482 hồ sơ đất đai.",
                  dateline="Thứ Tư, 22-10-2025 17:48")
    assert doc.meta.issued == "2025-10-22"
    assert observations(doc) == [("unit", "ho-chi-minh/phuong-di-an", Decimal("3482"), "Count",
                                  "2025-07-01/2025-10-15")]


def test_a_day_and_month_with_a_hyphen_after_a_time_of_day_is_a_date() -> None:
    doc = article("Chiều 21-10, đoàn công tác làm việc với UBND phường Thủ Dầu Một.", dateline="22-10-2025")
    assert [(m.key, doc.slice(m.span)) for m in doc.iter_kind("period")] == [("2025-10-21", "Chiều 21-10")]


def test_tasks_given_to_every_department_are_no_ones_even_in_a_report_presented_by_an_office() -> None:
    doc = article("Theo báo cáo của Văn phòng UBND tỉnh Đồng Tháp do ông Lê Hoàng Nam, Chánh Văn phòng trình bày, "
                  "UBND tỉnh đã giao các sở, ban, ngành, địa phương 1.284 nhiệm vụ; trong đó 1.012 nhiệm vụ "
                  "hoàn thành đúng hạn, 54 nhiệm vụ quá hạn chưa hoàn thành.")
    assert tasks(doc) == []


def test_the_bodies_between_duoc_and_giao_give_the_tasks_to_the_one_before() -> None:
    doc = article("Năm 2024, UBND tỉnh Nghệ An được Chính phủ, Thủ tướng Chính phủ giao 87 nhiệm vụ, "
                  "đã hoàn thành đúng hạn 61 nhiệm vụ.")
    giver = ("chinh-phu", "thu-tuong-chinh-phu")
    assert tasks(doc) == [(giver, ("uy-ban-nhan-dan-tinh-nghe-an",), None, 87),
                          (giver, ("uy-ban-nhan-dan-tinh-nghe-an",), "CompletedOnTime", 61)]


def test_a_list_of_bodies_opened_by_a_status_gives_it_to_every_item() -> None:
    doc = article("UBND tỉnh Đồng Tháp họp về nhiệm vụ quá hạn.",
                  "Các đơn vị có nhiều nhiệm vụ quá hạn nhất gồm: Sở Xây dựng 11 nhiệm vụ; Sở Tài chính 6 nhiệm vụ.")
    assert tasks(doc) == [((), ("so-xay-dung-tinh-dong-thap",), "Overdue", 11),
                          ((), ("so-tai-chinh-tinh-dong-thap",), "Overdue", 6)]


def test_the_chair_of_a_meeting_asks_the_department_of_a_director_named_before() -> None:
    doc = article("Ông Huỳnh Tấn Lộc, Giám đốc Sở Xây dựng tỉnh Đồng Tháp cho biết, nhiều nhiệm vụ phải chờ hướng dẫn.",
                  "Kết luận cuộc họp, Chủ tịch UBND tỉnh Đồng Tháp Trương Minh Hiển phê bình các sở chưa quyết liệt.",
                  "Chủ tọa yêu cầu Giám đốc Sở Xây dựng hoàn thành dứt điểm 11 nhiệm vụ quá hạn trước ngày 15/12/2025.")
    assert tasks(doc) == [(("truong-minh-hien",), ("so-xay-dung-tinh-dong-thap",), "Planned", None)]


def test_three_provinces_named_once_each_make_no_article_province() -> None:
    doc = article("Theo Quyết định, các địa phương đã phân cấp nhiều thủ tục.",
                  "Hà Nội đã phân cấp 147 thủ tục cho UBND cấp xã; Gia Lai 96 thủ tục; Cần Thơ 82 thủ tục.")
    assert main_province(doc) is None


def test_the_ministry_of_healths_departments_are_known_with_their_ministry() -> None:
    doc = article("Cục Quản lý Dược và Cục Hạ tầng và Thiết bị y tế đã giải quyết hồ sơ trực tuyến.")
    assert [(m.key, doc.slice(m.span), m.attrs.get("parent")) for m in doc.iter_kind("agency")] == [
        ("cuc-quan-ly-duoc", "Cục Quản lý Dược", "bo-y-te"),
        ("cuc-ha-tang-va-thiet-bi-y-te", "Cục Hạ tầng và Thiết bị y tế", "bo-y-te")]


def test_the_head_of_a_councils_committee_holds_a_post_in_the_council() -> None:
    doc = article("Báo cáo thẩm tra do bà Lục Thị Hồng Nhung, Trưởng Ban Pháp chế HĐND tỉnh Tuyên Quang trình bày.",
                  "Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh Nguyễn Văn Bình cho biết thêm.")
    assert [(m.key, m.attrs["role"], m.attrs["organization"]) for m in doc.iter_kind("official")] == [
        ("luc-thi-hong-nhung", "Trưởng ban Pháp chế", "hoi-dong-nhan-dan-tinh-tuyen-quang"),
        ("nguyen-van-binh", "Phó Trưởng ban Kinh tế - Ngân sách", "hoi-dong-nhan-dan-tinh-tuyen-quang")]


def test_bo_before_moi_is_the_ministry_at_hand() -> None:
    doc = article("Sở Y tế TP Hồ Chí Minh đã cấp 8.000 giấy phép.",
                  "Bộ Y tế đã rà soát các thủ tục hành chính. Đến nay, Bộ mới cắt giảm được 24,6% thủ tục hành chính.")
    assert observations(doc) == [("agency", "so-y-te-thanh-pho-ho-chi-minh", Decimal("8000"), "Count", None),
                                 ("agency", "bo-y-te", Decimal("24.6"), "Percent", None)]


def test_a_ward_numbered_after_its_name_keeps_its_number_and_its_quota_is_no_task() -> None:
    doc = article("UBND tỉnh Tuyên Quang phân bổ biên chế năm 2026.",
                  "Phường Hà Giang 2 được giao 42 biên chế; xã Lũng Cú 35 biên chế.", dateline="10/12/2025")
    assert [(m.key, doc.slice(m.span)) for m in doc.iter_kind("admin_unit")] == [
        ("tuyen-quang/phuong-ha-giang-2", "Phường Hà Giang 2"), ("tuyen-quang/xa-lung-cu", "xã Lũng Cú")]
    assert observations(doc) == [("unit", "tuyen-quang/phuong-ha-giang-2", Decimal("42"), "Person", None),
                                 ("unit", "tuyen-quang/xa-lung-cu", Decimal("35"), "Person", None)]
    assert tasks(doc) == []


def test_a_land_registration_office_and_after_2025_a_wards_office_are_bodies() -> None:
    doc = article("Ông Phan Minh Đức, Giám đốc Văn phòng Đăng ký đất đai TPHCM cho biết đã số hóa hồ sơ.",
                  "UBND phường Thủ Dầu Một đã giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì rà soát.",
                  dateline="Thứ Tư, 22-10-2025 17:48")
    assert [(m.key, doc.slice(m.span)) for m in doc.iter_kind("agency")] == [
        ("van-phong-dang-ky-dat-dai-thanh-pho-ho-chi-minh", "Văn phòng Đăng ký đất đai TPHCM"),
        ("uy-ban-nhan-dan-phuong-thu-dau-mot", "UBND phường Thủ Dầu Một"),
        ("phong-kinh-te-ha-tang-va-do-thi-phuong-thu-dau-mot", "Phòng Kinh tế, Hạ tầng và Đô thị")]


def test_a_total_whose_givers_are_listed_after_it_is_broken_down_by_status() -> None:
    doc = article("Trong 35 nhiệm vụ về cải cách thủ tục hành chính Chính phủ, Thủ tướng Chính phủ giao Bộ Y tế "
                  "năm 2025, đến ngày 15/10/2025, Bộ đã hoàn thành đúng hạn 22 nhiệm vụ, 3 nhiệm vụ đã quá hạn "
                  "nhưng chưa hoàn thành.")
    giver = ("chinh-phu", "thu-tuong-chinh-phu")
    assert tasks(doc) == [(giver, ("bo-y-te",), None, 35), (giver, ("bo-y-te",), "CompletedOnTime", 22),
                          (giver, ("bo-y-te",), "Overdue", 3)]


def test_an_item_joined_by_va_takes_no_status_from_the_item_before() -> None:
    doc = article("Trong 20 nhiệm vụ UBND tỉnh Cao Bằng giao Sở Nội vụ, đến nay đã có 12 nhiệm vụ hoàn thành đúng hạn, "
                  "3 nhiệm vụ hoàn thành nhưng chậm so với thời hạn và 5 nhiệm vụ đang thực hiện, chưa đến hạn.")
    giver, given = ("uy-ban-nhan-dan-tinh-cao-bang",), ("so-noi-vu-tinh-cao-bang",)
    assert tasks(doc) == [(giver, given, None, 20), (giver, given, "CompletedOnTime", 12),
                          (giver, given, "CompletedLate", 3), (giver, given, "InProgress", 5)]


def test_recommendations_carried_out_on_time_and_overdue_are_counted_by_status() -> None:
    doc = article("Trong 7 kiến nghị tại kết luận này, UBND tỉnh Bắc Kạn đã thực hiện xong đúng thời hạn 5 kiến nghị; "
                  "2 kiến nghị đã quá hạn nhưng chưa thực hiện.", "UBND tỉnh Cao Bằng chưa thực hiện xong 3 kiến nghị.")
    assert tasks(doc) == [((), ("uy-ban-nhan-dan-tinh-bac-kan",), "CompletedOnTime", 5),
                          ((), ("uy-ban-nhan-dan-tinh-bac-kan",), "Overdue", 2),
                          ((), ("uy-ban-nhan-dan-tinh-cao-bang",), "NotCompleted", 3)]


def test_a_minister_never_named_asks_for_the_ministry_named_before() -> None:
    doc = article("Đoàn kiểm tra kiến nghị Bộ trưởng Bộ Nội vụ chỉ đạo ban hành hướng dẫn chung.",
                  "Bộ trưởng đã đồng ý và giao Vụ Công chức - Viên chức xây dựng văn bản hướng dẫn.")
    assert tasks(doc) == [(("bo-noi-vu",), ("vu-cong-chuc-vien-chuc",), "Planned", None)]


def test_a_body_opening_the_sentence_after_a_request_with_a_verb_of_work_is_asked_next() -> None:
    doc = article("Chủ tịch UBND tỉnh Đồng Tháp Trương Minh Hiển yêu cầu Sở Xây dựng hoàn thành các nhiệm vụ.",
                  "Sở Nông nghiệp và Môi trường khẩn trương trình UBND tỉnh phương án xử lý đất đai.",
                  "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.",
                  "Sở Tài chính đã hoàn thành phương án trụ sở.")
    asker = ("truong-minh-hien",)
    assert [(by, to, status) for by, to, status, _ in tasks(doc)] == [
        (asker, ("so-xay-dung-tinh-dong-thap",), "Planned"),
        (asker, ("so-nong-nghiep-va-moi-truong-tinh-dong-thap",), "Planned"),
        (asker, ("van-phong-uy-ban-nhan-dan-tinh-dong-thap",), "Planned")]


def test_a_figure_an_assignment_asks_for_is_no_observation_but_a_budget_the_province_set_is_compared() -> None:
    doc = article("Thời gian qua, UBND tỉnh Vĩnh Long đã giao Sở Tài nguyên và Môi trường bổ sung 15 chỉ tiêu viên "
                  "chức cho các chi nhánh.",
                  "Thu ngân sách của tỉnh Vĩnh Long đạt 366 tỷ đồng, bằng 50% dự toán tỉnh giao, tăng 21,8% so với "
                  "cùng kỳ.")
    assert observations(doc) == [("province", "vinh-long", Decimal("366"), "BillionVND", None),
                                 ("province", "vinh-long", Decimal("50"), "Percent", None),
                                 ("province", "vinh-long", Decimal("21.8"), "Percent", None)]
    assert tasks(doc) == [(("uy-ban-nhan-dan-tinh-vinh-long",), ("so-tai-nguyen-va-moi-truong-tinh-vinh-long",),
                           "Planned", None)]


def test_cuc_before_a_verb_is_the_agency_named_before() -> None:
    doc = article("Sở Y tế Hà Nội đã cấp 8.000 giấy phép.",
                  "Cục Quản lý Dược đã rà soát các hồ sơ. Tính đến ngày 30/9/2025, Cục còn 3.126 hồ sơ quá hạn.")
    assert observations(doc) == [("agency", "so-y-te-thanh-pho-ha-noi", Decimal("8000"), "Count", None),
                                 ("agency", "cuc-quan-ly-duoc", Decimal("3126"), "Count", "2025-09-30")]
