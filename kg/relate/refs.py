"""From mentions to the entities facts point at (`EntityRef`), shared by the relaters."""

from __future__ import annotations

from kg.document import Document, Mention
from kg.facts import EntityRef

ENTITY_KINDS = ("province", "admin_unit", "agency", "official")


def ref_of(mention: Mention) -> EntityRef:
    """The entity a province, unit, agency or official mention names."""
    if mention.kind == "admin_unit":
        return EntityRef("unit", mention.key)
    if mention.kind == "agency" and mention.attrs.get("org_class") == "Organization":
        return EntityRef("organization", mention.key)
    return EntityRef(mention.kind, mention.key)


def agency_ref(doc: Document, slug: str) -> EntityRef:
    """An agency slug as the entity it is in this document (a public body or another organisation)."""
    mention = next((m for m in doc.iter_kind("agency") if m.key == slug), None)
    return ref_of(mention) if mention is not None else EntityRef("agency", slug)


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions nested in another one (the province inside "UBND tỉnh X")."""
    return [m for m in mentions
            if not any(o is not m and o.start <= m.start and m.end <= o.end
                       and (o.end - o.start) > (m.end - m.start) for o in mentions)]
