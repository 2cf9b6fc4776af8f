"""Local bodies: a head naming a kind of body and the place that follows it ("UBND tỉnh Thái
Nguyên", "Sở Y tế của tỉnh X", "UBND các tỉnh X, Y và Z"), or the place the article implies (its
main province, the district named last). The rules are those of `kg.recognize.agencies`.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.document import Document, Mention, Span
from kg.gazetteer.agencies import AGENCY
from kg.gazetteer.bodies import BODY_KINDS, UBND, BodyKind, body_kind_by_key
from kg.gazetteer.matching import alternation, is_capitalised, normalise, same_capitals
from kg.gazetteer.provinces import CITY, NEW_LIST_DATE, PROVINCE, ascii_name, province
from kg.guarded import NotPrecededPattern, not_preceded
from kg.iri import slugify
from kg.recognize.places import main_province, names_a_province

_PROVINCE_LIST = re.compile(r"\s+cac\s+tinh\s+")
_PLURAL_BEFORE = re.compile(r"(?<![\w])(?:cac|nhung)\s+$")
_PLURAL_REACH = 8
_LIST_SEPARATOR = re.compile(r"\s*(?:,|va)\s*(?:tinh\s+)?")
_OF = re.compile(r"\s*(?:(?:cua|thuoc)\s+)?")
_PROVINCE_QUALIFIER = re.compile(r"\s*(?:(?:cua|thuoc)\s+)?(?:(?:tinh|thanh\s+pho)\s+|tp\s*\.?\s*)?")
_LEVEL = re.compile(r"\s+(tinh|thanh\s+pho)(?!\w)")
_GENERIC_AFTER_LEVEL = re.compile(r"\s*(?:,|va|/)\s*(?:tinh|thanh\s+pho|tp)(?!\w)|\s+(?:cac|cap|nao|khac)(?!\w)")
_UNIT_LEVEL = re.compile(r"\s+(huyen|quan|thi\s+xa|xa|phuong|thi\s+tran)(?!\w)")
_GENERIC_AFTER_UNIT = re.compile(r"\s*(?:,|va|/)\s*(?:huyen|quan|thi\s+xa|thanh\s+pho|tp|xa|phuong|thi\s+tran)(?!\w)"
                                 r"|\s+(?:cac|cap|nao|khac)(?!\w)")
_JOINED = re.compile(r"\s*(?:,|va)\s*$")
_LEVEL_KIND = {"tinh": PROVINCE, "thanh pho": CITY}
_DISTRICT_TYPES = ("huyen ", "quan ", "thi xa ", "thanh pho ")  # not "thị trấn", a township below a district
_COMMUNE_TYPES = ("xa", "phuong", "thi tran")
_COMMUNE_LEVEL = ("xa ", "phuong ", "dac khu ")  # the level below a province from July 2025
_UNIT_TYPES_EN = {"thành phố": "City", "thị xã": "Town", "huyện": "District", "quận": "District", "phường": "Ward",
                  "xã": "Commune", "thị trấn": "Township"}


class _Place(NamedTuple):
    province: str
    unit_label: str | None = None


class Group(NamedTuple):
    """Mentions found together (one per province of a list); overlaps are settled per group."""

    start: int
    end: int
    mentions: tuple[Mention, ...]


@functools.cache
def _heads() -> tuple[NotPrecededPattern, dict[str, tuple[BodyKind, str, bool]]]:
    lookup: dict[str, tuple[BodyKind, str, bool]] = {}
    for kind in BODY_KINDS:
        for head in kind.heads:
            lookup[normalise(head)] = (kind, head, False)
        for abbreviation in kind.abbreviations:
            lookup[normalise(abbreviation)] = (kind, abbreviation, True)
    return not_preceded(r"[\w&]", rf"(?:{alternation(lookup)})(?![\w&])"), lookup


def local_heads() -> re.Pattern[str]:
    """A head of a local body in folded text, not checked for what precedes it: wherever no match
    of this starts, `LocalBodies.groups` finds nothing."""
    return _heads()[0].body


# A head that `LocalBodies.groups` keeps starts with its capital (`capitalised_heads`), or is of a kind
# of any case ("ủy ban nhân dân", "tỉnh ủy") and holds this, folded, or is a district's office
# written "phòng Nội vụ" (`_named_office`). Every branch opens with a letter, which `re` scans for
# quickly: the look-behind stands after "phong".
LOWER_CASE_HEAD = re.compile(r"nh(?:an[\s\-–—]+dan|[\s\-–—]+uy)|phong(?<!van phong)\s")


class LocalBodies:
    """Finds the local bodies of one document, using its place mentions and main province."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.provinces = {m.start: m for m in doc.iter_kind("province")}
        self.units = {m.start: m for m in doc.iter_kind("admin_unit")}

    @functools.cached_property
    def main(self) -> str | None:
        return main_province(self.doc)

    def groups(self, text: str, folded: str, offset: int, first: int) -> list[Group]:
        """The local bodies of a sentence (`text`, `folded`, starting at `offset` in the document),
        where `local_heads` first matches at `first`."""
        pattern, lookup = _heads()
        heads = []
        for match in pattern.finditer(folded, first):
            kind, head, is_abbreviation = lookup[normalise(match.group())]
            written = text[match.start() : match.end()]
            if is_abbreviation and not same_capitals(written, head):
                continue
            if not is_abbreviation and not kind.any_case and not is_capitalised(written) \
                    and not (kind.district_only and _named_office(written)):
                continue
            if _PLURAL_BEFORE.search(folded, max(0, match.start() - _PLURAL_REACH), match.start()):
                continue  # "các Sở Xây dựng", "các UBND xã": every province's or commune's, none named
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
                or (self._district_at_hand(folded, offset, match) if kind.district_only
                    else self._implicit(kind, folded, match))
                or self._unit_named_before(kind, folded, offset, match)
            )
        return [self._group(kind, match, places, offset) for (match, kind), places in zip(heads, resolved) if places]

    def _explicit(self, kind: BodyKind, folded: str, offset: int, match: re.Match[str]) -> list[tuple[int, _Place]]:
        """The places written after a head: a list of provinces ("UBND các tỉnh A, B", "Sở Tài chính
    các tỉnh A, B"), a unit, or one province."""
        end = match.end()
        listed = _PROVINCE_LIST.match(folded, end)
        if listed and (kind.key in (UBND, "hdnd") or (kind.parent == UBND and not kind.district_only)):
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
            return [(unit.end - offset, _Place(unit.attrs["province"], unit.attrs["label"])),
                    *self._units_listed_after(unit, folded, offset)]
        named = self.provinces.get(offset + _PROVINCE_QUALIFIER.match(folded, end).end())
        if named is None or (kind.party and _party_kind(match) != province(named.key).kind):
            return []
        return [(named.end - offset, _Place(named.key))]

    def _units_listed_after(self, unit: Mention, folded: str, offset: int) -> list[tuple[int, _Place]]:
        """"UBND huyện Nam Trà My, Tây Giang": names listed after a unit that the article names
        elsewhere as units of its type and province ("huyện Tây Giang đạt 21,3%"), one body each
        (a title is no such name: "UBND phường B, Giám đốc Trung tâm …")."""
        label = unit.attrs["label"]
        unit_type = next((t for t in _UNIT_TYPES_EN if label.startswith(f"{t} ")), None)
        found: list[tuple[int, _Place]] = []
        position = unit.end - offset
        while unit_type is not None:
            separator = _LIST_SEPARATOR.match(folded, position)
            if separator is None or separator.end() == position:
                break
            name_end = _capitalised_name_end(self.doc.text, offset + separator.end())
            listed = f"{unit_type} {self.doc.text[offset + separator.end():name_end]}" if name_end else ""
            if listed not in self.unit_labels.get(unit.attrs["province"], ()):
                break
            found.append((name_end - offset, _Place(unit.attrs["province"], listed)))
            position = name_end - offset
        return found

    @functools.cached_property
    def unit_labels(self) -> dict[str, set[str]]:
        """The labels of the units the document names, by province."""
        labels: dict[str, set[str]] = {}
        for unit in self.units.values():
            labels.setdefault(unit.attrs["province"], set()).add(unit.attrs["label"])
        return labels

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
        """"UBND huyện", "UBND thị xã", "Công an xã" without a name, after the article has named one
        ("Đối với huyện Bàu Bàng, … giao UBND huyện …"): the district or town named last before, the
        commune or ward named last before in the paragraph, or the one the article's title names."""
        level = _UNIT_LEVEL.match(folded, match.end())
        if level is None or not kind.for_units or _GENERIC_AFTER_UNIT.match(folded, level.end()):
            return []
        unit_type = normalise(level.group(1))
        # a commune or ward only if named in the paragraph: after the 2025 reform "UBND xã" alone
        # is most often any commune's
        since = self.doc.text.rfind("\n", 0, offset + match.start()) + 1 if unit_type in _COMMUNE_TYPES else 0
        before = self.doc.mentions_in(Span(0, offset + match.start()), "admin_unit")
        of_type = [m for m in before if normalise(m.attrs["label"]).startswith(unit_type + " ")]
        named = [m for m in of_type if m.start >= since]
        if not named and since:  # an article about a commune or ward, named in its title: that one
            title = normalise(self.doc.meta.title or "")
            named = [m for m in of_type if normalise(m.attrs["label"]) in title]
        if not named:
            return []
        return [(level.end(), _Place(named[-1].attrs["province"], named[-1].attrs["label"]))]

    def _district_at_hand(self, folded: str, offset: int, match: re.Match[str]) -> list[tuple[int, _Place]]:
        """"Phòng Nội vụ" alone: the office of the district or town named last before; from July
        2025, when districts were abolished, of the commune or ward."""
        types = _COMMUNE_LEVEL if (self.doc.meta.issued or "") >= NEW_LIST_DATE else _DISTRICT_TYPES
        named = [m for m in self.doc.mentions_in(Span(0, offset + match.start()), "admin_unit")
                 if normalise(m.attrs["label"]).startswith(types)]
        if not named:
            return []
        # "phòng Nội vụ huyện": the district's level word, without its name, is the office's too
        level = _UNIT_LEVEL.match(folded, match.end())
        end = level.end() if level is not None and not _GENERIC_AFTER_UNIT.match(folded, level.end()) else match.end()
        return [(end, _Place(named[-1].attrs["province"], named[-1].attrs["label"]))]

    def _group(self, kind: BodyKind, match: re.Match[str], places: list[tuple[int, _Place]], offset: int) -> Group:
        start = offset + match.start()
        mentions = tuple(self._mention(kind, start, offset + end, place) for end, place in places)
        return Group(start, max(m.end for m in mentions), mentions)

    def _mention(self, kind: BodyKind, start: int, end: int, place: _Place) -> Mention:
        slug, label, label_en, parent, unit = _local_body(kind.key, place)
        written = self.doc.text[start:end]
        attrs = {
            "label": label,
            "label_en": label_en,
            "alt": written if written != label else None,
            "jurisdiction": place.province,
            "parent": parent,
            "org_class": AGENCY,
        }
        if unit is not None:
            attrs["unit"] = unit
        return Mention(start, end, "agency", slug, attrs)


