"""Resolution: every mention of the same province, body, person or document, in any sentence of
any article, becomes one entity record under one contract IRI.

Identity is the slug the recognisers put in `Mention.key` (the canonical name, so "UBND tỉnh X"
and "Ủy ban nhân dân tỉnh X" are one body); this module merges what the mentions say about it:
labels, abbreviations as written, the documents naming it, and for directives the issuer, date and
what they implement, preferring a full mention over a later short one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.document import Document, Mention, Sentence
from kg.facts import EntityRef
from kg.relate.refs import ref_of

RESOLVED_KINDS = ("province", "admin_unit", "agency", "official", "directive")


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
    for doc in sorted(documents, key=lambda d: d.file):
        for mention in sorted(doc.mentions, key=_full_first):
            if mention.kind not in RESOLVED_KINDS:
                continue
            ref = _ref(mention)
            record = records.get(ref)
            if record is None:
                record = records[ref] = EntityRecord(ref, _label(mention), mention.attrs.get("label_en"))
            _merge(record, mention)
            record.mentioned_in.add(doc.stem)
            sentence = doc.sentence_of(mention.start)
            if sentence is not None:
                record.evidence.setdefault(doc.stem, sentence)
    return records


def _ref(mention: Mention) -> EntityRef:
    return EntityRef("directive", mention.key) if mention.kind == "directive" else ref_of(mention)


def _full_first(mention: Mention) -> tuple[bool, int]:
    """Full directive mentions before short ones, so a document's evidence is the full one."""
    return bool(mention.attrs.get("short")), mention.start


def _label(mention: Mention) -> str:
    attrs = mention.attrs
    return str(attrs.get("label") or attrs.get("name") or attrs.get("number") or mention.key)


def _merge(record: EntityRecord, mention: Mention) -> None:
    alt = mention.attrs.get("alt")
    if alt and alt != record.label:
        record.alt_labels.add(alt)
    if record.label_en is None and mention.attrs.get("label_en"):
        record.label_en = mention.attrs["label_en"]
    for key in ("province", "jurisdiction", "parent", "number", "doc_type", "issuer", "issued",
                "implements", "title"):
        value = mention.attrs.get(key)
        if value and key not in record.attrs:
            record.attrs[key] = value
