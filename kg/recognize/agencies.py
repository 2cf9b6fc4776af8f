"""Public bodies and organisations: central bodies from the gazetteer, local bodies built from a
head and a place ("UBND tỉnh Thái Nguyên"), and sub-bodies whose parent the text names.

Rules:
- Central bodies and organisations match their names in any spelling of diacritics, with a
  capital first letter; abbreviations (VPCP, Bộ KH&ĐT, UNDP) only with their capitals. The
  longest name wins ("Văn phòng Chính phủ", not "Chính phủ"). Not matched: "Chính phủ điện tử",
  "Chính phủ số", "Chính phủ kiến tạo", "(Cổng thông tin) điện tử Chính phủ"; a body followed by a
  foreign country ("Chính phủ Nhật Bản", "Quốc hội Lào"); an office named by a title after "Phó"
  ("Phó Thủ tướng"); bare "Thủ tướng" followed by a capitalised word that is not a surname.
- Local bodies (UBND, HĐND, Tỉnh ủy/Thành ủy, Sở X, Văn phòng UBND) take the province or admin
  unit mention that follows them ("UBND tỉnh X", "UBND TP.HCM", "UBND thành phố Phúc Yên",
  "Tỉnh ủy X", "Sở Y tế của tỉnh X"); "UBND các tỉnh X, Y và Z" gives one body per province;
  "Thành ủy" goes with a centrally governed city only, "Tỉnh ủy" with a province.
- Without a place, "UBND tỉnh"/"HĐND tỉnh" (or "thành phố" for a centrally governed city), bare
  "Tỉnh ủy"/"Thành ủy" and bare "Sở X" are the bodies of the article's main province when its
  kind fits. "UBND tỉnh các tỉnh", "UBND tỉnh, thành phố", "UBND cấp tỉnh" are generic and give
  nothing. In "Tỉnh ủy, HĐND, UBND tỉnh X" each head joined by "," or "và" to the next takes the
  next one's place. Bare "UBND"/"HĐND" are left out (any province's, or any level's), and so is a
  head followed by a place it cannot have ("Thành ủy Thái Nguyên" is the provincial city's).
- Facilities, portals and systems (Trung tâm Phục vụ hành chính công, Cổng Dịch vụ công quốc
  gia, bộ phận một cửa) are not bodies.
- "Cục X (VPCP)", "Cục X của/thuộc Bộ Y", "Vụ X, Bộ Y": a sub-body with that parent; unknown ones
  are labelled "Vụ X, Bộ Y" so that every ministry's "Vụ Pháp chế" stays distinct. The
  gazetteer's sub-bodies ("Cục Thuế", "Vụ Tổ chức - Biên chế") are known without their ministry,
  but not before a place ("Cục Thuế tỉnh Bình Định" is a province's office); another written
  without its ministry is read where the text closes its name (`kg.recognize.bare_sub_bodies`).
- Generic plurals ("các bộ, ngành", "sở, ngành", "bộ phận một cửa") never match: every head
  needs its capital and a name.
Overlapping finds go to the earliest, then longest, one.
"""

from __future__ import annotations

import functools
import re

from kg.document import MENTION_ORDER, Document, Mention, Span
from kg.gazetteer.agencies import AGENCIES, AGENCY, Agency
from kg.gazetteer.bodies import capitalised_heads
from kg.gazetteer.matching import (
    VIETNAMESE_SURNAMES,
    alternation,
    is_capitalised,
    next_word,
    normalise,
    previous_word,
    same_capitals,
    search_at,
    written_alternation,
)
from kg.guarded import NotPrecededPattern, not_preceded
from kg.iri import fold_aligned
from kg.recognize.bare_sub_bodies import bare_sub_body_spans
from kg.recognize.local_bodies import LOWER_CASE_HEAD, Group, LocalBodies, local_heads
from kg.recognize.places import names_a_province

_FOREIGN_AFTER = re.compile(
    r"\s+(?:my|hoa\s+ky|nhat|trung\s+quoc|han\s+quoc|trieu\s+tien|lao|campuchia|thai\s+lan|anh|phap|duc|nga"
    r"|uc|an\s+do|singapore|canada|indonesia|malaysia|philippines|myanmar|cuba|israel|ukraine|ha\s+lan"
    r"|thuy\s+dien|na\s+uy|dan\s+mach|phan\s+lan|bi|y|tay\s+ban\s+nha|bo\s+dao\s+nha|thuy\s+si|ao|ba\s+lan"
    r"|brazil|mexico|ai\s+cap|nam\s+phi|mong\s+co|brunei|new\s+zealand|hungary|sec)(?!\w)"
)
_NOT_BEFORE = {
    "chinh-phu": re.compile(r"\s+(?:dien\s+tu|so\s+hoa|so(?!\s*\d)|kien\s+tao)(?!\w)"),
    "ban-chap-hanh-trung-uong-dang": re.compile(r"\s+(?:doan|hoi|mat\s+tran|cong\s+doan)(?!\w)"),
}
_NOT_AFTER = {"chinh-phu": re.compile(r"dien\s+tu\s+$")}
_BARE_PRIME_MINISTER = normalise("Thủ tướng")
_SUB_BODY_HEADS = ("cục", "vụ", "tổng cục")



