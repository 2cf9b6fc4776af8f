"""What a reported figure measures, read from the words around it: an indicator code and the
phrase that names the measure (whether it measures anything at all, a target, a scope or a group
being none, is read by `kg.relate.figures.measures_nothing`).

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
from functools import cache, lru_cache

from kg.guarded import GuardedPattern, guarded, plain_phrases
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

_MEASURES_CHANGE = {indicator.code: indicator.measures_change for indicator in INDICATORS}

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


@dataclass(frozen=True, eq=False)
class _KeyedPattern(GuardedPattern):
    """A guarded pattern that keeps its keywords: a rule screens a phrase with them (`in` tests,
    faster than a search of their alternation)."""

    keywords: tuple[str, ...] = ()


def _keyed(source: str, *keywords: str) -> _KeyedPattern:
    """`guarded(source, *keywords)`, keeping the keywords."""
    pattern = guarded(source, *keywords)
    return _KeyedPattern(pattern.pattern, pattern.gate, keywords)


@dataclass(frozen=True)
class Rule:
    """`code` when every pattern of `all_of` is in the folded phrase, none of `none_of` is, the
    unit is one of `units`, and (for growth rules) the phrase says "tăng"."""

    code: str
    units: frozenset[str]
    all_of: tuple[re.Pattern[str] | GuardedPattern, ...]
    none_of: tuple[re.Pattern[str] | GuardedPattern, ...] = ()
    growth: bool = False
    # The keywords of the first pattern of `all_of`, when it has them: most phrases contain none,
    # and `in` tests answer faster than the pattern's own call.
    screen: frozenset[str] = frozenset()


def _rule(code: str, units: frozenset[str], *all_of: str | _KeyedPattern,
          none_of: tuple[str | _KeyedPattern, ...] = (), growth: bool = False) -> Rule:
    patterns = tuple(_pattern(p) for p in all_of)
    screen = frozenset(patterns[0].keywords) if isinstance(patterns[0], _KeyedPattern) else frozenset()
    return Rule(code, units, patterns, tuple(_pattern(p) for p in none_of), growth, screen)


def _pattern(pattern: str | _KeyedPattern) -> re.Pattern[str] | _KeyedPattern:
    """Most phrases name none of a rule's words, so each pattern is guarded by its literal words
    (see kg.guarded): those of a pattern of plain phrases are found, others are written with it."""
    if isinstance(pattern, _KeyedPattern):
        return pattern
    phrases = plain_phrases(pattern)
    return _keyed(pattern, *phrases) if phrases else re.compile(pattern)


_TASK = r"\bnhiem vu\b"
_PROCEDURE = r"\b(tthc|thu tuc)\b"
_RECORD = r"\bho so\b"
_ICT = _keyed(r"\bict ?index\b|san sang (cho )?(phat trien va )?ung dung (cntt|cong nghe thong tin)", "ict", "san sang")
_PAR = _keyed(r"\bpar ?index\b|chi so cai cach hanh chinh", "par", "chi so cai cach hanh chinh")
_SIPAS = r"\bsipas\b|chi so hai long"
_PAPI = r"\bpapi\b|hieu qua quan tri va hanh chinh cong"
_PCI = r"\bpci\b|nang luc canh tranh cap tinh"
_NATIONAL_PORTAL = _keyed(r"\bcong (dich vu cong|dvc) (quoc gia|qg)\b|\bcong dvcqg\b", "cong dich vu cong", "cong dvc")
_ONLINE_SERVICE = r"dich vu cong truc tuyen|\bdvctt\b|\bdvc truc tuyen|dich vu truc tuyen"
_LEVEL = r"\b(muc|cap) do"
_GRDP = _keyed(r"\bgrdp\b|tong san pham (trong tinh|tren dia ban|noi dia)", "grdp", "tong san pham")
_SERVICES = _keyed(r"(gia tri san xuat|\bnganh) dich vu|dich vu ?- ?thuong mai|thuong mai ?- ?dich vu", "dich vu")

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
          _keyed(r"\b(qua|tre) han\b", "qua han", "tre han")),
    _rule("TasksCompletedLate", COUNT, _TASK, r"hoan thanh",
          _keyed(r"\b(qua|tre|cham) (han|tien do)\b", "qua han", "tre han", "cham han", "qua tien do",
                 "tre tien do", "cham tien do")),
    _rule("TasksCompletedOnTime", COUNT, _TASK, r"hoan thanh", r"\bdung han\b"),
    _rule("TasksInProgress", COUNT, _TASK, r"dang thuc hien|trong han"),
    _rule("TasksAssigned", COUNT, _TASK, r"\bgiao\b"),
    _rule("PlanCompletionShare", PERCENT, r"\bke hoach\b|\bnhiem vu\b", none_of=(r"\bdung han\b",)),
    _rule("NationalPortalIntegrationShare", PERCENT, _NATIONAL_PORTAL,
          r"tich hop|dang ky|cap nhat|ket noi|dong bo|dua len|\blen\b"),
    _rule("NationalPortalServiceCount", COUNT, _NATIONAL_PORTAL, r"tich hop|cung cap|dua len|\blen\b"),
    _rule("OnTimeResolutionRate", PERCENT,
          _keyed(r"\b(dung|truoc) (han|hen)\b", "dung han", "dung hen", "truoc han", "truoc hen")),
    _rule("LateResolutionRate", PERCENT,
          _keyed(r"\b(qua|tre|cham) (han|hen)\b", "qua han", "qua hen", "tre han", "tre hen", "cham han", "cham hen")),
    _rule("DigitisedRecordShare", PERCENT, r"\bso hoa\b"),
    _rule("ElectronicResultShare", PERCENT, _keyed(r"\bket qua\b.*\bdien tu\b|\bban dien tu\b", "dien tu")),
    _rule("DigitalSignatureShare", PERCENT, r"\bky so\b|chu ky so"),
    _rule("OnlineSubmissionShare", PERCENT,
          _keyed(r"\bnop\b.*\b(truc tuyen|qua mang)\b|ho so truc tuyen|tiep nhan truc tuyen", "truc tuyen", "qua mang")),
    _rule("FullProcessOnlineServiceShare", PERCENT, r"\btoan trinh\b"),
    _rule("OnlineServiceLevel3And4Share", PERCENT, _keyed(_LEVEL + r" (3|ba) ?(,|va) ?(4|bon)\b", "muc do", "cap do")),
    _rule("OnlineServiceLevel4Share", PERCENT, _keyed(_LEVEL + r" (4|bon)\b", "muc do", "cap do")),
    _rule("OnlineServiceLevel3Share", PERCENT, _keyed(_LEVEL + r" (3|ba)\b", "muc do", "cap do")),
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

_DECLINE = re.compile(r"(?<!\w)giảm(?!\w)")


def indicator_codes() -> frozenset[str]:
    """Every code of the indicator scheme."""
    return frozenset(indicator.code for indicator in INDICATORS)


def measures_change(code: str) -> bool:
    return _MEASURES_CHANGE[code]


def says_growth(phrase: str) -> bool:
    """The phrase reports an increase ("tăng", "tăng trưởng"; not "tăng cường")."""
    return _GROWTH.search(phrase.lower()) is not None


def match_indicator(phrase: str, unit: str | None = None, folded: str | None = None) -> str | None:
    """The indicator code the phrase names, for a figure in `unit` (any unit when None); `folded`
    is `fold(phrase)` when the caller has it."""
    folded = _single_spaced(fold(phrase) if folded is None else folded)
    growth: bool | None = None  # read once, and only for a growth rule
    for rule in _screened(unit, folded):
        if rule.growth:
            if growth is None:
                growth = says_growth(phrase)
            if not growth:
                continue
        first = rule.all_of[0]  # its keywords, the screen, are in the phrase: its pattern alone tells
        if (first.pattern if isinstance(first, _KeyedPattern) else first).search(folded) is not None \
                and all(_holds(p, folded) for p in rule.all_of[1:]) \
                and not any(_holds(p, folded) for p in rule.none_of):
            return rule.code
    return None


def _found(pattern: _KeyedPattern, text: str) -> bool:
    """Whether `pattern` is found in `text`: its keywords first, with `in` tests."""
    return any(word in text for word in pattern.keywords) and pattern.pattern.search(text) is not None


def _holds(pattern: re.Pattern[str] | GuardedPattern, text: str) -> bool:
    return _found(pattern, text) if isinstance(pattern, _KeyedPattern) else pattern.search(text) is not None


def _single_spaced(text: str) -> str:
    """`re.sub(r"\\s+", " ", text)`: each run of blanks one space. `str.split` splits at the same
    blanks as `\\s` and faster; it drops those at the ends, which the substitution keeps as one."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


@dataclass(frozen=True)
class _UnitRules:
    """The rules admitting a unit, in their order, and the words of their screens: a phrase is
    looked at once for each word, not once for each rule."""

    rules: tuple[Rule, ...]
    words: tuple[str, ...]


def _screened(unit: str | None, folded: str) -> tuple[Rule, ...]:
    """The rules admitting `unit` whose screen the folded phrase passes, in their order."""
    return _passing(unit, tuple(word for word in _rules_for(unit).words if word in folded))


@lru_cache(maxsize=1024)
def _passing(unit: str | None, found: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules admitting `unit` unscreened or screened by one of the words `found`: phrases find
    few sets of words, so each set is sorted out once."""
    return tuple(rule for rule in _rules_for(unit).rules if not rule.screen or not rule.screen.isdisjoint(found))


@cache
def _rules_for(unit: str | None) -> _UnitRules:
    """The rules admitting `unit` (all for None): a figure is matched per unit."""
    rules = tuple(rule for rule in RULES if unit is None or unit in rule.units)
    return _UnitRules(rules, tuple(sorted({word for rule in rules for word in rule.screen})))


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
