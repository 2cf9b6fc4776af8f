"""Written figures: a number mention on its own, or a ratio or a count and the rate stated with it
("2.132/2.132 thủ tục (tỷ lệ 100%)", "18/64 nhiệm vụ, đạt 28,13%", "8.538 hồ sơ …, đạt 99,1%"), which
are one figure, the rate.

A bare ratio ("thực hiện được 18/64 nhiệm vụ") is the share it implies, in Percent rounded to two
decimals, with numerator and denominator; after "thứ", "hạng" ("xếp thứ 5/63") it is a rank; a
ratio whose numerator exceeds its denominator ("14/5") is no share and gets no unit.

`measures_nothing` tells the figures that are no reported measure: targets, counts of assigned
tasks, scopes, unnamed groups, durations, the country's product.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from kg.document import Mention, Span, SpanIndex
from kg.guarded import GuardedPattern, compile_guarded, guarded, search_at_end

RANK_BEFORE = re.compile(r"\b(thu|hang|vi tri)\s*$")
RANK_WORDS = ("thu", "hang", "vi tri")  # one ends every match, blanks aside
RANK_REACH = 6  # the longest words of RANK_BEFORE: see `kg.guarded.search_at_end`
RATE_AFTER_PERCENT = re.compile(r"\s*%?\s*\(\s*")
RATE_OF_ANOTHER_WHOLE = re.compile(r"\s*%?\s*(?:tổng|so với|của|trên|kế hoạch|dự toán)(?!\w)", re.IGNORECASE)
# "3.127 hồ sơ quá hạn, chiếm 6,67%", "257.453 hồ sơ, đạt tỷ lệ 62,4%": the rate is the count's share;
# after a bare "đạt" ("4.215 hồ sơ, đạt 99,1%") it may measure something else, and both are figures.
SHARE_OF_COUNT = re.compile(r"chiếm|bằng|tỷ lệ|tỉ lệ", re.IGNORECASE)
COUNT_THEN_RATE = re.compile(r"[^,;.()%\d]{0,80},\s*(?:đạt|chiếm|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*")
CLAUSE_END = re.compile(r"[;:]")
LEVEL_WORDS = ("muc do", "cap do")
LEVEL_BEFORE = guarded(r"\b(muc|cap) do[\s\d,]*(va\s*)?$", *LEVEL_WORDS)
# A number naming a document or a programme ("Nghị quyết 18", "Đề án 06"), not a figure.
DOCUMENT_WORDS = ("nghi quyet", "nghi dinh", "quyet dinh", "chi thi", "thong tu", "cong van", "thong bao", "ket luan",
                  "luat", "de an", "chuong trinh", "du an")
IDENTIFIER_BEFORE = guarded(rf"(\b({'|'.join(DOCUMENT_WORDS)})( so)?\s*|[a-z]-)$", *DOCUMENT_WORDS, "-")
IDENTIFIER_REACH = max(map(len, DOCUMENT_WORDS)) + len(" so")  # see `kg.guarded.search_at_end`
IDENTIFIER_ENDS = (*DOCUMENT_WORDS, " so", "-")  # one ends every match, blanks aside

_TARGET_WORDS = ("muc tieu", "dat chi tieu", "phan dau", "it nhat", "toi thieu", "khong duoi", "de nghi", "yeu cau", "phai ",
                 "se dat", "se co", "se duoc", "can dat", "can co", "can duoc",
                 "den nam", "toi nam", "den cuoi nam", "toi cuoi nam")
_TARGET = guarded(r"\b(muc tieu|dat chi tieu|phan dau|it nhat|toi thieu|khong duoi|de nghi)\b|(?<!dap ung )\byeu cau\b"
                  r"|\bphai (dat|co|bao dam|dam bao)\b|\b(se|can) (dat|co|duoc)\b"
                  r"|(?<!tinh )(?<!\d )\b(den|toi) (cuoi )?nam( \d{4})?\b(?!.*\bda\b)", *_TARGET_WORDS)
_TARGET_WORD_REACH = max(map(len, _TARGET_WORDS))
_TASK_STATUS_WORDS = ("giao", "hoan thanh", "qua han", "qua thoi han", "cham gui", "dang thuc hien", "trong han")
_TASK_STATUS = guarded(r"\bgiao\b|hoan thanh|qua han|qua thoi han|cham gui|dang thuc hien|trong han", *_TASK_STATUS_WORDS)
# Counted by status, they are tasks (kg.relate.breakdowns.COUNTED_WORK), not figures.
_TASKS_OR_REPORTS = compile_guarded(r"\b(nhiem vu|bao cao|van ban|kien nghi)\b")
_REPORT_SOURCE = re.compile(r"^\W*(theo )?bao cao\b[^,;]{0,40},")  # "Báo cáo tổng kết cho biết, …": the source
_SCOPE_BEFORE = re.compile(r"\b(tai|o|mot trong|trong so)\s*$|\d[^,;.]*\bdoi voi\s*$")  # "35% … đối với 120"
_SCOPE_WORDS = ("tai", "o", "mot trong", "trong so", "doi voi")  # the last words of every match, blanks aside
_SCOPE_NOUN = re.compile(r"^\s*(cấp|lần|tháng|năm|tuần|quý|giờ|con số|nhóm|lĩnh vực|khâu|bước|tỉnh|địa phương|bộ"
                         r"|tập thể|cá nhân|đại biểu|thành viên|buổi|tiêu chí|chỉ số thành phần|phiếu)\b")
# A value of the period compared with, not of the one reported: "đạt 91,3% (cùng kỳ năm 2024 là
# 84,7%)", "trong khi trước sắp xếp, con số này chỉ quanh mức 50%".
_BASE_BEFORE = re.compile(r"(?<![\w])(?:cung ky(?: nam (?:truoc|\d{4}))?\s*(?:la|dat|chi dat|chi la|o muc)"
                          r"|truoc (?:sap xep|khi sap xep|do)\b[^;.]{0,20}\bcon so nay\b[^;.]{0,40})\s*$")
# "của 11 huyện, thị xã" delimits where; "giảm 4 phường", "còn 102 xã" reports a change, but not
# what a new unit was formed of ("thành lập trên cơ sở sắp xếp 5 phường cũ").
_PLACES_NOUN = re.compile(r"^\s*(xã|phường|thị trấn|huyện|quận|thị xã)\b")
_PLACES_CHANGED = re.compile(r"(?<!tren co so )\b(giam|tang|con|sap xep|sap nhap|thanh lap)( (duoc|them|xuong|len))?\s*$")
_AFTER_DAYS = re.compile(r"(?<![\w])(sau|keo dai)\s*$")
_NATIONAL_PRODUCT_WORDS = ("gdp", "tong san pham trong nuoc")
_NATIONAL_PRODUCT = guarded(r"\bgdp\b|tong san pham trong nuoc", *_NATIONAL_PRODUCT_WORDS)
_GROUP_NOUN = re.compile(r"(các|một số|nhiều|cả \d+) (tỉnh|địa phương|bộ)\b|bộ, ngành")
_GROUP_NOUN_STARTS = ("các ", "một số ", "nhiều ", "cả ", "bộ, ngành")  # how every match starts


RATE_WORDS_BETWEEN = 8  # at most, between a ratio and the rate stated with it
SHARE_WORDS_BETWEEN = 30  # … when the rate is the ratio's share


class Figure(NamedTuple):
    """A written figure: one number mention, or a ratio and the rate stated with it (a named
    tuple: one is made for every number, and a tuple is made fastest)."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    numerator: Decimal | None
    denominator: Decimal | None
    noun: str
    written_rate: bool
    inner: str = ""  # the words between a ratio and its rate


