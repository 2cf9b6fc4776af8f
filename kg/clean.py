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
`doc.meta` keeps title, publisher, URL and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

from kg.document import Document, SourceMeta, Span
from kg.sentences import sentence_spans
from kg.spam import looks_spammed, spam_cuts

_TITLE_LIMIT = 120
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
# Image alt text and CMS tags left in the text: a few lower-case words without any diacritic.
_ALT_TEXT = re.compile(r"^[a-z][a-z0-9_-]*(?: [a-z0-9_-]+){0,3}$")
_SOURCE = re.compile(
    r"^\(?\s*(?:Nguồn(?: tin| bài(?: viết)?)?|Link bài gốc|Bài gốc)\s*:\s*(?P<source>[^()]+?)\s*\)?\.?$",
    re.I,
)
_THEO = re.compile(r"^\(?Theo\s+(?P<source>[^,;:()]{2,60}?)\)?\.?$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_OUTLET = re.compile(r"^(?:Báo|Tạp chí|Cổng|Trang|Đài|Thông tấn|TTXVN|VOV|VTV|VGP|VNA)\b")
# "(Chinhphu.vn) - Chiều 12/3, …", "TP.HCM (TTXVN) – …": the outlet tag that opens a wire story.
_LEAD_TAG = re.compile(r"^(?:[A-ZĐ][\w.]*(?: [A-ZĐ][\w.]*){0,3} )?\((?P<publisher>[^()]{2,40})\)\s*[-–—]\s*")
_FOLLOW = re.compile(r"^Theo dõi\s+(?P<publisher>.+?)\s+trên\b.{0,40}$")
_HIGHLIGHT_OUTLET = re.compile(r"^Nổi bật\s+(?P<publisher>(?:Báo|Tạp chí|Cổng|Đài|Thông tấn)\s.+)$")
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
_BREADCRUMB = re.compile(r"^(?:Trang chủ|Home)\s*[>»/|]|^[^.]{1,60}(?:\s[>»]\s[^.]{1,60}){2,}$")
_NAV = re.compile(r"^(?:liên kết(?: website| web)?|danh mục|chuyên mục|trang chủ|menu)$", re.I)
_BYLINE = re.compile(r"^(?:Tác giả|Bài(?:,| và) ảnh|Tin(?:,| và) ảnh|Phóng viên|Nhóm PV|PV)\s*[:|]")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_LETTER_WORD = re.compile(r"\S*[^\W\d_]\S*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*$")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://\S+")
_LIST_ITEM = re.compile(r"^(?:[-–+•*·]|\d{1,2}[.)]|[a-zđ]\))\s")

BODY = "body"


@dataclass
class _Line:
    index: int
    start: int
    end: int
    text: str
    kind: str = BODY
    cuts: list[Span] = field(default_factory=list)
    spam: bool = False

    @cached_property
    def words(self) -> int:
        """Counted once: the rules ask it many times and a line's text never changes."""
        return len(self.text.split())

    @property
    def stops(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def is_paragraph(self) -> bool:
        words = self.words
        long_enough = words >= 2 * _PARAGRAPH_WORDS or (words >= _PARAGRAPH_WORDS and self.stops)
        return self.kind == BODY and long_enough

    @property
    def is_short(self) -> bool:
        return self.words <= 6 and len(self.text) <= 40 and not self.stops

    @property
    def is_headline_like(self) -> bool:
        return (
            self.kind == BODY
            and 2 <= self.words <= 35
            and len(self.text) <= 200
            and not self.text.endswith((".", ",", ";", ":"))
            and not self.is_paragraph
        )

    @property
    def has_digit(self) -> bool:
        return bool(_DIGIT.search(self.text))


def clean(doc: Document) -> None:
    """Set `doc.removed` (sorted, merged spans that are not the article) and `doc.meta`."""
    lines = _split_lines(doc.text)
    spam_suspect = looks_spammed(doc.text)
    for line in lines:
        _judge(line, spam_suspect)
    footer = _cut_footer(lines, len(doc.text))
    _mark_captions_after_images(lines)
    headline = _anchored_headline(lines)
    _mark_menus(lines, headline)
    first = next((line for line in lines if line.kind == BODY), None)
    headline = headline or (first if first is not None and first.is_headline_like else None)
    _mark_head_names(lines, headline)
    _mark_tail(lines, len(doc.text))
    lead_tag = _cut_lead_tag(lines)
    doc.removed = _merge(doc.text, _removed_spans(lines))
    spam_page = any(line.spam for line in lines)
    doc.meta = _read_meta(doc, lines[:footer], headline, spam_page, lead_tag)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        start = offset + (raw.find(stripped[0]) if stripped else 0)
        lines.append(_Line(index, start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def _judge(line: _Line, spam_suspect: bool) -> None:
    """Classify one line on its own and note the parts of a kept line that are chrome or spam."""
    text = line.text
    if not text:
        line.kind = "blank"
        return
    # Most lines have no markup, bracket or credit: a substring test spares the slower regexes
    # (every match of _IMAGE_MARKUP holds "![", of _SPAM_BRACKET "【", of _CREDIT see _may_credit).
    if "![" in text:
        for markup in _IMAGE_MARKUP.finditer(text):
            line.cuts.append(_span(line, markup.start(), markup.end()))
        if _ONLY_PIPES.match(_IMAGE_MARKUP.sub("", text)):
            line.kind = "image"
            return
    elif _ONLY_PIPES.match(text):
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
    line.kind = _chrome_kind(text)
    if line.kind == BODY and spam_suspect:
        _cut_spam(line)


def _may_credit(text: str) -> bool:
    """Whether `_CREDIT` can match: each of its branches holds "Ả", "Nguồn", or "(" with "ả"."""
    return "Ả" in text or "Nguồn" in text or ("(" in text and "ả" in text)


def _chrome_kind(text: str) -> str:
    if _ALT_TEXT.match(text) and len(text) <= 30:
        return "alt"
    if _SOURCE.match(text) or _theo_source(text):
        return "source"
    if _FOLLOW.match(text):
        return "follow"
    if len(text) <= 80 and (_STOP.match(text) or _HIGHLIGHT_OUTLET.match(text)):
        return "stop"
    if _NAV.match(text):
        return "nav"
    if _WIDGET.match(text) or _BREADCRUMB.match(text):
        return "menu"
    if _BYLINE.match(text) or _is_dateline(text):
        return "dateline"
    return BODY


def _theo_source(text: str) -> str | None:
    """The outlet of a "Theo Chinhphu.vn" / "Theo TTXVN" attribution, not of "Theo báo cáo…"."""
    match = _THEO.match(text)
    if not match:
        return None
    source = match["source"].strip()
    return source if _is_outlet(source) else None


def _is_outlet(name: str) -> bool:
    capitalised = all(word[0].isupper() or word[0].isdigit() or word == "&" for word in name.split())
    return bool(_DOMAIN.match(name) or _OUTLET.match(name)) or capitalised


def _is_dateline(text: str) -> bool:
    if len(text) > 80 or text.endswith(".") or not (_DATE_DMY.search(text) or _DATE_ISO.search(text)):
        return False
    return len(_LETTER_WORD.findall(text)) <= 5


def _cut_spam(line: _Line) -> None:
    """Cut betting keywords and fused runs (`kg.spam`); a line of little else goes."""
    cuts = spam_cuts(line.text)
    if cuts:
        line.spam = True
        line.cuts.extend(_span(line, start, end) for start, end in cuts)
    if line.spam and len(_LETTER_WORD.findall(_kept_text(line))) < 5:
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
    if match is None or not _is_outlet(match["publisher"]):
        return None
    first.cuts.append(_span(first, 0, len(match.group().rstrip())))
    return match["publisher"]


def _mark_captions_after_images(lines: list[_Line]) -> None:
    for line, following in zip(lines, lines[1:]):
        if line.kind in ("image", "alt") and following.kind == BODY and len(following.text) <= _IMAGE_CAPTION:
            following.kind = "caption"


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
        if is_item(line):
            run.append(line)
            continue
        introduced = run and run[0].index > 0 and lines[run[0].index - 1].text.endswith(":")
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
    last = max((line.index for line in lines if line.is_paragraph), default=None)
    if last is not None:
        for line in lines[last + 1 :]:
            if line.kind == BODY and line.words < _PARAGRAPH_WORDS and not line.stops:
                line.kind = "trailer"
    source = next((line for line in lines if line.kind == "source" and 2 * line.start >= length), None)
    if source is not None:
        for line in lines[source.index + 1 :]:
            if line.kind == BODY and not line.is_paragraph:
                line.kind = "trailer"


def _removed_spans(lines: list[_Line]) -> list[Span]:
    spans: list[Span] = []
    for line in lines:
        if line.kind == BODY:
            spans.extend(line.cuts)
        elif line.kind != "blank":
            spans.append(Span(line.start, line.end))
    return spans


def _merge(text: str, spans: list[Span]) -> list[Span]:
    """Sort spans and join those that touch or are separated by blanks only."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and (span.start <= merged[-1].end or not text[merged[-1].end : span.start].strip()):
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _read_meta(
    doc: Document, lines: list[_Line], headline: _Line | None, spam_page: bool, lead_tag: str | None
) -> SourceMeta:
    """Publisher: a source line's name, else the wire tag, else the source URL's host, else the
    outlet named in page chrome ("Nổi bật Tạp chí …", "Theo dõi … trên")."""
    meta = SourceMeta(title=_title(doc, lines, headline))
    named: str | None = None
    fallback: list[str] = []
    for line in lines:
        text = line.text
        if line.kind == "source":
            source = _SOURCE.match(text)
            value = (source["source"] if source else _theo_source(text)) or ""
            url = _URL.search(value)
            if url:
                meta.url = meta.url or url.group().rstrip(".,;)")
                value = value[: url.start()]
            named = named or value.strip(" -–,;:") or None
        elif line.kind == "stop" and _HIGHLIGHT_OUTLET.match(text):
            fallback.insert(0, _HIGHLIGHT_OUTLET.match(text)["publisher"])
        elif line.kind == "follow":
            fallback.append(_FOLLOW.match(text)["publisher"])
        elif line.kind == "dateline" and meta.issued is None:
            meta.issued = _date_of(text, trust_iso=not spam_page)
    host = _host(meta.url) if meta.url else None
    meta.publisher = named or lead_tag or host or (fallback[0] if fallback else None)
    return meta


def _title(doc: Document, lines: list[_Line], headline: _Line | None) -> str:
    if headline is not None:
        title = _kept_text(headline).strip()
        if title:
            return title
    for line in lines:
        if line.kind == BODY:
            for start, end in _kept_stretches(line):
                sentences = sentence_spans(doc.text, start, end)
                if sentences:
                    return _shorten(doc.slice(sentences[0]))
    return doc.stem


def _shorten(sentence: str) -> str:
    sentence = sentence.rstrip(" ./")
    if len(sentence) <= _TITLE_LIMIT:
        return sentence
    cut = sentence[: _TITLE_LIMIT - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:-–") + "…"


def _date_of(text: str, trust_iso: bool) -> str | None:
    """The ISO date of a dateline; a bare "yyyy-mm-dd" header is trusted only off spam mirrors,
    whose headers carry the date of the copy."""
    dmy, iso = _DATE_DMY.search(text), _DATE_ISO.search(text)
    if dmy:
        day, month, year = (int(part) for part in dmy.groups())
    elif trust_iso and iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _kept_stretches(line: _Line) -> list[tuple[int, int]]:
    stretches: list[tuple[int, int]] = []
    position = line.start
    for cut in sorted(line.cuts):
        if cut.start > position:
            stretches.append((position, cut.start))
        position = max(position, cut.end)
    if position < line.end:
        stretches.append((position, line.end))
    return stretches


def _kept_text(line: _Line) -> str:
    return "".join(line.text[start - line.start : end - line.start] for start, end in _kept_stretches(line))


def _span(line: _Line, start: int, end: int) -> Span:
    return Span(line.start + start, line.start + end)
