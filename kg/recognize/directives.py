"""Recognise numbered directives (nghị quyết, nghị định, quyết định …) by their number and symbol.

Vietnamese official numbering (Decree 30/2020/NĐ-CP; Party Regulation 66-QĐ/TW):
- state documents: `số/LOẠI-CƠQUAN` or `số/năm/LOẠI-CƠQUAN` (83/NQ-CP, 45/2020/NĐ-CP,
  05/2020/TTLT-BTC-BNV); laws and resolutions of the National Assembly carry no type
  (76/2015/QH13), and neither do official letters (1234/VPCP-KSTT);
- Party documents: `số-LOẠI/CƠQUAN` (54-NQ/TW, 05-CT/TU).
Symbols are read in any case, with or without diacritics and with stray spaces ("83/NQ - CP",
"45/2020/nd-cp") and written back in canonical form ("83/NQ-CP", "45/2020/NĐ-CP").

The type comes from the symbol; the word before the number ("Luật", "Công văn", "Quy định")
decides when the symbol has no type or an ambiguous one. The issuer comes from the symbol body,
unless the text names it: "… của Bộ Chính trị", "Chính phủ đã ban hành Nghị quyết …". Short
later mentions ("Nghị quyết 54", "Quyết định số 411") take the key of the full mention with the
same type and leading number; without one, a short mention whose issuer the text names is
completed from the issuer's symbol ("Nghị quyết 01 của Chính phủ" → 01/NQ-CP, constructed=True),
and otherwise it is not a directive. Named laws without a number are not directives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.document import Document, Mention, Sentence
from kg.guarded import NearAnchors, digit_runs_by_span, finditer_at
from kg.iri import fold, slugify
from kg.recognize.periods import DATE_TEXT, parse_date, spelled_words
from kg.recognize.places import main_province

TYPE_CODES = ("NQ", "NĐ", "QĐ", "CT", "KH", "TB", "CV", "ĐA", "CTr", "TT", "L", "KL", "BC", "HD", "QĐi",
              "TTLT", "PL", "CĐ")
_TYPE_WORDS = {
    "nghị quyết": "NQ", "nghị định": "NĐ", "quyết định": "QĐ", "chỉ thị": "CT", "kế hoạch": "KH",
    "thông báo": "TB", "công văn": "CV", "văn bản": "CV", "đề án": "ĐA", "chương trình": "CTr",
    "thông tư liên tịch": "TTLT", "thông tư": "TT", "luật": "L", "bộ luật": "L", "kết luận": "KL",
    "báo cáo": "BC", "hướng dẫn": "HD", "quy định": "QĐi", "pháp lệnh": "PL", "công điện": "CĐ",
}
PARTY_BODIES = {"TW": "ban-chap-hanh-trung-uong-dang"}
_PARTY_ISSUERS = ("bo-chinh-tri", "ban-bi-thu", "ban-chap-hanh-trung-uong-dang")
ISSUER_SYMBOLS = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước", "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính", "BTTTT": "Bộ Thông tin và Truyền thông", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BXD": "Bộ Xây dựng", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng", "BNG": "Bộ Ngoại giao",
    "BTP": "Bộ Tư pháp", "BCT": "Bộ Công Thương",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn", "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BGTVT": "Bộ Giao thông vận tải", "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BKHCN": "Bộ Khoa học và Công nghệ", "BGDĐT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế",
    "BDTTG": "Bộ Dân tộc và Tôn giáo", "UBDT": "Ủy ban Dân tộc", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ", "KTNN": "Kiểm toán Nhà nước", "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
}
_LOCAL_BODIES = {"UBND": "uy-ban-nhan-dan", "HĐND": "hoi-dong-nhan-dan"}
_OTHER_CODES = ("TW", "TU", "HU", "ĐU", "BCSĐ", "UBND", "HĐND")
_CANONICAL_CODES = {fold(c).upper(): c for c in (*TYPE_CODES, *ISSUER_SYMBOLS, *_OTHER_CODES)}
_SYMBOL_OF_ISSUER = {slugify(label): symbol for symbol, label in ISSUER_SYMBOLS.items()}
_EXTRA_ISSUER_NAMES = {
    "Thủ tướng": "thu-tuong-chinh-phu", "Ban Chấp hành Trung ương Đảng": "ban-chap-hanh-trung-uong-dang",
    "Ban Chấp hành Trung ương": "ban-chap-hanh-trung-uong-dang", "Trung ương": "ban-chap-hanh-trung-uong-dang",
    "Bộ Chính trị": "bo-chinh-tri", "Ban Bí thư": "ban-bi-thu", "Bộ KH&ĐT": "bo-ke-hoach-va-dau-tu",
}
_CONSTRUCTIBLE_TYPES = ("NQ", "QĐ", "CT", "KL", "TB", "KH", "CĐ")
"""Types whose numbers carry no year, so "Nghị quyết 01 của Chính phủ" is the whole number."""

_PART = r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*"
# Codes whose last letter is small, as "TTg" is: "TTr" (an inspectorate), "CTr" (a programme).
_MIXED_CASE_CODE = re.compile(r"[A-ZĐ]{2,}[a-zđ]")
_STATE = re.compile(
    rf"(?<![\w/.\-])(?P<num>\d{{1,5}})\s?/\s?(?:(?P<year>(?:19|20)\d{{2}})\s?/\s?)?"
    rf"(?P<sym>{_PART}(?:\s?[-–]\s?{_PART})*)"
)
_PARTY = re.compile(
    rf"(?<![\w/.\-])(?P<num>\d{{1,5}})\s?[-–]\s?(?P<type>[A-Za-zĐđ]{{1,4}})\s?/\s?"
    rf"(?P<sym>{_PART}(?:[-–]{_PART})*)"
)
_NUMBER_HEAD = re.compile(r"\d{1,5}\s?[-–/]")
"""How both kinds of number start: one search for the runs of digits either may start at."""
_PART_TOKEN = re.compile(_PART)
_TYPE_WORD_TEXT = "|".join(sorted(_TYPE_WORDS, key=len, reverse=True))
# How far before a number its type word, issuing verb and date are looked for: the patterns end at
# the number, and searching whole long prefixes made sentences with many numbers quadratic.
CONTEXT_REACH = 300
_TYPE_WORD_BEFORE = re.compile(rf"(?<!\w)(?P<word>{_TYPE_WORD_TEXT})\s+(?:số\s*:?\s*)?$", re.IGNORECASE)
_SHORT = re.compile(
    rf"(?<!\w)(?P<word>{_TYPE_WORD_TEXT})\s+(?:số\s+)?(?P<num>\d{{1,5}})(?![\w/\-–]|[.,]\d|\s?[-–/]\s?\w)",
    re.IGNORECASE,
)
_SHORT_WORDS = NearAnchors(5, spelled_words(_SHORT))
"""A short mention starts at its type word, at most four words ("thông tư liên tịch") and "số"
before the run of digits of its number, all separated by whitespace."""
_ISSUED_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:được\s+)?(?:ký\s+)?ban\s+hành\s+)?(?:vào\s+)?ngày\s+(?:{DATE_TEXT})", re.IGNORECASE
)
_ISSUER_AFTER = re.compile(r"\s*,?\s*(?:của|do)\s+")
_ISSUED_BEFORE = re.compile(
    rf"ngày\s+(?:{DATE_TEXT})\s*,?\s*(?!của\s|do\s)[^,;]{{0,60}}?\s(?:đã\s+|vừa\s+|mới\s+|cũng\s+)*(?:ký\s+)?ban\s+hành\s+"
    r"(?:kèm\s+theo\s+)?$",
    re.IGNORECASE,
)
_ISSUE_VERB_BEFORE = re.compile(r"\s+(?:đã\s+|vừa\s+|mới\s+|cũng\s+)*(?:ký\s+)?ban\s+hành\s+(?:kèm\s+theo\s+)?$")
_TITLE_AFTER = re.compile(r"\s*,?\s*về\s+(?:việc\s+)?(?P<title>[^,;:.!?()“”\"\n]{3,200}?)\s*(?=[,;:.!?()“”\"\n]|$)")
_IMPLEMENTS_GAP = re.compile(
    r"(?<!\w)(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|hướng\s+dẫn(?:\s+thi\s+hành|\s+thực\s+hiện)?|"
    r"quy\s+định\s+chi\s+tiết(?:\s+thi\s+hành)?(?:\s+một\s+số\s+điều(?:\s+của)?)?|thi\s+hành|cụ\s+thể\s+hóa)"
    rf"(?:\s+(?:{_TYPE_WORD_TEXT}))?(?:\s+số)?\s*$",
    re.IGNORECASE,
)
_IMPLEMENTS_OPENING = re.compile(
    r"^\W*(?:về\s+việc\s+|về\s+|để\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|thi\s+hành|cụ\s+thể\s+hóa)\s+$",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
_GROUNDS = re.compile(r"(?<!\w)căn\s+cứ(?!\w)", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"(?<!\w)(?:về|phê\s+duyệt|ban\s+hành)(?!\w)", re.IGNORECASE)
_ISSUE_VERB = re.compile(r"(?<!\w)ban\s+hành(?!\w)", re.IGNORECASE)


_ISSUER_SLUG = {label: slugify(label) for label in ISSUER_SYMBOLS.values()} | _EXTRA_ISSUER_NAMES
_ISSUER_NAME = re.compile(
    "(?P<name>"
    + "|".join(re.escape(n) for n in sorted({*_ISSUER_SLUG, *(n.replace("Ủy", "Uỷ") for n in _ISSUER_SLUG)},
                                            key=len, reverse=True))
    + r")(?!\w)"
)
"""Issuers named in the text, for when the agency recogniser has not tagged them."""


@dataclass
class _Found:
    """A directive mention being built; offsets are absolute."""

    start: int
    end: int
    sentence: Sentence
    number: str
    doc_type: str
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def leading(self) -> int:
        """The serial number before the first "/" or "-" ("54" of "54-NQ/TW")."""
        return int(re.split(r"\D", self.number, maxsplit=1)[0])


def normalise_document_number(text: str) -> str:
    """The canonical form of a written number and symbol: "83/nq - cp" → "83/NQ-CP",
    "45/2020/ND-CP" → "45/2020/NĐ-CP", "54-nq/tw" → "54-NQ/TW". Text that is not a document
    number raises ValueError."""
    compact = text.strip()
    party = _PARTY.fullmatch(compact)
    if party and _canonical_code(party.group("type")) in TYPE_CODES:
        body = "-".join(_canonical_code(p) for p in _PART_TOKEN.findall(party.group("sym")))
        return f"{party.group('num')}-{_canonical_code(party.group('type'))}/{body}"
    state = _STATE.fullmatch(compact)
    if state:
        parts = [_canonical_code(p) for p in _PART_TOKEN.findall(state.group("sym"))]
        year = f"{state.group('year')}/" if state.group("year") else ""
        return f"{state.group('num')}/{year}{'-'.join(parts)}"
    raise ValueError(f"not a document number: {text!r}")


def _canonical_code(part: str) -> str:
    key = fold(part).upper()
    if key in _CANONICAL_CODES:
        return _CANONICAL_CODES[key]
    numbered = re.fullmatch(r"(UBTVQH|QH)(\d+)", key)
    if numbered:
        return numbered.group(1) + numbered.group(2)
    return part if _MIXED_CASE_CODE.fullmatch(part) else part.upper()


def _is_code(part: str) -> bool:
    key = fold(part).upper()
    return key in _CANONICAL_CODES or bool(re.fullmatch(r"(?:UBTVQH|QH)\d+", key)) or (
        part == part.upper() and any(c.isalpha() for c in part)
    ) or _MIXED_CASE_CODE.fullmatch(part) is not None


def recognise_directives(doc: Document) -> None:
    numbered = [(s, runs) for s, runs in zip(doc.sentences, digit_runs_by_span(doc.text, doc.sentences)) if runs]
    full: list[_Found] = []
    for sentence, runs in numbered:
        full.extend(_full_mentions(doc, sentence, runs))
    short: list[_Found] = []
    for sentence, runs in numbered:
        short.extend(_short_mentions(doc, sentence, runs, full))
    found = sorted(full + short, key=lambda f: f.start)
    _link_implementations(doc, found)
    for item in found:
        doc.add(Mention(item.start, item.end, "directive", slugify(item.number), item.attrs))


def _full_mentions(doc: Document, sentence: Sentence, runs: tuple[int, ...]) -> list[_Found]:
    """The full numbers of the sentence, whose runs of digits start at `runs` (a number starts one:
    its look-behind rules out a digit before it)."""
    text = doc.slice(sentence)
    found: list[_Found] = []
    if "/" not in text:  # every number holds one
        return found
    taken_until = -1
    heads = [run for run in runs if _NUMBER_HEAD.match(text, run)]
    matches = sorted([*finditer_at(_PARTY, text, heads), *finditer_at(_STATE, text, heads)], key=lambda m: m.start())
    for match in matches:
        if match.start() < taken_until:
            continue
        read = _read_number(match, match.re is _PARTY)
        if read is None:
            continue
        number, symbol_type, body, end = read
        type_word = _TYPE_WORD_BEFORE.search(text, max(0, match.start() - CONTEXT_REACH), match.start())
        start = type_word.start() if type_word else match.start()
        word_type = _TYPE_WORDS[" ".join(type_word.group("word").lower().split())] if type_word else None
        doc_type = _decide_type(symbol_type, word_type, body)
        item = _Found(sentence.start + start, sentence.start + end, sentence, number, doc_type)
        named_issuer, issued, title = _read_context(doc, sentence, text, start, end)
        item.attrs = {
            "number": number, "doc_type": doc_type,
            "issuer": named_issuer or _issuer_from_symbol(doc, body, doc_type),
            "issued": issued, "implements": None, "title": title, "short": False,
        }
        found.append(item)
        taken_until = end
    return found


def _read_number(match: re.Match[str], is_party: bool) -> tuple[str, str | None, str | None, int] | None:
    """(canonical number, type code from the symbol, issuing body code, end offset), keeping the
    symbol's parts up to the first that is not a code ("12/KH-UBND - một" stops at UBND)."""
    parts: list[str] = []
    end = match.start("sym")
    for token in _PART_TOKEN.finditer(match.group("sym")):
        if not _is_code(token.group()):
            break
        parts.append(_canonical_code(token.group()))
        end = match.start("sym") + token.end()
    if not parts:
        return None
    if is_party:
        type_code = _canonical_code(match.group("type"))
        if type_code not in TYPE_CODES:
            return None
        return f"{match.group('num')}-{type_code}/{'-'.join(parts)}", type_code, parts[0], end
    year = f"{match.group('year')}/" if match.group("year") else ""
    number = f"{match.group('num')}/{year}{'-'.join(parts)}"
    if parts[0] in TYPE_CODES:
        return number, parts[0], parts[1] if len(parts) > 1 else None, end
    return number, None, parts[0], end


