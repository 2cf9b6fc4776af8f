"""The label of a figure's measure: the Vietnamese phrase, cut from the words around the figure,
that every observation keeps, coded or not ("Nhờ đó, tỷ lệ hồ sơ … đạt" → "tỷ lệ hồ sơ …")."""

from __future__ import annotations

import re

from kg.guarded import word_start

# The patterns from here to `_MEASURE_HEAD` are read on the words' case key (`_case_key`), lower-cased
# as `re.IGNORECASE` would compare them, and written in lower case: the same matches, and faster.
_LEADING = re.compile(r"^[\s,;:)(]*((nhờ đó|theo đó|theo báo cáo|trong đó|đến nay|hiện nay|ngoài ra|bên cạnh đó"
                      r"|riêng|đồng thời|cụ thể|tính đến nay|tính đến hết|tính đến|đến hết|đến)\b[\s,]*)*")
_TRAILING_WORD = (r"\b(đạt mức|đạt|ước đạt|ước|là|chiếm|bằng|khoảng|hơn|trên|dưới|gần|nhỏ hơn|lớn hơn"
                  r"|luôn|đến|như|cao nhất|thấp nhất|cao|thấp|còn cao|chỉ còn|còn|tăng|(?<!cắt )giảm|liên tục"
                  r"|xếp|xếp hạng|vị trí|thứ|đứng|của|hạng|lần lượt)\b|[(:,]")
_TRAILING = re.compile(rf"(\s*({_TRAILING_WORD}))+\s*$")
# The last trailing word of a match ends where the text's blanks at the end begin, and none is
# longer than this: a search for one word there tells whether `_TRAILING` can match at all,
# sparing its slow search from every position of the phrase.
_TRAILING_LAST = re.compile(rf"({_TRAILING_WORD})\s*$")
_TRAILING_REACH = 12
# Every character a match of `_TRAILING` takes is a blank, a mark of `[(:,]` or a letter of one of
# its words: no match starts before the run of such characters that ends the text, found on the
# text reversed, so the search starts there and is spared the positions before it.
_TRAILING_LETTERS = "".join(sorted({c for c in _TRAILING_WORD if c.isalpha()}))
_TRAILING_CHARS = re.compile(rf"[\s(:,{_TRAILING_LETTERS}]*")
_SPEECH_VERBS = "cho biết|nhấn mạnh|khẳng định|chia sẻ"
_SPEECH = re.compile(rf"^.*\b({_SPEECH_VERBS})( thêm)?\s*[:,]?\s*")
# Its words alone, matched as it matches them: where they are absent `_SPEECH`, which tries every
# position back from the end, cannot match.
_SPEECH_WORDS = re.compile(_SPEECH_VERBS)
_MEASURE_WORDS = ("tỷ lệ", "tỉ lệ", "chỉ số", "tổng số", "số lượng", "giá trị", "tổng thu", "thu nội địa", "tổng sản phẩm")
_MEASURE_HEAD = re.compile(rf"({word_start(*_MEASURE_WORDS)})\b")
_REPEATED_COMMAS = re.compile(r"\s*,(\s*,)+")
_RATE_WORDS = re.compile(r"([\s,(]*\b(tỷ lệ|tỉ lệ|đạt|bằng|là)\b)*[\s,(]*$", re.IGNORECASE)
CHANGE_BEFORE = re.compile(r"\b(tăng|giảm)( thêm| được| đến| khoảng| hơn| gần| trên)*\s*$")


def measure_label(before: str, inner: str = "", noun: str = "") -> str:
    """The phrase naming a figure's measure, from the words before it (time words and other
    mentions already taken out), the words between a ratio and its rate, and its counted noun:
    connectors and verbs at the edges go ("Nhờ đó, tỷ lệ … đạt" → "tỷ lệ …"); a measure word
    ("tỷ lệ", "giá trị" …) starts the label, else the counted noun ends it."""
    before = " ".join(before.split())
    key = _case_key(before)
    if _SPEECH_WORDS.search(key):
        speech = _SPEECH.match(key)  # what `sub` removes: `^` matches at the start only
        if speech:
            before, key = before[speech.end():], key[speech.end():]
    leading = _LEADING.match(key).end()
    before, key = before[leading:], key[leading:]
    if _TRAILING_LAST.search(key, max(0, len(key.rstrip()) - _TRAILING_REACH)):
        trailing = _trailing_start(key)
        before, key = before[:trailing], key[:trailing]
    head = _MEASURE_HEAD.search(key)
    if head:
        label = before[head.start():]
    else:
        label = " ".join(part for part in (before, _RATE_WORDS.sub("", inner), noun) if part.strip())
    label = " ".join(label.split())
    if "," in label:
        label = _REPEATED_COMMAS.sub(",", label)
    label = label.strip(" ,;:(.")
    words = label.split()
    if len(words) > 1 and words[0][1:].islower() and words[1][:1].islower():  # a sentence's capital, not a name's
        label = label[0].lower() + label[1:]
    return label


def change_before(before: str) -> str | None:
    """"tăng" or "giảm" when the words before a figure end with it ("… tăng thêm 5%")."""
    lowered = before.lower()
    if "tăng" not in lowered and "giảm" not in lowered:  # one is in every match
        return None
    change = CHANGE_BEFORE.search(lowered)
    return change.group(1) if change else None


def _trailing_start(key: str) -> int:
    """Where `_TRAILING.sub("", key)` cuts a key without line breaks, where `$` is only its end:
    the one match runs to the end."""
    found = _TRAILING.search(key, len(key) - _TRAILING_CHARS.match(key[::-1]).end())
    return found.start() if found else len(key)


# The letters `re.IGNORECASE` takes for a lower-case letter of these patterns are those `str.lower`
# turns into it, and these three: "ı", "İ" (which `str.lower` makes two characters) and "ſ".
_CASE_FIXES = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def _case_key(words: str) -> str:
    """`words` lower-cased, character for character, as `re.IGNORECASE` compares them (letters,
    blanks and digits stay what they were): patterns of lower-case words match it where they
    match `words` ignoring case."""
    if "ı" in words or "İ" in words or "ſ" in words:
        words = words.translate(_CASE_FIXES)
    return words.lower()
