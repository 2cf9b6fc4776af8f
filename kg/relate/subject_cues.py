"""The words of a sentence that say whose a figure is (`kg.relate.observations` reads them): an
unnamed group ("các tỉnh", "cả nước"), a bare "tỉnh", "huyện", "thành phố", "xã" or "phường", the ministry or
department at hand ("Bộ đã …", "của Sở"), and the words that make a body no subject ("theo", "của",
"với" …) or a reporter ("Theo báo cáo của …").
"""

from __future__ import annotations

import re

from kg.guarded import GuardedPattern, guarded

# Words are written first and what may not stand before them checked after them: a pattern
# opening with a look-behind or "\b" gives `re` nothing to skip ahead to. After a superlative a
# place word is the field compared against, not the subject: "cao nhất tỉnh", "dẫn đầu cả nước".
GROUP = guarded(r"(các(?<!\wcác)|một số(?<!\wmột số)|nhiều(?<!\wnhiều)|cả(?<!\wcả)(?: \d+)?) (tỉnh|địa phương|bộ)\b"
                r"|bộ, ngành(?<!\wbộ, ngành)|cả nước(?<!\wcả nước)(?<!nhất cả nước)(?<!đầu cả nước)\b"
                r"|toàn quốc(?<!\wtoàn quốc)(?<!nhất toàn quốc)(?<!đầu toàn quốc)\b",
                *(f"{many} {place}" for many in ("các", "một số", "nhiều") for place in ("tỉnh", "địa phương", "bộ")),
                "cả ", "bộ, ngành", "toàn quốc")  # a group's words: "tỉnh" alone is in most sentences
# "Điểm trung bình của 63 tỉnh": a figure of a group of places counted, not of one.
AVERAGE = guarded(r"(trung bình|bình quân)(?<!\wtrung bình)(?<!\wbình quân)\b[^,;.]*?\b\d+ (tỉnh|địa phương|bộ)\b",
                  "trung bình", "bình quân")
# "63 tỉnh, thành phố" counts places; "dự toán tỉnh giao" names the giver
# "cấp tỉnh", "cấp huyện" name a level of government, not a place.
PROVINCE_WORD = guarded(r"tỉnh(?<!\wtỉnh)(?<!\d tỉnh)(?<!nhất tỉnh)(?<!đầu tỉnh)(?<!cấp tỉnh)\b(?! giao)"
                        r"(?!\s*[,/]\s*thành phố)", "tỉnh")
# A bare "xã" that is no commune: "thị xã" (a town, a word of its own), "hợp tác xã", "Thông tấn xã".
_NOT_A_COMMUNE = r"(?<!thị xã)(?<!tác xã)(?<!tấn xã)"
UNIT_WORD = GuardedPattern(
    re.compile("(" + "|".join(rf"{w}(?<!\w{w})(?<!\d {w})(?<!tỉnh, {w})(?<!tỉnh/{w})(?<!cấp {w})(?<!các {w})"
                              + (_NOT_A_COMMUNE if w == "xã" else "")
                              for w in ("thành phố", "huyện", "thị xã", "quận", "xã", "phường"))
               + r")\b(?! trực thuộc| hội)"
               # "99 xã, phường", "các xã/phường": kinds of units listed, none of them named
               r"(?<!xã, phường)(?<!xã/phường)(?<!xã và phường)(?<!phường, xã)(?<!phường/xã)(?<!phường và xã)"
               r"(?!, xã|, phường|/xã|/phường| và xã| và phường)"),
    # every match holds one of these; "xã hội" (society), in most articles, none
    re.compile("thành phố|huyện|quận|phường|xã(?! hội)"))
# "Bộ đã …", "tỷ lệ … của Bộ năm 2024", "Sở còn 412 hồ sơ", "Cục còn …": the ministry, department
# or agency at hand
MINISTRY_WORD = guarded(r"(Bộ|Sở|Cục)(?<!\wBộ)(?<!\wSở)(?<!\wCục)"
                        r"(?=\s+(đã|có|còn|cũng|đang|tiếp tục|sẽ|luôn|mới|vẫn)\b)"
                        r"|(Bộ|Sở)(?<=của Bộ|của Sở)\b(?!\s*[A-ZĐ,])|Cục(?<=của Cục)\b(?!\s*[A-ZĐ,])",
                        "Bộ", "Sở", "Cục")
UNIT_PREFIX = {"thành phố": "thanh-pho-", "huyện": "huyen-", "thị xã": "thi-xa-", "quận": "quan-", "xã": "xa-",
               "phường": "phuong-"}
PARTNER_BEFORE = re.compile(r"(?<![\w])voi\s*$")  # "hợp nhất với Bộ …", "phối hợp với Bộ …"
# an owner, source, partner or recipient ("Bộ đã trình Chính phủ ban hành 14 nghị định") is not who reports
NOT_SUBJECT_BEFORE = re.compile(r"\b(theo|cua|bao cao|voi|do|tu|cho|giua|trinh|gui)\s*$")
MEASURE_OF = re.compile(r"\b(ty le|ti le|chi so|so luong|tong so|thu hang|xep hang)\b[^,;:]*\bcua\s*$")  # its owner
REPORTER_BEFORE = re.compile(r"\btheo\b[^,;]*$|\b(bao cao|so lieu|thong ke|cong bo|danh gia) cua\s*$")
PAREN_AFTER_PLACE = re.compile(r"^\s*[(:]?\s*(hon|tren|gan|khoang|dat|duoi)?\s*$")