def _decide_type(symbol_type: str | None, word_type: str | None, body: str | None) -> str:
    """Party symbols write both Quyết định and Quy định as QĐ; the word tells them apart."""
    if symbol_type == "QĐ" and word_type == "QĐi":
        return "QĐi"
    if symbol_type:
        return symbol_type
    if word_type:
        return word_type
    return "L" if body and body.startswith("QH") else "CV"


def _issuer_from_symbol(doc: Document, body: str | None, doc_type: str) -> str | None:
    if body is None:
        return None
    if body in PARTY_BODIES:
        return PARTY_BODIES[body] if doc_type == "NQ" else None
    if body.startswith("UBTVQH"):
        return slugify(ISSUER_SYMBOLS["UBTVQH"])
    if body.startswith("QH"):
        return slugify(ISSUER_SYMBOLS["QH"])
    if body in ISSUER_SYMBOLS:
        return slugify(ISSUER_SYMBOLS[body])
    if body in _LOCAL_BODIES:
        return _local_issuer(doc, _LOCAL_BODIES[body])
    return None


def _local_issuer(doc: Document, head: str) -> str | None:
    """The main province's UBND or HĐND, as the agency recogniser names it when it can."""
    province = main_province(doc)
    if province is None:
        return None
    for mention in doc.iter_kind("agency"):
        if mention.key.startswith(head) and mention.attrs.get("jurisdiction") == province:
            return mention.key
    return f"{head}-tinh-{province}"


