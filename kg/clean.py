"""Tell the article from the page around it, and read what the page says about its source.

A scraped news page is the article wrapped in chrome: menus, photo captions and credits,
datelines and bylines, "read more" trailers, and on spam mirrors betting keywords and Chinese
boilerplate. The cleaner works line by line: each line is first judged on its own (a caption, a
dateline, a source line…), then rules that need position take the rest:

- a trailer ("Đừng bỏ lỡ", "Tin liên quan", "Bình luận (0)") or a foreign-language line in the
  second half of the page starts the footer: everything from it to the end is not the article;
- a run of three or more short lines, or the short lines under a "Liên kết website" heading, is a
  menu; the line right after an image is its caption;
- above the body, a short line of capitalised words is an author or a section label; after the
  last body paragraph, short lines without a final stop are signatures and link lists;
- a wire tag opening the story ("(Chinhphu.vn) - ") is cut and names the publisher.

Spam mirrors also get their injections cut inside kept lines: "【…】" brackets, betting keywords
with the unaccented words around them, and letter runs fused without spaces (`kg.spam`). A mirror's own
header date is not trusted as the article's date.

The headline (the line above the dateline, or a first short line without a final stop) stays in
the text: it is a sentence and may state facts. `doc.removed` lists what is not the article and
`doc.meta` keeps title, publisher, URL and date (read by `kg.source_meta`).
"""

from __future__ import annotations

import re

from kg.document import Document, Span, SpanIndex
from kg.source_meta import (
    BODY,
    DATE_DMY,
    DATE_ISO,
    FOLLOW,
    HIGHLIGHT_OUTLET,
    SOURCE,
    THEO,
    is_outlet,
    kept_text,
    read_meta,
    theo_source,
)
from kg.spam import looks_spammed, spam_candidates, spam_cuts

_LONG_CAPTION = 400
_IMAGE_CAPTION = 300
_PARAGRAPH_WORDS = 12

_IMAGE_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_ONLY_PIPES = re.compile(r"^[|\s]*$")
_SPAM_BRACKET = re.compile(r"【[^】]*】")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CREDIT = re.compile(
    r"\(\s*[Ảả][nN][hH]\s*(?::|minh\s+h)[^)]*\)"
    r"|\bẢ[nN][hH](?:\s+minh\s+h\w*)?\s*:\s*\S"
    r"|\s[-–]\s*Ả[nN][hH]\s*\d+\s*\.?\s*$"
    r"|^Ả[nN][hH]\s+minh\s+h\w*\s*$"
    r"|\bNguồn\s+ảnh\s*:"
)
_PAREN_ANH = re.compile(r"\(\s*ả[nN][hH]")
# Image alt text and CMS tags left in the text: a few lower-case words without any diacritic.
_ALT_TEXT = re.compile(r"^[a-z][a-z0-9_-]*(?: [a-z0-9_-]+){0,3}$")
# "(Chinhphu.vn) - Chiều 12/3, …", "TP.HCM (TTXVN) – …": the outlet tag that opens a wire story.
_LEAD_TAG = re.compile(r"^(?:[A-ZĐ][\w.]*(?: [A-ZĐ][\w.]*){0,3} )?\((?P<publisher>[^()]{2,40})\)\s*[-–—]\s*")
_STOP = re.compile(
    r"^(?:ý kiến (?:bạn đọc|của bạn)|(?:những |các )?tin (?:mới hơn|cũ hơn|khác|liên quan|cùng "
    r"chuyên mục|đã đưa|mới nhất|đọc nhiều|xem nhiều)|(?:các )?bài (?:viết )?(?:liên quan|khác)|"
    r"xem tin theo ngày|(?:gửi )?bình luận(?:\s*\(\d+\))?|đừng bỏ lỡ|có thể bạn quan tâm|"
    r"nổi bật|xem thêm|đọc thêm|powered by.*|copyright.*|©.*|bản quyền.*|"
    r"từ khóa\s*:.*|tags?\s*:.*)\s*:?$",
    re.I,
)
_WIDGET = re.compile(
    r"^(?:(?:chia sẻ|share|facebook|twitter|zalo|email|in bài|gửi bài|bản in|tweet|like|lưu|cỡ chữ|"
    r"a-|a\+)[\s:|/,·]*)+$",
    re.I,
)
# "Liên kết website: Chính phủ | Bộ Nội vụ | UBND tỉnh …", "Mới nhất   Thời sự   Góc nhìn": links
# in a row, split by bars or wide gaps, each with words (a table row of figures is body).
_LINK_HEADING = re.compile(r"[^|.!?;:\d]{1,40}:\s*")  # "Liên kết website:"
_LINK_GAP = re.compile(r"\s\|\s|\s{3,}")
_LINK = re.compile(r"(?=.*[^\W\d_])[^|.!?;:%]{1,50}")  # words, perhaps with a number ("Quảng Nam 24h")
_BREADCRUMB = re.compile(r"^(?:Trang chủ|Home)\s*[>»›/|]|^[^.]{1,60}(?:\s[>»›]\s[^.]{1,60}){2,}$"
                         r"|^[^.\d]{1,60}\s[>»›]\s[^.\d]{1,60}$")  # "Thời sự > Hoạt động của lãnh đạo"
