from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.clean import clean
from kg.document import Document, SourceMeta
from kg.paths import seeds_dir
from kg.read import read_article
from kg.sentences import split_sentences

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def cleaned(text: str, name: str = "bai-viet.txt") -> Document:
    doc = Document(path=Path("seeds") / name, text=text)
    clean(doc)
    return doc


def kept_lines(doc: Document) -> list[str]:
    """The text left after cleaning, one kept stretch per line, removed parts blanked."""
    chars = list(doc.text)
    for span in doc.removed:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return [" ".join(line.split()) for line in "".join(chars).split("\n") if line.strip()]


def removed_texts(doc: Document) -> list[str]:
    return [doc.slice(span) for span in doc.removed]


NEWS_PAGE = """Tỉnh Quảng Trị đẩy mạnh chuyển đổi số
PV| 03/04/2023 08:15
Theo dõi Báo Quảng Trị trên

Năm 2023, tỉnh Quảng Trị đặt mục tiêu 80% hồ sơ được giải quyết trực tuyến đúng hạn trên toàn tỉnh.
![](https://example.vn/anh.jpg) |
Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa. Ảnh: Minh Anh |
Sở Nội vụ cho biết toàn tỉnh đã cắt giảm 120 thủ tục hành chính trong năm qua, vượt kế hoạch đề ra.
Lê Minh
Nguồn: https://www.baoquangtri.vn/chuyen-doi-so-123.htm
Bình luận (0)
"""


def test_news_page_keeps_headline_and_body_only() -> None:
    doc = cleaned(NEWS_PAGE)
    assert kept_lines(doc) == [
        "Tỉnh Quảng Trị đẩy mạnh chuyển đổi số",
        "Năm 2023, tỉnh Quảng Trị đặt mục tiêu 80% hồ sơ được giải quyết trực tuyến đúng hạn trên toàn tỉnh.",
        "Sở Nội vụ cho biết toàn tỉnh đã cắt giảm 120 thủ tục hành chính trong năm qua, vượt kế hoạch đề ra.",
    ]
    assert doc.meta == SourceMeta(
        title="Tỉnh Quảng Trị đẩy mạnh chuyển đổi số",
        publisher="baoquangtri.vn",
        url="https://www.baoquangtri.vn/chuyen-doi-so-123.htm",
        issued="2023-04-03",
    )


def test_removed_spans_are_sorted_and_merged_across_blank_gaps() -> None:
    doc = cleaned(NEWS_PAGE)
    assert doc.removed == sorted(doc.removed)
    assert removed_texts(doc) == [
        "PV| 03/04/2023 08:15\nTheo dõi Báo Quảng Trị trên",
        "![](https://example.vn/anh.jpg) |\nCán bộ tiếp nhận hồ sơ tại bộ phận một cửa. Ảnh: Minh Anh |",
        "Lê Minh\nNguồn: https://www.baoquangtri.vn/chuyen-doi-so-123.htm\nBình luận (0)",
    ]


PORTAL_PAGE = """Liên kết website
Trang thông tin
Sở, ban, ngành
UBND cấp huyện
Hội nghị sơ kết công tác cải cách hành chính quý I
Ngày cập nhật 05/04/2022
Sáng 4/4, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính quý I năm 2022 với các sở, ngành.
Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%; không có hồ sơ quá hạn trong kỳ báo cáo của các địa phương.
Theo Báo Lạng Sơn
Các tin khác
Lạng Sơn tổ chức hội thi tìm hiểu cải cách hành chính năm 2022
Tăng cường kỷ luật, kỷ cương hành chính
"""


def test_portal_menu_dateline_and_related_links_are_removed() -> None:
    doc = cleaned(PORTAL_PAGE)
    assert kept_lines(doc) == [
        "Hội nghị sơ kết công tác cải cách hành chính quý I",
        "Sáng 4/4, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính quý I năm 2022 với các sở, ngành.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%; không có hồ sơ quá hạn trong kỳ báo cáo của các địa phương.",
    ]
    assert doc.meta == SourceMeta(
        title="Hội nghị sơ kết công tác cải cách hành chính quý I",
        publisher="Báo Lạng Sơn",
        url=None,
        issued="2022-04-05",
    )


