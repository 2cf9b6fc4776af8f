"""Resolution: every mention of the same province, body, person or document, in any sentence of
any article, becomes one entity record under one contract IRI.

Identity is the slug the recognisers put in `Mention.key` (the canonical name, so "UBND tỉnh X"
and "Ủy ban nhân dân tỉnh X" are one body); this module merges what the mentions say about it:
labels, abbreviations as written, the documents naming it, and for directives the issuer, date and
what they implement, preferring a full mention over a later short one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from kg.document import Document, Mention, Sentence
from kg.facts import EntityRef
from kg.relate.refs import ref_of

RESOLVED_KINDS = ("province", "admin_unit", "agency", "official", "directive")
_RESOLVED = frozenset(RESOLVED_KINDS)
_START = attrgetter("start")
_FILE = attrgetter("file")


@dataclass
class EntityRecord:
    """What all articles together say about one entity."""

    ref: EntityRef
    label: str
    label_en: str | None = None
    alt_labels: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    mentioned_in: set[str] = field(default_factory=set)
    evidence: dict[str, Sentence] = field(default_factory=dict)


def resolve(documents: list[Document]) -> dict[EntityRef, EntityRecord]:
    records: dict[EntityRef, EntityRecord] = {}
    # The ref of a mention depends on its kind, key and organisation class only: known ones are
    # looked up rather than made again (an EntityRef is a frozen dataclass, slow to build and hash).
    known: dict[tuple[str, str, Any], EntityRecord] = {}
    for doc in sorted(documents, key=_FILE):
        stem = doc.stem
        for mention in _full_first(doc.mentions):
            attrs = mention.attrs
            identity = (mention.kind, mention.key, attrs.get("org_class"))
            record = known.get(identity)
            if record is None:
                ref = _ref(mention)
                record = records.get(ref)
                if record is None:
                    record = records[ref] = EntityRecord(ref, _label(mention), attrs.get("label_en"))
                known[identity] = record
            _merge(record, attrs)
            record.mentioned_in.add(stem)
            if stem not in record.evidence:
                sentence = doc.sentence_of(mention.start)
                if sentence is not None:
                    record.evidence[stem] = sentence
    return records


def _ref(mention: Mention) -> EntityRef:
    return EntityRef("directive", mention.key) if mention.kind == "directive" else ref_of(mention)


def _full_first(mentions: list[Mention]) -> list[Mention]:
    """The mentions to resolve by start, full directive mentions before short ones, so a
    document's evidence is the full one (two stable sorts by start: the order of one stable sort
    by (short, start))."""
    resolved = [m for m in mentions if m.kind in _RESOLVED]
    if not any(m.attrs.get("short") for m in resolved):
        return sorted(resolved, key=_START)
    full = [m for m in resolved if not m.attrs.get("short")]
    short = [m for m in resolved if m.attrs.get("short")]
    return sorted(full, key=_START) + sorted(short, key=_START)


def _label(mention: Mention) -> str:
    attrs = mention.attrs
    return str(attrs.get("label") or attrs.get("name") or attrs.get("number") or mention.key)


_MERGED_ATTRS = ("province", "jurisdiction", "parent", "number", "doc_type", "issuer", "issued", "implements",
                 "title")


def _merge(record: EntityRecord, attrs: dict[str, Any]) -> None:
    alt = attrs.get("alt")
    if alt and alt != record.label:
        record.alt_labels.add(alt)
    if record.label_en is None and attrs.get("label_en"):
        record.label_en = attrs["label_en"]
    merged = record.attrs
    for key in _merged_keys(tuple(attrs)):
        if key not in merged and attrs[key]:
            merged[key] = attrs[key]


@lru_cache(maxsize=256)
def _merged_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of _MERGED_ATTRS among these, in its order: found once per set of attributes a
    recogniser gives (a few), rather than each looked for in every mention."""
    return tuple(key for key in _MERGED_ATTRS if key in keys)