def _read_context(
    doc: Document, sentence: Sentence, text: str, start: int, end: int
) -> tuple[str | None, str | None, str | None]:
    """(issuer named by the text, issue date, title) around a number that spans [start, end)."""
    issuer = issued = None
    position = end
    date_after = _ISSUED_AFTER.match(text, position)
    if date_after:
        issued, position = parse_date(date_after), date_after.end()
    of = _ISSUER_AFTER.match(text, position)
    if of:
        named = _issuer_at(doc, sentence, text, of.end())
        if named:
            issuer, position = named
            if issued is None:
                date_after = _ISSUED_AFTER.match(text, position)
                if date_after:
                    issued, position = parse_date(date_after), date_after.end()
    reach = max(0, start - CONTEXT_REACH)
    verb = _ISSUE_VERB_BEFORE.search(text, reach, start)
    if verb and issuer is None:
        issuer = _issuer_before(doc, sentence, text, verb.start())
    date_before = _ISSUED_BEFORE.search(text, reach, start)
    if date_before and issued is None:
        issued = parse_date(date_before)
    title = _TITLE_AFTER.match(text, position)
    return issuer, issued, title.group("title") if title else None


def _issuer_at(doc: Document, sentence: Sentence, text: str, position: int) -> tuple[str, int] | None:
    """The agency named from `position` of the sentence text: a recognised agency mention, else
    one of the issuers of the local table; with the offset where its name ends."""
    absolute = sentence.start + position
    agencies = [m for m in doc.iter_kind("agency") if m.start == absolute]
    if agencies:
        longest = max(agencies, key=lambda m: m.end)
        return longest.key, longest.end - sentence.start
    name = _ISSUER_NAME.match(text, position)
    return (_ISSUER_SLUG[name.group("name").replace("Uỷ", "Ủy")], name.end()) if name else None