def figure_numbers(numbers: list[Mention], folded: str, sentence: Span, dated: SpanIndex) -> list[Mention]:
    """The number mentions of a sentence (in order) that may be figures: not service levels
    ("mức độ 3"), the digits of dates and document numbers (`dated`), nor numbers naming a
    document or a programme ("Nghị quyết 18", "Đề án 06"); `folded` is the text folded."""
    # Without a keyword of LEVEL_BEFORE in the sentence, no lead in it can end with a level.
    level_words = any(folded.find(word, sentence.start, sentence.end) >= 0 for word in LEVEL_WORDS)
    return [m for m in numbers if _is_figure_number(m, folded, sentence.start, dated, level_words)]


def _is_figure_number(mention: Mention, folded: str, sentence_start: int, dated: SpanIndex, level_words: bool) -> bool:
    if mention.attrs.get("role") == "level":
        return False
    if dated.overlaps(mention.span):
        return False
    if level_words and LEVEL_BEFORE.search(folded[sentence_start:mention.start]):
        return False
    words_end = mention.start  # the lead's words end here: `lead.rstrip()` without copying the lead
    while words_end > sentence_start and folded[words_end - 1].isspace():
        words_end -= 1
    return not (folded.endswith(IDENTIFIER_ENDS, sentence_start, words_end)
                and search_at_end(IDENTIFIER_BEFORE, folded[sentence_start:mention.start], IDENTIFIER_REACH))


