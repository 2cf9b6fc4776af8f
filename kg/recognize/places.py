"""Provinces and the cities, towns and districts inside them.

Rules (each sentence of the body is scanned once per pattern, in folded text):
- A province name counts after "tỉnh", "Tỉnh ủy", or (for a centrally governed city only)
  "thành phố", "TP."/"TP"/"Tp.", "Thành ủy", or
  standing alone when written with a capital on every word and not glued to a longer proper noun
  (a capitalised word before it that does not start the sentence, e.g. "Nguyễn Hòa Bình"; a
  capitalised word after it, e.g. "Thái Bình Dương") nor named as a street, river, school…
  ("đường", "sông", "Đại học"). The mention covers the name only, without "tỉnh"/"TP.".
- "Hồ Chí Minh"/"HCM" count only after a city prefix ("TP.HCM", "thành phố Hồ Chí Minh"), as the
  bare name is usually the President. Bare "Huế" is never a province: it is the old city.
- "thành phố Huế"/"TP. Huế" is the city inside Thừa Thiên Huế (an admin unit), unless the article
  is dated on or after 1 July 2025 (meta.issued) or the name is followed by "(trực thuộc Trung
  ương)": then it is the centrally governed city Huế of the 2025 list.
- "thành phố X"/"TP. X"/"thị xã X"/"huyện X"/"quận X"/"phường X"/"xã X"/"thị trấn X" (X written
  with capitals), X not a centrally governed city of the
  era, is an admin unit: placed by the small town gazetteer, by X being a province name (provincial
  capitals share their province's name), or else in the article's main province (dropped if the
  article has none). Overlaps go to the earliest, then longest, match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from kg.document import MENTION_ORDER, Document, Mention, Span
from kg.gazetteer.matching import (
    VIETNAMESE_SURNAMES,
    alternation,
    is_capitalised,
    next_word,
    new_tone_placement,
    normalise,
    previous_word,
    search_at,
    words,
    written_alternation,
)
from kg.gazetteer.provinces import NEW_LIST_DATE, PROVINCES, is_central_city, province, successor
from kg.gazetteer.units import unit_names, unit_provinces
from kg.iri import fold_aligned, slugify

_CITY_PREFIXES = ("thanh pho", "tp", "thanh uy")  # "Thành ủy Thái Nguyên" is the city's
_UNIT_TYPES = {"thanh pho": "thành phố", "tp": "thành phố", "thi xa": "thị xã", "huyen": "huyện", "quan": "quận",
               "phuong": "phường", "xa": "xã", "thi tran": "thị trấn"}
# Words naming what a place name after them names ("cầu Thanh Trì", "chợ Bến Thành", "báo Nghệ
# An"), with their diacritics: folded, several are other words ("cho" = "chợ" and "cho", "dao" =
# "đảo" and "đạo", as in "giao cho Thanh Hóa", "lãnh đạo Nghệ An").
_NOT_A_PROVINCE_BEFORE = frozenset(
    "xã phường thôn làng bản huyện quận sông núi đèo cầu đường phố chợ ga cảng hồ vịnh đảo học viện báo đài "
    "sân bay trường ủy".split()
)
# Compounds whose second word is one of those, as a verb or a noun of their own: "yêu cầu Thanh
# Hóa …" asks Thanh Hóa.
_NOT_A_PROVINCE_BEFORE_BUT_IN = frozenset({"yêu cầu", "nhu cầu", "toàn cầu", "thỉnh cầu"})
_LONGER_PROPER_NOUNS = ("thai binh duong",)
_DIRECTLY_GOVERNED = re.compile(r"\s*[(,]?\s*truc\s+thuoc\s+(?:trung\s+uong|tw)")
# "xã" ends two words that are no commune: "Thông tấn xã" (the news agency), "hợp tác xã" (a cooperative).
_UNIT = re.compile(r"(?<!\w)(thành\s+phố|tp\s*\.\s*|tp(?=\s)|thị\s+xã|thị\s+trấn|huyện|quận|phường"
                   r"|xã(?<!tấn\sxã)(?<!tác\sxã))(?=[\s\w])", re.IGNORECASE)
_UNIT_NAME_WORD = re.compile(r"\s*([^\W\d_]+(?:'[^\W\d_]+)?|\d{1,2}(?!\w))")
# A syllable of a place name, Vietnamese or of the Central Highlands' languages ("Ia Grai", "Krông
# Pa", "Đắk R'Lấp", "Pleiku"): consonants, an apostrophe perhaps, vowels, a final consonant.
_SYLLABLE = re.compile(r"(?:[bcdghklmnpqrstvx]{1,3}'?[bcdghklmnpqrstvx]{0,2})?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptk])?"
                       r"(?:[bcdghklmnpqrstvx]{1,2}[aeiouy]{1,3}(?:ng|nh|ch|[cmnptk])?)?")
_MAX_UNIT_WORDS = 4
# The number closing a ward's name ("Phường Hà Giang 2"), told from a figure after a name ("xã A 35
# biên chế", "phường B 120, …") by the verb or "cũ" that follows it.
_WARD_NUMBER = re.compile(r" (\d{1,2}) (?=(?:được|đã|thuộc|là|cũ|mới)(?![^\W\d_]))")


@functools.cache
def _province_pattern() -> re.Pattern[str]:
    names = alternation(name for p in PROVINCES for name in p.names)
    prefix = r"(?P<prefix>(?:tinh\s+uy|thanh\s+uy|tinh|thanh\s+pho)\s+|tp\s*\.?\s*)"
    return re.compile(rf"(?<![\w.&]){prefix}?(?P<name>{names})(?!\w)(?![-–]\w)")


@functools.cache
def _capitalised_province_name() -> re.Pattern[str]:
    """Where a province's name starts with a capital, as written (a match is its first letter)."""
    names = (name for p in PROVINCES for name in p.names)
    return re.compile(written_alternation(names, capital_first=True, starts_only=True))


