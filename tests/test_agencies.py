"""Agencies: central bodies and abbreviations, local bodies and their places, sub-bodies, traps."""

from __future__ import annotations

from pathlib import Path

from kg.document import Document, Sentence
from kg.gazetteer.agencies import AGENCIES
from kg.gazetteer.bodies import BODY_KINDS, capitalised_heads
from kg.gazetteer.matching import normalise
from kg.recognize.agencies import recognise_agencies
from kg.recognize.local_bodies import LOWER_CASE_HEAD
from kg.recognize.places import recognise_places


def document(*lines: str) -> Document:
    """One sentence per line."""
    text = "\n".join(lines)
    doc = Document(path=Path("example.txt"), text=text)
    position = 0
    for line in lines:
        doc.sentences.append(Sentence(position, position + len(line)))
        position += len(line) + 1
    return doc


def agencies(*lines: str) -> list[tuple[str, str]]:
    """(key, text) of the agency mentions, after places as in the pipeline."""
    doc = recognised(*lines)
    return [(m.key, doc.slice(m.span)) for m in doc.iter_kind("agency")]


def recognised(*lines: str) -> Document:
    doc = document(*lines)
    recognise_places(doc)
    recognise_agencies(doc)
    return doc


def only_agency(*lines: str) -> tuple[str, dict[str, object]]:
    [mention] = list(recognised(*lines).iter_kind("agency"))
    return mention.key, mention.attrs


def test_gazetteer_names_are_unique_and_slugs_follow_the_naming_decisions() -> None:
    slugs = [a.slug for a in AGENCIES]
    assert len(slugs) == len(set(slugs))
    names = [normalise(n) for a in AGENCIES for n in (a.label, *a.variants, *a.abbreviations)]
    assert len(names) == len(set(names))
    heads = [normalise(h) for b in BODY_KINDS for h in (*b.heads, *b.abbreviations)]
    assert len(heads) == len(set(heads))
    assert {"bo-chinh-tri", "ban-chap-hanh-trung-uong-dang", "ban-bi-thu", "quoc-hoi", "chinh-phu",
            "thu-tuong-chinh-phu", "van-phong-chinh-phu", "bo-noi-vu", "bo-ke-hoach-va-dau-tu", "bo-xay-dung",
            "to-cong-tac-cua-thu-tuong-chinh-phu", "cuc-kiem-soat-thu-tuc-hanh-chinh",
            "bo-nong-nghiep-va-moi-truong", "bo-dan-toc-va-ton-giao"} <= set(slugs)


def test_government_but_not_e_government_nor_the_portal() -> None:
    assert agencies(
        "Đẩy mạnh xây dựng Chính phủ điện tử, Chính phủ số.",
        "Thông tin đăng trên Cổng Thông tin điện tử Chính phủ.",
        "Chính phủ đã ban hành Nghị định số 45/2020/NĐ-CP.",
    ) == [("chinh-phu", "Chính phủ")]


def test_longest_name_wins_over_government() -> None:
    assert agencies("Văn phòng Chính phủ báo cáo Thủ tướng Chính phủ và Thanh tra Chính phủ.") == [
        ("van-phong-chinh-phu", "Văn phòng Chính phủ"),
        ("thu-tuong-chinh-phu", "Thủ tướng Chính phủ"),
        ("thanh-tra-chinh-phu", "Thanh tra Chính phủ"),
    ]


def test_prime_minister_alone_but_not_a_deputy_nor_a_foreign_one() -> None:
    assert agencies("Kế hoạch vừa được Thủ tướng phê duyệt.") == [("thu-tuong-chinh-phu", "Thủ tướng")]
    assert agencies("Phó Thủ tướng Chính phủ chủ trì hội nghị.") == [("chinh-phu", "Chính phủ")]
    assert agencies("Thủ tướng Nhật Bản thăm Việt Nam.", "Quốc hội Lào họp.") == []
    key, attrs = only_agency("Thủ tướng yêu cầu các bộ khẩn trương.")
    assert (key, attrs["alt"], attrs["label"]) == ("thu-tuong-chinh-phu", "Thủ tướng", "Thủ tướng Chính phủ")


def test_abbreviated_ministry_keeps_the_abbreviation_as_alt() -> None:
    assert only_agency("Phối hợp với Bộ KH&ĐT xây dựng đề án.") == ("bo-ke-hoach-va-dau-tu", {
        "label": "Bộ Kế hoạch và Đầu tư",
        "label_en": "Ministry of Planning and Investment",
        "alt": "Bộ KH&ĐT",
        "jurisdiction": None,
        "parent": None,
        "org_class": "Agency",
    })


def test_ministry_written_with_an_ampersand() -> None:
    assert agencies("Bộ Kế hoạch & Đầu tư hướng dẫn.") == [
        ("bo-ke-hoach-va-dau-tu", "Bộ Kế hoạch & Đầu tư")]