def figures_of(text: str, folded: str, sentence_start: int, numbers: list[Mention]) -> list[Figure]:
    """The figures the number mentions of one sentence (in order) write; `folded` is `text` folded."""
    figures: list[Figure] = []
    i = 0
    while i < len(numbers):
        first, second = numbers[i], numbers[i + 1] if i + 1 < len(numbers) else None
        if second is not None and _is_ratio(first) and second.attrs.get("unit") == "Percent" \
                and _rate_follows(text[first.end:second.start], _states_its_share(first, second)):
            figures.append(_paired(first, second, first, second, text[first.end:second.start]))
            i += 2
        elif second is not None and first.attrs.get("unit") == "Percent" and _is_ratio(second) \
                and RATE_AFTER_PERCENT.fullmatch(text, first.end, second.start):
            figures.append(_paired(first, second, second, first, ""))
            i += 2
        elif second is not None and _is_count_with_its_rate(first, second, text) \
                and (paired := _count_and_rate(first, second, text[first.end:second.start], figures)) is not None:
            figures.append(paired)
            i += 2
        else:
            lead = folded[sentence_start:first.start]
            rank = lead.rstrip().endswith(RANK_WORDS) \
                and search_at_end(RANK_BEFORE, lead, RANK_REACH) is not None
            figures.append(_single(first, rank))
            i += 1
    return figures


def _is_ratio(mention: Mention) -> bool:
    return mention.attrs.get("numerator") is not None and mention.attrs.get("denominator") is not None


def _rate_follows(between: str, share: bool) -> bool:
    """The words between a ratio and a percentage tie them: "thủ tục (tỷ lệ", "nhiệm vụ, đạt"; or
    more words, when the percentage is the ratio's share (`share`): "226/398 thủ tục hành chính của
    Bộ đã được cung cấp dịch vụ công trực tuyến toàn trình, đạt 56,8%"."""
    return ";" not in between and "." not in between \
        and len(between.split()) <= (SHARE_WORDS_BETWEEN if share else RATE_WORDS_BETWEEN)


def _states_its_share(ratio: Mention, rate: Mention) -> bool:
    denominator = Decimal(ratio.attrs["denominator"])
    return bool(denominator) and _rounds_to(Decimal(ratio.attrs["numerator"]) * 100 / denominator, rate.attrs["value"])


def _is_count_with_its_rate(count: Mention, rate: Mention, text: str) -> bool:
    """"257.453 hồ sơ nộp trực tuyến, đạt tỷ lệ 62,4%", "đúng hạn 20.912 hồ sơ, đạt 99,64%": a
    count and, right after its words, the share it makes (never above 100%); not a share of
    another whole ("512 quy định, chiếm 18,7% tổng số quy định được cắt giảm"), a second figure."""
    return count.attrs.get("unit") == "Count" and bool(count.attrs.get("noun")) and not _is_ratio(count) \
        and rate.attrs.get("unit") == "Percent" and rate.attrs["value"] <= 100 \
        and COUNT_THEN_RATE.fullmatch(text, count.end, rate.start) is not None \
        and RATE_OF_ANOTHER_WHOLE.match(text, rate.end) is None


def _count_and_rate(count: Mention, rate: Mention, between: str, earlier: list[Figure]) -> Figure | None:
    """The rate, with the count as numerator over the last count before it when the rate is
    that share as rounded ("tiếp nhận 412.586 hồ sơ, trong đó 257.453 …, đạt tỷ lệ 62,4%"), or
    alone when the words call it the count's share (`SHARE_OF_COUNT`); None when they do not, and
    the count and the rate are two figures."""
    value, counted = rate.attrs["value"], count.attrs["value"]
    total = next((f.value for f in reversed(earlier) if f.unit == "Count" and f.numerator is None), None)
    if total is not None and total > counted and _rounds_to(counted * 100 / total, value):
        return Figure(count.start, rate.end, value, "Percent", counted, total, "", True, between)
    if SHARE_OF_COUNT.search(between):
        return Figure(count.start, rate.end, value, "Percent", None, None, "", True, between)
    return None


def _rounds_to(share: Decimal, rate: Decimal) -> bool:
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return share.quantize(places) == rate.quantize(places)


def _paired(first: Mention, second: Mention, ratio: Mention, rate: Mention, between: str) -> Figure:
    return Figure(first.start, second.end, rate.attrs["value"], "Percent", Decimal(ratio.attrs["numerator"]),
                  Decimal(ratio.attrs["denominator"]), "", True, between)


def _single(mention: Mention, rank: bool) -> Figure:
    """One number mention as a figure; a ratio after "thứ", "hạng" ("xếp thứ 5/63") is a rank."""
    noun = mention.attrs.get("noun") or ""
    if _is_ratio(mention):
        numerator, denominator = Decimal(mention.attrs["numerator"]), Decimal(mention.attrs["denominator"])
        if rank:
            return Figure(mention.start, mention.end, numerator, "Rank", None, None, "", False)
        if not 0 < numerator <= denominator:  # "14/5" is a date, not a share
            return Figure(mention.start, mention.end, numerator, None, None, None, noun, False)
        return Figure(mention.start, mention.end, _share(numerator, denominator), "Percent",
                      numerator, denominator, noun, False)
    unit = mention.attrs.get("unit")
    return Figure(mention.start, mention.end, mention.attrs["value"], unit, None, None, noun, unit == "Percent")