# Where "tỉnh", "thành phố", "TP", "Tỉnh ủy" or "Thành ủy" may start in folded text: what a province's
# prefix (`_province_pattern`) opens with.
_PREFIX_START = re.compile(r"t(?:inh|hanh|p)")


@functools.cache
def _unit_before_name_reversed() -> re.Pattern[str]:
    """In reversed text, what a unit name can open with (`_is_name_word`: a capital or a digit),
    then a unit type as `_UNIT` matches it (any case; here any diacritics too): reversed, as the
    rare capitals and digits are what `re` can then scan for quickly."""
    opening = "".join(c for c in map(chr, range(0x10000)) if (c.isupper() or c.isdigit()) and c.isalnum())
    unit_types = written_alternation(unit_type[::-1] for unit_type in _UNIT_TYPES)
    return re.compile(rf"[{re.escape(opening)}\U00010000-\U0010FFFF]\s*\.?\s*{unit_types}")


@functools.cache
def _province_of_name() -> dict[str, str]:
    return {normalise(name): p.slug for p in PROVINCES for name in p.names}


class _Found(NamedTuple):
    start: int
    end: int
    kind: str
    key: str
    attrs: tuple[tuple[str, str], ...]


def _is_after_2025(doc: Document) -> bool:
    return (doc.meta.issued or "") >= NEW_LIST_DATE


def _central_here(slug: str, folded: str, end: int, after_2025: bool) -> bool:
    """Whether the province named here is a centrally governed city in the era of the text."""
    return is_central_city(slug, after_2025 or bool(_DIRECTLY_GOVERNED.match(folded, end)))


def _starts_sentence(text: str, position: int) -> bool:
    return not any(c.isalnum() for c in text[:position])


def _same_spelling(name: str, written: str) -> bool:
    return new_tone_placement(name.lower()) == new_tone_placement(written.lower())


def _glued_to_proper_noun(text: str, folded: str, start: int, end: int) -> bool:
    before, before_start = previous_word(text, start)
    cue = new_tone_placement(before.lower())
    if cue in _NOT_A_PROVINCE_BEFORE:
        word_before, _ = previous_word(text, before_start)
        if f"{word_before.lower()} {cue}" not in _NOT_A_PROVINCE_BEFORE_BUT_IN:
            return True
    if before and is_capitalised(before) and not before.isupper() and not _starts_sentence(text, before_start):
        return True
    after = next_word(text, end)
    if after and is_capitalised(after) and fold_aligned(after) not in VIETNAMESE_SURNAMES:
        return True
    return folded.startswith(_LONGER_PROPER_NOUNS, start)


@functools.lru_cache(maxsize=1024)
def _capitalised_words(name: str) -> bool:
    """Whether every word of a name as written opens with a capital; kept per name, as an article
    writes the same few names again and again."""
    return all(is_capitalised(w) for w in words(name))


def _possible_starts(folded: str, names: list[int]) -> list[int]:
    """Where a province kept may start in folded text whose names start with a capital at `names`
    (`_capitalised_province_name`, at least one): at its name or at its prefix before the name."""
    prefixes = map(re.Match.start, _PREFIX_START.finditer(folded, 0, names[-1]))
    return sorted({*prefixes, *names})


