from __future__ import annotations

from kg.recognize.officials import recognise_officials
from tests.docs import make_doc

VPCP = ("agency", "VPCP", "van-phong-chinh-phu", {"label": "Văn phòng Chính phủ"})


def officials(doc):
    return [(doc.text[m.start:m.end], m.key, m.attrs["role"], m.attrs["organization"])
            for m in doc.iter_kind("official")]


def test_title_chain_body_then_name():
    doc = make_doc("Phát biểu tại hội nghị, Bộ trưởng, Chủ nhiệm VPCP Trần Văn Sơn nhấn mạnh yêu cầu này.", VPCP)
    recognise_officials(doc)
    assert officials(doc) == [("Bộ trưởng, Chủ nhiệm VPCP Trần Văn Sơn", "tran-van-son",
                               "Bộ trưởng, Chủ nhiệm", "van-phong-chinh-phu")]


def test_lower_case_title_syllables_are_canonicalised():
    doc = make_doc("Dự họp có Phó chủ tịch UBND tỉnh Lê Thị Hồng Vân.",
                   ("agency", "UBND tỉnh", "uy-ban-nhan-dan-tinh-nghe-an", {}))
    recognise_officials(doc)
    assert officials(doc) == [("Phó chủ tịch UBND tỉnh Lê Thị Hồng Vân", "le-thi-hong-van",
                               "Phó Chủ tịch", "uy-ban-nhan-dan-tinh-nghe-an")]


def test_name_first_apposition():
    doc = make_doc("Bà Đỗ Thị Lan, Giám đốc Sở Nội vụ tỉnh Nam Định cho biết kết quả.",
                   ("agency", "Sở Nội vụ tỉnh Nam Định", "so-noi-vu-tinh-nam-dinh", {}))
    recognise_officials(doc)
    assert officials(doc) == [("Đỗ Thị Lan, Giám đốc Sở Nội vụ tỉnh Nam Định", "do-thi-lan",
                               "Giám đốc", "so-noi-vu-tinh-nam-dinh")]


def test_second_post_after_the_name_but_not_the_next_persons_post():
    doc = make_doc(
        "Có Bí thư Tỉnh ủy Hoàng Văn Nam, Chủ tịch UBND tỉnh Đinh Quang Huy, Tổ trưởng Tổ công tác.",
        ("agency", "Tỉnh ủy", "tinh-uy-yen-bai", {}),
        ("agency", "UBND tỉnh", "uy-ban-nhan-dan-tinh-yen-bai", {}),
        ("agency", "Tổ công tác", "to-cong-tac-cua-thu-tuong-chinh-phu", {}))
    recognise_officials(doc)
    assert sorted(officials(doc)) == [
        ("Bí thư Tỉnh ủy Hoàng Văn Nam", "hoang-van-nam", "Bí thư", "tinh-uy-yen-bai"),
        ("Chủ tịch UBND tỉnh Đinh Quang Huy", "dinh-quang-huy", "Chủ tịch", "uy-ban-nhan-dan-tinh-yen-bai"),
        ("Đinh Quang Huy, Tổ trưởng Tổ công tác", "dinh-quang-huy", "Tổ trưởng",
         "to-cong-tac-cua-thu-tuong-chinh-phu"),
    ]


def test_a_later_bodiless_title_borrows_the_body():
    doc = make_doc("Bộ trưởng, Chủ nhiệm VPCP Trần Văn Sơn đến làm việc.\nBộ trưởng Trần Văn Sơn đề nghị tỉnh sớm báo cáo.",
                   VPCP)
    recognise_officials(doc)
    assert [m.attrs["organization"] for m in doc.iter_kind("official")] == ["van-phong-chinh-phu"] * 2


def test_prime_minister_names_his_office():
    doc = make_doc("Thủ tướng Phạm Minh Chính chủ trì phiên họp.")
    recognise_officials(doc)
    assert officials(doc) == [("Thủ tướng Phạm Minh Chính", "pham-minh-chinh", "Thủ tướng", "thu-tuong-chinh-phu")]


def test_no_surname_no_person():
    doc = make_doc("Chủ tịch Hội đồng Thi đua phát biểu; Giám đốc Trung tâm Phục vụ hành chính công cho biết.")
    recognise_officials(doc)
    assert officials(doc) == []


def test_place_after_title_is_not_a_name():
    doc = make_doc("Chủ tịch UBND tỉnh Hà Giang đã ký quyết định.",
                   ("agency", "UBND tỉnh Hà Giang", "uy-ban-nhan-dan-tinh-ha-giang", {}))
    recognise_officials(doc)
    assert officials(doc) == []


def test_several_posts_after_one_name_with_a_parenthesised_parent():
    doc = make_doc("Ông Phạm Quốc Toản, Vụ trưởng Vụ Pháp chế (BNV), thành viên Ban Chỉ đạo cho biết như vậy.",
                   ("agency", "Vụ Pháp chế", "vu-phap-che-bo-noi-vu", {}), ("agency", "BNV", "bo-noi-vu", {}),
                   ("agency", "Ban Chỉ đạo", "ban-chi-dao", {}))
    recognise_officials(doc)
    assert [(m.key, m.attrs["role"], m.attrs["organization"]) for m in doc.iter_kind("official")] == [
        ("pham-quoc-toan", "Vụ trưởng", "vu-phap-che-bo-noi-vu"),
        ("pham-quoc-toan", "Thành viên", "ban-chi-dao"),
    ]


def test_a_post_without_a_name_is_the_one_person_named_in_it():
    doc = make_doc("Bộ trưởng, Chủ nhiệm VPCP Trần Văn Sơn đến làm việc.\nBộ trưởng nhấn mạnh yêu cầu này.", VPCP)
    recognise_officials(doc)
    assert officials(doc)[-1] == ("Bộ trưởng", "tran-van-son", "Bộ trưởng", "van-phong-chinh-phu")


