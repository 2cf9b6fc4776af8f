"""Sub-bodies of a ministry written without it and unknown to the gazetteer: "Cục Thuế cho biết",
"Vụ Pháp chế chủ trì", "Cục Thống kê và Cục Hải quan".

Vietnamese writes such a name with a capital on its first word only, so nothing in the letters
says where it ends. A name is read here only where the text closes it: a short name (a capital
word and at most three more in lower case) right before a punctuation mark or a word that follows
a subject (a verb of reporting or of doing, an auxiliary, "và"). Where nothing closes it the
words are left unread: a missed body rather than one named "Cục Thuế thông báo". Longer names
("Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính") are the gazetteer's. "Vụ" also means
"case" ("Vụ Việt Á"): a capital after the first name word, or a place word, closes nothing.
"""

from __future__ import annotations

import re

HEAD_AND_FIRST_WORD = re.compile(r"(?:Tổng cục|Cục|Vụ) (?P<first>[^\W\d_]+)")
LONGEST_NAME = 4  # words after the head
NEXT_WORD = re.compile(r" (?P<word>[^\W\d_]+)")
# A place's type: no name word of a ministry's body ("Cục Thống kê tỉnh …" is a province's office).
PLACE_TYPE = re.compile(r" (?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)(?![^\W\d_])")
# What follows a body named as the subject of its sentence and never goes on with a name, as
# written (lower case): reporting verbs, auxiliaries, links, verbs of taking work on. Verbs that
# also open the rest of a name ("xây dựng", "kiểm tra" in "Cục Quản lý xây dựng …") are not here.
CLOSED_BY = re.compile(
    r"\s*(?:[,.;:()\"“”!?]|$)|\s+(?:"
    r"cho biết|cho hay|thông tin|thông báo|báo cáo|công bố|nhấn mạnh|khẳng định|đề nghị|yêu cầu|kiến nghị|đề xuất"
    r"|chủ trì|phối hợp|tham mưu|ban hành|hoàn thành|tiếp nhận|tham dự|khẩn trương|tiếp tục"
    r"|cũng|đã|đang|sẽ|vừa|mới|được|là|có|và|cùng|với|của|thuộc|tại|trong"
    r")(?![^\W\d_])"
)


def bare_sub_body_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) in `text` of the bare sub-bodies starting at `starts`, the shortest name the
    text closes for each (see the module's docstring)."""
    spans = []
    for start in starts:
        head = HEAD_AND_FIRST_WORD.match(text, start)
        if head is None or not head["first"][0].isupper():
            continue
        end = _closed_end(text, head.end())
        if end is not None:
            spans.append((start, end))
    return spans


def _closed_end(text: str, end: int) -> int | None:
    """Where the name whose first word ends at `end` ends, or None when nothing closes it."""
    for _ in range(LONGEST_NAME - 1):
        if CLOSED_BY.match(text, end):
            return end
        word = NEXT_WORD.match(text, end)
        if word is None or not word["word"].islower() or PLACE_TYPE.match(text, end):
            return None
        end = word.end()
    return end if CLOSED_BY.match(text, end) else None
