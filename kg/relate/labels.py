"""The label of a figure's measure: the Vietnamese phrase, cut from the words around the figure,
that every observation keeps, coded or not ("Nhờ đó, tỷ lệ hồ sơ … đạt" → "tỷ lệ hồ sơ …")."""

from __future__ import annotations

import re

_LEADING = re.compile(r"^[\s,;:)(]*((nhờ đó|theo đó|theo báo cáo|trong đó|đến nay|hiện nay|ngoài ra|bên cạnh đó"
                      r"|riêng|đồng thời|cụ thể|tính đến nay|tính đến hết|tính đến|đến hết|đến)\b[\s,]*)*",
                      re.IGNORECASE)
_TRAILING_WORD = (r"\b(đạt mức|đạt|ước đạt|ước|là|chiếm|bằng|khoảng|hơn|trên|dưới|gần|nhỏ hơn|lớn hơn"
                  r"|luôn|đến|như|cao nhất|thấp nhất|cao|thấp|còn cao|chỉ còn|còn|tăng|(?<!cắt )giảm|liên tục"
                  r"|xếp|xếp hạng|vị trí|thứ|đứng|của|hạng|lần lượt)\b|[(:,]")
_TRAILING = re.compile(rf"(\s*({_TRAILING_WORD}))+\s*$", re.IGNORECASE)
# The last trailing word of a match ends where the text's blanks at the end begin, and none is
# longer than this: a search for one word there tells whether `_TRAILING` can match at all,
# sparing its slow search from every position of the phrase.
_TRAILING_LAST = re.compile(rf"({_TRAILING_WORD})\s*$", re.IGNORECASE)
_TRAILING_REACH = 12
_SPEECH_VERBS = "cho biết|nhấn mạnh|khẳng định|chia sẻ"
_SPEECH = re.compile(rf"^.*\b({_SPEECH_VERBS})( thêm)?\s*[:,]?\s*", re.IGNORECASE)
# Its words alone, matched as it matches them: where they are absent `_SPEECH`, which tries every
# position back from the end, cannot match.
_SPEECH_WORDS = re.compile(_SPEECH_VERBS, re.IGNORECASE)
_REPEATED_COMMAS = re.compile(r"\s*,(\s*,)+")
_MEASURE_HEAD = re.compile(r"\b(tỷ lệ|tỉ lệ|chỉ số|tổng số|số lượng|giá trị|tổng thu|thu nội địa|tổng sản phẩm)\b",
                           re.IGNORECASE)
_RATE_WORDS = re.compile(r"([\s,(]*\b(tỷ lệ|tỉ lệ|đạt|bằng|là)\b)*[\s,(]*$", re.IGNORECASE)


def measure_label(before: str, inner: str = "", noun: str = "") -> str:
    """The phrase naming a figure's measure, from the words before it (time words and other
    mentions already taken out), the words between a ratio and its rate, and its counted noun:
    connectors and verbs at the edges go ("Nhờ đó, tỷ lệ … đạt" → "tỷ lệ …"); a measure word
    ("tỷ lệ", "giá trị" …) starts the label, else the counted noun ends it."""
    before = " ".join(before.split())
    if _SPEECH_WORDS.search(before):
        before = _SPEECH.sub("", before)
    before = _LEADING.sub("", before)
    if _TRAILING_LAST.search(before, max(0, len(before.rstrip()) - _TRAILING_REACH)):
        before = _TRAILING.sub("", before)
    head = _MEASURE_HEAD.search(before)
    if head:
        label = before[head.start():]
    else:
        label = " ".join(part for part in (before, _RATE_WORDS.sub("", inner), noun) if part.strip())
    label = _REPEATED_COMMAS.sub(",", " ".join(label.split())).strip(" ,;:(.")
    words = label.split()
    if len(words) > 1 and words[0][1:].islower() and words[1][:1].islower():  # a sentence's capital, not a name's
        label = label[0].lower() + label[1:]
    return label
