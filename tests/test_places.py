"""Provinces and admin units: gazetteer counts, prefixes, spelling variants, Huế and HCM traps."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.document import Document
from kg.gazetteer.provinces import PROVINCES
from kg.recognize.places import main_province, recognise_places
from tests.docs import lines_doc


def places(doc: Document) -> list[tuple[str, str, str]]:
    recognise_places(doc)
    return [(m.kind, m.key, doc.slice(m.span)) for m in doc.mentions]


def test_the_two_lists_have_63_and_34_units_with_unique_slugs() -> None:
    old = [p for p in PROVINCES if p.in_2008_list]
    new = [p for p in PROVINCES if p.in_2025_list]
    assert (len(old), len(new)) == (63, 34)
    assert len({p.slug for p in PROVINCES}) == len(PROVINCES) == 64
    assert sorted(p.slug for p in old if p.kind == "thành phố") == ["can-tho", "da-nang", "ha-noi", "hai-phong", "ho-chi-minh"]
    assert sorted(p.slug for p in new if p.kind == "thành phố") == [
        "can-tho", "da-nang", "ha-noi", "hai-phong", "ho-chi-minh", "hue"]


def test_every_2008_unit_forms_exactly_one_2025_unit() -> None:
    formed = Counter(slug for p in PROVINCES if p.in_2025_list for slug in p.formed_from)
    assert formed == Counter(p.slug for p in PROVINCES if p.in_2008_list)
    assert next(p for p in PROVINCES if p.slug == "phu-tho").formed_from == ("phu-tho", "vinh-phuc", "hoa-binh")


def test_province_after_tinh_covers_the_name_with_labels() -> None:
    doc = lines_doc("UBND tỉnh Lạng Sơn đã ban hành kế hoạch cải cách hành chính.")
    recognise_places(doc)
    [mention] = doc.mentions
    assert (mention.kind, mention.key, doc.slice(mention.span)) == ("province", "lang-son", "Lạng Sơn")
    assert mention.attrs == {"label": "Lạng Sơn", "label_en": "Lang Son Province"}


@pytest.mark.parametrize("written", ["TP.HCM", "TPHCM", "TP. HCM", "Tp.HCM"])
def test_hcm_abbreviations(written: str) -> None:
    doc = lines_doc(f"Người dân {written} nộp hồ sơ trực tuyến.")
    recognise_places(doc)
    [mention] = doc.mentions
    assert (mention.key, doc.slice(mention.span)) == ("ho-chi-minh", "HCM")
    assert mention.attrs == {"label": "Hồ Chí Minh", "label_en": "Ho Chi Minh City"}


def test_ho_chi_minh_needs_a_city_prefix() -> None:
    doc = lines_doc("Học tập tư tưởng Hồ Chí Minh.", "Tại Thành phố Hồ Chí Minh, hồ sơ được số hóa.")
    assert places(doc) == [("province", "ho-chi-minh", "Hồ Chí Minh")]
    assert doc.mentions[0].start > len("Học tập tư tưởng Hồ Chí Minh.")


def test_city_hue_before_2025_is_a_unit_of_thua_thien_hue() -> None:
    doc = lines_doc("Mở rộng thành phố Huế và thị xã Hương Thủy.")
    assert places(doc) == [
        ("admin_unit", "thua-thien-hue/thanh-pho-hue", "thành phố Huế"),
        ("admin_unit", "thua-thien-hue/thi-xa-huong-thuy", "thị xã Hương Thủy"),
    ]
    assert doc.mentions[0].attrs == {"label": "thành phố Huế", "province": "thua-thien-hue"}


def test_city_hue_is_the_2025_province_when_dated_or_said_to_be_central() -> None:
    dated = lines_doc("Thành phố Huế công bố chỉ số cải cách hành chính.", issued="2025-08-02")
    assert places(dated) == [("province", "hue", "Huế")]
    assert dated.mentions[0].attrs == {"label": "Huế", "label_en": "Hue City"}
    said = lines_doc("Thành lập thành phố Huế trực thuộc Trung ương.", issued="2024-11-30")
    assert places(said) == [("province", "hue", "Huế")]


def test_bare_hue_and_longer_words_are_not_provinces() -> None:
    doc = lines_doc("Văn hóa Huế và ứng dụng Hue-S được du khách yêu thích.", "Cố đô Huế đón khách.")
    assert places(doc) == []


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("tinh Thua Thien Hue", "thua-thien-hue"),
        ("tỉnh Thừa Thiên-Huế", "thua-thien-hue"),
        ("tỉnh TT-Huế", "thua-thien-hue"),
        ("tỉnh Khánh Hoà", "khanh-hoa"),
        ("tỉnh Đắc Lắc", "dak-lak"),
        ("tỉnh Bà Rịa–Vũng Tàu", "ba-ria-vung-tau"),
        ("TỈNH QUẢNG TRỊ", "quang-tri"),
        ("tỉnh Kontum", "kon-tum"),
    ],
)
def test_spelling_variants(written: str, slug: str) -> None:
    doc = lines_doc(f"Đoàn công tác làm việc với {written} về cải cách thủ tục.")
    assert [(kind, key) for kind, key, _ in places(doc)] == [("province", slug)]


def test_bare_names_count_unless_glued_to_another_proper_noun() -> None:
    doc = lines_doc(
        "Các địa phương như Cao Bằng, Hà Giang còn chậm.",
        "Chánh án Nguyễn Hòa Bình phát biểu.",
        "Thời kỳ hòa bình.",
        "Vùng biển Thái Bình Dương.",
        "Sinh viên Trường Đại học Thái Nguyên.",
        "Bắc Ninh dẫn đầu bảng xếp hạng.",
    )
    assert [(kind, key) for kind, key, _ in places(doc)] == [
        ("province", "cao-bang"), ("province", "ha-giang"), ("province", "bac-ninh")]


def test_city_named_like_its_province_is_a_unit_but_a_central_city_is_a_province() -> None:
    doc = lines_doc("Thành phố Thái Nguyên và thành phố Hà Nội cùng triển khai.", "Tại huyện Điện Biên.")
    assert places(doc) == [
        ("admin_unit", "thai-nguyen/thanh-pho-thai-nguyen", "Thành phố Thái Nguyên"),
        ("province", "ha-noi", "Hà Nội"),
        ("admin_unit", "dien-bien/huyen-dien-bien", "huyện Điện Biên"),
    ]


def test_unknown_units_go_to_the_main_province_or_nowhere() -> None:
    placed = lines_doc("Tỉnh Quảng Trị chỉ đạo huyện Gio Linh rà soát thủ tục.")
    assert places(placed) == [
        ("province", "quang-tri", "Quảng Trị"),
        ("admin_unit", "quang-tri/huyen-gio-linh", "huyện Gio Linh"),
    ]
    assert places(lines_doc("Huyện Gio Linh rà soát thủ tục.")) == []


def test_unit_names_stop_before_a_person_and_foreign_words_are_not_names() -> None:
    doc = lines_doc("Chủ tịch UBND thị xã Phúc Yên Trần Văn Bình phát biểu.",
                   "Đây là thành phố Festival.")
    assert places(doc) == [("admin_unit", "vinh-phuc/thi-xa-phuc-yen", "thị xã Phúc Yên")]


def test_a_person_after_thanh_pho_is_not_a_unit() -> None:
    doc = lines_doc("Tỉnh Bình Định có thành phố Quy Nhơn.",
                   "Phó Chủ tịch UBND Thành phố Trần Văn Sơn phát biểu.")
    assert places(doc) == [
        ("province", "binh-dinh", "Bình Định"),
        ("admin_unit", "binh-dinh/thanh-pho-quy-nhon", "thành phố Quy Nhơn"),
    ]


def test_only_sentence_text_is_scanned() -> None:
    doc = lines_doc("Tỉnh Cao Bằng.", "Tỉnh Lạng Sơn.")
    doc.sentences = doc.sentences[1:]
    assert places(doc) == [("province", "lang-son", "Lạng Sơn")]


def test_main_province_is_the_most_mentioned_with_title_first_on_ties() -> None:
    doc = lines_doc("Tỉnh Cao Bằng và tỉnh Lạng Sơn.", "Lạng Sơn dẫn đầu.",
                   title="Cao Bằng đẩy mạnh cải cách")
    recognise_places(doc)
    assert main_province(doc) == "cao-bang"
    doc.meta.title = None
    assert main_province(doc) == "lang-son"
    assert main_province(lines_doc("Không có địa danh nào.")) is None


def test_main_province_falls_back_to_the_provinces_of_units() -> None:
    doc = lines_doc("Thành phố Vĩnh Yên đạt kết quả tốt.")
    recognise_places(doc)
    assert main_province(doc) == "vinh-phuc"


def test_wards_communes_and_townships_but_not_society_or_the_commune_level() -> None:
    doc = lines_doc("Tỉnh Lào Cai: Phường Sa Pa, xã Bản Hồ và thị trấn Bắc Hà tiếp nhận hồ sơ; UBND cấp xã và "
                    "kinh tế - xã hội phát triển.")
    assert places(doc) == [
        ("province", "lao-cai", "Lào Cai"),
        ("admin_unit", "lao-cai/phuong-sa-pa", "Phường Sa Pa"),
        ("admin_unit", "lao-cai/xa-ban-ho", "xã Bản Hồ"),
        ("admin_unit", "lao-cai/thi-tran-bac-ha", "thị trấn Bắc Hà"),
    ]


def test_unit_names_of_the_central_highlands_languages() -> None:
    doc = lines_doc("Tỉnh Gia Lai kiểm tra xã Ia Grai, huyện Krông Pa và xã H'Bông.")
    assert places(doc) == [
        ("province", "gia-lai", "Gia Lai"),
        ("admin_unit", "gia-lai/xa-ia-grai", "xã Ia Grai"),
        ("admin_unit", "gia-lai/huyen-krong-pa", "huyện Krông Pa"),
        ("admin_unit", "gia-lai/xa-h-bong", "xã H'Bông"),
    ]


def test_a_unit_named_after_the_2025_merger_lies_in_the_merged_province() -> None:
    text = "Tại phường Quy Nhơn, lượng hồ sơ tăng mạnh."
    assert places(lines_doc(text, issued="2025-09-05")) == [("admin_unit", "gia-lai/phuong-quy-nhon", "phường Quy Nhơn")]
    assert places(lines_doc(text, issued="2024-09-05")) == [("admin_unit", "binh-dinh/phuong-quy-nhon", "phường Quy Nhơn")]


def test_a_unit_named_like_its_former_province_lies_in_the_merged_one() -> None:
    assert places(lines_doc("Tại phường Bắc Giang, hồ sơ giảm.", issued="2025-10-02")) == [
        ("admin_unit", "bac-ninh/phuong-bac-giang", "phường Bắc Giang")]


@pytest.mark.parametrize("sentence, named", [
    ("Phó Thủ tướng yêu cầu Thanh Hóa tập trung tháo gỡ vướng mắc.", True),
    ("Bộ giao cho Thanh Hóa làm thí điểm.", True),
    ("Đoàn công tác làm việc với lãnh đạo Nghệ An.", True),
    ("Khánh thành cầu Thanh Hóa mới.", False),
    ("Du khách đến chợ Hà Nam.", False),
])
def test_a_word_naming_a_landmark_is_told_from_the_word_it_folds_like(sentence: str, named: bool) -> None:
    doc = lines_doc(sentence)
    recognise_places(doc)
    assert bool([m for m in doc.mentions if m.kind == "province"]) is named


def test_a_unit_whose_name_folds_like_a_known_one_is_not_that_one() -> None:
    doc = lines_doc("Tại thành phố Cần Thơ, huyện Vĩnh Thạnh đạt 52,6%, thành phố Vinh đạt 90%.")
    recognise_places(doc)
    assert [(m.kind, m.key) for m in doc.mentions] == [
        ("province", "can-tho"), ("admin_unit", "can-tho/huyen-vinh-thanh"), ("admin_unit", "nghe-an/thanh-pho-vinh")]


@pytest.mark.parametrize("sentence, key", [
    ("Tỉnh Đồng Nai: thành phố Biên Hoà đạt 95%.", "dong-nai/thanh-pho-bien-hoa"),
    ("Tỉnh Đồng Nai: thành phố Biên Hòa đạt 95%.", "dong-nai/thanh-pho-bien-hoa"),
])
def test_a_known_unit_is_read_in_either_tone_placement(sentence: str, key: str) -> None:
    doc = lines_doc(sentence)
    recognise_places(doc)
    assert key in [m.key for m in doc.mentions if m.kind == "admin_unit"]


def test_a_party_committee_in_the_old_tone_placement_names_no_province() -> None:
    doc = lines_doc("Đảng uỷ Thanh Hóa họp.")
    recognise_places(doc)
    assert [m for m in doc.mentions if m.kind == "province"] == []


def test_the_news_agency_and_a_cooperative_are_no_communes() -> None:
    doc = lines_doc("Tỉnh Phú Yên. Theo Thông tấn xã Việt Nam, Hợp tác xã Tân Phú và xã Hòa Quang được khen.")
    assert places(doc) == [("province", "phu-yen", "Phú Yên"), ("admin_unit", "phu-yen/xa-hoa-quang", "xã Hòa Quang")]


def test_a_ward_named_after_a_person_labels_a_list_item_but_a_person_after_a_title_is_no_unit() -> None:
    doc = lines_doc("Tỉnh Quảng Ninh.", "- Phường Trần Quốc Nghiễn: 2.140 hồ sơ.",
                    "Chủ tịch UBND phường Hà Minh Hải phát biểu.")
    assert places(doc) == [("province", "quang-ninh", "Quảng Ninh"),
                           ("admin_unit", "quang-ninh/phuong-tran-quoc-nghien", "Phường Trần Quốc Nghiễn")]


def test_a_commune_named_after_a_person_without_a_post_before_it_is_a_unit() -> None:
    doc = lines_doc("Tỉnh Quảng Ninh yêu cầu UBND xã Trần Quốc Nghiễn giải quyết hồ sơ.",
                    "Chủ tịch UBND xã Lục Văn Chung phát biểu.")
    assert places(doc) == [("province", "quang-ninh", "Quảng Ninh"),
                           ("admin_unit", "quang-ninh/xa-tran-quoc-nghien", "xã Trần Quốc Nghiễn")]