def test_government_office_abbreviation_only_in_capitals() -> None:
    assert agencies("Bộ trưởng, Chủ nhiệm VPCP làm việc với tỉnh.", "Trang vpcp đã cập nhật.") == [
        ("van-phong-chinh-phu", "VPCP")]


def test_ministries_with_lost_diacritics_and_of_both_periods() -> None:
    assert agencies("Bo Noi vu, Bộ Nông nghiệp và Môi trường và Bộ Thông tin và Truyền thông.") == [
        ("bo-noi-vu", "Bo Noi vu"),
        ("bo-nong-nghiep-va-moi-truong", "Bộ Nông nghiệp và Môi trường"),
        ("bo-thong-tin-va-truyen-thong", "Bộ Thông tin và Truyền thông"),
    ]


def test_generic_plurals_are_not_agencies() -> None:
    assert agencies(
        "Đề nghị các bộ, ngành, địa phương và các sở, ngành phối hợp.",
        "Bộ phận một cửa tiếp nhận hồ sơ trên Cổng Dịch vụ công quốc gia.",
        "Ban hành bộ tiêu chí mới.",
    ) == []


def test_provincial_committee_with_its_province() -> None:
    assert only_agency("Theo báo cáo của UBND tỉnh Quảng Trị, tiến độ đạt yêu cầu.") == (
        "uy-ban-nhan-dan-tinh-quang-tri", {
            "label": "Ủy ban nhân dân tỉnh Quảng Trị",
            "label_en": "People's Committee of Quang Tri Province",
            "alt": "UBND tỉnh Quảng Trị",
            "jurisdiction": "quang-tri",
            "parent": None,
            "org_class": "Agency",
        })


def test_city_committees_use_thanh_pho() -> None:
    assert agencies("UBND TP.HCM và Uỷ ban nhân dân thành phố Hà Nội ký kết.") == [
        ("uy-ban-nhan-dan-thanh-pho-ho-chi-minh", "UBND TP.HCM"),
        ("uy-ban-nhan-dan-thanh-pho-ha-noi", "Uỷ ban nhân dân thành phố Hà Nội"),
    ]


def test_committee_of_a_city_inside_a_province() -> None:
    key, attrs = only_agency("UBND thành phố Phúc Yên tiếp nhận hồ sơ.")
    assert (key, attrs["label"], attrs["jurisdiction"]) == (
        "uy-ban-nhan-dan-thanh-pho-phuc-yen", "Ủy ban nhân dân thành phố Phúc Yên", "vinh-phuc")
    assert attrs["label_en"] == "People's Committee of Phuc Yen City"


def test_bare_provincial_bodies_belong_to_the_main_province() -> None:
    doc = recognised("Tỉnh Hà Tĩnh đẩy mạnh cải cách.", "Chủ tịch UBND tỉnh đã ký quyết định.",
                     "Tỉnh ủy, HĐND, UBND tỉnh tập trung chỉ đạo.")
    found = [(m.key, doc.slice(m.span), m.attrs["jurisdiction"]) for m in doc.iter_kind("agency")]
    assert found == [
        ("uy-ban-nhan-dan-tinh-ha-tinh", "UBND tỉnh", "ha-tinh"),
        ("tinh-uy-ha-tinh", "Tỉnh ủy", "ha-tinh"),
        ("hoi-dong-nhan-dan-tinh-ha-tinh", "HĐND", "ha-tinh"),
        ("uy-ban-nhan-dan-tinh-ha-tinh", "UBND tỉnh", "ha-tinh"),
    ]


def test_bare_bodies_without_a_province_or_generic_give_nothing() -> None:
    assert agencies("UBND tỉnh đã chỉ đạo rà soát.") == []
    assert agencies("Tỉnh Cà Mau họp.", "Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương.",
                    "UBND tỉnh, thành phố chịu trách nhiệm.", "UBND cấp tỉnh ban hành.") == []


def test_one_committee_per_listed_province() -> None:
    assert [key for key, _ in agencies("Đại diện UBND các tỉnh Sơn La, Lai Châu và Điện Biên dự họp.")] == [
        "uy-ban-nhan-dan-tinh-son-la", "uy-ban-nhan-dan-tinh-lai-chau", "uy-ban-nhan-dan-tinh-dien-bien"]


