"""The kinds of body every province (and city or district) has, and how their names are built.

"UBND tỉnh Thái Nguyên", "Ủy ban nhân dân tỉnh Thái Nguyên", "Sở Nội vụ tỉnh Thái Nguyên": a head
naming the kind of body, then the place. The public administration service centre (Trung tâm
Phục vụ hành chính công) is deliberately absent: the team counts it as a facility, like the
one-stop desks and the national portal, not as a body. `heads` match whatever their case when `any_case` (the
full forms are often written in lower case), else with a capital first letter; `abbreviations`
only with their capitals.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.gazetteer.agencies import SECTORS, Sector

UBND = "ubnd"


@dataclass(frozen=True)
class BodyKind:
    """A kind of local body; `{place}` in the labels is "tỉnh X", "thành phố X" or a unit label."""

    key: str
    label: str
    label_en: str
    heads: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    any_case: bool = False
    parent: str | None = None
    for_units: bool = True
    needs_level: bool = True
    party: bool = False
    district_only: bool = False  # a district's body alone: without a place, the district at hand


def _department(sector: Sector) -> BodyKind:
    return BodyKind(
        f"so:{sector.name}",
        f"Sở {sector.name} {{place}}",
        f"Department of {sector.english} of {{place_en}}",
        tuple(f"Sở {name}" for name in sector.names),
        tuple(f"Sở {a}" for a in sector.abbreviations),
        parent=UBND,
        for_units=False,
        needs_level=False,
    )


def _district_office(name: str, english: str) -> BodyKind:
    return BodyKind(f"phong:{name}", f"Phòng {name} {{place}}", f"{english} Office of {{place_en}}", (f"Phòng {name}",),
                    parent=UBND, needs_level=False, district_only=True)


def _party_board(head: str, english: str) -> BodyKind:
    """A board of a provincial party committee: "Ban Tổ chức Tỉnh ủy"."""
    return BodyKind(f"party:{head}", f"{head} {{party}} {{name}}", f"{english} of the {{place_en}} Party Committee",
                    (f"{head} Tỉnh ủy", f"{head} Thành ủy"), for_units=False, needs_level=False, party=True)


# The offices of a district's People's Committee (before the two-level reform of July 2025).
DISTRICT_OFFICES = (
    ("Nội vụ", "Home Affairs"), ("Tư pháp", "Justice"), ("Tài chính - Kế hoạch", "Finance and Planning"),
    ("Tài nguyên và Môi trường", "Natural Resources and Environment"),
    ("Lao động - Thương binh và Xã hội", "Labour, Invalids and Social Affairs"),
    ("Văn hóa và Thông tin", "Culture and Information"), ("Văn hóa - Thông tin", "Culture and Information"),
    ("Giáo dục và Đào tạo", "Education and Training"), ("Y tế", "Health"), ("Kinh tế", "Economy"),
    ("Kinh tế và Hạ tầng", "Economy and Infrastructure"), ("Quản lý đô thị", "Urban Management"),
    ("Nông nghiệp và Phát triển nông thôn", "Agriculture and Rural Development"), ("Dân tộc", "Ethnic Affairs"),
    # a commune's or ward's offices after July 2025
    ("Kinh tế, Hạ tầng và Đô thị", "Economy, Infrastructure and Urban Affairs"),
    ("Văn hóa - Xã hội", "Culture and Society"),
)
PARTY_BOARDS = (
    ("Ban Tổ chức", "Organisation Commission"), ("Ban Tuyên giáo", "Propaganda and Education Commission"),
    ("Ban Dân vận", "Mass Mobilisation Commission"), ("Ban Nội chính", "Internal Affairs Commission"),
    ("Ban Tuyên giáo và Dân vận", "Propaganda, Education and Mass Mobilisation Commission"),
    ("Ủy ban Kiểm tra", "Inspection Commission"), ("Văn phòng", "Office"),
)

BODY_KINDS: tuple[BodyKind, ...] = (
    BodyKind(UBND, "Ủy ban nhân dân {place}", "People's Committee of {place_en}", ("Ủy ban nhân dân",),
             ("UBND",), any_case=True),
    BodyKind("hdnd", "Hội đồng nhân dân {place}", "People's Council of {place_en}", ("Hội đồng nhân dân",),
             ("HĐND",), any_case=True),
    BodyKind("party", "{party} {name}", "{place_en} Party Committee", ("Tỉnh ủy", "Thành ủy"),
             any_case=True, for_units=False, needs_level=False, party=True),
    BodyKind("office", "Văn phòng Ủy ban nhân dân {place}", "Office of the People's Committee of {place_en}",
             ("Văn phòng Ủy ban nhân dân",), ("Văn phòng UBND",), parent=UBND),
    BodyKind("inspectorate", "Thanh tra {place}", "Inspectorate of {place_en}", ("Thanh tra",), parent=UBND),
    BodyKind("joint-office", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {place}",
             "Office of the People's Council and People's Committee of {place_en}",
             ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",), ("Văn phòng HĐND và UBND",), parent=UBND),
    BodyKind("police", "Công an {place}", "Police of {place_en}", ("Công an",)),
    BodyKind("land-registry", "Văn phòng Đăng ký đất đai {place}", "Land Registration Office of {place_en}",
             ("Văn phòng Đăng ký đất đai",), for_units=False, needs_level=False),
    *(_department(s) for s in SECTORS if s.has_department),
    *(_district_office(name, english) for name, english in DISTRICT_OFFICES),
    *(_party_board(head, english) for head, english in PARTY_BOARDS),
)


@functools.cache
def body_kind_by_key() -> dict[str, BodyKind]:
    return {b.key: b for b in BODY_KINDS}


def capitalised_heads() -> tuple[str, ...]:
    """The heads and abbreviations of every kind of body, all written with a capital first."""
    return tuple(name for kind in BODY_KINDS for name in (*kind.heads, *kind.abbreviations))


# How the slugs of bodies open, by the head a text may write them with alone ("Giám đốc Sở trình
# bày", "Sở còn 412 hồ sơ"): the body of that head named before is meant.
KEY_PREFIX_OF_HEAD = {"Văn phòng": "van-phong-", "Sở": "so-", "Bộ": "bo-", "Cục": "cuc-", "Vụ": "vu-", "Ban": "ban-",
                      "Phòng": "phong-"}
