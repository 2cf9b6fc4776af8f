"""Recognise periods of time: dates, months, quarters, years, spans and ranges.

Each period mention's key is the normalised text the contract's `rk:refPeriod` wants:
`2020-06-12` (date), `2020-03` (month), `2025-Q1` (quarter), `2019` (year), `2019,2020`
(years, with `values`), `2019-01/2019-04` (span: the first or last months of a year, or the months before the article's
own in its year, "9 tháng qua"),
`2021/2025` (range). Year-like periods may carry `bound`: "until" (đến năm 2030, đến hết năm
2025, tầm nhìn 2045), "since" (từ năm 2013), "end" (cuối năm 2020), "start" (đầu năm 2020),
"before" (trước năm 2025), "after" (sau năm 2025). "Cuối năm X" stays the year X with bound
"end" rather than a made-up 31 December, since the text gives no day.

A period whose year the text leaves out ("Chiều 14/5", "6 tháng đầu năm", "Trong 10 tháng," opening
a sentence, "quý I", "trong tháng 9", but not "ngày 5 tháng 9", a day, nor "tháng 9 năm ngoái") takes the
year of the article (doc.meta.issued), else an explicit year of the same sentence, else the year
of the last dated, monthly or quarterly period the article gave before it, else it is not
emitted. A day/month pair without year is a date only after a word that announces a date
(ngày, hôm, sáng, chiều, tối, a weekday), because "18/64" and "6/6 tỉnh" are ratios and "24/7"
is round-the-clock. A bare month/year ("trước 3/2020") is a month: counts that large would be
written with a thousands dot.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from kg.document import Document, Mention, Sentence
from kg.guarded import NearAnchors, digit_runs_by_span, literal_words

DATE_TEXT = (
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s*(?:năm\s+|/\s*)(?P<wy>(?:19|20)\d{2})"
    r"|(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})"
)
"""A full date in any of its written forms, as regex text for other recognisers to embed."""

_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)")


def spelled_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """`literal_words` of the pattern but for its group names, which no text holds: fewer words for
    `NearAnchors` to try."""
    return literal_words(_GROUP_NAME.sub(" ", pattern.pattern))


_YEAR = r"(?:19|20)\d{2}"
_END = r"(?![\w/]|[.,\-]\d)"
_START = r"(?<![\w.,/\-])"
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DATE_CUE = r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)"

# The kinds of period, tried in this order; each is one named group.
_DATES = (
    rf"(?P<dates>từ\s+(?:ngày\s+)?(?P<fd>\d{{1,2}})\s*(?P<fs>[/-])\s*(?P<fm>\d{{1,2}})(?:\s*(?P=fs)\s*(?P<fy>{_YEAR}))?"
    rf"\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
    rf"(?P<td>\d{{1,2}})\s*(?P<ts>[/-])\s*(?P<tm>\d{{1,2}})\s*(?P=ts)\s*(?P<ty>{_YEAR}){_END})"
)
# an index's edition, its abbreviation maybe in brackets after its name: "PCI 2024", "(SIPAS) 2024"
_INDEX_NAME = r"(?:PAR\s*INDEX|SIPAS|PAPI|PCI|DTI|ICT\s*Index|ICTIndex)"
_INDEX = rf"(?P<index>{_INDEX_NAME}\)?\s+(?P<xy>{_YEAR}){_END})"
_INDEX_IN_BRACKETS_BEFORE = re.compile(rf"{_INDEX_NAME}\)\s+$", re.IGNORECASE)
_INDEX_REACH = 16  # the longest name, its bracket and some space
_RANGE = (
    rf"(?P<range>(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?|từ\s+năm\s+|năm\s+)?"
    rf"(?P<r1>{_YEAR})\s*(?:[-–—]|đến(?:\s+năm)?|tới(?:\s+năm)?)\s*(?P<r2>{_YEAR}){_END})"
)
_SPAN = (
    rf"(?P<span>(?P<n>\d{{1,2}})\s+tháng\s+(?:(?:(?P<edge>đầu|cuối)\s+)?năm"
    rf"(?:\s+(?P<sy>{_YEAR})|(?!\s+(?:ngoái|trước|qua|sau|tới|kế)(?!\w))){_END}|(?P<past>(?:vừa\s+)?qua)(?!\w)))"
)
# "Trong 10 tháng, toàn tỉnh có …" opening a sentence (or what follows its colon): the months of the year
# so far, as "10 tháng đầu năm" says; elsewhere "trong 3 tháng" is a length of time.
_OPENING_MONTHS = r"(?P<opening>(?:(?<=^trong )|(?<=: trong ))(?P<on>\d{1,2})\s+tháng(?=\s*,))"
_QUARTER = rf"(?P<quarter>quý\s+(?P<q>iv|i{{1,3}}|[1-4])(?:\s*(?:/|năm|-)\s*(?P<qy>{_YEAR}))?(?![\w/]))"
_DATE = rf"(?P<date>(?:ngày\s+)?(?:{DATE_TEXT}){_END})"
_MONTH = (
    rf"(?P<month>tháng\s+(?P<mm>\d{{1,2}})(?:\s*(?:/|năm|-)\s*(?P<my>{_YEAR})|(?!\s*(?:/|-|năm\s)))(?!\d){_END}"
    rf"|(?P<bm>\d{{1,2}})/(?P<by>{_YEAR}){_END})"
)
_DAYMONTH = rf"(?P<daymonth>{_DATE_CUE}\s+(?:ngày\s+)?(?P<dd>\d{{1,2}})\s*[/-]\s*(?P<dm>\d{{1,2}})(?![\w/]|[.,\-]\d))"
_YEARS = rf"(?P<years>(?:các\s+)?năm\s+(?P<y1>{_YEAR})(?P<more>(?:\s*(?:,|và)\s*(?:năm\s+)?{_YEAR}{_END})+))"
_ONE_YEAR = (
    r"(?P<year>(?:(?P<bound>(?:đến|tới)(?:\s+hết)?|hết|từ|sau|cuối|đầu|trước|tầm\s+nhìn(?:\s+đến)?)\s+)?"
    rf"năm\s+(?P<yy>{_YEAR}){_END})"
)
_VISION = rf"(?P<vision>tầm\s+nhìn\s+(?:đến\s+)?(?P<vy>{_YEAR}){_END})"
_THIS_YEAR = r"(?P<thisyear>(?:(?P<tbound>cuối|đầu)\s+)?năm\s+nay(?!\w))"

_PERIOD = re.compile(
    _START
    + r"(?=[\dgtnqhscđpi])(?:"
    + "|".join((_DATES, _INDEX, _RANGE, _SPAN, _OPENING_MONTHS, _QUARTER, _DATE, _MONTH, _DAYMONTH, _YEARS,
                _ONE_YEAR, _VISION, _THIS_YEAR))
    + ")",
    re.IGNORECASE,
)
# The kinds that may start with a digit, in the same order: at a digit the others fail at once, so
# this gives what _PERIOD gives there (the same groups by name) without trying them.
_PERIOD_AT_DIGIT = re.compile(_START + "(?:" + "|".join((_RANGE, _SPAN, _OPENING_MONTHS, _DATE, _MONTH)) + ")",
                              re.IGNORECASE)
_ANCHOR_WORDS = (("nay", "nay"), ("quy", "quý"))
"""Periods are anchored on a run of digits, or on "quý" or "nay" in any case (the folded word,
then the word lower-cased, see `_word_anchors`). Every period holds a digit but "năm nay" and
"quý II"; before its first digit (or "quý", "nay") come at most four words, such as "giai đoạn
từ năm" or "tầm nhìn đến năm", separated by whitespace, and the period starts at the first of
them or at the anchor itself."""
_WORDS_BEFORE = NearAnchors(4, spelled_words(_PERIOD))
_FIRST_DIGITS = re.compile(
    _START + r"(?:\d{1,2}(?!\d)\s*(?:[/.\-]|tháng|năm)|(?:19|20)\d{2}(?!\d)|(?<=tháng )\d{1,2}(?!\d))", re.IGNORECASE
)
"""What every period holds at its first run of digits (when no "quý" comes before it): a day or a
month (before "/", ".", "-", "tháng" or "năm"; "6 tháng", "3/2025", "tháng 3 năm 2025") or a
year, after what may precede a period (_START: nor may lead words end there, as they end in
whitespace). Runs of digits that are not (counts such as "12 thủ tục", "100%") start no period,
nor do the words before them."""
_ANY_YEAR = re.compile(rf"(?<![\w.,/\-]){_YEAR}(?![\w]|[.,]\d)")
_BOUNDS = {"đến": "until", "tới": "until", "đến hết": "until", "tới hết": "until", "hết": "until",
           "từ": "since", "sau": "after", "cuối": "end", "đầu": "start", "trước": "before",
           "tầm nhìn": "until", "tầm nhìn đến": "until"}


def parse_date(match: re.Match[str]) -> str | None:
    """ISO date from a match of DATE_TEXT, or None when day or month is out of range."""
    if match.group("d"):
        day, month, year = match.group("d"), match.group("m"), match.group("y")
    elif match.group("wd"):
        day, month, year = match.group("wd"), match.group("wm"), match.group("wy")
    else:
        day, month, year = match.group("id"), match.group("im"), match.group("iy")
    return iso_date(int(year), int(month), int(day))


def iso_date(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None for a day the calendar has not ("31/2/2020")."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def recognise_periods(doc: Document) -> None:
    article_year = int(doc.meta.issued[:4]) if doc.meta.issued else None
    issued_month = int(doc.meta.issued[5:7]) if doc.meta.issued and len(doc.meta.issued) >= 7 else None
    reported_year: int | None = None
    # a page holds few directives: a scan of their bounds, without building the index of kinds
    directives = [(m.start, m.end) for m in doc.mentions if m.kind == "directive"]
    first_digits = _FIRST_DIGITS.match
    for sentence, runs, words in _anchored_sentences(doc):
        text = doc.slice(sentence)
        # what _may_lead tells of a run of digits, without a call per run
        anchors = [a for a in runs if first_digits(text, a) is not None]
        if words:
            anchors = sorted([*anchors, *(a for a in words if _may_lead(text, a))])
        if not anchors:
            continue
        # only spans and quarters without a year of their own read the sentence's year
        sentence_year = None if article_year else _first_year(text, anchors) or reported_year
        starts = _WORDS_BEFORE.starts(text, anchors).union(anchors, _bracketed_indices(text, anchors))
        for match in _matches_at(text, sorted(starts)):
            found = _interpret(match, article_year, sentence_year, reported_year, issued_month)
            if found is None:
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(other_start < end and start < other_end for other_start, other_end in directives):
                continue
            key, attrs = found
            doc.add(Mention(start, end, "period", key, attrs))
            if attrs["grain"] in REPORTING_GRAINS:
                # a dateline year written short ("28/5/0719" → 719) makes a key like "719-05-28"
                reported_year = int(key.partition("-")[0])


def _anchored_sentences(doc: Document) -> Iterator[tuple[Sentence, Sequence[int], Sequence[int]]]:
    """The sentences holding an anchor, each with the offsets in the sentence text of its runs of
    digits and of its word anchors (each in order)."""
    text = doc.text
    words = _word_anchors(text, doc.folded)
    for sentence, runs in zip(doc.sentences, digit_runs_by_span(text, doc.sentences)):
        start = sentence.start
        first = bisect_left(words, start)
        last = bisect_left(words, sentence.end, first)
        if first < last:
            yield sentence, runs, [w - start for w in words[first:last]]
        elif runs:
            yield sentence, runs, ()


def _bracketed_indices(text: str, anchors: Sequence[int]) -> list[int]:
    """Where an index's abbreviation in brackets starts before a year ("(SIPAS) 2024"), which the
    words before an anchor (whitespace between) do not reach."""
    found = []
    for anchor in anchors:
        if ")" in text[max(0, anchor - 2):anchor]:
            name = _INDEX_IN_BRACKETS_BEFORE.search(text, max(0, anchor - _INDEX_REACH), anchor)
            if name is not None:
                found.append(name.start())
    return found


def _may_lead(text: str, anchor: int) -> bool:
    """Whether a period may have this anchor as its first: a run of digits where _FIRST_DIGITS
    matches, "quý" (a quarter starts at it) or "nay" after "năm" (no period starts at "nay" and
    only "năm nay" holds it). Where none can, neither the anchor nor the words before it are tried."""
    first = text[anchor]
    if first.isdecimal():
        return _FIRST_DIGITS.match(text, anchor) is not None
    # after [\w.,/\-] no period opens (its look-behind) and no lead words end (they end in whitespace)
    if anchor and ((before := text[anchor - 1]).isalnum() or before in "_.,/-"):
        return False
    if first in "nN":  # "nay" (see _ANCHOR_WORDS), which "năm" precedes in any case
        return text[:anchor].rstrip()[-3:].lower() == "năm"
    return True


def _word_anchors(text: str, folded: str) -> list[int]:
    """Where "nay" and "quý" start in `text` (in any case, as `(?i:nay|quý)` matches), in order.
    Folded, each of their spellings is "nay" or "quy", which a substring search finds much faster
    than `re` finds them in the text; `str.lower` lowers no other letter to one of theirs, nor
    lowers one of theirs otherwise than `re` does."""
    found = []
    for folded_word, word in _ANCHOR_WORDS:
        position = folded.find(folded_word)
        while position >= 0:
            if text[position : position + 3].lower() == word:
                found.append(position)
            position = folded.find(folded_word, position + 1)
    return sorted(found)


def _matches_at(text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`finditer_at(_PERIOD, text, starts)`, trying _PERIOD_AT_DIGIT where a digit starts."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        found = (_PERIOD_AT_DIGIT if text[start].isdecimal() else _PERIOD).match(text, start)  # isdecimal is \d
        if found is not None:
            yield found
            resume = found.end()


# A report's own time ("Quý I/2025", "tháng 3/2025"): a later "quý I" or "3 tháng đầu năm"
# without a year is of that year when the article carries no date of its own.
REPORTING_GRAINS = ("date", "month", "quarter", "span")


def _first_year(text: str, anchors: Sequence[int]) -> int | None:
    """The first year written in the sentence; a year starts a run of digits, so an anchor."""
    for anchor in anchors:
        match = _ANY_YEAR.match(text, anchor)
        if match:
            return int(match.group())
    return None


def _interpret(
    match: re.Match[str], article_year: int | None, sentence_year: int | None, reported_year: int | None,
    issued_month: int | None = None,
) -> tuple[str, dict[str, object]] | None:
    """The key and attrs of one matched period, or None when it is not a usable period."""
    group = match.lastgroup
    if group == "dates":
        end = iso_date(int(match.group("ty")), int(match.group("tm")), int(match.group("td")))
        start = iso_date(int(match.group("fy") or match.group("ty")), int(match.group("fm")), int(match.group("fd")))
        return (f"{start}/{end}", {"grain": "dates"}) if start and end and start < end else None
    if group == "index":
        return match.group("xy"), {"grain": "year"}
    if group == "range":
        first, last = int(match.group("r1")), int(match.group("r2"))
        return (f"{first}/{last}", {"grain": "range"}) if first < last else None
    if group == "span" and match.group("past"):
        return _past_months(int(match.group("n")), article_year, issued_month)
    if group == "span":
        return _span(match, article_year or sentence_year)
    if group == "opening":
        year, months = article_year or sentence_year, int(match.group("on"))
        return (f"{year}-01/{year}-{months:02d}", {"grain": "span"}) if year and 1 <= months <= 12 else None
    if group == "quarter":
        year = _int(match.group("qy")) or article_year or sentence_year
        quarter = _ROMAN_QUARTERS[match.group("q").lower()]
        return (f"{year}-Q{quarter}", {"grain": "quarter"}) if year else None
    if group == "date":
        iso = parse_date(match)
        return (iso, {"grain": "date"}) if iso else None
    if group == "month":
        month = int(match.group("mm") or match.group("bm"))
        year = match.group("my") or match.group("by") or article_year or sentence_year
        day_before = match.string[max(0, match.start() - 3):match.start()].rstrip()[-1:].isdigit()
        if match.group("mm") and not match.group("my") and day_before:
            return None  # "ngày 5 tháng 9": a day, which a date without its year does not give
        return (f"{year}-{month:02d}", {"grain": "month"}) if year and 1 <= month <= 12 else None
    if group == "daymonth":
        if article_year is None:
            return None
        iso = iso_date(article_year, int(match.group("dm")), int(match.group("dd")))
        return (iso, {"grain": "date"}) if iso else None
    if group == "years":
        values = sorted({match.group("y1"), *_ANY_YEAR.findall(match.group("more"))})
        return ",".join(values), {"grain": "years", "values": values}
    if group == "year":
        return match.group("yy"), _bounded("year", match.group("bound"))
    if group == "vision":
        return match.group("vy"), {"grain": "year", "bound": "until"}
    this_year = article_year or reported_year
    if group == "thisyear" and this_year is not None:
        return str(this_year), _bounded("year", match.group("tbound"))
    return None


def _span(match: re.Match[str], fallback_year: int | None) -> tuple[str, dict[str, object]] | None:
    year = _int(match.group("sy")) or fallback_year
    months = int(match.group("n"))
    if year is None or not 1 <= months <= 12:
        return None
    if (match.group("edge") or "đầu").lower() == "cuối":
        first, last = 13 - months, 12
    else:
        first, last = 1, months
    return f"{year}-{first:02d}/{year}-{last:02d}", {"grain": "span"}


def _past_months(months: int, year: int | None, month: int | None) -> tuple[str, dict[str, object]] | None:
    """"9 tháng qua" in an article of October 2024: the nine months before its month, within its
    year (2024-01/2024-09); without the article's date, no period."""
    if year is None or month is None or not 1 <= months < month:
        return None
    return f"{year}-{month - months:02d}/{year}-{month - 1:02d}", {"grain": "span"}


def _bounded(grain: str, bound_word: str | None) -> dict[str, object]:
    attrs: dict[str, object] = {"grain": grain}
    if bound_word:
        attrs["bound"] = _BOUNDS[" ".join(bound_word.lower().split())]
    return attrs


def _int(text: str | None) -> int | None:
    return int(text) if text else None