_NAV = re.compile(r"^(?:liên kết(?: website| web)?|danh mục|chuyên mục|trang chủ|menu)$", re.I)
_BYLINE = re.compile(r"^(?:Tác giả|Bài(?:,| và) ảnh|Tin(?:,| và) ảnh|Phóng viên|Nhóm PV|PV)\s*[:|]")
_LETTER_WORD = re.compile(r"\S*[^\W\d_]\S*")
# The label a portal's date line opens with; what follows its first bar is the page's other details.
_DATE_LABEL = re.compile(r"(?:Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật|Ngày xuất bản|Xuất bản)\s*:\s*\d",
                         re.IGNORECASE)
_SENTENCE_STOPS = (".", "!", "?", "…")
_CLOSERS = "\"”’»)]"
_DIGIT = re.compile(r"\d")
_LIST_ITEM = re.compile(r"^(?:[-–+•*·]|\d{1,2}[.)]|[a-zđ]\))\s")


class _Line:
    """One line of the page: where it is, what it is (`kind`) and what is cut from a kept one."""

    __slots__ = ("_words", "cuts", "end", "index", "kind", "spam", "start", "text")

    def __init__(self, index: int, start: int, end: int, text: str, kind: str = BODY) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.cuts: list[Span] = []
        self.spam = False
        self._words = -1

    @property
    def words(self) -> int:
        """Counted once, when first asked (the rules ask it of few lines but many times)."""
        if self._words < 0:
            self._words = len(self.text.split())
        return self._words

    @property
    def stops(self) -> bool:
        """Whether the line ends a sentence: a stop, then only closing quotes or brackets."""
        return self.text.rstrip(_CLOSERS).endswith(_SENTENCE_STOPS)

    @property
    def is_paragraph(self) -> bool:
        if self.kind != BODY:  # told without counting the words
            return False
        words = self.words
        return words >= 2 * _PARAGRAPH_WORDS or (words >= _PARAGRAPH_WORDS and self.stops)

    @property
    def is_short(self) -> bool:
        return len(self.text) <= 40 and self.words <= 6 and not self.stops

    @property
    def is_headline_like(self) -> bool:
        return (
            self.kind == BODY
            and 2 <= self.words <= 35
            and len(self.text) <= 200
            and not self.text.endswith((".", ",", ";", ":"))
            and not self.is_paragraph
            and not self.text.isupper()  # "BÁO QUẢNG NAM ĐIỆN TỬ": the site's name above its menu
        )

    @property
    def has_digit(self) -> bool:
        return bool(_DIGIT.search(self.text))