def test_a_post_without_a_name_held_by_two_people_stays_unresolved():
    doc = make_doc("Bộ trưởng Trần Văn Sơn và Bộ trưởng Lê Minh Hà dự họp.\nBộ trưởng nhấn mạnh yêu cầu này.")
    recognise_officials(doc)
    assert [key for _, key, _, _ in officials(doc)] == ["tran-van-son", "le-minh-ha"]


def test_a_title_whose_last_word_begins_the_body():
    doc = make_doc("Phó Thủ tướng Lê Minh Khái, Trưởng Ban Chỉ đạo cải cách hành chính của Chính phủ chủ trì.",
                   ("agency", "Ban Chỉ đạo cải cách hành chính của Chính phủ",
                    "ban-chi-dao-cai-cach-hanh-chinh-cua-chinh-phu", {}))
    recognise_officials(doc)
    assert [(m.key, m.attrs["role"], m.attrs["organization"]) for m in doc.iter_kind("official")] == [
        ("le-minh-khai", "Phó Thủ tướng", "chinh-phu"),
        ("le-minh-khai", "Trưởng ban", "ban-chi-dao-cai-cach-hanh-chinh-cua-chinh-phu"),
    ]


def test_two_people_side_by_side_and_a_military_rank():
    doc = make_doc("Báo cáo với Phó Thủ tướng, Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn cho biết; Thượng tướng "
                   "Lê Quốc Hùng, Thứ trưởng Bộ Công an dự họp.",
                   ("agency", "UBND tỉnh Thanh Hóa", "uy-ban-nhan-dan-tinh-thanh-hoa", {}),
                   ("agency", "Bộ Công an", "bo-cong-an", {}))
    recognise_officials(doc)
    assert [(m.key, m.attrs["role"], m.attrs["organization"]) for m in doc.iter_kind("official")] == [
        ("do-minh-tuan", "Chủ tịch", "uy-ban-nhan-dan-tinh-thanh-hoa"),
        ("le-quoc-hung", "Thứ trưởng", "bo-cong-an"),
    ]


def test_surnames_of_the_uplands_peoples():
    doc = make_doc("Phó Giám đốc Sở Nội vụ Ma Văn Thắng và ông Ksor Hyơn cùng dự.",
                   ("agency", "Sở Nội vụ", "so-noi-vu-tinh-tuyen-quang", {}))
    recognise_officials(doc)
    assert officials(doc) == [("Phó Giám đốc Sở Nội vụ Ma Văn Thắng", "ma-van-thang", "Phó Giám đốc",
                               "so-noi-vu-tinh-tuyen-quang")]


def test_a_deputy_minister_without_a_body_is_of_the_ministry_his_sentence_names():
    doc = make_doc("Đoàn công tác của Bộ Y tế do Thứ trưởng Đỗ Xuân Tuyên làm trưởng đoàn đã làm việc với tỉnh.",
                   ("agency", "Bộ Y tế", "bo-y-te", {}))
    recognise_officials(doc)
    assert officials(doc) == [("Thứ trưởng Đỗ Xuân Tuyên", "do-xuan-tuyen", "Thứ trưởng", "bo-y-te")]



def test_a_body_written_by_its_head_alone_after_a_title_is_the_one_named_before():
    doc = make_doc("Theo báo cáo của Sở Tư pháp do bà Võ Thị Hân, Giám đốc Sở trình bày, tỉnh đạt 95%.",
                   ("agency", "Sở Tư pháp", "so-tu-phap-tinh-quang-nam", {}))
    recognise_officials(doc)
    assert officials(doc) == [("Võ Thị Hân, Giám đốc Sở", "vo-thi-han", "Giám đốc", "so-tu-phap-tinh-quang-nam")]


def test_a_head_alone_before_a_name_is_no_body_of_the_apposition():
    doc = make_doc("Theo Sở Tư pháp, bà Võ Thị Hân, Giám đốc Sở Nguyễn Văn Nam cùng dự.",
                   ("agency", "Sở Tư pháp", "so-tu-phap", {}))
    recognise_officials(doc)
    assert officials(doc) == []


def test_names_of_e_de_and_jrai_women_open_with_h_apostrophe():
    doc = make_doc("Bà H'Xuân Niê, Phó Chủ tịch UBND huyện Krông Pắc, cho biết.",
                   ("agency", "UBND huyện Krông Pắc", "uy-ban-nhan-dan-huyen-krong-pac", {}))
    recognise_officials(doc)
    assert officials(doc) == [("H'Xuân Niê, Phó Chủ tịch UBND huyện Krông Pắc", "h-xuan-nie", "Phó Chủ tịch",
                               "uy-ban-nhan-dan-huyen-krong-pac")]


def test_a_list_of_comrades_after_a_colon_each_with_their_posts() -> None:
    doc = make_doc("Dự có các đồng chí: Vũ Thị Hạnh, Phó Bí thư Tỉnh ủy; Trần Quốc Khánh, Chủ tịch UBND tỉnh.",
                   ("agency", "Tỉnh ủy", "tinh-uy-phu-tho", {}), ("agency", "UBND tỉnh", "uy-ban-nhan-dan-tinh-phu-tho", {}))
    recognise_officials(doc)
    assert [(key, role, body) for _, key, role, body in officials(doc)] == [
        ("vu-thi-hanh", "Phó Bí thư", "tinh-uy-phu-tho"), ("tran-quoc-khanh", "Chủ tịch", "uy-ban-nhan-dan-tinh-phu-tho")]
