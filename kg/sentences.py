"""Split the kept text of an article into sentences.

A sentence never crosses a line break or a removed span: a line of a news page is a paragraph,
a heading or a caption, never half of a sentence. Inside a line, a sentence ends at ".", "!",
"?", "./." (the closing mark of Vietnamese official texts) or an ellipsis, with any closing
quotes or brackets after it, when the next word starts with a capital (or, after a full stop,
a digit: "… 62 TTHC. 100% TTHC …"). So there is no break inside numbers ("2.132", "93.86%"),
after an abbreviation or an initial ("TP. Huế", "ThS. Lê", "Q. 1"), before a lowercase
continuation, or at an ellipsis closing an enumeration ("phí…, làm"). Semicolons never split:
Vietnamese reports list their figures in one sentence separated by ";".
"""

from __future__ import annotations

import re

from kg.document import SPAN_ORDER, Document, Sentence, Span

# the order of Span, without the slow comparisons its dataclass generates

_END = re.compile(
    r"(?:(?P<ellipsis>\.{3,}|…)|(?P<stop>\./\.|[.!?]+))(?P<close>[\"”’»)\]]*)(?P<space>\s*)"
)
_STOP_CHARACTER = re.compile(r"[.!?…]")
_OPENERS = "\"“‘«(['"
_ABBREVIATIONS = frozenset(
    "TP Tp tp TX Tx TT TS Ts ThS Ths PGS GS BS Bs KS Ks CN NCS TSKH ThS.BS tr Tr v.v vv St Mr Mrs "
    "Ms Dr No Ph.D PhD Th.S".split()
)
_STRIP = " \t\u00a0|"
_BULLET_MARKS = "-–—•*+·"
_BULLET = re.compile(rf"[{_BULLET_MARKS}]\s+")
_WORD = re.compile(r"[^\W\d_]{2}")
_NON_EMPTY_LINE = re.compile(r"[^\n]+")


def split_sentences(doc: Document) -> None:
    """Set `doc.sentences` to the sentences of the text that `clean` kept, in text order."""
    text = doc.text
    doc.sentences = [Sentence(first, last) for start, end in _kept_segments(text, doc.removed)
                     for first, last in _sentence_bounds(text, start, end)]


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """The sentences of `text[start:end]`, a stretch without line breaks, trimmed of blanks,
    pipes and a leading bullet; leftovers without a word of two letters are dropped."""
    return [Span(first, last) for first, last in _sentence_bounds(text, start, end)]


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`sentence_spans` as (start, end) pairs: split_sentences makes Sentences of them directly."""
    pieces: list[tuple[int, int]] = []
    begin = position = start
    # `_END.finditer`, but every match of _END starts at a stop character and one starts at each:
    # a scan for the character alone is much faster than one for the whole pattern.
    while (stop := _STOP_CHARACTER.search(text, position, end)) is not None:
        match = _END.match(text, stop.start(), end)
        assert match is not None  # see above
        position = match.end()
        if position >= end:  # a stop ending the stretch ends no sentence inside it, and none follows
            break
        if _is_boundary(text, match, start, end):
            pieces.append((begin, match.end("close")))
            begin = position
    pieces.append((begin, end))
    bounds = []
    for first, last in pieces:
        first, last = _trim(text, first, last)
        if _WORD.search(text, first, last):
            bounds.append((first, last))
    return bounds


def _is_boundary(text: str, match: re.Match[str], start: int, end: int) -> bool:
    after = match.end()
    if after >= end:
        return False
    if match["stop"] and not match["space"]:
        return False
    while after < end and text[after] in _OPENERS:
        after += 1
    if after >= end:
        return False
    first = text[after]
    if match["ellipsis"]:
        return first.isupper()
    if not (first.isupper() or first.isdigit()):
        return False
    return not (match["stop"] == "." and _before_is_abbreviation(text, start, match.start()))


def _before_is_abbreviation(text: str, start: int, period: int) -> bool:
    word_start = max(text.rfind(" ", start, period), text.rfind("(", start, period)) + 1
    word = text[max(word_start, start) : period]
    # A capital alone is a name initial ("Nguyễn V. Bình"), except "I", a Roman numeral that
    # often ends a sentence ("trong quý I. Tổng thu…") and starts no Vietnamese name.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper() and word != "I")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    # a bullet starts with one of its marks: most pieces are spared the regex
    if start < end and text[start] in _BULLET_MARKS:
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
    while end > start and (text[end - 1] in _STRIP or text[end - 1].isspace()):
        end -= 1
    return start, end


def _kept_segments(text: str, removed: list[Span]) -> list[tuple[int, int]]:
    """Stretches of text inside one line and outside every removed span."""
    segments: list[tuple[int, int]] = []
    cuts = sorted(removed, key=SPAN_ORDER)
    count = len(cuts)
    index = 0
    # an empty line holds no stretch, so only the others are visited
    for line in _NON_EMPTY_LINE.finditer(text):
        line_start, line_end = line.span()
        while index < count and cuts[index].end <= line_start:
            index += 1
        if index == count or cuts[index].start >= line_end:
            segments.append((line_start, line_end))
            continue
        position = line_start
        probe = index
        while probe < count and cuts[probe].start < line_end:
            cut = cuts[probe]
            if cut.start > position:
                segments.append((position, cut.start))
            position = max(position, cut.end)
            probe += 1
        if position < line_end:
            segments.append((position, line_end))
    return segments