SPAM_MIRROR = """【nha cai uy tin w88】Lãnh đạo tỉnh đối thoại với doanh nghiệp
Xã hội 2024-03-02 09:12:45 12

abc

Chiều 1/3, lãnh đạo UBND tỉnh đã đối thoại với hơn 200 doanh nghiệp về thủ tục đầu tư và đất đai trên địa bàn.
Các doanh nghiệp kiến nghị rút ngắn thời gian cấp phép xây dựng xuống còn 15 ngày làm việc tại các huyện.
Tỉnh cam kết giải quyết dứt điểm các kiến nghị trong quý II năm nay theo đúng quy định của pháp luật hiện hành.
Theo Baochinhphu.vn
本文地址:http://spam.example.com/html/1.html
版权声明
Giá vàng hôm nay tăng mạnh
Hoa hậu dự sự kiện
"""


def test_spam_mirror_loses_bracket_chrome_and_chinese_footer() -> None:
    doc = cleaned(SPAM_MIRROR)
    assert kept_lines(doc) == [
        "Lãnh đạo tỉnh đối thoại với doanh nghiệp",
        "Chiều 1/3, lãnh đạo UBND tỉnh đã đối thoại với hơn 200 doanh nghiệp về thủ tục đầu tư và đất đai trên địa bàn.",
        "Các doanh nghiệp kiến nghị rút ngắn thời gian cấp phép xây dựng xuống còn 15 ngày làm việc tại các huyện.",
        "Tỉnh cam kết giải quyết dứt điểm các kiến nghị trong quý II năm nay theo đúng quy định của pháp luật hiện hành.",
    ]
    assert removed_texts(doc)[0] == "【nha cai uy tin w88】"
    # The mirror's own header date and address are not the article's.
    assert doc.meta == SourceMeta(
        title="Lãnh đạo tỉnh đối thoại với doanh nghiệp", publisher="Baochinhphu.vn", url=None, issued=None
    )


def test_category_header_date_is_read_on_a_clean_page() -> None:
    doc = cleaned(
        "Thời sự 2024-03-02 09:12:45\n"
        "Chiều 1/3, lãnh đạo UBND tỉnh đã đối thoại với hơn 200 doanh nghiệp về thủ tục đầu tư và đất đai.\n"
    )
    assert kept_lines(doc) == [
        "Chiều 1/3, lãnh đạo UBND tỉnh đã đối thoại với hơn 200 doanh nghiệp về thủ tục đầu tư và đất đai."
    ]
    assert doc.meta.issued == "2024-03-02"


def test_chinese_line_early_in_the_page_goes_alone() -> None:
    doc = cleaned(
        "本站推荐\n"
        "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch của Chính phủ giao.\n"
        "Sở Nội vụ được giao tổng hợp kết quả và báo cáo Bộ Nội vụ trước ngày 30/6 theo đúng quy định.\n"
    )
    assert len(kept_lines(doc)) == 2
    assert removed_texts(doc) == ["本站推荐"]


def test_betting_keywords_inside_a_sentence_are_cut_with_their_unaccented_tail() -> None:
    line = (
        "Năm nay tỉnh đã cắt giảm 30 thủ tục ca cuoc bong da hom nay và rút ngắn thời gian giải quyết "
        "hồ sơ cho người dân trên địa bàn tỉnh."
    )
    doc = cleaned(line + "\n")
    assert removed_texts(doc) == ["ca cuoc bong da hom nay"]


def test_a_line_of_betting_spam_goes_whole() -> None:
    doc = cleaned(
        "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao.\n"
        "Nhà cái casino uy tín\n"
        "Sở Nội vụ được giao tổng hợp kết quả và báo cáo Bộ Nội vụ trước ngày 30/6 theo đúng quy định.\n"
    )
    assert removed_texts(doc) == ["Nhà cái casino uy tín"]


def test_words_fused_without_spaces_are_cut() -> None:
    doc = cleaned(
        "Tỉnh đã hoàn thành kếhoạchcảicáchhànhchínhnăm việc sắp xếp các đơn vị hành chính cấp xã đúng hạn.\n"
    )
    assert removed_texts(doc) == ["kếhoạchcảicáchhànhchínhnăm"]


@pytest.mark.parametrize(
    "caption",
    [
        "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh. (Ảnh: PV)",
        "Quang cảnh hội nghị trực tuyến với các địa phương - Ảnh 1.",
        "Lãnh đạo tỉnh phát biểu tại buổi làm việc. ẢNH: TTXVN",
        "Ảnh minh họa",
    ],
)
def test_photo_captions_and_credits_go_whole(caption: str) -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."
    doc = cleaned(f"{body}\n\n{caption}\n\n{body}\n")
    assert removed_texts(doc) == [caption]