def _issuer_before(doc: Document, sentence: Sentence, text: str, position: int) -> str | None:
    """The agency whose name ends at `position`: "Chính phủ (đã ban hành …)"."""
    absolute = sentence.start + position
    agencies = [m for m in doc.iter_kind("agency") if m.end == absolute]
    if agencies:
        return min(agencies, key=lambda m: m.start).key
    window = text[max(0, position - 60) : position]
    for name in _ISSUER_NAME.finditer(window):
        if name.end() == len(window):
            return _ISSUER_SLUG[name.group("name").replace("Uỷ", "Ủy")]
    return None


def _short_mentions(doc: Document, sentence: Sentence, runs: tuple[int, ...], full: list[_Found]) -> list[_Found]:
    text = doc.slice(sentence)
    found: list[_Found] = []
    for match in finditer_at(_SHORT, text, sorted(_SHORT_WORDS.starts(text, runs))):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(f.start < end and start < f.end for f in full):
            continue
        doc_type = _TYPE_WORDS[" ".join(match.group("word").lower().split())]
        number = match.group("num")
        of = _ISSUER_AFTER.match(text, match.end())
        named = _issuer_at(doc, sentence, text, of.end()) if of else None
        issuer = named[0] if named else None
        target = _resolve_short(full, doc_type, int(number), issuer, start)
        if target is not None:
            attrs = {**target.attrs, "implements": None, "short": True}
            found.append(_Found(start, end, sentence, target.number, target.doc_type, attrs))
            continue
        constructed = _construct_number(number, doc_type, issuer) if issuer else None
        if issuer and constructed:
            attrs = {"number": constructed, "doc_type": doc_type, "issuer": issuer, "issued": None,
                     "implements": None, "title": None, "short": True, "constructed": True}
            found.append(_Found(start, end, sentence, constructed, doc_type, attrs))
    return found


