"""From mentions to the entities facts point at (`EntityRef`), shared by the relaters."""

from __future__ import annotations

from collections.abc import Iterator

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


def outermost(mentions: list[Mention]) -> Iterator[Mention]:
    """Drop mentions nested in a longer one (the province inside "UBND tỉnh X"), in one pass
    over them by start: a mention is nested when one starting before it reaches its end, or one
    starting with it ends after it. Bodies that share their head ("UBND các tỉnh A, B": one
    People's Committee per province, each mention from "UBND" to its province) are all kept.
    The mentions come in text order (by start, as `Document.mentions_in` gives them); whether one
    is nested depends only on those starting no later, so each is yielded once its start is read,
    and a reader stopping at the first that does not fit reads no further."""
    reach = -1  # the furthest end of the mentions starting before the current start
    index, count = 0, len(mentions)
    while index < count:
        start = mentions[index].start
        following = index + 1
        while following < count and mentions[following].start == start:
            following += 1
        if following == index + 1:  # alone at its start: nested only in one starting before it
            mention = mentions[index]
            if reach < mention.end:
                yield mention
                reach = mention.end
            index = following
            continue
        together = mentions[index:following]
        longest = max(mention.end for mention in together)
        longest_kind = next(mention.kind for mention in together if mention.end == longest)
        for mention in together:
            shares_head = mention.kind == longest_kind == "agency"
            if reach < mention.end and (mention.end >= longest or shares_head):
                yield mention
        reach = max(reach, longest)
        index = following
