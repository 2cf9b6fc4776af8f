"""Vietnam's provinces and centrally governed cities, in the two lists the articles use.

The 2008 list (63 units, in force until 30 June 2025) and the list of Resolution 202/2025/QH15
(34 units from 1 July 2025). A unit named in both lists is one entry: the 2025 unit keeps the name
of one of the provinces merged into it, so the entry stands for "the unit of that name" and
`formed_from` records which 2008 units make up its 2025 territory (data for a later issue).
The one 2025 name that is new is "Huế", the centrally governed city formed from Thừa Thiên Huế.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from kg.iri import slugify

CITY = "thành phố"
PROVINCE = "tỉnh"
NEW_LIST_DATE = "2025-07-01"


@dataclass(frozen=True)
class Province:
    """A province (tỉnh) or centrally governed city (thành phố trực thuộc Trung ương)."""

    label: str
    kind: str
    in_2008_list: bool = True
    in_2025_list: bool = False
    formed_from: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    needs_prefix: bool = False
    english: str = ""

    @functools.cached_property
    def slug(self) -> str:
        return slugify(self.label)

    @functools.cached_property
    def label_en(self) -> str:
        if self.english:
            return self.english
        return f"{ascii_name(self.label)} {'City' if self.kind == CITY else 'Province'}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


def ascii_name(name: str) -> str:
    """The name without diacritics, capitals kept ("Thừa Thiên Huế" → "Thua Thien Hue")."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _p(label: str, *variants: str, kind: str = PROVINCE, merged: tuple[str, ...] = (), kept: bool = False,
       english: str = "", needs_prefix: bool = False) -> Province:
    """A 2008-list unit; `kept` or `merged` puts it in the 2025 list too (merged: the others joining it)."""
    in_2025 = kept or bool(merged)
    formed = (slugify(label), *(slugify(m) for m in merged)) if in_2025 else ()
    return Province(label, kind, True, in_2025, formed, variants, needs_prefix, english)


PROVINCES: tuple[Province, ...] = (
    _p("Hà Nội", kind=CITY, kept=True, english="Hanoi"),
    _p("Hồ Chí Minh", "HCM", kind=CITY, merged=("Bình Dương", "Bà Rịa - Vũng Tàu"),
       english="Ho Chi Minh City", needs_prefix=True),
    _p("Hải Phòng", kind=CITY, merged=("Hải Dương",)),
    _p("Đà Nẵng", kind=CITY, merged=("Quảng Nam",)),
    _p("Cần Thơ", kind=CITY, merged=("Sóc Trăng", "Hậu Giang")),
    Province("Huế", CITY, in_2008_list=False, in_2025_list=True, formed_from=("thua-thien-hue",),
             needs_prefix=True),
    _p("An Giang", merged=("Kiên Giang",)),
    _p("Bà Rịa - Vũng Tàu", "BR-VT"),
    _p("Bắc Giang"),
    _p("Bắc Kạn", "Bắc Cạn"),
    _p("Bạc Liêu"),
    _p("Bắc Ninh", merged=("Bắc Giang",)),
    _p("Bến Tre"),
    _p("Bình Định"),
    _p("Bình Dương"),
    _p("Bình Phước"),
    _p("Bình Thuận"),
    _p("Cà Mau", merged=("Bạc Liêu",)),
    _p("Cao Bằng", kept=True),
    _p("Đắk Lắk", "Đắc Lắc", "Đắk Lắc", "Đắc Lắk", "Daklak", merged=("Phú Yên",)),
    _p("Đắk Nông", "Đắc Nông", "Daknong"),
    _p("Điện Biên", kept=True),
    _p("Đồng Nai", merged=("Bình Phước",)),
    _p("Đồng Tháp", merged=("Tiền Giang",)),
    _p("Gia Lai", merged=("Bình Định",)),
    _p("Hà Giang"),
    _p("Hà Nam"),
    _p("Hà Tĩnh", kept=True),
    _p("Hải Dương"),
    _p("Hậu Giang"),
    _p("Hòa Bình"),
    _p("Hưng Yên", merged=("Thái Bình",)),
    _p("Khánh Hòa", merged=("Ninh Thuận",)),
    _p("Kiên Giang"),
    _p("Kon Tum", "Kontum"),
    _p("Lai Châu", kept=True),
    _p("Lâm Đồng", merged=("Đắk Nông", "Bình Thuận")),
    _p("Lạng Sơn", kept=True),
    _p("Lào Cai", merged=("Yên Bái",)),
    _p("Long An"),
    _p("Nam Định"),
    _p("Nghệ An", kept=True),
    _p("Ninh Bình", merged=("Hà Nam", "Nam Định")),
    _p("Ninh Thuận"),
    _p("Phú Thọ", merged=("Vĩnh Phúc", "Hòa Bình")),
    _p("Phú Yên"),
    _p("Quảng Bình"),
    _p("Quảng Nam"),
    _p("Quảng Ngãi", merged=("Kon Tum",)),
    _p("Quảng Ninh", kept=True),
    _p("Quảng Trị", merged=("Quảng Bình",)),
    _p("Sóc Trăng"),
    _p("Sơn La", kept=True),
    _p("Tây Ninh", merged=("Long An",)),
    _p("Thái Bình"),
    _p("Thái Nguyên", merged=("Bắc Kạn",)),
    _p("Thanh Hóa", kept=True),
    _p("Thừa Thiên Huế", "TT-Huế", "TT.Huế"),
    _p("Tiền Giang"),
    _p("Trà Vinh"),
    _p("Tuyên Quang", merged=("Hà Giang",)),
    _p("Vĩnh Long", merged=("Bến Tre", "Trà Vinh")),
    _p("Vĩnh Phúc"),
    _p("Yên Bái"),
)


@functools.cache
def province_by_slug() -> dict[str, Province]:
    return {p.slug: p for p in PROVINCES}


def province(slug: str) -> Province:
    return province_by_slug()[slug]


@functools.cache
def successor(slug: str) -> str:
    """The province of the July-2025 list whose territory holds the 2008 unit `slug`."""
    return next(p.slug for p in PROVINCES if p.in_2025_list and slug in p.formed_from)


def is_central_city(slug: str, on_or_after_2025_list: bool) -> bool:
    """Whether the unit is a centrally governed city in the era of the text."""
    unit = province(slug)
    in_list = unit.in_2025_list if on_or_after_2025_list else unit.in_2008_list
    return unit.kind == CITY and in_list