def clean(doc: Document) -> None:
    """Set `doc.removed` (sorted, merged spans that are not the article) and `doc.meta`."""
    text = doc.text
    lines = _split_lines(text)
    # where spam may be cut, if anywhere: one scan of the page instead of one per line
    spam_stretches: SpanIndex | None = None
    if looks_spammed(text, doc.lowered):
        spam_stretches = SpanIndex(Span(start, end) for start, end in spam_candidates(text, doc.lowered))
    # A test for a text of several ASCII characters in a line of Vietnamese first copies it to
    # the line's wider characters: one test of the page spares most of those on its lines.
    wide_gaps = "   " in text
    for line in lines:
        if line.text:  # a blank line is told by _split_lines
            _judge(line, spam_stretches, wide_gaps)
    footer = _cut_footer(lines, len(doc.text))
    _mark_captions_after_images(lines)
    headline = _anchored_headline(lines)
    _mark_menus(lines, headline)
    headline = headline or _first_headline_like(lines)
    _mark_head_names(lines, headline)
    _mark_tail(lines, len(doc.text))
    lead_tag = _cut_lead_tag(lines)
    doc.removed = _merge(doc.text, _removed_spans(lines))
    spam_page = any(line.spam for line in lines)
    doc.meta = read_meta(doc, lines[:footer], headline, spam_page, lead_tag)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            lines.append(_Line(index, start, start + len(stripped), stripped))
        else:
            lines.append(_Line(index, offset, offset, stripped, "blank"))
        offset += len(raw) + 1
    return lines


def _judge(line: _Line, spam_stretches: SpanIndex | None, wide_gaps: bool) -> None:
    """Classify one non-blank line on its own and note the parts of a kept line that are chrome or
    spam; `wide_gaps` tells whether the page holds three blanks in a row."""
    text = line.text
    # Most lines have no markup, bracket or credit: a substring test spares the slower regexes
    # (every match of _IMAGE_MARKUP holds "![", of _SPAM_BRACKET "【", of _CREDIT see _may_credit).
    if "!" in text and "![" in text:  # one character is looked for faster (see clean)
        for markup in _IMAGE_MARKUP.finditer(text):
            line.cuts.append(_span(line, markup.start(), markup.end()))
        if _ONLY_PIPES.match(_IMAGE_MARKUP.sub("", text)):
            line.kind = "image"
            return
    elif text[0] == "|" and _ONLY_PIPES.match(text):  # a stripped line of pipes and blanks starts with one
        line.kind = "image"
        return
    unbracketed = text
    if "【" in text:
        for bracket in _SPAM_BRACKET.finditer(text):
            line.cuts.append(_span(line, bracket.start(), bracket.end()))
            line.spam = True
        unbracketed = _SPAM_BRACKET.sub("", text)
    if _CJK.search(unbracketed):
        line.kind, line.spam = "foreign", True
        return
    credit = _CREDIT.search(text) if _may_credit(text) else None
    if credit:
        if len(text) <= _LONG_CAPTION:
            line.kind = "caption"
            return
        end = credit.end() if text[credit.start()] == "(" else len(text)
        line.cuts.append(_span(line, credit.start(), end))
    line.kind = _chrome_kind(text, wide_gaps)
    if line.kind == BODY and spam_stretches is not None:
        _cut_spam(line, spam_stretches.overlaps(Span(line.start, line.end)))


def _may_credit(text: str) -> bool:
    """Whether `_CREDIT` can match: each of its branches holds "Ả", "Nguồn", or "(ảnh" (blanks
    allowed after the bracket, "h" and "n" in either case)."""
    return "Ả" in text or "Nguồn" in text or ("(" in text and _PAREN_ANH.search(text) is not None)