@functools.cache
def _central() -> tuple[NotPrecededPattern, dict[str, tuple[Agency, str, bool]]]:
    lookup: dict[str, tuple[Agency, str, bool]] = {}
    for entry in AGENCIES:
        for name in (entry.label, *entry.variants):
            lookup[normalise(name)] = (entry, name, False)
        for abbreviation in entry.abbreviations:
            lookup[normalise(abbreviation)] = (entry, abbreviation, True)
    return not_preceded(r"[\w&]", rf"(?:{alternation(lookup)})(?![\w&])"), lookup


@functools.cache
def _name_starts() -> re.Pattern[str]:
    """Where a central body's name, a sub-body's head or a local body's head starts with a capital,
    as written (a match is that capital alone): the judges of `_central_groups` and
    `_sub_body_groups` refuse any other (abbreviations too open with a capital), and so does
    `LocalBodies.groups` but for a few heads in lower case (`LOWER_CASE_HEAD`). One search for
    all, as most of its cost is stopping at every capital of the text."""
    names = (*(name for _, name, _ in _central()[1].values()), *_SUB_BODY_HEADS, *capitalised_heads())
    return re.compile(written_alternation(names, capital_first=True, starts_only=True))


@functools.cache
def _sub_body_pattern() -> NotPrecededPattern:
    parents = alternation(n for a in AGENCIES if a.org_class == AGENCY for n in (a.label, *a.variants, *a.abbreviations))
    return not_preceded(
        r"\w",
        r"(?P<head>tong\s+cuc|cuc|vu)\s+(?P<name>\w+(?:\s+\w+){0,7}?)"
        rf"(?:\s*\(\s*|\s*,\s*|\s+(?:cua|thuoc)\s+|\s*[-–]\s*)(?P<parent>{parents})(?![\w&])"
    )


_PLACE_WORD_AFTER = re.compile(r"\s+(?:tinh|thanh pho|tp|khu vuc|huyen|quan|thi xa)(?!\w)")


def _at_a_place(folded: str, end: int) -> bool:
    """Whether a place follows the name ending at `end` of folded text ("… tỉnh X", "… Hà Nội")."""
    return _PLACE_WORD_AFTER.match(folded, end) is not None or (
        folded.startswith(" ", end) and names_a_province(folded, end + 1))


def _agency_mention(start: int, end: int, written: str, entry: Agency) -> Mention:
    return Mention(start, end, "agency", entry.slug, {
        "label": entry.label,
        "label_en": entry.label_en or None,
        "alt": written if written != entry.label else None,
        "jurisdiction": None,
        "parent": entry.parent,
        "org_class": entry.org_class,
    })


def _single(mention: Mention) -> Group:
    return Group(mention.start, mention.end, (mention,))


def _central_groups(text: str, folded: str, offset: int, starts: tuple[int, ...]) -> list[Group]:
    """The central bodies of a sentence (`text`, `folded`, starting at `offset` in the document),
    tried at `starts` (`_name_starts`, in the sentence)."""
    pattern, lookup = _central()

    def judge(match: re.Match[str]) -> Agency | None:
        key = normalise(match.group())  # the normalised `name` too, as `lookup` is keyed
        entry, name, is_abbreviation = lookup[key]
        start, end = match.span()
        written = text[start:end]
        if not (same_capitals(written, name) if is_abbreviation else is_capitalised(written)):
            return None
        if _FOREIGN_AFTER.match(folded, end) and is_capitalised(next_word(text, end)):
            return None
        if entry.head and fold_aligned(previous_word(text, start)[0]) == "pho":
            return None
        if entry.parent and _at_a_place(folded, end):  # "Cục Thuế tỉnh Bình Định": a province's office
            return None
        if key == _BARE_PRIME_MINISTER:
            after = next_word(text, end)
            if after and is_capitalised(after) and fold_aligned(after) not in VIETNAMESE_SURNAMES:
                return None
        not_before, not_after = _NOT_BEFORE.get(entry.slug), _NOT_AFTER.get(entry.slug)
        if not_before is not None and not_before.match(folded, end):
            return None
        if not_after is not None and not_after.search(folded, 0, start):
            return None
        return entry

    return [
        _single(_agency_mention(offset + m.start(), offset + m.end(), text[m.start() : m.end()], entry))
        for m, entry in search_at(starts, pattern, folded, judge)
    ]