def test_credit_at_the_end_of_a_long_paragraph_goes_alone() -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao. " * 5
    doc = cleaned(body + "Ảnh: VGP/Nhật Bắc\n")
    assert removed_texts(doc) == ["Ảnh: VGP/Nhật Bắc"]


def test_image_alt_text_and_the_caption_right_under_it_go() -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."
    doc = cleaned(f"{body}\n\nhoi nghi 2\nĐoàn công tác làm việc với lãnh đạo tỉnh về chuyển đổi số .\n\n{body}\n")
    assert removed_texts(doc) == [
        "hoi nghi 2\nĐoàn công tác làm việc với lãnh đạo tỉnh về chuyển đổi số ."
    ]


def test_trailers_end_the_article_once_they_start() -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."
    doc = cleaned(
        f"Sắp xếp đơn vị hành chính cấp xã\n{body}\n{body}\n"
        "Nổi bật Báo Điện tử Chính phủ\nĐừng bỏ lỡ\nSắp xếp đơn vị hành chính cấp xã\n"
        "Hà Nội công bố chỉ số hài lòng năm 2023.\nPOWERED BY SOMECMS\n"
    )
    assert kept_lines(doc) == ["Sắp xếp đơn vị hành chính cấp xã", body, body]
    assert doc.meta.publisher == "Báo Điện tử Chính phủ"


def test_trailer_word_in_the_first_half_removes_only_its_line() -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."
    doc = cleaned(f"Tin liên quan\n{body}\n{body}\n")
    assert kept_lines(doc) == [body, body]


def test_source_lines_give_publisher_and_url() -> None:
    body = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."
    assert cleaned(f"{body}\nNguồn tin: baochinhphu.vn\n").meta.publisher == "baochinhphu.vn"
    assert cleaned(f"{body}\nTheo TTXVN\n").meta.publisher == "TTXVN"
    assert cleaned(f"{body}\n(Nguồn: Sở Nội vụ)\n").meta.publisher == "Sở Nội vụ"
    follow = cleaned(f"Theo dõi ICTVietnam trên\n{body}\n")
    assert (follow.meta.publisher, kept_lines(follow)) == ("ICTVietnam", [body])


def test_sentences_starting_with_theo_are_not_attributions() -> None:
    line = "Theo báo cáo của Sở Nội vụ, toàn tỉnh đã hoàn thành 45 nhiệm vụ được giao trong quý."
    doc = cleaned(f"{line}\nTheo đó\n{line}\n")
    assert doc.meta.publisher is None
    assert kept_lines(doc)[0] == line


def test_title_from_first_sentence_when_there_is_no_headline() -> None:
    long_sentence = (
        "Theo báo cáo của Ủy ban nhân dân tỉnh, trong quý I năm 2024 toàn tỉnh đã tiếp nhận và giải quyết "
        "hơn mười nghìn hồ sơ thủ tục hành chính đúng hạn, đạt tỷ lệ cao nhất từ trước đến nay. Câu hai."
    )
    title = cleaned(long_sentence + "\n").meta.title
    assert title == (
        "Theo báo cáo của Ủy ban nhân dân tỉnh, trong quý I năm 2024 toàn tỉnh đã tiếp nhận và giải quyết "
        "hơn mười nghìn hồ sơ…"
    )
    assert len(title) <= 120
    short = "Toàn tỉnh đã giải quyết hơn mười nghìn hồ sơ thủ tục hành chính đúng hạn trong năm qua. Câu hai."
    assert cleaned(short + "\n").meta.title == (
        "Toàn tỉnh đã giải quyết hơn mười nghìn hồ sơ thủ tục hành chính đúng hạn trong năm qua"
    )


def test_title_falls_back_to_the_file_stem() -> None:
    doc = cleaned("Bình luận (0)\n", name="bai-so-7.txt")
    assert doc.meta.title == "bai-so-7"
    assert kept_lines(doc) == []


def test_headline_stays_a_sentence() -> None:
    doc = cleaned(NEWS_PAGE)
    split_sentences(doc)
    assert doc.slice(doc.sentences[0]) == "Tỉnh Quảng Trị đẩy mạnh chuyển đổi số"


