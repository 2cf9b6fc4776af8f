"""Recognise numbers written in Vietnamese notation, with their unit, counted noun and qualifier.

Notation: "." groups thousands and "," is the decimal mark ("2.132" = 2132, "79,4" = 79.4).
Two English habits also occur in Vietnamese news and are read as such: a dot followed by one or
two digits just before "%" is a decimal point ("93.86%"), and several ",ddd" groups are thousands
("1,234,567"). A single comma is always the decimal mark, even with three digits after it
("2,975" = 2.975), because that is how Vietnamese writes decimals. A dot-decimal that is not a
percentage ("4.0", "2.5") is a version label or a code and is not a number. Counts of a thousand
or more are written with a dot, so a plain "2022" is a year and is left out. A number ending a
name is no number either: references ("Điều 5"), hamlets ("thôn 3") and numbered works ("cầu Rạch
Miễu 2").

Each mention's attrs:
- value (Decimal) and unit: Percent, Count, Person, Day, VND, MillionVND, BillionVND,
  TrillionVND, USD, MillionUSD, Rank, Score, or None for a bare number ("là 99"). Money takes
  the largest unit of the code list its written magnitude allows ("1,2 nghìn tỷ đồng" = 1.2
  TrillionVND, "50 nghìn đồng" = 50000 VND); "nghìn"/"triệu" before a noun scale the count.
- noun: what is counted or measured, when a noun follows: a known noun ("thủ tục hành chính",
  "hồ sơ", "TTHC" …), else the next one or two words up to a function word; "điểm phần trăm"
  for percentage points. In a change "từ 260 xuống còn 85 đơn vị" both count the noun after the
  second. Places gained or lost in a ranking ("tăng 6 bậc") are a Rank, of noun "bậc".
- qualifier: more_than, less_than, at_least, at_most (tối đa, không quá), about, or None.
- numerator/denominator for ratios ("18/64" has value 18; "24/7" is not a ratio).
- role "level" for service levels ("mức độ 3, 4"), which are identifiers, not quantities.

Numbers are never read inside a directive number or a period, nor in codes (COVID-19, 4G),
times (14:25), references (Điều 5, Ảnh 2) or ordinals (lần thứ 2); "thứ 2" is a rank only after
vị trí / xếp / đứng / hạng, in a list after such a rank ("xếp thứ 15 và thứ 22"), or before a score
in brackets ("Hà Tĩnh thứ 24 (66,41 điểm)").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.document import Document, Mention
from kg.guarded import digit_runs_by_span, finditer_at, literal_words

_NUMBER_TEXT = r"\d+(?:[.,]\d+)*"
_TOKEN = re.compile(
    rf"(?<![\w/:\-])(?<!\d[.,])(?P<a>{_NUMBER_TEXT})(?:\s?/\s?(?P<b>{_NUMBER_TEXT}))?"
    r"(?![\w/:\-]|[.,]\d)"
)
_VIETNAMESE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")

_REFERENCES = ("Điều", "Khoản", "Chương", "Mục", "Ảnh", "Hình", "Bảng", "Phụ lục")
# Places and works whose name ends in a number: a hamlet ("thôn 3", "tổ dân phố 5") or a bridge, a
# port, a road, a plant named and numbered ("cầu Rạch Miễu 2", "Nhà máy nhiệt điện Vĩnh Tân 4").
_HAMLETS = frozenset(("thôn", "ấp", "khóm", "bản", "buôn"))
_HAMLET_PHRASES = ("tổ dân phố", "khu phố")
_WORKS = frozenset(("cầu", "cảng", "đường"))
_NOT_A_WORK_BEFORE = frozenset(("yêu", "nhu"))  # "yêu cầu", "nhu cầu"
_LONGEST_WORK_NAME = 4  # words
_NAME_CUE = re.compile(r"thôn|ấp|khóm|bản|buôn|phố|cầu|cảng|đường|máy", re.IGNORECASE)  # a word of each above


def _ends_a_name(before: str) -> bool:
    """Whether the words right before a number name a hamlet or a work the number ends the name of."""
    if not before[-1:].isspace() or _NAME_CUE.search(before) is None:  # one search rules out most numbers
        return False
    words = before.split()[-(_LONGEST_WORK_NAME + 4):]
    if not words:
        return False
    if words[-1].lower() in _HAMLETS or " ".join(words[-3:]).lower().endswith(_HAMLET_PHRASES):
        return not (len(words) >= 2 and words[-2].isdecimal())  # "3 bản 2 thôn": counts
    name = 0
    while name < len(words) and name < _LONGEST_WORK_NAME and words[-1 - name].isalpha() \
            and words[-1 - name][0].isupper():
        name += 1
    lead = [w.lower() for w in words[:len(words) - name]]
    if name >= 2 and words[-name].lower() in _WORKS:  # "Cầu Ô Môn 2" opening a sentence
        return True
    if not name or not lead:
        return False
    if lead[-1] in _WORKS:
        return not (len(lead) >= 2 and lead[-2] in _NOT_A_WORK_BEFORE)
    return "nhà máy" in " ".join(lead[-5:])


_LEVEL_BEFORE = re.compile(
    r"(?:mức\s+độ|cấp\s+độ)\s+(?:\d(?:\s*(?:,|và|hoặc|-|đến)\s*\d)*\s*(?:,|và|hoặc|-|đến)\s*)?$",
    re.IGNORECASE,
)
_PLAIN_LEVEL_BEFORE = re.compile(r"(?<!\w)mức\s+$", re.IGNORECASE)
_RANK_WORD = r"(?<!\w)(?:vị\s+trí|(?<!sắp\s)xếp(?:\s+hạng)?|đứng|hạng)"  # not "sắp xếp"
_RANK_BEFORE = re.compile(rf"{_RANK_WORD}(?:\s+(?:vị\s+trí|hạng))?\s+(?:thứ\s+)?$", re.IGNORECASE)
# An ordinal in a list after a rank ("xếp thứ 15 và thứ 22", "đứng thứ 3, thứ 7") or before a score in
# brackets ("Hà Tĩnh thứ 24 (66,41 điểm)") is a rank too.
_RANK_LISTED_BEFORE = re.compile(
    rf"{_RANK_WORD}\s+(?:thứ\s+)?\d+(?:/\d+)?"
    r"(?:\s*,\s*(?:thứ\s+)?\d+(?:/\d+)?)*\s*(?:,|và)\s*thứ\s+$", re.IGNORECASE)
_SCORE_IN_BRACKETS_AFTER = re.compile(r"(?:/\d+)?\s*\(\s*[\d.,]+\s+điểm\s*\)", re.IGNORECASE)
_CHANGED_TO = re.compile(r"\s+(?:(?:xuống|lên|giảm|tăng)\s+)?(?:còn|đến|tới|xuống|lên)\s+\d[\d.,]*(?![\w/%])")
_ORDINAL_BEFORE = re.compile(r"(?<!\w)thứ\s+$", re.IGNORECASE)
_DATE_CUE_BEFORE = re.compile(r"(?<!\w)(?:ngày|hôm|sáng|trưa|chiều|tối|đêm)\s+$", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?P<q>khoảng\s+gần|xấp\s+xỉ|khoảng|gần|chừng|ít\s+nhất|tối\s+thiểu|không\s+dưới|"
    r"không\s+ít\s+hơn|tối\s+đa|không\s+quá|không\s+vượt\s+quá|nhỏ\s+hơn|ít\s+hơn|thấp\s+hơn|"
    r"chưa\s+đến|chưa\s+tới|chưa\s+đầy|dưới|vượt\s+quá|cao\s+hơn|nhiều\s+hơn|lớn\s+hơn|hơn|trên|vượt)"
    r"\s+$",
    re.IGNORECASE,
)
_WORDS_ONLY_BEFORE = (_RANK_BEFORE, _ORDINAL_BEFORE, _QUALIFIER_BEFORE, _PLAIN_LEVEL_BEFORE, _DATE_CUE_BEFORE)
"""The patterns above made only of words: each ends with whitespace and holds at most five words
(xếp hạng vị trí thứ), so a match starts at one of the last five words before the number and
ends with one of the pattern's own words."""
_WORDS_BEFORE = re.compile(
    r"\s+[^\W\d_]+()(?:\s+[^\W\d_]+()(?:\s+[^\W\d_]+()(?:\s+[^\W\d_]+()(?:\s+[^\W\d_]+())?)?)?)?"
)
"""On the reversed text before a number: its last five words, each followed by whitespace, an
empty group marking where each starts."""
_THEIR_WORDS = sorted(set().union(*(literal_words(p.pattern) for p in _WORDS_ONLY_BEFORE)), key=len, reverse=True)
_THEIR_LAST_WORD = re.compile(
    rf"\s+(?:{'|'.join(re.escape(w[::-1]) for w in _THEIR_WORDS)})(?![^\W\d_])", re.IGNORECASE
)
"""On the reversed text before a number: one of the words of _WORDS_ONLY_BEFORE as its last."""
_QUALIFIERS = {
    "khoảng gần": "about", "xấp xỉ": "about", "khoảng": "about", "gần": "about", "chừng": "about",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least",
    "không ít hơn": "at_least", "tối đa": "at_most", "không quá": "at_most",
    "không vượt quá": "at_most", "nhỏ hơn": "less_than", "ít hơn": "less_than",
    "thấp hơn": "less_than", "chưa đến": "less_than", "chưa tới": "less_than",
    "chưa đầy": "less_than", "dưới": "less_than", "vượt quá": "more_than",
    "cao hơn": "more_than", "nhiều hơn": "more_than", "lớn hơn": "more_than",
    "hơn": "more_than", "trên": "more_than", "vượt": "more_than",
}

