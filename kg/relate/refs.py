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
    """Drop mentions nested in a longer one (the province inside "UBND tỉnh X"), in one pass
    over them by start: a mention is nested when one starting before it reaches its end, or one
    starting with it ends after it. Bodies that share their head ("UBND các tỉnh A, B": one
    People's Committee per province, each mention from "UBND" to its province) are all kept."""
    nested: set[int] = set()
    reach = -1  # the furthest end of the mentions starting before the current start
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    index = 0
    while index < len(ordered):
        start, longest, longest_kind = ordered[index].start, ordered[index].end, ordered[index].kind
        while index < len(ordered) and ordered[index].start == start:
            mention = ordered[index]
            shares_head = mention.kind == longest_kind == "agency"
            if reach >= mention.end or (mention.end < longest and not shares_head):
                nested.add(id(mention))
            index += 1
        reach = max(reach, longest)
    return [m for m in mentions if id(m) not in nested]
