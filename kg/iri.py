"""Stable instance IRIs (contract section "IRIs"): slugs for entities, content hashes for facts."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

from rdflib import URIRef

from kg.vocab import RKI

_NON_SLUG = re.compile(r"[^a-z0-9]+")


class _CombiningMarks(dict[int, int | None]):
    """A `str.translate` table deleting combining marks (diacritics once decomposed), filled in
    per code point as texts meet them: a table lookup per character is faster than a generator."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_COMBINING_MARKS = _CombiningMarks()


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ → d), so "Thừa Thiên Huế" and "thua thien hue" compare equal."""
    if _folding_apart().search(text) is None:
        return text.translate(_fold_table())  # the same, one character at a time
    return _fold_decomposed(text)


def _fold_decomposed(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_WITHOUT_COMBINING_MARKS).lower()


# Below this code point `_folding_apart` knows which characters `_fold_table` folds as `fold`
# does; every character from here on (CJK and beyond) takes the decomposing way.
_CHECKED_BELOW = 0x3000


@cache
def _folding_apart() -> re.Pattern[str]:
    """A character whose fold the table does not give: combining marks, letters decomposing or
    lower-casing to several characters, letters of other scripts. Decomposition and lower-casing
    act on each character apart (marks reorder among themselves and are dropped), so a text
    without these folds character by character."""
    table = _fold_table()
    same = [code < len(table) and table[code] == _fold_decomposed(chr(code))
            or code >= len(table) and _fold_decomposed(chr(code)) == chr(code) for code in range(_CHECKED_BELOW)]
    runs, start = [], None
    for code, ok in enumerate([*same, False]):
        if ok and start is None:
            start = code
        elif not ok and start is not None:
            runs.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return re.compile(f"[^{''.join(runs)}]")


_FOLD_RANGES = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))


@cache
def _fold_table() -> str:
    """A translation table indexed by code point (faster than a dict); code points past its end
    stay as they are."""
    table = [chr(code) for code in range(_FOLD_RANGES[-1][1] + 1)]
    for low, high in _FOLD_RANGES:
        for code in range(low, high + 1):
            folded = _fold_decomposed(chr(code))
            if len(folded) == 1:
                table[code] = folded
    return "".join(table)


@lru_cache(maxsize=1024)
def fold_aligned(text: str) -> str:
    """`fold`, one character for one (characters it cannot fold to one stay as they are), so that
    offsets into the folded text are offsets into `text`. Cached: recognisers fold the same short
    words again and again (a whole document is folded once, by `Document.folded`)."""
    return text.translate(_fold_table())


@lru_cache(maxsize=8192)
def slugify(name: str) -> str:
    """The contract slug: folded name with runs of other characters turned into '-'. Cached:
    emission slugs the same roles and indicator names fact after fact."""
    return _NON_SLUG.sub("-", fold(name)).strip("-")


@lru_cache(maxsize=65536)
def entity_iri(kind: str, slug: str) -> URIRef:
    """`rki:<kind>/<slug>`, e.g. entity_iri("province", "thua-thien-hue"). Cached: emission asks
    for the same entities fact after fact, and a URIRef is immutable."""
    return RKI[f"{kind}/{slug}"]


_SAFE_STEM = re.compile(r"[A-Za-z0-9._-]+")


def source_slug(stem: str) -> str:
    """The file stem as the contract's `rki:source/<file stem>`, or its slug when the stem holds
    characters an IRI must not ("Bài #1 (bản sao)" → "bai-1-ban-sao")."""
    return stem if _SAFE_STEM.fullmatch(stem) else slugify(stem)


class EvidenceHash:
    """`rki:<kind>/<hash>` IRIs of the facts read from one sentence: a hash of the source and
    evidence, plus each fact's own key so that two facts read from one sentence get two IRIs. The
    hash of the source and evidence, the longest part, is taken once for all of them."""

    __slots__ = ("_hash",)

    def __init__(self, source_stem: str, evidence: str) -> None:
        self._hash = hashlib.sha256(f"{source_stem}\x1f{evidence}\x1f".encode())

    def fact_iri(self, kind: str, first_key: object, *key: object) -> URIRef:
        """The IRI of the fact with this key: the first 16 hex digits of the SHA-256 of source,
        evidence and the `str` of each key part, joined by U+001F (in UTF-8)."""
        digest = self._hash.copy()
        digest.update("\x1f".join([str(first_key), *map(str, key)]).encode())
        return URIRef(f"{_RKI}{kind}/{digest.hexdigest()[:16]}")  # as RKI[…] makes it


_RKI = str(RKI)