def test_party_committee_and_departments() -> None:
    doc = recognised("Bí thư Tỉnh ủy Nghệ An dự hội nghị.", "Sở Thông tin và Truyền thông hướng dẫn.",
                     "Sở TT&TT tỉnh Hà Tĩnh phối hợp.")
    found = [(m.key, doc.slice(m.span), m.attrs["parent"]) for m in doc.iter_kind("agency")]
    assert found == [
        ("tinh-uy-nghe-an", "Tỉnh ủy Nghệ An", None),
        ("so-thong-tin-va-truyen-thong-tinh-nghe-an", "Sở Thông tin và Truyền thông", "uy-ban-nhan-dan-tinh-nghe-an"),
        ("so-thong-tin-va-truyen-thong-tinh-ha-tinh", "Sở TT&TT tỉnh Hà Tĩnh", "uy-ban-nhan-dan-tinh-ha-tinh"),
    ]


def test_city_party_committee_of_a_provincial_city_is_left_out() -> None:
    doc = recognised("Tỉnh Hà Tĩnh họp.", "Thành ủy Hà Tĩnh và Thành ủy Hải Phòng phối hợp.")
    assert [(m.kind, m.key) for m in doc.mentions] == [
        ("province", "ha-tinh"), ("agency", "thanh-uy-hai-phong"), ("province", "hai-phong")]


def test_facilities_and_portals_are_not_bodies() -> None:
    assert agencies("Trung tâm Phục vụ hành chính công của tỉnh Sơn La khai trương.",
                    "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia.") == []


def test_sub_bodies_take_their_parent() -> None:
    doc = recognised("Ông A, Cục trưởng Cục Kiểm soát TTHC (VPCP), phát biểu.",
                     "Vụ Pháp chế, Bộ Tư pháp góp ý.",
                     "Tổ công tác của Thủ tướng kiểm tra.")
    found = [(m.key, doc.slice(m.span), m.attrs["label"], m.attrs["parent"]) for m in doc.iter_kind("agency")]
    assert found == [
        ("cuc-kiem-soat-thu-tuc-hanh-chinh", "Cục Kiểm soát TTHC", "Cục Kiểm soát thủ tục hành chính",
         "van-phong-chinh-phu"),
        ("van-phong-chinh-phu", "VPCP", "Văn phòng Chính phủ", None),
        ("vu-phap-che-bo-tu-phap", "Vụ Pháp chế", "Vụ Pháp chế, Bộ Tư pháp", "bo-tu-phap"),
        ("bo-tu-phap", "Bộ Tư pháp", "Bộ Tư pháp", None),
        ("to-cong-tac-cua-thu-tuong-chinh-phu", "Tổ công tác của Thủ tướng", "Tổ công tác của Thủ tướng Chính phủ",
         "thu-tuong-chinh-phu"),
    ]


def test_organisations_are_not_public_bodies() -> None:
    doc = recognised("Chương trình phát triển của Liên Hợp Quốc (UNDP) và Tập đoàn VNPT hỗ trợ tỉnh.")
    found = [(m.key, doc.slice(m.span), m.attrs["org_class"]) for m in doc.iter_kind("agency")]
    assert found == [
        ("chuong-trinh-phat-trien-lien-hop-quoc", "Chương trình phát triển của Liên Hợp Quốc", "Organization"),
        ("chuong-trinh-phat-trien-lien-hop-quoc", "UNDP", "Organization"),
        ("tap-doan-buu-chinh-vien-thong-viet-nam", "Tập đoàn VNPT", "Organization"),
    ]


def test_same_text_same_mentions() -> None:
    lines = ("Tỉnh ủy, HĐND tỉnh Cao Bằng và Bộ Nội vụ phối hợp.",)
    assert agencies(*lines) == agencies(*lines) == [
        ("tinh-uy-cao-bang", "Tỉnh ủy"), ("hoi-dong-nhan-dan-tinh-cao-bang", "HĐND tỉnh Cao Bằng"),
        ("bo-noi-vu", "Bộ Nội vụ")]


def test_provincial_inspectorate_and_police_but_not_the_activity_of_inspection() -> None:
    assert agencies("Thanh tra tỉnh Bình Định phối hợp với Công an tỉnh Bình Định; Thanh tra công vụ được tăng cường.") == [
        ("thanh-tra-tinh-binh-dinh", "Thanh tra tỉnh Bình Định"),
        ("cong-an-tinh-binh-dinh", "Công an tỉnh Bình Định"),
    ]


def test_a_body_named_in_full_is_then_named_by_the_first_words_of_its_head() -> None:
    assert agencies("Phiên họp của Ban Chỉ đạo cải cách hành chính của Chính phủ diễn ra hôm nay.",
                    "Ban Chỉ đạo đề nghị các bộ rà soát; Ban tổ chức chuẩn bị.") == [
        ("ban-chi-dao-cai-cach-hanh-chinh-cua-chinh-phu", "Ban Chỉ đạo cải cách hành chính của Chính phủ"),
        ("ban-chi-dao-cai-cach-hanh-chinh-cua-chinh-phu", "Ban Chỉ đạo"),
    ]


