"""Requests set out as a list, as conclusion notices and meeting reports write them:

    Về nhiệm vụ thời gian tới, Phó Thủ tướng yêu cầu:
    1. Bộ Công an chủ trì, phối hợp với Văn phòng Chính phủ hướng dẫn …, hoàn thành trước ngày 30/6.
    2. UBND các tỉnh A, B xây dựng kế hoạch …
    3. Giao UBND thành phố C phối hợp với …

The sentence opening the list ends with a colon after a request verb and says who asks; each item
is a line, most often opening with a marker ("1.", "a)", "-", "+", "•"), that names first whom it
asks ("Giao" may come before) and then the work: one request per item, of the one who opened the
list. A paragraph that does not name whom it asks first ends the list, and so does one without a
marker in a list whose first item had one ("Bộ Tư pháp cho biết …" after the items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.document import Document, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.relate.requests import REQUEST_VERB, make_request, opens_request
from kg.relate.task_parts import assignees_at, deadline_in, refs_in

LIST_MARKER = re.compile(r"\s*(?:\d{1,2}[.)]|[a-zđ][.)]|[-+•*–])\s*")
ENDS_WITH_COLON = re.compile(r":\s*$")
GROUP_ITEM = re.compile(r"\s*(?:cac|nguoi dung dau cac|thu truong cac)\s")
ITEM_VERB = re.compile(r"\s*(?:giao cho|giao|de nghi|yeu cau)(?![\w])\s*")


@dataclass(frozen=True)
class RequestList:
    """An open list of requests: who asks, and whether its items are marked (None before the first)."""

    assigners: tuple[EntityRef, ...]
    marked: bool | None = None


def list_opened_by(doc: Document, sentence: Sentence, folded: str) -> RequestList | None:
    """The list a sentence opens ("Chủ tịch UBND tỉnh yêu cầu:", "… đề nghị các bộ như sau:"):
    a request verb, who asks named before it, and a colon at the end. `folded`: the sentence folded."""
    if ENDS_WITH_COLON.search(folded) is None:
        return None
    for verb in REQUEST_VERB.finditer(folded):
        if not opens_request(doc, sentence, folded, verb.start()):
            continue
        assigners = refs_in(doc, Span(sentence.start, sentence.start + verb.start()), ("official", "agency"))[-1:]
        if assigners:
            return RequestList(tuple(assigners))
    return None


def item_in(doc: Document, index: int, folded: str, province: str | None,
            opened: RequestList) -> tuple[TaskFact | None, RequestList] | None:
    """The request an item of an open list makes, whom it names first (after a marker and
    "Giao") asked by whoever opened the list (None for an item asking an unnamed group), and the
    list as it goes on; None when the paragraph is no item. `folded`: the sentence folded."""
    sentence = doc.sentences[index]
    line_start = doc.text.rfind("\n", 0, sentence.start) + 1
    marker = LIST_MARKER.fullmatch(doc.text, line_start, sentence.start)
    offset = 0
    if marker is None and not folded[:1].isalpha():  # the splitter may keep the marker in the sentence
        marker = LIST_MARKER.match(folded)
        offset = marker.end() if marker is not None else 0
    marked = marker is not None
    if opened.marked is not None and marked != opened.marked:
        return None
    verb = ITEM_VERB.match(folded, offset)
    if verb is not None:
        offset = verb.end()
    assignees, work_start = assignees_at(doc, Span(sentence.start + offset, sentence.end), province)
    if not assignees:
        # "Các bộ, cơ quan ngang bộ rà soát …": an item for everyone, no one's task; the list goes on
        return (None, RequestList(opened.assigners, marked)) if GROUP_ITEM.match(folded, offset) else None
    work = Span(work_start, sentence.end)
    request = make_request(doc, sentence, work, list(opened.assigners), assignees, deadline_in(doc, work))
    return request, RequestList(opened.assigners, marked)