def _share(numerator: Decimal, denominator: Decimal) -> Decimal:
    share = (numerator * 100 / denominator).quantize(Decimal("0.01"))
    return share.quantize(Decimal(1)) if share == share.to_integral_value() else share.normalize()


class SentenceWords:
    """What `measures_nothing` reads of a whole sentence, read once for all its figures."""

    def __init__(self, folded: str, start: int, end: int) -> None:
        self.folded, self.start, self.end = folded, start, end
        # The leads of the figures grow with them: how far no target word was found, and where
        # one ends, so that the sentence is searched once, not once for each figure.
        self._clear_to = start
        self._target_end: int | None = None
        self.words = folded[start:end]  # the folded sentence
        # What the figures of the sentence all ask of its words.
        self.asks = self.words.startswith("giao ")
        self.compares = "cung ky" in self.words or "con so nay" in self.words
        self._task_status: bool | None = None

    def lead(self, position: int) -> str:
        """The folded sentence up to `position`."""
        return self.folded[self.start:position]

    def target_word_before(self, position: int) -> bool:
        """Whether a keyword of `_TARGET` is in the lead up to `position`: a search from where
        the last one asked found none, back by the longest keyword (one may straddle that end)."""
        if position <= self._clear_to:
            return False
        if self._target_end is not None and self._target_end <= position:
            return True
        found = _TARGET.gate.search(self.folded, max(self.start, self._clear_to - _TARGET_WORD_REACH), position)
        if found is None:
            self._clear_to = position
            return False
        self._target_end = found.end()
        return True

    @property
    def task_status(self) -> bool:
        """Whether the sentence says how assigned work stands ("giao", "hoàn thành", "quá hạn" …)."""
        if self._task_status is None:
            self._task_status = _found(_TASK_STATUS, _TASK_STATUS_WORDS, self.words)
        return self._task_status


def measures_nothing(sentence: SentenceWords, position: int, folded_phrase: str, after: str, noun: str, unit: str,
                     ratio: bool, written_rate: bool) -> bool:
    """Whether a figure is no reported measure: a target ("mục tiêu", "ít nhất", "đến năm 2025 …
    sẽ", a sentence asking "Giao Bộ … bảo đảm 100% …"), a count of assigned tasks (tasks, not observations), a scope ("tại 09 đơn vị", "một trong
    3 địa phương", "3 cấp", "02 tháng/lần"), an unnamed group ("95/95 bộ, ngành", "100% các bộ"),
    a duration ("sau 3 ngày làm việc"), a value of the period compared with ("cùng kỳ năm 2024 là
    84,7%"), the country's own product ("GDP", "tổng sản phẩm trong
    nước"). The figure starts at `position` in `sentence`; `folded_phrase` is its phrase folded,
    `after` the words after the figure and its unit."""
    if sentence.target_word_before(position) and _TARGET.pattern.search(sentence.lead(position)):
        return True
    if sentence.asks:  # "Giao Bộ … bảo đảm 100% …": what is asked, a target
        return True
    if unit == "Day" and _AFTER_DAYS.search(sentence.lead(position)):
        return True
    if sentence.compares and _BASE_BEFORE.search(sentence.lead(position)):  # its words are in every match
        return True
    if _found(_NATIONAL_PRODUCT, _NATIONAL_PRODUCT_WORDS, folded_phrase):
        return True
    if not written_rate and sentence.task_status \
            and _TASKS_OR_REPORTS.search(_REPORT_SOURCE.sub("", folded_phrase)) \
            and not (ratio and "ke hoach" in sentence.words):
        return True
    counted = (noun or after).lower().strip()
    if (ratio or unit == "Count") and _SCOPE_NOUN.match(counted):
        return True
    if unit == "Count":
        lead = sentence.lead(position)
        if lead.rstrip().endswith(_SCOPE_WORDS) and _SCOPE_BEFORE.search(lead):
            return True
        if _PLACES_NOUN.match(counted) and not _PLACES_CHANGED.search(lead):
            return True
    return _names_group(counted) or _names_group(after.lower())


def _names_group(words: str) -> bool:
    return words.startswith(_GROUP_NOUN_STARTS) and _GROUP_NOUN.match(words) is not None


def _found(pattern: GuardedPattern, keywords: tuple[str, ...], text: str) -> bool:
    """Whether `pattern`, guarded by `keywords`, is found in `text`: `in` tests of these few
    keywords answer faster than the guard's search of their alternation."""
    for word in keywords:  # a loop, not `any` of a generator: called for every figure
        if word in text:
            return pattern.pattern.search(text) is not None
    return False