def _sub_body_groups(text: str, folded: str, offset: int, starts: list[int]) -> list[Group]:
    """The sub-bodies of a sentence, as `_central_groups` has it, tried at `starts`."""
    _, central = _central()

    def judge(match: re.Match[str]) -> tuple[str, Agency] | None:
        """The sub-body a "Cục/Vụ X <link> Parent" match names, with its words as written."""
        head = text[match.start("head") : match.end("head")]
        name = text[match.start("name") : match.end("name")]
        if head.lower() not in _SUB_BODY_HEADS or not (is_capitalised(head) and is_capitalised(name)):
            return None
        parent = central[normalise(match.group("parent"))][0]
        written = " ".join(f"{head} {name}".split())
        known = central.get(normalise(written))
        return written, known[0] if known else Agency(f"{written}, {parent.label}", "", parent=parent.slug)

    return [
        _single(_agency_mention(offset + m.start(), offset + m.end("name"), written, entry))
        for m, (written, entry) in search_at(starts, _sub_body_pattern(), folded, judge)
    ]


def _bare_sub_body_groups(text: str, offset: int, starts: list[int]) -> list[Group]:
    """The sub-bodies of a sentence written without their ministry (`bare_sub_body_spans`), tried at
    `starts` (where no other body was found), each labelled as written."""
    return [_single(_agency_mention(offset + start, offset + end, text[start:end], Agency(text[start:end], "")))
            for start, end in bare_sub_body_spans(text, starts)]


def _without_overlaps(groups: list[Group]) -> list[Group]:
    kept: list[Group] = []
    for group in sorted(groups, key=lambda g: (g.start, -g.end)):
        if not kept or group.start >= kept[-1].end:
            kept.append(group)
    return kept


def recognise_agencies(doc: Document) -> None:
    """Add "agency" mentions for the sentences of `doc` (after `recognise_places`)."""
    local = LocalBodies(doc)
    groups: list[Group] = []
    whole_text, whole_folded = doc.text, doc.folded
    name_starts, heads = _name_starts(), local_heads()
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        # where bodies may start: nowhere in most sentences. The patterns look behind no further
        # than they consume and ahead no further than the end, which `endpos` sets: they find
        # what they would in the sentence alone.
        name = name_starts.search(whole_text, start, end)
        if name is None and LOWER_CASE_HEAD.search(whole_folded, start, end) is None:
            continue
        head = heads.search(whole_folded, start, end)
        text, folded = whole_text[start:end], whole_folded[start:end]
        if name is not None:
            starts = tuple(map(re.Match.start, name_starts.finditer(text, name.start() - start)))
            central = _central_groups(text, folded, start, starts)
            groups.extend(central)
            # what a sub-body's head opens with, folded
            sub_body_starts = [s for s in starts if folded.startswith(("tong", "cuc", "vu"), s)]
            if sub_body_starts:
                found = _sub_body_groups(text, folded, start, sub_body_starts)
                claimed = {g.start - start for g in (*central, *found)}
                groups.extend(found)
                groups.extend(_bare_sub_body_groups(text, start, [s for s in sub_body_starts if s not in claimed]))
        if head is not None:
            groups.extend(local.groups(text, folded, start, head.start() - start))
    kept = [g for g in _without_overlaps(groups) if not doc.is_removed(Span(g.start, g.end))]
    # one sort for all, as Document.add would do after each mention
    doc.mentions.extend(m for group in kept for m in group.mentions)
    doc.mentions.sort(key=MENTION_ORDER)
    for mention in _short_forms(doc, [m for group in kept for m in group.mentions]):
        doc.add(mention)


SHORTEST_SHORT_NAME = 3


def _short_forms(doc: Document, found: list[Mention]) -> list[Mention]:
    """A body named once in full with its owner ("Tổ công tác của Thủ tướng", "Ban Chỉ đạo cải
    cách hành chính của Chính phủ") is then often named by its head alone, or the head's first
    words ("Tổ công tác", "Ban Chỉ đạo"): such a short name, as written with its capital, outside
    any other body's name, is the same body in the rest of the article. Three words at least, so
    that no bare kind of body ("Ban", "Tổ") is taken for one."""
    heads: dict[str, Mention] = {}
    for mention in found:
        label = mention.attrs["label"]  # a str: every body found has its label
        if " của " not in label:
            continue
        words = label.split(" của ")[0].split()
        for count in range(len(words), SHORTEST_SHORT_NAME - 1, -1):
            heads.setdefault(" ".join(words[:count]), mention)
    shorts: list[Mention] = []
    for head, full in sorted(heads.items(), key=lambda item: -len(item[0])):
        # the look-behind after the name, which `re` can then scan for as plain text
        pattern = re.compile(rf"{re.escape(head)}(?<![^\W\d_]{re.escape(head)})(?![^\W\d_])")
        for sentence in doc.sentences:
            for match in pattern.finditer(doc.text, sentence.start, sentence.end):
                span = Span(match.start(), match.end())
                if not doc.covered(span, ("agency",)) and not any(span.overlaps(m.span) for m in shorts):
                    shorts.append(Mention(span.start, span.end, "agency", full.key, {**full.attrs, "alt": head}))
    return shorts
