"""What a news page says about its source: title, publisher, date and URL (`SourceMeta`).

`kg.clean` judges the lines of a page; this module holds the patterns of the lines that name a
source ("Nguồn: …", "Theo TTXVN", "Theo dõi … trên", datelines) and reads the metadata from the
judged lines: the publisher is a source line's name, else the wire tag, else the source URL's
host, else the outlet named in page chrome, else the site's banner; the title is the headline,
else the first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol
from urllib.parse import urlsplit

from kg.document import SPAN_ORDER, Document, SourceMeta, Span
from kg.sentences import sentence_spans

# the order of Span, without the slow comparisons its dataclass generates

# The kind `kg.clean` gives a line of article text.
BODY = "body"
_TITLE_LIMIT = 120

SOURCE = re.compile(
    r"^\(?\s*(?:Nguồn(?: tin| bài(?: viết)?)?|Link bài gốc|Bài gốc)\s*:\s*(?P<source>[^()]+?)\s*\)?\.?$",
    re.I,
)
THEO = re.compile(r"^\(?Theo\s+(?P<source>[^,;:()]{2,60}?)\)?\.?$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_OUTLET = re.compile(r"^(?:Báo|Tạp chí|Cổng|Trang|Đài|Thông tấn|TTXVN|VOV|VTV|VGP|VNA)\b")

FOLLOW = re.compile(r"^Theo dõi\s+(?P<publisher>.+?)\s+trên\b.{0,40}$")
HIGHLIGHT_OUTLET = re.compile(r"^Nổi bật\s+(?P<publisher>(?:Báo|Tạp chí|Cổng|Đài|Thông tấn)\s.+)$")
# The site's name in capitals on the page's first line ("BÁO BÌNH ĐỊNH ĐIỆN TỬ", "THỜI BÁO TÀI CHÍNH
# VIỆT NAM", "BÁO THANH TRA - CƠ QUAN CỦA …"): the outlet, up to a dash or a bar.
BANNER = re.compile(r"^(?P<outlet>(?:THỜI BÁO|BÁO(?! CÁO| ĐỘNG| CHÍ| GIÁ)|TẠP CHÍ|CỔNG THÔNG TIN|ĐÀI)\s[^-–|:]+?)"
                    r"\s*(?:[-–|:].*)?$")
_LONGEST_OUTLET = 8  # words: a longer line in capitals is a headline
_LOWER_IN_BANNER = ("ĐIỆN TỬ", "ONLINE")

# day, month, year, parted by slashes or, in some papers' datelines, by hyphens ("22-10-2025")
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?!\d)")
DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")

_URL = re.compile(r"https?://\S+")


class PageLine(Protocol):
    """A line of the page as `kg.clean` judged it: its place, text, kind and the cuts inside it."""

    start: int
    end: int
    text: str
    kind: str
    cuts: list[Span]


def theo_source(text: str) -> str | None:
    """The outlet of a "Theo Chinhphu.vn" / "Theo TTXVN" attribution, not of "Theo báo cáo…"."""
    match = THEO.match(text)
    if not match:
        return None
    source = match["source"].strip()
    return source if is_outlet(source) else None


def is_outlet(name: str) -> bool:
    capitalised = all(word[0].isupper() or word[0].isdigit() or word == "&" for word in name.split())
    return bool(_DOMAIN.match(name) or _OUTLET.match(name)) or capitalised


def read_meta(
    doc: Document, lines: Sequence[PageLine], headline: PageLine | None, spam_page: bool, lead_tag: str | None
) -> SourceMeta:
    """Publisher: a source line's name, else the wire tag, else the source URL's host, else the
    outlet named in page chrome ("Nổi bật Tạp chí …", "Theo dõi … trên")."""
    meta = SourceMeta(title=_title(doc, lines, headline))
    named: str | None = None
    fallback: list[str] = []
    for line in lines:
        text = line.text
        if line.kind == "source":
            source = SOURCE.match(text)
            value = (source["source"] if source else theo_source(text)) or ""
            url = _URL.search(value)
            if url:
                meta.url = meta.url or url.group().rstrip(".,;)")
                value = value[: url.start()]
            named = named or value.strip(" -–,;:") or None
        elif line.kind == "stop" and HIGHLIGHT_OUTLET.match(text):
            fallback.insert(0, HIGHLIGHT_OUTLET.match(text)["publisher"])
        elif line.kind == "follow":
            fallback.append(FOLLOW.match(text)["publisher"])
        elif line.kind == "dateline" and meta.issued is None:
            meta.issued = _date_of(text, trust_iso=not spam_page)
    host = _host(meta.url) if meta.url else None
    meta.publisher = named or lead_tag or host or (fallback[0] if fallback else None) or _banner_outlet(lines, headline)
    return meta


def _banner_outlet(lines: Sequence[PageLine], headline: PageLine | None) -> str | None:
    """The outlet the page's first line (not its headline) names in capitals, in the case names
    are written in running text: "BÁO BÌNH ĐỊNH ĐIỆN TỬ" → "Báo Bình Định điện tử"."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None or first is headline or not first.text.isupper():
        return None
    banner = BANNER.match(first.text.strip())
    if banner is None or len(banner["outlet"].split()) > _LONGEST_OUTLET:
        return None
    outlet = f" {banner['outlet']} "
    for words in _LOWER_IN_BANNER:
        outlet = outlet.replace(f" {words} ", f" {words.lower()} ")
    return " ".join(word if word.islower() else word.capitalize() for word in outlet.split())


def _title(doc: Document, lines: Sequence[PageLine], headline: PageLine | None) -> str:
    if headline is not None:
        title = kept_text(headline).strip()
        if title:
            return title
    for line in lines:
        if line.kind == BODY and not line.text.isupper():  # past the site's name
            for start, end in kept_stretches(line):
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
    dmy, iso = DATE_DMY.search(text), DATE_ISO.search(text)
    if dmy:
        day, month, year = (int(dmy.group(n)) for n in (1, 3, 4))
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


def kept_stretches(line: PageLine) -> list[tuple[int, int]]:
    stretches: list[tuple[int, int]] = []
    position = line.start
    for cut in sorted(line.cuts, key=SPAN_ORDER):
        if cut.start > position:
            stretches.append((position, cut.start))
        position = max(position, cut.end)
    if position < line.end:
        stretches.append((position, line.end))
    return stretches


def kept_text(line: PageLine) -> str:
    return "".join(line.text[start - line.start : end - line.start] for start, end in kept_stretches(line))
