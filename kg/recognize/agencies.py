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
  are labelled "Vụ X, Bộ Y" so that every ministry's "Vụ Pháp chế" stays distinct.
- Generic plurals ("các bộ, ngành", "sở, ngành", "bộ phận một cửa") never match: every head
  needs its capital and a name.
Overlapping finds go to the earliest, then longest, one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.document import MENTION_ORDER, Document, Mention, Span
from kg.gazetteer.agencies import AGENCIES, AGENCY, Agency
from kg.gazetteer.bodies import BODY_KINDS, UBND, BodyKind, body_kind_by_key
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
from kg.gazetteer.provinces import CITY, PROVINCE, ascii_name, province
from kg.guarded import NotPrecededPattern, not_preceded
from kg.iri import fold_aligned, slugify
from kg.recognize.places import main_province, names_a_province

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
_PROVINCE_LIST = re.compile(r"\s+cac\s+tinh\s+")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|va)\s*(?:tinh\s+)?")
_OF = re.compile(r"\s*(?:(?:cua|thuoc)\s+)?")
_PROVINCE_QUALIFIER = re.compile(r"\s*(?:(?:cua|thuoc)\s+)?(?:(?:tinh|thanh\s+pho)\s+|tp\s*\.?\s*)?")
_LEVEL = re.compile(r"\s+(tinh|thanh\s+pho)(?!\w)")
_GENERIC_AFTER_LEVEL = re.compile(r"\s*(?:,|va|/)\s*(?:tinh|thanh\s+pho|tp)(?!\w)|\s+(?:cac|cap|nao|khac)(?!\w)")
_UNIT_LEVEL = re.compile(r"\s+(huyen|quan|thi\s+xa)(?!\w)")
_GENERIC_AFTER_UNIT = re.compile(r"\s*(?:,|va|/)\s*(?:huyen|quan|thi\s+xa|thanh\s+pho|tp|xa)(?!\w)"
                                 r"|\s+(?:cac|cap|nao|khac)(?!\w)")
_SUB_BODY_HEADS = ("cục", "vụ", "tổng cục")
_JOINED = re.compile(r"\s*(?:,|va)\s*$")
_LEVEL_KIND = {"tinh": PROVINCE, "thanh pho": CITY}
_DISTRICT_TYPES = ("huyen", "quan", "thi", "thanh")  # the first word of "huyện", "quận", "thị xã", "thành phố"
_UNIT_TYPES_EN = {"thành phố": "City", "thị xã": "Town", "huyện": "District", "quận": "District", "phường": "Ward",
                  "xã": "Commune", "thị trấn": "Township"}


@dataclass(frozen=True)
class _Place:
    province: str
    unit_label: str | None = None


@dataclass(frozen=True)
class _Group:
    """Mentions found together (one per province of a list); overlaps are settled per group."""

    start: int
    end: int
    mentions: tuple[Mention, ...]


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
def _central_starts() -> re.Pattern[str]:
    """Where a central body's name starts with a capital, as written: the judge of `_central_groups`
    refuses any other (abbreviations too open with a capital)."""
    names = (name for _, name, _ in _central()[1].values())
    return re.compile(written_alternation(names, capital_first=True, starts_only=True))


@functools.cache
def _heads() -> tuple[NotPrecededPattern, dict[str, tuple[BodyKind, str, bool]]]:
    lookup: dict[str, tuple[BodyKind, str, bool]] = {}
    for kind in BODY_KINDS:
        for head in kind.heads:
            lookup[normalise(head)] = (kind, head, False)
        for abbreviation in kind.abbreviations:
            lookup[normalise(abbreviation)] = (kind, abbreviation, True)
    return not_preceded(r"[\w&]", rf"(?:{alternation(lookup)})(?![\w&])"), lookup


@functools.cache
def _sub_body_starts() -> re.Pattern[str]:
    """Where a sub-body's head starts with a capital, as written: the judge of `_sub_body_groups`
    refuses any other."""
    return re.compile(written_alternation(("tong cuc", "cuc", "vu"), capital_first=True, starts_only=True))


@functools.cache
def _sub_body_pattern() -> NotPrecededPattern:
    parents = alternation(n for a in AGENCIES if a.org_class == AGENCY for n in (a.label, *a.variants, *a.abbreviations))
    return not_preceded(
        r"\w",
        r"(?P<head>tong\s+cuc|cuc|vu)\s+(?P<name>\w+(?:\s+\w+){0,7}?)"
        rf"(?:\s*\(\s*|\s*,\s*|\s+(?:cua|thuoc)\s+|\s*[-–]\s*)(?P<parent>{parents})(?![\w&])"
    )


def _agency_mention(start: int, end: int, written: str, entry: Agency) -> Mention:
    return Mention(start, end, "agency", entry.slug, {
        "label": entry.label,
        "label_en": entry.label_en or None,
        "alt": written if written != entry.label else None,
        "jurisdiction": None,
        "parent": entry.parent,
        "org_class": entry.org_class,
    })