def test_a_district_body_without_its_name_is_the_district_named_before() -> None:
    assert agencies("Tỉnh Bình Dương: đối với huyện Bàu Bàng, Chủ tịch tỉnh giao UBND huyện xử lý dứt điểm; "
                    "UBND huyện, thị xã báo cáo.") == [
        ("uy-ban-nhan-dan-huyen-bau-bang", "UBND huyện"),
    ]


def test_ward_and_commune_bodies_are_named_in_english_too() -> None:
    doc = recognised("Chủ tịch UBND tỉnh Lào Cai yêu cầu UBND phường Cam Đường và UBND xã Bắc Hà rà soát hồ sơ.")
    assert [(m.key, m.attrs["label"], m.attrs["label_en"]) for m in doc.iter_kind("agency")][1:] == [
        ("uy-ban-nhan-dan-phuong-cam-duong", "Ủy ban nhân dân phường Cam Đường", "People's Committee of Cam Duong Ward"),
        ("uy-ban-nhan-dan-xa-bac-ha", "Ủy ban nhân dân xã Bắc Hà", "People's Committee of Bac Ha Commune"),
    ]


def test_bodies_of_the_district_at_hand_and_boards_of_the_party_committee() -> None:
    doc = recognised("Tỉnh Lào Cai kiểm tra huyện Bắc Hà.",
                     "Phó Chủ tịch UBND huyện yêu cầu Phòng Nội vụ phối hợp với Văn phòng HĐND và UBND huyện, "
                     "Công an huyện rà soát quy trình.",
                     "Ban Tổ chức Tỉnh ủy hướng dẫn sắp xếp bộ máy.")
    assert [(m.key, m.attrs.get("unit")) for m in doc.iter_kind("agency")] == [
        ("uy-ban-nhan-dan-huyen-bac-ha", "lao-cai/huyen-bac-ha"),
        ("phong-noi-vu-huyen-bac-ha", "lao-cai/huyen-bac-ha"),
        ("van-phong-hoi-dong-nhan-dan-va-uy-ban-nhan-dan-huyen-bac-ha", "lao-cai/huyen-bac-ha"),
        ("cong-an-huyen-bac-ha", "lao-cai/huyen-bac-ha"),
        ("ban-to-chuc-tinh-uy-lao-cai", None),
    ]
    assert [m.attrs["label_en"] for m in doc.iter_kind("agency")][1:] == [
        "Home Affairs Office of Bac Ha District",
        "Office of the People's Council and People's Committee of Bac Ha District",
        "Police of Bac Ha District",
        "Organisation Commission of the Lao Cai Province Party Committee",
    ]


def test_a_district_office_without_a_district_named_before_is_nobody() -> None:
    assert agencies("Tỉnh Lào Cai yêu cầu Phòng Nội vụ báo cáo.") == []


def test_a_district_office_is_not_a_townships() -> None:
    assert agencies("Tỉnh Lào Cai kiểm tra thị trấn Phố Ràng.", "Phòng Nội vụ báo cáo kết quả.") == []


def test_every_head_kept_in_lower_case_holds_what_the_prefilter_looks_for() -> None:
    assert all(name[0].isupper() for name in capitalised_heads())
    for kind in BODY_KINDS:
        if kind.any_case:
            for head in kind.heads:
                assert LOWER_CASE_HEAD.search(normalise(head)), head


def test_local_bodies_written_in_lower_case_are_still_found() -> None:
    found = agencies("Thái Nguyên: ủy ban nhân dân tỉnh Thái Nguyên và tỉnh ủy Thái Nguyên họp.")
    assert [key for key, _ in found] == ["uy-ban-nhan-dan-tinh-thai-nguyen", "tinh-uy-thai-nguyen"]


def test_one_committee_per_district_listed_when_the_article_names_each() -> None:
    assert [key for key, _ in agencies(
        "Ở tỉnh Quảng Nam, huyện Nam Trà My đạt 18,6%, huyện Tây Giang đạt 21,3%.",
        "Chủ tịch tỉnh yêu cầu UBND huyện Nam Trà My, Tây Giang xây dựng kế hoạch.",
        "Theo bà Lê Thị Hoa, Phó Chủ tịch UBND huyện Nam Trà My, Giám đốc Trung tâm huyện, kết quả khả quan.")] == [
        "uy-ban-nhan-dan-huyen-nam-tra-my", "uy-ban-nhan-dan-huyen-tay-giang", "uy-ban-nhan-dan-huyen-nam-tra-my"]


def test_one_department_per_listed_province() -> None:
    assert [key for key, _ in agencies("Bộ Tài chính đề nghị Sở Tài chính các tỉnh Điện Biên, Lai Châu rà soát.")] == [
        "bo-tai-chinh", "so-tai-chinh-tinh-dien-bien", "so-tai-chinh-tinh-lai-chau"]