def _province_matches(text: str, folded: str, after_2025: bool, starts: Iterable[int]) -> list[tuple[int, int, str]]:
    """(start, end, slug) of the province names in `text`, spans covering the name only; tried at
    `starts` only, which must hold every start of a match the judge keeps (`_possible_starts`)."""

    slug_of_name = _province_of_name()

    def judge(match: re.Match[str]) -> str | None:
        slug = slug_of_name[normalise(match.group("name"))]
        name_start, name_end = match.span("name")
        name = text[name_start:name_end]
        written_prefix = match.group("prefix")
        prefix = normalise(written_prefix).rstrip(".") if written_prefix else ""
        if not prefix:
            ok = (
                not province(slug).needs_prefix
                and _capitalised_words(name)
                and not _glued_to_proper_noun(text, folded, match.start(), match.end())
            )
        elif not is_capitalised(name):
            ok = False
        elif prefix in _CITY_PREFIXES:
            ok = _central_here(slug, folded, match.end(), after_2025)
        else:
            ok = province(slug).in_2008_list or after_2025
        return slug if ok else None

    return [(m.start("name"), m.end("name"), slug) for m, slug in search_at(starts, _province_pattern(), folded, judge)]


def _is_name_word(word: str) -> bool:
    return word.isdigit() or (is_capitalised(word) and bool(_SYLLABLE.fullmatch(fold_aligned(word))))


