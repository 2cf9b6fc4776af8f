"""What a reported figure measures, read from the words around it: an indicator code and the
phrase that names the measure, or that it measures nothing (a target, a scope, a group).

The indicator code list lives in `ontology/indicators.ttl`; `INDICATORS` below names the same
codes (a test keeps the two equal), with the units each can be reported in. `match_indicator`
applies ordered keyword rules to the folded phrase (diacritics removed, so "số hóa" and "số hoá"
compare equal); the first rule whose keywords are all present and whose units admit the figure's
unit wins. Growth is read from the unfolded phrase, because folding makes "tăng" (increase)
equal to "tầng" (layer, as in "hạ tầng"). The Vietnamese phrase every observation keeps as its
label, coded or not, is cut by `kg.relate.labels`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.guarded import GuardedPattern, compile_guarded, guarded
from kg.iri import fold

PERCENT = frozenset({"Percent"})
MONEY = frozenset({"VND", "MillionVND", "BillionVND", "TrillionVND", "USD", "MillionUSD"})
COUNT = frozenset({"Count"})
RANK = frozenset({"Rank"})
SCORE = frozenset({"Score", "Percent"})
DAY = frozenset({"Day"})
PERSON = frozenset({"Person", "Count"})


@dataclass(frozen=True)
class Indicator:
    code: str
    measures_change: bool = False


INDICATORS: tuple[Indicator, ...] = (
    Indicator("OneStopProcedureShare"),
    Indicator("OnlineServiceShare"),
    Indicator("OnlineServiceLevel3Share"),
    Indicator("OnlineServiceLevel4Share"),
    Indicator("OnlineServiceLevel3And4Share"),
    Indicator("FullProcessOnlineServiceShare"),
    Indicator("OnlineServiceCount"),
    Indicator("NationalPortalIntegrationShare"),
    Indicator("NationalPortalServiceCount"),
    Indicator("OnTimeResolutionRate"),
    Indicator("LateResolutionRate"),
    Indicator("RecordsReceived"),
    Indicator("RecordsResolved"),
    Indicator("OnlineSubmissionShare"),
    Indicator("DigitisedRecordShare"),
    Indicator("ElectronicResultShare"),
    Indicator("DigitalSignatureShare"),
    Indicator("SatisfactionRate"),
    Indicator("ProcessingTimeReduction", measures_change=True),
    Indicator("TasksAssigned"),
    Indicator("TasksCompletedOnTime"),
    Indicator("TasksCompletedLate"),
    Indicator("TasksInProgress"),
    Indicator("TasksOverdue"),
    Indicator("PlanCompletionShare"),
    Indicator("ProceduresAnnounced"),
    Indicator("ProceduresAdded"),
    Indicator("ProceduresAmended"),
    Indicator("ProceduresAbolished"),
    Indicator("ConnectedSystems"),
    Indicator("DocumentExchangeConnectedShare"),
    Indicator("ICTIndexRank"),
    Indicator("ICTIndexScore"),
    Indicator("PARIndex"),
    Indicator("PARIndexRank"),
    Indicator("SIPAS"),
    Indicator("SIPASRank"),
    Indicator("PAPI"),
    Indicator("PAPIRank"),
    Indicator("PCI"),
    Indicator("PCIRank"),
    Indicator("GRDP"),
    Indicator("GRDPGrowth", measures_change=True),
    Indicator("NewEnterprises"),
    Indicator("NewEnterpriseCapital"),
    Indicator("NewEnterpriseGrowth", measures_change=True),
    Indicator("JobsCreated"),
    Indicator("BudgetRevenue"),
    Indicator("BudgetRevenueGrowth", measures_change=True),
    Indicator("BudgetRevenueEstimateShare", measures_change=True),
    Indicator("DomesticRevenue"),
    Indicator("DomesticRevenueGrowth", measures_change=True),
    Indicator("DomesticRevenueEstimateShare", measures_change=True),
    Indicator("IndustrialConstructionOutput"),
    Indicator("IndustrialConstructionOutputGrowth", measures_change=True),
    Indicator("ServicesOutput"),
    Indicator("ServicesOutputGrowth", measures_change=True),
)

GROWTH_OF: dict[str, str] = {
    "GRDP": "GRDPGrowth",
    "NewEnterprises": "NewEnterpriseGrowth",
    "BudgetRevenue": "BudgetRevenueGrowth",
    "DomesticRevenue": "DomesticRevenueGrowth",
    "IndustrialConstructionOutput": "IndustrialConstructionOutputGrowth",
    "ServicesOutput": "ServicesOutputGrowth",
}

RANK_OF: dict[str, str] = {
    "ICTIndexScore": "ICTIndexRank",
    "PARIndex": "PARIndexRank",
    "SIPAS": "SIPASRank",
    "PAPI": "PAPIRank",
    "PCI": "PCIRank",
}

ESTIMATE_SHARE_OF: dict[str, str] = {
    "BudgetRevenue": "BudgetRevenueEstimateShare",
    "DomesticRevenue": "DomesticRevenueEstimateShare",
}

_GROWTH = re.compile(r"(?<!\w)tăng(?!\s+cường)(?!\w)")
_ESTIMATE = re.compile(r"\b(du toan|ke hoach)\b")
_SHARE = re.compile(r"\b(chiem|ty le|ti le)\b")


@dataclass(frozen=True)
class Rule:
    """`code` when every pattern of `all_of` is in the folded phrase, none of `none_of` is, the
    unit is one of `units`, and (for growth rules) the phrase says "tăng"."""

    code: str
    units: frozenset[str]
    all_of: tuple[re.Pattern[str] | GuardedPattern, ...]
    none_of: tuple[re.Pattern[str] | GuardedPattern, ...] = ()
    growth: bool = False
    # The guard of the first pattern of `all_of`, when it has one: most phrases fail it, and one
    # search of literal words answers faster than the pattern's own call.
    screen: re.Pattern[str] | None = None


def _rule(code: str, units: frozenset[str], *all_of: str | GuardedPattern,
          none_of: tuple[str | GuardedPattern, ...] = (), growth: bool = False) -> Rule:
    patterns = tuple(_pattern(p) for p in all_of)
    screen = patterns[0].gate if isinstance(patterns[0], GuardedPattern) else None
    return Rule(code, units, patterns, tuple(_pattern(p) for p in none_of), growth, screen)


def _pattern(pattern: str | GuardedPattern) -> re.Pattern[str] | GuardedPattern:
    """Most phrases name none of a rule's words, so each pattern is guarded by its literal words
    (see kg.guarded): those of a pattern of plain phrases are found, others are written with it."""
    return pattern if isinstance(pattern, GuardedPattern) else compile_guarded(pattern)


_TASK = r"\bnhiem vu\b"
_PROCEDURE = r"\b(tthc|thu tuc)\b"
_RECORD = r"\bho so\b"
_ICT = guarded(r"\bict ?index\b|san sang (cho )?(phat trien va )?ung dung (cntt|cong nghe thong tin)", "ict", "san sang")
_PAR = guarded(r"\bpar ?index\b|chi so cai cach hanh chinh", "par", "chi so cai cach hanh chinh")
_SIPAS = r"\bsipas\b|chi so hai long"
_PAPI = r"\bpapi\b|hieu qua quan tri va hanh chinh cong"
_PCI = r"\bpci\b|nang luc canh tranh cap tinh"
_NATIONAL_PORTAL = guarded(r"\bcong (dich vu cong|dvc) (quoc gia|qg)\b|\bcong dvcqg\b", "cong dich vu cong", "cong dvc")
_ONLINE_SERVICE = r"dich vu cong truc tuyen|\bdvctt\b|\bdvc truc tuyen|dich vu truc tuyen"
_LEVEL = r"\b(muc|cap) do"
_GRDP = guarded(r"\bgrdp\b|tong san pham (trong tinh|tren dia ban|noi dia)", "grdp", "tong san pham")
_SERVICES = guarded(r"(gia tri san xuat|\bnganh) dich vu|dich vu ?- ?thuong mai|thuong mai ?- ?dich vu", "dich vu")

RULES: tuple[Rule, ...] = (
    _rule("ICTIndexRank", RANK, _ICT),
    _rule("ICTIndexScore", SCORE, _ICT),
    _rule("PARIndexRank", RANK, _PAR),
    _rule("PARIndex", SCORE, _PAR),
    _rule("SIPASRank", RANK, _SIPAS),
    _rule("SIPAS", SCORE, _SIPAS),
    _rule("PAPIRank", RANK, _PAPI),
    _rule("PAPI", SCORE, _PAPI),
    _rule("PCIRank", RANK, _PCI),
    _rule("PCI", SCORE, _PCI),
    _rule("TasksOverdue", COUNT, _TASK, r"dang thuc hien|chua hoan thanh",
          guarded(r"\b(qua|tre) han\b", "qua han", "tre han")),
    _rule("TasksCompletedLate", COUNT, _TASK, r"hoan thanh",
          guarded(r"\b(qua|tre|cham) (han|tien do)\b", "qua han", "tre han", "cham han", "qua tien do",
                  "tre tien do", "cham tien do")),
    _rule("TasksCompletedOnTime", COUNT, _TASK, r"hoan thanh", r"\bdung han\b"),
    _rule("TasksInProgress", COUNT, _TASK, r"dang thuc hien|trong han"),
    _rule("TasksAssigned", COUNT, _TASK, r"\bgiao\b"),
    _rule("PlanCompletionShare", PERCENT, r"\bke hoach\b|\bnhiem vu\b", none_of=(r"\bdung han\b",)),
    _rule("NationalPortalIntegrationShare", PERCENT, _NATIONAL_PORTAL,
          r"tich hop|dang ky|cap nhat|ket noi|dong bo|dua len|\blen\b"),
    _rule("NationalPortalServiceCount", COUNT, _NATIONAL_PORTAL, r"tich hop|cung cap|dua len|\blen\b"),
    _rule("OnTimeResolutionRate", PERCENT,
          guarded(r"\b(dung|truoc) (han|hen)\b", "dung han", "dung hen", "truoc han", "truoc hen")),
    _rule("LateResolutionRate", PERCENT,
          guarded(r"\b(qua|tre|cham) (han|hen)\b", "qua han", "qua hen", "tre han", "tre hen", "cham han", "cham hen")),
    _rule("DigitisedRecordShare", PERCENT, r"\bso hoa\b"),
    _rule("ElectronicResultShare", PERCENT, guarded(r"\bket qua\b.*\bdien tu\b|\bban dien tu\b", "dien tu")),
    _rule("DigitalSignatureShare", PERCENT, r"\bky so\b|chu ky so"),
    _rule("OnlineSubmissionShare", PERCENT,
          guarded(r"\bnop\b.*\b(truc tuyen|qua mang)\b|ho so truc tuyen|tiep nhan truc tuyen", "truc tuyen", "qua mang")),
    _rule("FullProcessOnlineServiceShare", PERCENT, r"\btoan trinh\b"),
    _rule("OnlineServiceLevel3And4Share", PERCENT, guarded(_LEVEL + r" (3|ba) ?(,|va) ?(4|bon)\b", "muc do", "cap do")),
    _rule("OnlineServiceLevel4Share", PERCENT, guarded(_LEVEL + r" (4|bon)\b", "muc do", "cap do")),
    _rule("OnlineServiceLevel3Share", PERCENT, guarded(_LEVEL + r" (3|ba)\b", "muc do", "cap do")),
    _rule("OnlineServiceShare", PERCENT, _ONLINE_SERVICE),
    _rule("OnlineServiceCount", COUNT, _ONLINE_SERVICE + r"|\bdich vu cong\b"),
    _rule("DocumentExchangeConnectedShare", PERCENT, r"truc lien thong van ban"),
    _rule("ConnectedSystems", COUNT, r"\b(ket noi|lien thong|tich hop)\b", r"\bhe thong\b"),
    _rule("OneStopProcedureShare", PERCENT, r"\bmot cua\b"),
    _rule("SatisfactionRate", PERCENT, r"\bhai long\b"),
    _rule("ProcessingTimeReduction", PERCENT | DAY, r"\bthoi gian\b", r"\b(giam|rut ngan|tiet kiem)\b"),
    _rule("ProceduresAdded", COUNT, _PROCEDURE, r"\bthem moi\b|ban hanh moi|\bmoi ban hanh\b"),
    _rule("ProceduresAmended", COUNT, _PROCEDURE, r"\b(sua doi|bo sung|thay the)\b"),
    _rule("ProceduresAbolished", COUNT, _PROCEDURE, r"\b(bai bo|huy bo)\b"),
    _rule("ProceduresAnnounced", COUNT, _PROCEDURE, r"\bcong bo\b"),
    _rule("RecordsReceived", COUNT, _RECORD, r"\btiep nhan\b"),
    _rule("RecordsResolved", COUNT, _RECORD, r"\b(giai quyet|xu ly)\b"),
    _rule("GRDPGrowth", PERCENT, _GRDP, growth=True),
    _rule("GRDP", MONEY, _GRDP),
    _rule("NewEnterpriseCapital", MONEY, r"\bvon\b", r"\bdoanh nghiep\b|\bdang ky\b"),
    _rule("NewEnterpriseGrowth", PERCENT, r"\bdoanh nghiep\b", growth=True),
    _rule("NewEnterprises", COUNT, r"\bdoanh nghiep\b", r"thanh lap|dang ky|\bmoi\b"),
    _rule("JobsCreated", PERSON, r"\bviec lam\b"),
    _rule("BudgetRevenueEstimateShare", PERCENT, r"\bthu ngan sach\b", r"\bdu toan\b"),
    _rule("BudgetRevenueGrowth", PERCENT, r"\bthu ngan sach\b", growth=True),
    _rule("BudgetRevenue", MONEY, r"\bthu ngan sach\b"),
    _rule("DomesticRevenueEstimateShare", PERCENT, r"\bthu noi dia\b", r"\bdu toan\b"),
    _rule("DomesticRevenueGrowth", PERCENT, r"\bthu noi dia\b", growth=True),
    _rule("DomesticRevenue", MONEY, r"\bthu noi dia\b"),
    _rule("IndustrialConstructionOutputGrowth", PERCENT, r"\bcong nghiep\b", r"\bgia tri\b|san xuat",
          growth=True),
    _rule("IndustrialConstructionOutput", MONEY, r"\bcong nghiep\b", r"\bgia tri\b|san xuat"),
    _rule("ServicesOutputGrowth", PERCENT, _SERVICES, growth=True),
    _rule("ServicesOutput", MONEY, _SERVICES),
)

_SPACES = re.compile(r"\s+")
_TARGET = guarded(r"\b(muc tieu|dat chi tieu|phan dau|it nhat|toi thieu|khong duoi|de nghi)\b|(?<!dap ung )\byeu cau\b"
                  r"|\bphai (dat|co|bao dam|dam bao)\b|\b(se|can) (dat|co|duoc)\b"
                  r"|(?<!tinh )(?<!\d )\b(den|toi) (cuoi )?nam( \d{4})?\b(?!.*\bda\b)",
                  "muc tieu", "dat chi tieu", "phan dau", "it nhat", "toi thieu", "khong duoi", "de nghi", "yeu cau", "phai ",
                  "se dat", "se co", "se duoc", "can dat", "can co", "can duoc",
                  "den nam", "toi nam", "den cuoi nam", "toi cuoi nam")
_TASK_STATUS = guarded(r"\bgiao\b|hoan thanh|qua han|qua thoi han|cham gui|dang thuc hien|trong han",
                       "giao", "hoan thanh", "qua han", "qua thoi han", "cham gui", "dang thuc hien", "trong han")
# Counted by status, they are tasks (kg.relate.breakdowns.COUNTED_WORK), not figures.
_TASKS_OR_REPORTS = compile_guarded(r"\b(nhiem vu|bao cao|van ban)\b")
_REPORT_SOURCE = re.compile(r"^\W*(theo )?bao cao\b[^,;]{0,40},")  # "Báo cáo tổng kết cho biết, …": the source
_SCOPE_BEFORE = re.compile(r"\b(tai|o|mot trong|trong so)\s*$|\d[^,;.]*\bdoi voi\s*$")  # "35% … đối với 120"
_SCOPE_NOUN = re.compile(r"^\s*(cấp|lần|tháng|năm|tuần|quý|giờ|con số|nhóm|lĩnh vực|khâu|bước|tỉnh|địa phương|bộ"
                         r"|tập thể|cá nhân|đại biểu|thành viên|buổi)\b")
# "của 11 huyện, thị xã" delimits where; "giảm 4 phường", "còn 102 xã" reports a change.
_PLACES_NOUN = re.compile(r"^\s*(xã|phường|thị trấn|huyện|quận|thị xã)\b")
_PLACES_CHANGED = re.compile(r"\b(giam|tang|con|sap xep|sap nhap|thanh lap)( (duoc|them|xuong|len))?\s*$")
_AFTER_DAYS = re.compile(r"(?<![\w])(sau|keo dai)\s*$")
_NATIONAL_PRODUCT = re.compile(r"\bgdp\b|tong san pham trong nuoc")
_GROUP_NOUN = re.compile(r"(các|một số|nhiều|cả \d+) (tỉnh|địa phương|bộ)\b|bộ, ngành")
_DECLINE = re.compile(r"(?<!\w)giảm(?!\w)")


def indicator_codes() -> frozenset[str]:
    """Every code of the indicator scheme."""
    return frozenset(indicator.code for indicator in INDICATORS)


def measures_change(code: str) -> bool:
    return next(i.measures_change for i in INDICATORS if i.code == code)


def says_growth(phrase: str) -> bool:
    """The phrase reports an increase ("tăng", "tăng trưởng"; not "tăng cường")."""
    return _GROWTH.search(phrase.lower()) is not None


def match_indicator(phrase: str, unit: str | None = None) -> str | None:
    """The indicator code the phrase names, for a figure in `unit` (any unit when None)."""
    folded = _SPACES.sub(" ", fold(phrase))
    growth: bool | None = None  # read once, and only for a growth rule
    for rule in _rules_for(unit):
        if rule.screen is not None and rule.screen.search(folded) is None:
            continue
        if rule.growth:
            if growth is None:
                growth = says_growth(phrase)
            if not growth:
                continue
        if all(p.search(folded) for p in rule.all_of) and not any(p.search(folded) for p in rule.none_of):
            return rule.code
    return None


@cache
def _rules_for(unit: str | None) -> tuple[Rule, ...]:
    """The rules admitting `unit` (all for None), in their order: a figure is matched per unit."""
    return tuple(rule for rule in RULES if unit is None or unit in rule.units)


def measures_nothing(lead: str, sentence: str, phrase: str, after: str, noun: str, unit: str,
                     ratio: bool, written_rate: bool) -> bool:
    """Whether a figure is no reported measure: a target ("mục tiêu", "ít nhất", "đến năm 2025 …
    sẽ"), a count of assigned tasks (tasks, not observations), a scope ("tại 09 đơn vị", "một trong
    3 địa phương", "3 cấp", "02 tháng/lần"), an unnamed group ("95/95 bộ, ngành", "100% các bộ"),
    a duration ("sau 3 ngày làm việc"), the country's own product ("GDP", "tổng sản phẩm trong
    nước"). `lead` is the folded sentence up to the figure, `sentence` the folded sentence, `after`
    the words after the figure and its unit."""
    if _TARGET.search(lead):
        return True
    if unit == "Day" and _AFTER_DAYS.search(lead):
        return True
    if _NATIONAL_PRODUCT.search(fold(phrase)):
        return True
    if not written_rate and _TASK_STATUS.search(sentence) \
            and _TASKS_OR_REPORTS.search(_REPORT_SOURCE.sub("", fold(phrase))) and not (ratio and "ke hoach" in sentence):
        return True
    counted = (noun or after).lower().strip()
    if (ratio or unit == "Count") and _SCOPE_NOUN.match(counted):
        return True
    if unit == "Count" and _SCOPE_BEFORE.search(lead):
        return True
    if unit == "Count" and _PLACES_NOUN.match(counted) and not _PLACES_CHANGED.search(lead):
        return True
    return any(_GROUP_NOUN.match(words) for words in (counted, after.lower()))


def derived_indicator(head: str | None, phrase: str, unit: str, head_phrase: str = "") -> str | None:
    """The indicator of a figure whose own words name no measure but that qualifies the figure
    before it (the head): "…đạt 8.339 tỷ đồng, tăng 2,97%" is the growth of the head, "…, bằng
    50% dự toán" its share of the estimate, "…đạt 91,7%, xếp thứ 1" its rank, "1.650 dịch vụ…,
    chiếm 85%" the share the head's words name; anything else continues the head's list."""
    relation = _relation(head, phrase, unit)
    if head is None or relation is None:
        return None
    if relation == "rank":
        return RANK_OF.get(head)
    if relation == "growth":
        return GROWTH_OF.get(head)
    if relation == "estimate":
        return ESTIMATE_SHARE_OF.get(head)
    if relation == "share":
        return match_indicator(head_phrase, unit)
    return head if relation == "same" else None


def derived_label(head_label: str, phrase: str, unit: str, head: str | None = None) -> str:
    """The label of a figure read from the one before it (see `derived_indicator`)."""
    relation = _relation(head, phrase, unit)
    prefixes = {"rank": "thứ hạng ", "growth": "mức tăng ", "decline": "mức giảm ", "share": "tỷ lệ "}
    prefix = prefixes.get(relation or "", "")
    suffix = " so với dự toán" if relation == "estimate" else ""
    return f"{prefix}{head_label}{suffix}"


def continues(head: str | None, phrase: str, unit: str) -> bool:
    """Whether a figure naming nothing can be read from the one before it (see `derived_indicator`)."""
    return _relation(head, phrase, unit) is not None


def _relation(head: str | None, phrase: str, unit: str) -> str | None:
    """How a figure relates to the one before: rank, growth, estimate, share, or same (the
    next item of a list); None when it cannot continue it."""
    same_units = next((r.units for r in RULES if r.code == head), frozenset({unit}))
    if unit in RANK:
        return "rank"
    if unit in PERCENT and says_growth(phrase):
        return "growth"
    if unit in PERCENT and _DECLINE.search(phrase.lower()):
        return "decline"
    if unit in PERCENT and _ESTIMATE.search(fold(phrase)):
        return "estimate"
    if unit in PERCENT and unit not in same_units and _SHARE.search(fold(phrase)):
        return "share"
    return "same" if unit in same_units else None


def is_change_label(label: str) -> bool:
    """Whether an indicator named only by its label measures a change: the relater names such
    figures "mức tăng …" / "mức giảm …" (see `derived_label`)."""
    return fold(label).startswith(("muc tang ", "muc giam "))