def _chrome_kind(text: str, wide_gaps: bool) -> str:
    # Every rule but the link row and the dateline rests on a pattern of _CHROME_START or on
    # _BREADCRUMB, whose matches start with "Trang chủ" or "Home" or hold ">", "»" or "›": cheap tests
    # spare the others.
    may_be_breadcrumb = ">" in text or "»" in text or "›" in text or text.startswith(("Trang chủ", "Home"))
    if ("|" in text and " | " in text or wide_gaps and "   " in text) and _is_link_row(text):
        return "menu"
    if not (may_be_breadcrumb or _CHROME_START.match(text)):
        return "dateline" if _is_dateline(text) else BODY
    if _ALT_TEXT.match(text) and len(text) <= 30:
        return "alt"
    if SOURCE.match(text) or theo_source(text):
        return "source"
    if FOLLOW.match(text):
        return "follow"
    if len(text) <= 80 and (_STOP.match(text) or HIGHLIGHT_OUTLET.match(text)):
        return "stop"
    if _NAV.match(text):
        return "nav"
    if _WIDGET.match(text) or _BREADCRUMB.match(text):
        return "menu"
    if _BYLINE.match(text) or _is_dateline(text):
        return "dateline"
    return BODY


def _is_link_row(text: str) -> bool:
    """Three or more links split by bars or wide gaps, each with words and no figure of its own
    ("Số hồ sơ   120   Đã giải quyết   100" is a row of figures, body)."""
    heading = _LINK_HEADING.match(text)
    links = _LINK_GAP.split(text[heading.end() if heading else 0:].strip())
    return len(links) >= 3 and all(_LINK.fullmatch(link.strip()) for link in links)