def _resolve_short(
    full: list[_Found], doc_type: str, leading: int, issuer: str | None, position: int
) -> _Found | None:
    """The full mention a short one refers to: same type, leading number and (when the short one
    names it) issuer; the nearest before it, else the first after it."""
    candidates = [
        f for f in full
        if f.doc_type == doc_type and f.leading == leading and issuer in (None, f.attrs["issuer"])
    ]
    before = [f for f in candidates if f.start < position]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def _construct_number(number: str, doc_type: str, issuer: str) -> str | None:
    if doc_type not in _CONSTRUCTIBLE_TYPES or _YEAR_LIKE.fullmatch(number):
        return None
    if issuer in _PARTY_ISSUERS:
        return f"{number}-{doc_type}/TW"
    symbol = _SYMBOL_OF_ISSUER.get(issuer)
    return f"{number}/{doc_type}-{symbol}" if symbol else None


def _one_clause_or_titled(lead_in: str, gap: str) -> bool:
    """Whether the words between two documents, ending with "triển khai" or the like, tie the
    first to the second: one clause, or the first's title (commas and all) then a comma
    ("Kế hoạch 1876 về nâng cao PAR INDEX, SIPAS, PAPI, triển khai Nghị quyết 76"); not a list
    of grounds ("Căn cứ Quyết định 12 về …, thực hiện Kế hoạch 30, …"), which `lead_in`, the
    words of the sentence before the first, opens."""
    head, comma, _ = gap.rpartition(",")
    return not comma or (_TITLE_WORDS.search(head) is not None and _GROUNDS.search(lead_in) is None)