def _single(mention: Mention) -> _Group:
    return _Group(mention.start, mention.end, (mention,))


def _central_groups(text: str, folded: str, offset: int) -> list[_Group]:
    first = _central_starts().search(text)
    if first is None:
        return []
    pattern, lookup = _central()

    def judge(match: re.Match[str]) -> Agency | None:
        entry, name, is_abbreviation = lookup[normalise(match.group())]
        written = text[match.start() : match.end()]
        if not (same_capitals(written, name) if is_abbreviation else is_capitalised(written)):
            return None
        if _FOREIGN_AFTER.match(folded, match.end()) and is_capitalised(next_word(text, match.end())):
            return None
        if entry.head and fold_aligned(previous_word(text, match.start())[0]) == "pho":
            return None
        if normalise(name) == _BARE_PRIME_MINISTER:
            after = next_word(text, match.end())
            if after and is_capitalised(after) and fold_aligned(after) not in VIETNAMESE_SURNAMES:
                return None
        if entry.slug in _NOT_BEFORE and _NOT_BEFORE[entry.slug].match(folded, match.end()):
            return None
        if entry.slug in _NOT_AFTER and _NOT_AFTER[entry.slug].search(folded, 0, match.start()):
            return None
        return entry

    starts = (start.start() for start in _central_starts().finditer(text, first.start()))
    return [
        _single(_agency_mention(offset + m.start(), offset + m.end(), text[m.start() : m.end()], entry))
        for m, entry in search_at(starts, pattern, folded, judge)
    ]


def _sub_body_groups(text: str, folded: str, offset: int) -> list[_Group]:
    first = _sub_body_starts().search(text)
    if first is None:
        return []
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

    starts = (start.start() for start in _sub_body_starts().finditer(text, first.start()))
    return [
        _single(_agency_mention(offset + m.start(), offset + m.end("name"), written, entry))
        for m, (written, entry) in search_at(starts, _sub_body_pattern(), folded, judge)
    ]


class _LocalBodies:
    """Finds the local bodies of one document, using its place mentions and main province."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.provinces = {m.start: m for m in doc.iter_kind("province")}
        self.units = {m.start: m for m in doc.iter_kind("admin_unit")}

    @functools.cached_property
    def main(self) -> str | None:
        return main_province(self.doc)

    def groups(self, text: str, folded: str, offset: int) -> list[_Group]:
        pattern, lookup = _heads()
        heads = []
        for match in pattern.finditer(folded):
            kind, head, is_abbreviation = lookup[normalise(match.group())]
            written = text[match.start() : match.end()]
            if is_abbreviation and not same_capitals(written, head):
                continue
            if not is_abbreviation and not kind.any_case and not is_capitalised(written):
                continue
            heads.append((match, kind))
        if not heads:
            return []
        resolved: list[list[tuple[int, _Place]]] = [[] for _ in heads]
        for index in range(len(heads) - 1, -1, -1):
            match, kind = heads[index]
            following = resolved[index + 1] if index + 1 < len(heads) else []
            joined = following and _JOINED.match(folded[match.end() : heads[index + 1][0].start()])
            resolved[index] = (
                self._explicit(kind, folded, offset, match)
                or ([(match.end(), following[0][1])] if joined else [])
                or (self._district_at_hand(offset, match) if kind.district_only else self._implicit(kind, folded, match))
                or self._unit_named_before(kind, folded, offset, match)
            )
        return [self._group(kind, match, places, offset) for (match, kind), places in zip(heads, resolved) if places]

    def _explicit(self, kind: BodyKind, folded: str, offset: int, match: re.Match[str]) -> list[tuple[int, _Place]]:
        """The places written after a head: a list of provinces, a unit, or one province."""
        end = match.end()
        listed = _PROVINCE_LIST.match(folded, end)
        if listed and kind.key in (UBND, "hdnd"):
            found, position = [], listed.end()
            while (mention := self.provinces.get(offset + position)) is not None:
                found.append((mention.end - offset, _Place(mention.key)))
                separator = _LIST_SEPARATOR.match(folded, mention.end - offset)
                if separator is None or separator.end() == mention.end - offset:
                    break
                position = separator.end()
            return found
        unit = self.units.get(offset + _OF.match(folded, end).end())
        if unit is not None and kind.for_units:
            return [(unit.end - offset, _Place(unit.attrs["province"], unit.attrs["label"]))]
        named = self.provinces.get(offset + _PROVINCE_QUALIFIER.match(folded, end).end())
        if named is None or (kind.party and _party_kind(match) != province(named.key).kind):
            return []
        return [(named.end - offset, _Place(named.key))]

    def _implicit(self, kind: BodyKind, folded: str, match: re.Match[str]) -> list[tuple[int, _Place]]:
        """The main province's body, for a head with no place that can only mean it."""
        main = self.main
        if main is None:
            return []
        main_kind = province(main).kind
        level = _LEVEL.match(folded, match.end())
        if level and not _GENERIC_AFTER_LEVEL.match(folded, level.end()):
            if _LEVEL_KIND[normalise(level.group(1))] == main_kind and not names_a_province(folded, level.end() + 1):
                return [(level.end(), _Place(main))]
            return []
        if names_a_province(folded, match.end() + 1):
            return []  # "Thành ủy Thái Nguyên": a place is named, just not one this body can have
        if kind.party:
            return [(match.end(), _Place(main))] if _party_kind(match) == main_kind else []
        if not kind.needs_level:
            return [(match.end(), _Place(main))]
        return []

    def _unit_named_before(self, kind: BodyKind, folded: str, offset: int, match: re.Match[str]
                           ) -> list[tuple[int, _Place]]:
        """"UBND huyện", "UBND thị xã" without a name, after the article has named one ("Đối với
        huyện Bàu Bàng, … giao UBND huyện …"): the district or town named last before."""
        level = _UNIT_LEVEL.match(folded, match.end())
        if level is None or not kind.for_units or _GENERIC_AFTER_UNIT.match(folded, level.end()):
            return []
        unit_type = normalise(level.group(1))
        named = [m for m in self.doc.mentions_in(Span(0, offset + match.start()), "admin_unit")
                 if normalise(m.attrs["label"]).startswith(unit_type + " ")]
        if not named:
            return []
        return [(level.end(), _Place(named[-1].attrs["province"], named[-1].attrs["label"]))]

    def _district_at_hand(self, offset: int, match: re.Match[str]) -> list[tuple[int, _Place]]:
        """"Phòng Nội vụ" alone: the office of the district or town named last before."""
        named = [m for m in self.doc.mentions_in(Span(0, offset + match.start()), "admin_unit")
                 if normalise(m.attrs["label"]).split(" ")[0] in _DISTRICT_TYPES]
        if not named:
            return []
        return [(match.end(), _Place(named[-1].attrs["province"], named[-1].attrs["label"]))]

    def _group(self, kind: BodyKind, match: re.Match[str], places: list[tuple[int, _Place]], offset: int) -> _Group:
        start = offset + match.start()
        mentions = tuple(self._mention(kind, start, offset + end, place) for end, place in places)
        return _Group(start, max(m.end for m in mentions), mentions)

    def _mention(self, kind: BodyKind, start: int, end: int, place: _Place) -> Mention:
        label, label_en = _local_label(kind, place)
        parent = _local_label(body_kind_by_key()[UBND], place)[0] if kind.parent == UBND else None
        written = self.doc.text[start:end]
        attrs = {
            "label": label,
            "label_en": label_en,
            "alt": written if written != label else None,
            "jurisdiction": place.province,
            "parent": slugify(parent) if parent else None,
            "org_class": AGENCY,
        }
        if place.unit_label:
            attrs["unit"] = f"{place.province}/{slugify(place.unit_label)}"
        return Mention(start, end, "agency", slugify(label), attrs)