_PERCENT_AFTER = re.compile(r"\s?(?:%|(?P<points>điểm\s+)?phần\s+trăm(?!\w))", re.IGNORECASE)
_MONEY_AFTER = re.compile(
    r"\s+(?:(?P<mult>nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ|tỷ|tỉ|triệu|nghìn|ngàn)\s+)?"
    r"(?P<cur>đồng|VNĐ|VND|USD|đô\s+la(?:\s+Mỹ)?)(?!\w)"
    r"|\s+(?P<bare>nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ|tỷ|tỉ)(?!\w)(?!\s+(?:người|lượt))",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(
    r"\s+điểm(?=\s*(?:[,.;:)]|$)|\s+(?:so|trên|và|tăng|giảm|xếp|đứng))", re.IGNORECASE
)
_SCALE_AFTER = re.compile(r"\s+(nghìn|ngàn|triệu)(?!\w)", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
"""Counts of a thousand or more are written with a dot ("2.022"), so a plain "2022" is a year."""
_MULTIPLIERS = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9, "nghìn tỷ": 12, "ngàn tỷ": 12,
                "nghìn tỉ": 12, "ngàn tỉ": 12}
_VND_UNITS = {0: "VND", 6: "MillionVND", 9: "BillionVND", 12: "TrillionVND"}
_USD_UNITS = {0: "USD", 6: "MillionUSD"}

_KNOWN_NOUNS = (
    "thủ tục hành chính", "dịch vụ công trực tuyến", "dịch vụ công", "dịch vụ", "nhiệm vụ", "TTHC",
    "hồ sơ", "doanh nghiệp", "hệ thống", "đơn vị", "địa phương", "cơ quan", "văn bản",
    "bộ, ngành", "bộ", "ngành", "tỉnh, thành phố", "tỉnh", "thành phố", "huyện", "xã", "phường",
    "sở", "dự án", "đề án", "quyết định", "kiến nghị", "phản ánh", "chỉ tiêu", "khoản phí",
    "giấy phép", "điều kiện kinh doanh", "cấp", "lượt", "lần", "mô hình", "sáng kiến", "tháng",
    "năm", "tuần", "giờ",
)
_PERSON_NOUNS = ("lao động", "cán bộ", "công chức", "viên chức", "đại biểu", "người dân", "người",
                 "học sinh", "sinh viên", "đảng viên", "lượt người", "biên chế")
_DAY_NOUNS = ("ngày làm việc", "ngày")
_NOUN_AFTER = re.compile(
    r"\s+(?P<known>"
    + "|".join(re.escape(n) for n in sorted(_KNOWN_NOUNS + _PERSON_NOUNS + _DAY_NOUNS, key=len, reverse=True))
    + r")(?!\w)"
)
_STOP_WORDS = frozenset(
    "là và được đã đang sẽ có của trong tại với so cho từ đến tới trên dưới theo về để thì mà "
    "nhưng hoặc hay này đó khi nên vì do bị bởi lên xuống ra vào đạt tăng giảm chiếm bằng trở "
    "như gồm còn cũng đều thuộc nhằm đúng trước quá trễ chậm sớm".split()
)
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w&]*)")
_DETERMINER_AFTER = re.compile(r"\s+(?:các|những|mọi|số)(?=\s)")