def _link_implementations(doc: Document, found: list[_Found]) -> None:
    """"… Nghị quyết số 83/NQ-CP về chương trình hành động thực hiện Nghị quyết số 54" and
    "Thực hiện Nghị quyết 54, Chính phủ ban hành Nghị quyết 83" both make 83 implement 54."""
    for earlier, later in zip(found, found[1:]):
        if earlier.sentence != later.sentence or slugify(earlier.number) == slugify(later.number):
            continue
        gap = doc.text[earlier.end : later.start]
        if len(gap) <= 200 and ";" not in gap and _IMPLEMENTS_GAP.search(gap) \
                and _one_clause_or_titled(doc.text[earlier.sentence.start:earlier.start], gap):
            earlier.attrs["implements"] = slugify(later.number)
    for index, opening in enumerate(found):
        lead_in = doc.text[opening.sentence.start : opening.start]
        if not _IMPLEMENTS_OPENING.match(lead_in):
            continue
        for later in found[index + 1 :]:
            if later.sentence != opening.sentence:
                break
            gap = doc.text[opening.end : later.start]
            if _ISSUE_VERB.search(gap) and later.attrs["implements"] is None:
                if slugify(later.number) != slugify(opening.number):
                    later.attrs["implements"] = slugify(opening.number)
                break