def _union(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches where any of these does (each under its own flags, without its
    group names, which may repeat)."""
    bodies = (_GROUP_NAME.sub("(?:", p.pattern) for p in patterns)
    return re.compile("|".join(f"(?i:{b})" if p.flags & re.I else f"(?:{b})" for p, b in zip(patterns, bodies)))


_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_CHROME_START = _union(_ALT_TEXT, SOURCE, THEO, FOLLOW, _STOP, HIGHLIGHT_OUTLET, _NAV, _WIDGET, _BYLINE)


def _is_dateline(text: str) -> bool:
    # every match of DATE_DMY holds "/" or "-", of DATE_ISO "-": a substring test spares their slow searches
    if len(text) > 80 or text.endswith(".") or not (
        ("/" in text or "-" in text) and DATE_DMY.search(text) or "-" in text and DATE_ISO.search(text)
    ):
        return False
    if _DATE_LABEL.match(text):  # "Ngày đăng: 05/12/2025 | Người đăng: Quản trị viên | Lượt xem: 642"
        text = text.split(" | ", 1)[0]
    return len(_LETTER_WORD.findall(text)) <= 5


def _cut_spam(line: _Line, candidate: bool) -> None:
    """Cut betting keywords and fused runs (`kg.spam`) of a candidate line (one with none has no
    cuts); a line of little else goes."""
    cuts = spam_cuts(line.text) if candidate else []
    if cuts:
        line.spam = True
        line.cuts.extend(_span(line, start, end) for start, end in cuts)
    if line.spam and len(_LETTER_WORD.findall(kept_text(line))) < 5:
        line.kind = "spam"


def _cut_footer(lines: list[_Line], length: int) -> int:
    """Remove everything from a trailer or foreign line in the second half; return where it starts."""
    for line in lines:
        if line.kind in ("stop", "foreign") and 2 * line.start >= length:
            for rest in lines[line.index :]:
                if rest.kind == BODY:
                    rest.kind = "footer"
            return line.index if line.kind == "foreign" else len(lines)
    return len(lines)


def _cut_lead_tag(lines: list[_Line]) -> str | None:
    """Cut the outlet tag opening the first paragraph and return the outlet."""
    first = next((line for line in lines if line.is_paragraph), None)
    match = _LEAD_TAG.match(first.text) if first is not None else None
    if match is None or not is_outlet(match["publisher"]):
        return None
    first.cuts.append(_span(first, 0, len(match.group().rstrip())))
    return match["publisher"]


def _mark_captions_after_images(lines: list[_Line]) -> None:
    for line, following in zip(lines, lines[1:]):
        if line.kind in ("image", "alt") and following.kind == BODY and len(following.text) <= _IMAGE_CAPTION:
            following.kind = "caption"


def _first_headline_like(lines: list[_Line]) -> _Line | None:
    """The first line of the body above its first paragraph that reads as a headline (past the
    site's name: "VnExpress", "BÁO QUẢNG NAM ĐIỆN TỬ")."""
    for line in lines:
        if line.is_paragraph:
            return None
        if line.kind == BODY and line.is_headline_like:
            return line
    return None


def _anchored_headline(lines: list[_Line]) -> _Line | None:
    """The line above the first dateline, when the dateline comes before the body."""
    for line in lines:
        if line.is_paragraph:
            return None
        if line.kind == "dateline":
            for above in reversed(lines[: line.index]):
                if above.kind == BODY:
                    return above if above.is_headline_like else None
            return None
    return None


def _mark_menus(lines: list[_Line], headline: _Line | None) -> None:
    """Menus are runs of short link texts; list items of the body (bulleted, numbered, under a
    colon) and rows of figures are not."""

    def is_item(line: _Line) -> bool:
        if line.kind != BODY or not line.is_short or line is headline:
            return False
        return not (_LIST_ITEM.match(line.text) or line.has_digit)

    for line in lines:
        if line.kind == "nav":
            for item in lines[line.index + 1 :]:
                if not is_item(item):
                    break
                item.kind = "menu"
    run: list[_Line] = []
    for line in [*lines, _Line(len(lines), 0, 0, "", kind="blank")]:
        if line.kind == BODY and is_item(line):  # the kind first: a blank or chrome line is told without a call
            run.append(line)
            continue
        if run:
            introduced = run[0].index > 0 and lines[run[0].index - 1].text.endswith(":")
            if len(run) >= 3 and not introduced:
                for item in run:
                    item.kind = "menu"
            run = []


def _mark_head_names(lines: list[_Line], headline: _Line | None) -> None:
    """Above the body, a short line of capitalised words is an author or a section label."""
    for line in lines:
        if line.is_paragraph:
            return
        if line.kind != BODY or line is headline or not line.is_short:
            continue
        words = line.text.split()
        if len(words) >= 2 and all(word[0].isupper() for word in words) and not line.has_digit:
            line.kind = "byline"


def _mark_tail(lines: list[_Line], length: int) -> None:
    """After the last paragraph, short lines without a final stop are signatures and links; after
    a source line in the second half, only real paragraphs may still belong to the article."""
    last = next((line.index for line in reversed(lines) if line.is_paragraph), None)
    if last is not None:
        for line in lines[last + 1 :]:
            if line.kind == BODY and line.words < _PARAGRAPH_WORDS and not line.stops:
                line.kind = "trailer"
    source = next((line for line in lines if line.kind == "source" and 2 * line.start >= length), None)
    if source is not None:
        for line in lines[source.index + 1 :]:
            if line.kind == BODY and not line.is_paragraph:
                line.kind = "trailer"


def _removed_spans(lines: list[_Line]) -> list[tuple[int, int]]:
    """(start, end) of what is not the article: tuples, which sort and merge without a Span each."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if line.kind == BODY:
            spans.extend([(cut.start, cut.end) for cut in line.cuts])
        elif line.kind != "blank":
            spans.append((line.start, line.end))
    return spans


def _merge(text: str, spans: list[tuple[int, int]]) -> list[Span]:
    """Sort spans and join those that touch or are separated by blanks only."""
    merged: list[Span] = []
    start = end = -1  # the run being joined, made a Span once it ends
    for span_start, span_end in sorted(spans):
        if start >= 0 and (span_start <= end or not text[end:span_start].strip()):
            end = max(end, span_end)
            continue
        if start >= 0:
            merged.append(Span(start, end))
        start, end = span_start, span_end
    if start >= 0:
        merged.append(Span(start, end))
    return merged


def _span(line: _Line, start: int, end: int) -> Span:
    return Span(line.start + start, line.start + end)