SEEDS = {
    "000_a5abf3369adc2867": SourceMeta(
        title="Theo báo cáo của UBND tỉnh Thừa Thiên Huế, đến ngày 12/6/2020, tỉnh Thừa Thiên Huế được "
        "Chính phủ, Thủ tướng Chính phủ…",
        publisher="baochinhphu.vn",
        url=None,
        issued=None,
    ),
    "001_4b6620126f5dade0": SourceMeta(
        title="Thừa Thiên Huế xác định cải cách hành chính là nhiệm vụ quan trọng",
        publisher="Tạp chí Thông tin & Truyền thông",
        url=None,
        issued="2021-10-11",
    ),
    "002_15602c87f9d358f6": SourceMeta(
        title="Tập trung nguồn lực cho cải cách hành chính",
        publisher="thuathienhue.gov.vn",
        url=None,
        issued="2019-05-28",
    ),
    "003_86d2e9896025c8b8": SourceMeta(
        title="Tổ công tác của Thủ tướng kiểm tra 6 địa phương",
        publisher="Chinhphu.vn",
        url=None,
        issued=None,
    ),
    "004_fbf076a2eb93223e": SourceMeta(
        title="Từ đầu năm đến nay, Tỉnh ủy, HĐND, UBND tỉnh đã tập trung lãnh đạo, chỉ đạo thực hiện đẩy "
        "mạnh công tác CCHC, yêu cầu…",
        publisher="baovinhphuc.com.vn",
        url="http://baovinhphuc.com.vn/Multimedia/Images/Id/126935/"
        "Tap-trung-day-manh-cai-cach-hanh-chinh-huong-toi-tang-truong-2-con-so",
        issued=None,
    ),
}
CHROME = ("Ảnh:", "ẢNh:", "VGP/", "ca cuoc", "m88", "Ngọc Lan", "PV|", "Nguồn", "Bình luận", "POWERED", "![")


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_is_cleaned_and_its_source_read(stem: str) -> None:
    doc = read_article(seeds_dir() / f"{stem}.txt", seeds_dir().parent)
    clean(doc)
    split_sentences(doc)
    kept = "\n".join(kept_lines(doc))
    assert [marker for marker in CHROME if marker in kept] == []
    assert not CJK.search(kept)
    assert doc.meta == SEEDS[stem]
    assert doc.sentences and not any(doc.is_removed(s) or "\n" in doc.slice(s) for s in doc.sentences)
    assert all(not doc.text[span.start].isspace() and not doc.text[span.end - 1].isspace() for span in doc.removed)


BODY = "Tỉnh đã hoàn thành việc sắp xếp các đơn vị hành chính cấp xã theo đúng kế hoạch được giao."


@pytest.mark.parametrize(
    "items",
    [
        ["- Chỉ số PAR Index", "- Chỉ số SIPAS", "- Chỉ số PAPI"],
        ["Lạng Sơn đạt 99,82%", "Thái Nguyên đạt 99,36%", "Hà Giang đạt 92%"],
        ["Cải cách thể chế", "Cải cách tổ chức bộ máy", "Cải cách tài chính công"],
    ],
)
def test_body_lists_are_not_menus(items: list[str]) -> None:
    lines = ["Kế hoạch năm nay tập trung vào ba nhóm nhiệm vụ chính như sau:", *items]
    doc = cleaned("\n".join([BODY, *lines, BODY]) + "\n")
    assert kept_lines(doc) == [BODY, *lines, BODY]


def test_source_line_with_name_and_address() -> None:
    doc = cleaned(f"{BODY}\nNguồn: Báo Lạng Sơn - https://baolangson.vn/bai-viet-1.html\n")
    assert (doc.meta.publisher, doc.meta.url) == ("Báo Lạng Sơn", "https://baolangson.vn/bai-viet-1.html")


def test_after_a_closing_source_line_only_paragraphs_stay() -> None:
    related = "Thủ tướng chủ trì phiên họp chuyên đề về xây dựng pháp luật tháng 3 năm 2024 tại Hà Nội"
    doc = cleaned(f"{BODY}\n{BODY}\nTheo VGP\n{related}\n")
    assert kept_lines(doc) == [BODY, BODY]


def test_highlight_subheading_in_the_body_is_not_a_trailer() -> None:
    heading = "Nổi bật trong công tác cải cách"
    doc = cleaned(f"{BODY}\n{BODY}\n{heading}\n{BODY}\n")
    assert kept_lines(doc) == [BODY, BODY, heading, BODY]


def test_breadcrumb_share_widgets_and_author_above_the_body_are_removed() -> None:
    doc = cleaned(
        "Trang chủ > Tin tức > Cải cách hành chính\n"
        "Thứ Hai, 11/03/2024, 14:30 (GMT+7)\n"
        "Hà Tĩnh công bố chỉ số hài lòng của người dân\n"
        "Minh Anh Tuấn\n"
        "Chia sẻ Facebook Zalo\n"
        f"{BODY}\n"
    )
    assert kept_lines(doc) == ["Hà Tĩnh công bố chỉ số hài lòng của người dân", BODY]
    assert (doc.meta.title, doc.meta.issued) == ("Hà Tĩnh công bố chỉ số hài lòng của người dân", "2024-03-11")