@lru_cache(maxsize=4096)
def parse_vietnamese_number(text: str) -> Decimal:
    """The value of a number written in Vietnamese (or common English) notation. Cached: articles
    repeat their figures, and a Decimal is immutable.

    Raises ValueError for text that is not a number in either notation.
    """
    digits = text.strip()
    if digits.isdecimal():  # the commonest case of the next, without its regex
        return Decimal(digits)
    if _VIETNAMESE.fullmatch(digits):
        return Decimal(digits.replace(".", "").replace(",", "."))
    if _ENGLISH_THOUSANDS.fullmatch(digits):
        return Decimal(digits.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", digits):
        return Decimal(digits)
    raise ValueError(f"not a number: {text!r}")


@lru_cache(maxsize=4096)
def canonical_number(value: Decimal) -> str:
    """The key of a number mention: plain decimal text without exponent or trailing zeros. Cached
    (equal values, such as 2 and 2.0, have the same key; no value is negative)."""
    return format(value.normalize(), "f")


def recognise_numbers(doc: Document) -> None:
    claimed = [m for m in doc.mentions if m.kind in ("directive", "period")]
    # a token starts a run of digits (its look-behind rules out a digit before it)
    for sentence, runs in zip(doc.sentences, digit_runs_by_span(doc.text, doc.sentences)):
        if not runs:
            continue
        text = doc.slice(sentence)
        offset = sentence.start
        # a token overlaps a directive or period only if it overlaps one of those of its sentence
        near = [(m.start - offset, m.end - offset) for m in claimed if m.start < sentence.end and offset < m.end]
        for match in finditer_at(_TOKEN, text, runs):
            if near and _overlaps_any(near, match.start(), match.end()):
                continue
            for start, end, attrs in _read(text, match):
                value = attrs["value"]
                doc.add(Mention(sentence.start + start, sentence.start + end, "number",
                                canonical_number(value), attrs))


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (as `Span.overlaps` says): a sentence holds
    few, and no Span is made per token."""
    for span_start, span_end in spans:
        if span_start < end and start < span_end:
            return True
    return False


def _read(text: str, match: re.Match[str]) -> list[tuple[int, int, dict[str, object]]]:
    """The number mentions (offsets within the sentence, attrs) one matched token stands for."""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 80]
    token, denominator_text = match.group("a"), match.group("b")
    if before.rstrip().endswith(_REFERENCES):  # "Điều 5", "Ảnh 2": blanks at most between
        return []
    if denominator_text is None and _ends_a_name(before):  # "thôn 3", "cầu Rạch Miễu 2"
        return []
    # "mức độ", "cấp độ": no level without "độ" (which has no other case-insensitive spelling)
    if denominator_text is None and "độ" in before.lower() and _LEVEL_BEFORE.search(before):
        return _levels(match)
    words = _word_starts(before)
    is_rank = bool(words) and bool(_RANK_BEFORE.search(before, words[-1]))
    if not is_rank and words and _ORDINAL_BEFORE.search(before, words[0]):
        if not (_RANK_LISTED_BEFORE.search(before) or _SCORE_IN_BRACKETS_AFTER.match(after)):
            return []
        is_rank = True  # "xếp thứ 15 và thứ 22", "Hà Tĩnh thứ 24 (66,41 điểm)"
    try:
        value = parse_vietnamese_number(token)
        denominator = parse_vietnamese_number(denominator_text) if denominator_text else None
    except ValueError:
        return []
    if denominator_text and _YEAR_LIKE.fullmatch(denominator_text):
        return []
    if denominator is not None:
        return _ratio(match, value, denominator, is_rank, before, words, after)
    if is_rank:
        return [(match.start(), match.end(), _attrs(value, "Rank", None, None))]
    percent = _PERCENT_AFTER.match(after)
    if "." in token and _DOT_DECIMAL.fullmatch(token) and not percent:  # its matches hold a dot
        return []
    qualifier = _qualifier(before, words)
    if percent:
        noun = "điểm phần trăm" if percent.group("points") else _noun(after[percent.end() :])[0]
        return [(match.start(), match.end(), _attrs(value, "Percent", noun, qualifier))]
    money = _MONEY_AFTER.match(after)
    if money:
        scaled, unit = _money(value, money)
        return [(match.start(), match.end(), _attrs(scaled, unit, None, qualifier))]
    if _SCORE_AFTER.match(after):
        return [(match.start(), match.end(), _attrs(value, "Score", None, qualifier))]
    if words and _PLAIN_LEVEL_BEFORE.search(before, words[0]) and value <= 4:
        return _levels(match)
    scale = _SCALE_AFTER.match(after)
    if scale:
        value = value.scaleb(_MULTIPLIERS[scale.group(1).lower()])
        after = after[scale.end() :]
    noun, unit = _noun(after)
    if noun is None and not scale and _ends_with_from(before):
        change = _CHANGED_TO.match(after)
        if change:  # "từ 260 xuống còn 85 đơn vị": the first counts what the second does
            noun, unit = _noun(after[change.end():])
    if len(token) == 4 and _YEAR_LIKE.fullmatch(token) and not scale:  # a year is four digits
        return []
    if noun and _RANK_STEPS.match(noun) and _RANK_CHANGE_BEFORE.search(before):
        noun, unit = "bậc", "Rank"
    return [(match.start(), match.end(), _attrs(value, unit if noun else None, noun, qualifier))]


# "tăng 6 bậc", "giảm 3 bậc so với năm trước": places gained or lost in a ranking
_RANK_STEPS = re.compile(r"bậc(?!\w)(?!\s+lương)", re.IGNORECASE)  # not "tăng 1 bậc lương"
_RANK_CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|tụt|lên|xuống|vượt)(?:\s+thêm)?\s+$", re.IGNORECASE)


def _ratio(
    match: re.Match[str], numerator: Decimal, denominator: Decimal, is_rank: bool, before: str,
    words: list[int], after: str,
) -> list[tuple[int, int, dict[str, object]]]:
    """"18/64 nhiệm vụ" is 18 of 64; "24/7" (numerator above denominator) and "ngày 5/6" are not
    ratios."""
    if (words and _DATE_CUE_BEFORE.search(before, words[0])) or denominator == 0:
        return []
    if is_rank:
        attrs = _attrs(numerator, "Rank", None, None)
    elif numerator <= denominator:
        noun = _noun(after)[0]
        attrs = _attrs(numerator, "Count", noun, _qualifier(before, words))
    else:
        return []
    attrs["numerator"] = numerator
    attrs["denominator"] = denominator
    return [(match.start(), match.end(), attrs)]


def _levels(match: re.Match[str]) -> list[tuple[int, int, dict[str, object]]]:
    """"mức độ 3,4" written without a space is two levels, not 3.4."""
    found = []
    offset = match.start("a")
    for part in re.finditer(r"\d+", match.group("a")):
        attrs = _attrs(Decimal(part.group()), None, None, None)
        attrs["role"] = "level"
        found.append((offset + part.start(), offset + part.end(), attrs))
    return found


def _money(value: Decimal, money: re.Match[str]) -> tuple[Decimal, str]:
    """Scale the value to the largest unit of the code list the written magnitude allows."""
    multiplier = " ".join((money.group("mult") or money.group("bare") or "").lower().split())
    exponent = _MULTIPLIERS.get(multiplier, 0)
    currency = (money.group("cur") or "đồng").lower()
    units = _USD_UNITS if currency == "usd" or currency.startswith("đô") else _VND_UNITS
    unit_exponent = max(e for e in units if e <= exponent)
    return value.scaleb(exponent - unit_exponent), units[unit_exponent]


def _word_starts(before: str) -> list[int]:
    """Where the last (up to five) words of `before` start, the last first, when only whitespace
    follows each; none when its last word is none of the words of _WORDS_ONLY_BEFORE (or it does
    not end with whitespace), as then none of them can match."""
    reversed_before = before[::-1]
    if _THEIR_LAST_WORD.match(reversed_before) is None:
        return []
    words = _WORDS_BEFORE.match(reversed_before)
    return [len(before) - end for end, _ in words.regs[1:] if end >= 0] if words else []


def _ends_with_from(before: str) -> bool:
    r"""Whether `before` ends with the word "từ" (any case) and whitespace: what a search for
    `(?<!\w)từ\s+$` tells (its look-behind made `re` try it at every position)."""
    word = before.rstrip()
    if len(word) == len(before) or word[-2:].lower() != "từ":
        return False
    return len(word) == 2 or not (word[-3].isalnum() or word[-3] == "_")


def _qualifier(before: str, words: list[int]) -> str | None:
    """The qualifier (of at most three words) ending right before the number."""
    match = _QUALIFIER_BEFORE.search(before, words[min(2, len(words) - 1)]) if words else None
    return _QUALIFIERS[" ".join(match.group("q").lower().split())] if match else None


def _noun(after: str) -> tuple[str | None, str]:
    """The counted noun right after a number (a known noun, else up to three content words) and
    the unit it implies."""
    determiner = _DETERMINER_AFTER.match(after)
    if determiner:
        after = after[determiner.end() :]
    known = _NOUN_AFTER.match(after)
    if known:
        noun = known.group("known")
        if noun in _PERSON_NOUNS:
            return noun, "Person"
        if noun in _DAY_NOUNS:
            return noun, "Day"
        return noun, "Count"
    words: list[str] = []
    position = 0
    while len(words) < 2:
        word = _WORD_AFTER.match(after, position)
        if not word or word.group(1).lower() in _STOP_WORDS:
            break
        words.append(word.group(1))
        position = word.end()
    return (" ".join(words), "Count") if words else (None, "Count")


def _attrs(value: Decimal, unit: str | None, noun: str | None, qualifier: str | None) -> dict[str, object]:
    return {"value": value, "unit": unit, "noun": noun, "qualifier": qualifier}
