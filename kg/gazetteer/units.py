"""Cities and towns inside provinces (pre-2025 district level) whose name differs from their
province's, so that "thành phố Phúc Yên" can be placed in Vĩnh Phúc without the article saying so.

A unit named like its province ("thành phố Thái Nguyên", "thành phố Huế" before 2025) needs no
entry: the recogniser places it in the province of that name.
"""

from __future__ import annotations

import functools

from kg.gazetteer.matching import normalise
from kg.iri import slugify

_UNITS_BY_PROVINCE: dict[str, tuple[str, ...]] = {
    "Thừa Thiên Huế": ("Huế", "Hương Thủy", "Hương Trà"),
    "Vĩnh Phúc": ("Vĩnh Yên", "Phúc Yên"),
    "Thái Nguyên": ("Sông Công", "Phổ Yên"),
    "An Giang": ("Long Xuyên", "Châu Đốc", "Tân Châu"),
    "Bà Rịa - Vũng Tàu": ("Vũng Tàu", "Bà Rịa", "Phú Mỹ"),
    "Bắc Ninh": ("Từ Sơn",),
    "Bình Định": ("Quy Nhơn", "An Nhơn"),
    "Bình Dương": ("Thủ Dầu Một", "Dĩ An", "Thuận An", "Tân Uyên", "Bến Cát"),
    "Bình Phước": ("Đồng Xoài", "Bình Long", "Phước Long"),
    "Bình Thuận": ("Phan Thiết", "La Gi"),
    "Đắk Lắk": ("Buôn Ma Thuột", "Buôn Hồ"),
    "Đắk Nông": ("Gia Nghĩa",),
    "Điện Biên": ("Điện Biên Phủ", "Mường Lay"),
    "Đồng Nai": ("Biên Hòa", "Long Khánh"),
    "Đồng Tháp": ("Cao Lãnh", "Sa Đéc", "Hồng Ngự"),
    "Gia Lai": ("Pleiku", "An Khê", "Ayun Pa"),
    "Hà Nam": ("Phủ Lý", "Duy Tiên"),
    "Hà Nội": ("Sơn Tây",),
    "Hải Dương": ("Chí Linh", "Kinh Môn"),
    "Hậu Giang": ("Vị Thanh", "Ngã Bảy", "Long Mỹ"),
    "Hồ Chí Minh": ("Thủ Đức",),
    "Khánh Hòa": ("Nha Trang", "Cam Ranh", "Ninh Hòa"),
    "Kiên Giang": ("Rạch Giá", "Hà Tiên", "Phú Quốc"),
    "Lâm Đồng": ("Đà Lạt", "Bảo Lộc"),
    "Lào Cai": ("Sa Pa",),
    "Long An": ("Tân An", "Kiến Tường"),
    "Nghệ An": ("Vinh", "Cửa Lò", "Thái Hòa", "Hoàng Mai"),
    "Ninh Bình": ("Tam Điệp",),
    "Ninh Thuận": ("Phan Rang - Tháp Chàm", "Phan Rang"),
    "Phú Thọ": ("Việt Trì", "Phú Thọ"),
    "Phú Yên": ("Tuy Hòa", "Sông Cầu", "Đông Hòa"),
    "Quảng Bình": ("Đồng Hới", "Ba Đồn"),
    "Quảng Nam": ("Tam Kỳ", "Hội An", "Điện Bàn"),
    "Quảng Ninh": ("Hạ Long", "Móng Cái", "Cẩm Phả", "Uông Bí", "Đông Triều", "Quảng Yên"),
    "Quảng Trị": ("Đông Hà",),
    "Sóc Trăng": ("Vĩnh Châu", "Ngã Năm"),
    "Tây Ninh": ("Hòa Thành", "Trảng Bàng"),
    "Thanh Hóa": ("Sầm Sơn", "Bỉm Sơn", "Nghi Sơn"),
    "Tiền Giang": ("Mỹ Tho", "Gò Công", "Cai Lậy"),
    "Trà Vinh": ("Duyên Hải",),
    "Vĩnh Long": ("Bình Minh",),
    "Yên Bái": ("Nghĩa Lộ",),
    "Hải Phòng": ("Thủy Nguyên",),
}


@functools.cache
def unit_provinces() -> dict[str, str]:
    """Normalised unit name → province slug."""
    return {normalise(unit): slugify(province) for province, units in _UNITS_BY_PROVINCE.items() for unit in units}


@functools.cache
def unit_names() -> dict[str, str]:
    """Normalised unit name → the name with its diacritics."""
    return {normalise(unit): unit for units in _UNITS_BY_PROVINCE.values() for unit in units}