def _party_kind(match: re.Match[str]) -> str:
    """Tỉnh ủy is a province's party committee, Thành ủy a city's."""
    return PROVINCE if normalise(match.group()).endswith("tinh uy") else CITY


def _local_label(kind: BodyKind, place: _Place) -> tuple[str, str]:
    """The body's label and English label: "Ủy ban nhân dân tỉnh X", "People's Committee of X Province"."""
    unit = province(place.province)
    where = f"{'tỉnh' if unit.kind == PROVINCE else 'thành phố'} {unit.label}"
    where_en = unit.label_en
    if place.unit_label:
        unit_type = next(t for t in _UNIT_TYPES_EN if place.unit_label.startswith(t + " "))
        name = place.unit_label[len(unit_type) + 1 :]
        where, where_en = place.unit_label, f"{ascii_name(name)} {_UNIT_TYPES_EN[unit_type]}"
    party = "Tỉnh ủy" if unit.kind == PROVINCE else "Thành ủy"
    return (kind.label.format(place=where, party=party, name=unit.label),
            kind.label_en.format(place_en=where_en))


def _without_overlaps(groups: list[_Group]) -> list[_Group]:
    kept: list[_Group] = []
    for group in sorted(groups, key=lambda g: (g.start, -g.end)):
        if not kept or group.start >= kept[-1].end:
            kept.append(group)
    return kept


def recognise_agencies(doc: Document) -> None:
    """Add "agency" mentions for the sentences of `doc` (after `recognise_places`)."""
    local = _LocalBodies(doc)
    groups: list[_Group] = []
    whole_folded = fold_aligned(doc.text)  # folded once for the document (by `recognise_places`)
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        folded = whole_folded[sentence.start : sentence.end]
        groups.extend(_central_groups(text, folded, sentence.start))
        groups.extend(_sub_body_groups(text, folded, sentence.start))
        groups.extend(local.groups(text, folded, sentence.start))
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
        head = str(mention.attrs.get("label", "")).split(" của ")[0]
        if head == mention.attrs.get("label"):
            continue
        words = head.split()
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