def _unit_matches(text: str, folded: str, after_2025: bool) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, unit type, unit name, province slug or None) of "huyện X" and the like."""
    found = []
    for match in _UNIT.finditer(text):
        unit_type = _UNIT_TYPES[normalise(match.group(1)).rstrip(".")]
        names: list[tuple[str, int]] = []
        position = match.end()
        while len(names) < _MAX_UNIT_WORDS and (word := _UNIT_NAME_WORD.match(text, position)):
            if not _is_name_word(word.group(1)) or (word.group(1).isdigit() and unit_type != "quận"):
                break
            if names and (word.group(1).isdigit() or not word.group(0)[0].isspace()):
                break
            names.append((word.group(1), word.end()))
            position = word.end()
        titled = _TITLE_BEFORE.search(folded, max(0, match.start() - _TITLE_REACH), match.start()) is not None
        resolved = _resolve_unit(names, unit_type, folded, after_2025, titled)
        if resolved is not None:
            name, end, slug = resolved
            number = _WARD_NUMBER.match(text, end) if unit_type in ("phường", "xã") else None
            if number is not None:  # "Phường Hà Giang 2 được giao …": wards numbered after one name
                name, end = f"{name} {number.group(1)}", number.end(1)
            found.append((match.start(), end, unit_type, name, slug))
    return found


def _opens_a_person(names: list[tuple[str, int]], index: int) -> bool:
    """Whether the name at `index` opens a person's: a common surname, or any word followed by
    the middle name "Văn" or "Thị" that men's and women's names carry ("Lục Văn Chung")."""
    return fold_aligned(names[index][0]) in VIETNAMESE_SURNAMES or (
        index + 1 < len(names) and names[index + 1][0] in _MIDDLE_NAMES)


_MIDDLE_NAMES = ("Văn", "Thị")
# A post before a unit's type in its phrase ("Chủ tịch UBND huyện …", "Trưởng phòng Nội vụ huyện …"),
# folded: a person's name may follow the unit's.
_TITLE_BEFORE = re.compile(r"(?<![\w])(?:chu tich|bi thu|truong|giam doc|uy vien|pho|van phong|thanh tra)(?![\w])"
                           r"[^,;.()]*$")
_TITLE_REACH = 40
# A unit's name ending at a colon labels an item of a list, and is all the unit's name.
_LIST_LABEL_END = re.compile(r"\s*:")


def _resolve_unit(names: list[tuple[str, int]], unit_type: str, folded: str, after_2025: bool, titled: bool
                  ) -> tuple[str, int, str | None] | None:
    """The longest known name at the start of `names` with its province, or the words up to a
    surname that opens a person's name ("Bắc Hà" keeps its "Hà") with no province yet, or all the
    words before a colon ("Phường Lê Thanh Nghị: …", named after a person); None when the words name
    a centrally governed city or, three or more words starting with a surname after a title
    (`titled`: "Chủ tịch UBND huyện Lục Văn Chung"), a person; without a title before the unit
    they name it ("UBND xã Trần Văn Thời giải quyết …")."""
    for count in range(len(names), 0, -1):
        written = " ".join(w for w, _ in names[:count])
        key, end = normalise(written), names[count - 1][1]
        if key in _province_of_name():
            slug = _province_of_name()[key]
            if unit_type == "thành phố" and _central_here(slug, folded, end, after_2025):
                return None
            if province(slug).in_2008_list:  # "thành phố Bắc Giang": in Bắc Ninh after the merger
                return province(slug).label, end, successor(slug) if after_2025 else slug
        # a unit named in a text of the 34 provinces lies in one of them; its name as written (in
        # either tone placement, "Hoà" or "Hòa"), not one folding alike ("huyện Vĩnh Thạnh" is no "Vinh")
        if key in unit_provinces() and _same_spelling(unit_names()[key], written):
            slug = unit_provinces()[key]
            return unit_names()[key], end, successor(slug) if after_2025 else slug
    labels_a_list = bool(names) and _LIST_LABEL_END.match(folded, names[-1][1]) is not None
    if not names or (len(names) >= 3 and _opens_a_person(names, 0) and titled and not labels_a_list):
        return None  # "Chủ tịch UBND huyện Lục Văn Chung": a person after the title
    if labels_a_list:  # "- Phường Lê Thanh Nghị: 4.028 hồ sơ": named after a person
        return " ".join(w for w, _ in names), names[-1][1], None
    kept = [names[0]]
    for index, (word, end) in enumerate(names[1:3], start=1):
        if index + 1 < len(names) and _opens_a_person(names, index):
            break  # a surname opening a run of names is a person ("… Phúc Yên Nguyễn Văn A")
        kept.append((word, end))
    return " ".join(w for w, _ in kept), kept[-1][1], None


def _scan_sentence(doc_text: str, doc_folded: str, sentence: Span, first_name: int | None, units_possible: bool,
                   after_2025: bool) -> list[_Found]:
    """The places of one sentence of the document (`doc_text`, folded `doc_folded`), where a
    province's name first starts with a capital at `first_name` (None: nowhere) and units may be."""
    start, end = sentence.start, sentence.end
    text, folded = doc_text[start:end], doc_folded[start:end]
    found = []
    if first_name is not None:
        names = [m.start() - start for m in _capitalised_province_name().finditer(doc_text, first_name, end)]
        for s, e, slug in _province_matches(text, folded, after_2025, _possible_starts(folded, names)):
            unit = province(slug)
            attrs = (("label", unit.label), ("label_en", unit.label_en))
            found.append(_Found(start + s, start + e, "province", slug, attrs))
    if units_possible:
        for s, e, unit_type, name, slug in _unit_matches(text, folded, after_2025):
            label = f"{unit_type} {name}"
            # the key of a unit is its province until the unit is placed; "" when still unknown
            found.append(_Found(start + s, start + e, "admin_unit", slug or "", (("label", label),)))
    return found


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start), f.kind)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def recognise_places(doc: Document) -> None:
    """Add "province" and "admin_unit" mentions for the sentences of `doc`."""
    after_2025 = _is_after_2025(doc)
    found = []
    text, folded = doc.text, doc.folded
    reversed_text, length = text[::-1], len(text)
    province_name, unit_before_name = _capitalised_province_name(), _unit_before_name_reversed()
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        # The prefilters search the whole text between the sentence's bounds: they look around no
        # further than they consume, so they find what they would in the sentence alone.
        # Every province kept has its name written with a capital (`_province_matches`), every
        # unit kept a name opening with a capital or a digit after its type.
        first_name = province_name.search(text, start, end)
        units_possible = unit_before_name.search(reversed_text, length - end, length - start) is not None
        if first_name is not None or units_possible:
            first = first_name.start() if first_name is not None else None
            found.extend(_scan_sentence(text, folded, sentence, first, units_possible, after_2025))
    kept = [f for f in _without_overlaps(found) if not doc.is_removed(Span(f.start, f.end))]
    placed: list[_Found] = []
    pending: list[_Found] = []  # units whose province is the article's, known once the provinces are
    for item in kept:
        (pending if item.kind == "admin_unit" and not item.key else placed).append(item)
    _add_all(doc, [_mention(item, item.key) for item in placed])
    main = main_province(doc)
    if main is not None:
        _add_all(doc, [_mention(item, main) for item in pending])


def _mention(item: _Found, province_slug: str) -> Mention:
    """The mention of a found province, or of a found unit placed in `province_slug`."""
    attrs = dict(item.attrs)
    if item.kind == "province":
        return Mention(item.start, item.end, "province", item.key, attrs)
    attrs["province"] = province_slug
    return Mention(item.start, item.end, "admin_unit", f"{province_slug}/{slugify(attrs['label'])}", attrs)