@pytest.mark.parametrize(
    ("opening", "publisher"),
    [("(Chinhphu.vn) - ", "Chinhphu.vn"), ("TP.HCM (TTXVN) – ", "TTXVN")],
)
def test_wire_tag_opening_the_story_is_cut_and_names_the_publisher(opening: str, publisher: str) -> None:
    doc = cleaned(f"Sở Nội vụ họp báo\n{opening}{BODY}\n")
    assert removed_texts(doc) == [opening.strip()]
    assert kept_lines(doc) == ["Sở Nội vụ họp báo", BODY]
    assert doc.meta.publisher == publisher


def test_parenthesised_abbreviation_in_a_sentence_is_not_a_wire_tag() -> None:
    line = "Trung tâm Phục vụ hành chính công (TTPVHCC) - nơi người dân làm thủ tục - đã tiếp nhận 5.000 hồ sơ."
    doc = cleaned(line + "\n")
    assert (doc.removed, doc.meta.publisher) == ([], None)


def test_a_related_news_heading_with_a_colon_ends_the_article() -> None:
    body = "Tỉnh đã hoàn thành việc số hóa hồ sơ thủ tục hành chính theo đúng kế hoạch được giao năm nay."
    doc = cleaned(f"Số hóa hồ sơ\n{body}\n{body}\nTin liên quan:\n- Gia Lai đẩy mạnh chuyển đổi số\n"
                  "- Kon Tum công bố chỉ số hài lòng\n")
    assert kept_lines(doc) == ["Số hóa hồ sơ", body, body]


def test_a_row_of_links_is_a_menu_but_a_row_of_figures_is_body() -> None:
    links = "Liên kết website: Chính phủ | Bộ Nội vụ | Tỉnh ủy Đắk Lắk | UBND tỉnh Đắk Lắk"
    figures = "Hồ sơ tiếp nhận | 8.712 | 98,7%"
    doc = cleaned("\n".join([links, BODY, figures, BODY]) + "\n")
    assert kept_lines(doc) == [BODY, figures, BODY]


def test_the_headline_is_found_past_the_sites_name_menus_and_crumbs() -> None:
    page = "\n".join([
        "BÁO QUẢNG NAM ĐIỆN TỬ",
        "Mới nhất   Thời sự   Góc nhìn   Quảng Nam 24h",
        "Thời sự › Chính trị",
        "",
        "Thứ ba, 15/10/2024 - 17:05",
        "",
        "Quảng Nam: Tỷ lệ hồ sơ trực tuyến 9 tháng đạt 62,4%",
        "",
        BODY,
    ]) + "\n"
    doc = cleaned(page)
    assert doc.meta.title == "Quảng Nam: Tỷ lệ hồ sơ trực tuyến 9 tháng đạt 62,4%"
    assert kept_lines(doc) == ["Quảng Nam: Tỷ lệ hồ sơ trực tuyến 9 tháng đạt 62,4%", BODY]


def test_a_row_of_words_and_figures_split_by_wide_gaps_is_body_and_read_at_once() -> None:
    figures = "Số hồ sơ   120   Đã giải quyết   100"
    long_line = "    ".join(["Thời sự"] * 40) + "."
    doc = cleaned("\n".join([BODY, figures, long_line, BODY]) + "\n")
    assert "Số hồ sơ 120 Đã giải quyết 100" in " ".join(kept_lines(doc))


def test_a_portals_labelled_date_line_with_the_pages_details_after_a_bar_dates_the_article() -> None:
    doc = cleaned(
        "Phường Hòa Bình: 5 tháng tiếp nhận hơn 10.300 hồ sơ\n\n"
        "Ngày đăng: 05/12/2025 | Người đăng: Quản trị viên | Lượt xem: 642\n\n"
        "Sáng 4/12, UBND phường tổ chức hội nghị đánh giá kết quả hoạt động của Trung tâm Phục vụ hành chính công.\n"
    )
    assert kept_lines(doc) == [
        "Phường Hòa Bình: 5 tháng tiếp nhận hơn 10.300 hồ sơ",
        "Sáng 4/12, UBND phường tổ chức hội nghị đánh giá kết quả hoạt động của Trung tâm Phục vụ hành chính công.",
    ]
    assert doc.meta.issued == "2025-12-05"
