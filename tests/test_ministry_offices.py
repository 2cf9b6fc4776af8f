"""The office and inspectorate of a ministry, named in full or short in an article about it."""

from __future__ import annotations

from kg.recognize.agencies import recognise_agencies
from kg.recognize.ministry_offices import recognise_ministry_offices
from kg.recognize.places import recognise_places
from tests.docs import lines_doc


def offices(*lines: str) -> list[tuple[str, str, str | None, str]]:
    doc = lines_doc(*lines)
    recognise_places(doc)
    recognise_agencies(doc)
    recognise_ministry_offices(doc)
    return [(m.key, m.attrs["label_en"], m.attrs["parent"], doc.slice(m.span))
            for m in doc.iter_kind("agency") if (m.attrs.get("parent") or "").startswith("bo-")]


def test_the_office_written_short_is_that_of_the_ministry_named_before() -> None:
    assert offices("Bộ Y tế tổ chức hội nghị.", "Chánh Văn phòng Bộ cho biết, Thanh tra Bộ đã kiểm tra 12 đơn vị.") == [
        ("van-phong-bo-y-te", "Office of the Ministry of Health", "bo-y-te", "Văn phòng Bộ"),
        ("thanh-tra-bo-y-te", "Inspectorate of the Ministry of Health", "bo-y-te", "Thanh tra Bộ"),
    ]


def test_the_office_named_with_its_ministry() -> None:
    assert offices("Văn phòng Bộ Tài chính đề xuất phương án.") == [
        ("van-phong-bo-tai-chinh", "Office of the Ministry of Finance", "bo-tai-chinh", "Văn phòng Bộ Tài chính"),
    ]


def test_without_a_ministry_in_the_article_there_is_no_office_of_one() -> None:
    assert offices("Chánh Văn phòng Bộ cho biết kết quả.", "Văn phòng UBND tỉnh Lạng Sơn báo cáo.") == []