def _add_all(doc: Document, mentions: list[Mention]) -> None:
    """`Document.add` for many mentions with one sort instead of one per mention."""
    doc.mentions.extend(mentions)
    doc.mentions.sort(key=MENTION_ORDER)


def names_a_province(folded: str, position: int) -> bool:
    """Whether a province name, in any spelling, starts at `position` of folded text (whether or
    not it was recognised there)."""
    return _province_pattern().match(folded, position) is not None


@functools.lru_cache(maxsize=64)
def _provinces_in_title(title: str, after_2025: bool) -> tuple[str, ...]:
    """The provinces a title names, kept per title: components ask `main_province` again and again."""
    names = [m.start() for m in _capitalised_province_name().finditer(title)]
    if not names:
        return ()
    folded = fold_aligned(title)
    return tuple(slug for _, _, slug in _province_matches(title, folded, after_2025, _possible_starts(folded, names)))


# What an outlet's name opens with before its province ("Báo Bình Định", "Cổng Thông tin điện tử
# tỉnh Sóc Trăng"), folded.
_OUTLET_HEAD = re.compile(r"(?:thoi\s+bao|bao(?:\s+dien\s+tu)?|cong\s+thong\s+tin(?:\s+dien\s+tu)?)\s+")


@functools.lru_cache(maxsize=64)
def _province_of_outlet(publisher: str) -> tuple[str, ...]:
    """The province of a provincial outlet, named right after what the outlet is."""
    folded = fold_aligned(publisher)
    head = _OUTLET_HEAD.match(folded)
    name = _province_pattern().match(folded, head.end()) if head is not None else None
    return (_province_of_name()[normalise(name.group("name"))],) if name is not None else ()


_NOT_ONE_PROVINCE = 3  # provinces named equally often that make an article about none of them


def main_province(doc: Document) -> str | None:
    """`article_province`, kept while the document's places, title and source stay the same: five
    components ask it."""
    state = (doc.count("province"), doc.count("admin_unit"), doc.meta.title, doc.meta.publisher, doc.meta.issued)
    return doc.memo("main_province", state, lambda: article_province(doc))


def article_province(doc: Document) -> str | None:
    """The article's province: the one most mentioned in the title and body, ties going to the
    first mentioned (title first), a former province counting for its successor in a text after
    the July-2025 mergers; the provinces of admin units count when no province is named,
    and then the province of a provincial paper ("Báo Bình Định", whose articles say "tỉnh" alone).
    Three provinces or more named equally often, none in the title and each only once or only in
    lists of provinces, make an article about none of them."""
    after_2025 = _is_after_2025(doc)
    in_title = _provinces_in_title(doc.meta.title or "", after_2025)
    named = [*in_title, *(m.key for m in doc.iter_kind("province"))]
    if not named:
        named = [m.attrs["province"] for m in doc.iter_kind("admin_unit")]
    if not named:
        named = list(_province_of_outlet(doc.meta.publisher or ""))
    if not named:
        return None
    if after_2025:  # "tỉnh Phú Yên (cũ)" in a text of the 34 provinces is part of the present Đắk Lắk
        named = [slug if province(slug).in_2025_list else successor(slug) for slug in named]
    # counted in a dict, which lists the slugs in the order first mentioned (faster than a
    # Counter for so few): `max` keeps the first of equals
    counts: dict[str, int] = {}
    for slug in named:
        counts[slug] = counts.get(slug, 0) + 1
    first = max(counts, key=counts.__getitem__)
    tied = [slug for slug, count in counts.items() if count == counts[first]]
    if len(tied) >= _NOT_ONE_PROVINCE and not in_title and (counts[first] == 1 or _named_only_in_lists(doc, tied)):
        return None
    return first


# Between places listed one after another, folded: "A, B", "A và tỉnh B", "A, TP B", "A và huyện B".
LISTED_BETWEEN = re.compile(r"[\s,]*(?:va\s+)?(?:(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong)\s+)?")


def _named_only_in_lists(doc: Document, slugs: list[str]) -> bool:
    """Whether every mention of these provinces stands in a list of provinces ("các tỉnh Cao Bằng,
    Sơn La và Điện Biên"), next to another with only a comma, "và" or a province's type between."""
    provinces = list(doc.iter_kind("province"))
    folded = doc.folded
    for index, mention in enumerate(provinces):
        if mention.key not in slugs:
            continue
        before = provinces[index - 1] if index else None
        after = provinces[index + 1] if index + 1 < len(provinces) else None
        if not ((before is not None and LISTED_BETWEEN.fullmatch(folded, before.end, mention.start))
                or (after is not None and LISTED_BETWEEN.fullmatch(folded, mention.end, after.start))):
            return False
    return True
