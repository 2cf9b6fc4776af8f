"""Patterns a tenth blind batch showed, read by the whole pipeline: the National Assembly's
committees and their posts, a bare "Ủy ban" or "Bộ" asking for the body at hand, petitions to a
higher body, pledges, and the figures of a department named after "tại"."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.document import Document
from kg.facts import MembershipFact
from kg.pipeline import process
from tests.test_report_patterns import article, observations, tasks


def test_a_committee_of_the_assembly_its_posts_and_a_bare_uy_ban_asking() -> None:
    doc = article("Chủ nhiệm Ủy ban Pháp luật và Tư pháp Hoàng Thanh Tùng chủ trì phiên giải trình với Bộ Tư pháp.",
                  "Ủy ban đề nghị Bộ Tư pháp hoàn thành 12 nhiệm vụ quá hạn trước ngày 31/12/2025.")
    posts = [(f.official.slug, f.role, f.organization.slug) for f in doc.facts if isinstance(f, MembershipFact)]
    assert posts == [("hoang-thanh-tung", "Chủ nhiệm", "uy-ban-phap-luat-va-tu-phap-cua-quoc-hoi")]
    assert tasks(doc) == [(("uy-ban-phap-luat-va-tu-phap-cua-quoc-hoi",), ("bo-tu-phap",), "Planned", None)]


def test_a_petition_to_a_higher_body_and_a_pledge_are_no_tasks() -> None:
    doc = article("Sở Nội vụ tỉnh Quảng Ninh đề nghị UBND tỉnh cho gia hạn 3 nhiệm vụ đến ngày 31/12/2025.",
                  "Giám đốc Sở cho biết, Sở sẽ hoàn thành 5 nhiệm vụ quá hạn trong quý I/2026.")
    assert tasks(doc) == []


def test_a_department_after_tai_owns_the_figures_told_of_it() -> None:
    doc = article("Đại biểu dẫn chứng, tại Sở Công Thương tỉnh Quảng Ninh còn 215 hồ sơ quá hạn.")
    assert observations(doc) == [("agency", "so-cong-thuong-tinh-quang-ninh", Decimal("215"), "Count", None)]


def posts(doc) -> list[tuple[str, str, str]]:
    return [(f.official.slug, f.role, f.organization.slug) for f in doc.facts if isinstance(f, MembershipFact)]


def test_names_listed_after_a_post_and_a_colon_each_hold_it() -> None:
    doc = article("Dự họp có các đồng chí Phó Chủ tịch UBND tỉnh Quảng Ninh: Cao Tường Huy, Nghiêm Xuân Cường "
                  "và Vũ Văn Diện; lãnh đạo các sở, ngành.")
    assert posts(doc) == [("cao-tuong-huy", "Phó Chủ tịch", "uy-ban-nhan-dan-tinh-quang-ninh"),
                          ("nghiem-xuan-cuong", "Phó Chủ tịch", "uy-ban-nhan-dan-tinh-quang-ninh"),
                          ("vu-van-dien", "Phó Chủ tịch", "uy-ban-nhan-dan-tinh-quang-ninh")]


def test_chanh_van_phong_after_a_name_heads_the_office_named_before() -> None:
    doc = article("Báo cáo của Văn phòng UBND tỉnh Quảng Ninh do ông Nguyễn Văn Thành, Chánh Văn phòng trình bày.")
    assert posts(doc) == [("nguyen-van-thanh", "Chánh Văn phòng", "van-phong-uy-ban-nhan-dan-tinh-quang-ninh")]


def agencies(doc) -> list[str]:
    return sorted({m.key for m in doc.iter_kind("agency")})


def test_in_an_article_about_the_commune_its_title_names_its_bodies_are_named_by_level_alone() -> None:
    doc = process(Document(Path("bai-viet.txt"), "Xã Hòa Quang: bốn tháng vận hành chính quyền hai cấp\n\n"
                           "20/11/2025\n\nXã Hòa Quang, tỉnh Quảng Ninh có 12.000 dân.\n\n"
                           "Chủ tịch UBND xã giao Công an xã hướng dẫn người dân; Văn phòng HĐND và UBND xã rà soát "
                           "hồ sơ.\n"))
    assert agencies(doc) == ["cong-an-xa-hoa-quang", "uy-ban-nhan-dan-xa-hoa-quang",
                             "van-phong-hoi-dong-nhan-dan-va-uy-ban-nhan-dan-xa-hoa-quang"]


def test_bodies_after_cac_are_every_provinces_and_none_is_named() -> None:
    doc = article("Cục Đường bộ Việt Nam đang phối hợp với các Sở Xây dựng rà soát hồ sơ tại Hà Nội.")
    assert agencies(doc) == ["cuc-duong-bo-viet-nam"]


def test_a_request_with_a_deadline_reported_not_done_is_overdue() -> None:
    doc = article("UBND tỉnh Quảng Ninh đã giao Sở Tài chính tỉnh Quảng Ninh hoàn thành phương án trước ngày "
                  "15/10/2025, nhưng đến nay vẫn chưa xong.")
    assert tasks(doc) == [(("uy-ban-nhan-dan-tinh-quang-ninh",), ("so-tai-chinh-tinh-quang-ninh",), "Overdue", None)]