_NAME_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MAX_NAME_WORDS = 4


def _named_office(written: str) -> bool:
    """"phòng Nội vụ" (as in "Trưởng phòng Nội vụ huyện"): a district's office written with its
    head in lower case, its own name capitalised."""
    name = written.partition(" ")[2]
    return name[:1].isupper()


def _capitalised_name_end(text: str, position: int) -> int | None:
    """Where a name of one to four capitalised words ("Tây Giang", "Krông Pắc") starting at
    `position` ends; None when none starts there or it runs on (an abbreviation such as "UBND",
    a longer run of capitals, is no such name)."""
    end, words = position, 0
    while (word := _NAME_WORD.match(text, end if words == 0 else end + 1)) is not None \
            and (words == 0 or text[end] == " ") and is_capitalised(word.group()) and not word.group().isupper():
        end, words = word.end(), words + 1
        if words > MAX_NAME_WORDS:
            return None
    return end if words else None


@functools.lru_cache(maxsize=1024)
def _local_body(kind_key: str, place: _Place) -> tuple[str, str, str, str | None, str | None]:
    """The slug, label, English label, parent's slug and unit key of the body of a kind in a place:
    kept, as an article names the same few again and again."""
    kind = body_kind_by_key()[kind_key]
    label, label_en = _local_label(kind, place)
    parent = _local_label(body_kind_by_key()[UBND], place)[0] if kind.parent == UBND else None
    unit = f"{place.province}/{slugify(place.unit_label)}" if place.unit_label else None
    return slugify(label), label, label_en, slugify(parent) if parent else None, unit


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
