"""Posts held by officials: one `org:Membership` per person, title and body in an article."""

from __future__ import annotations

from kg.document import Document
from kg.facts import EntityRef, MembershipFact
from kg.relate.refs import agency_ref


def relate_memberships(doc: Document) -> None:
    """One fact per (official, role, body), read from the first sentence that states it.

    A post written in part later ("Bộ trưởng" after "Bộ trưởng, Chủ nhiệm") is the same post,
    so a role whose titles all belong to a fuller role of the same person and body is dropped.
    """
    first: dict[tuple[str, str, str], MembershipFact] = {}
    for mention in doc.iter_kind("official"):
        organization = mention.attrs.get("organization")
        sentence = doc.sentence_of(mention.start)
        if organization is None or sentence is None:
            continue
        key = (mention.key, mention.attrs["role"], organization)
        if key not in first:
            first[key] = MembershipFact(EntityRef("official", mention.key), mention.attrs["role"],
                                        agency_ref(doc, organization), sentence)
    for (person, role, organization), fact in first.items():
        titles = set(role.split(", "))
        fuller = any(p == person and o == organization and r != role and titles < set(r.split(", "))
                     for p, r, o in first)
        if not fuller:
            doc.facts.append(fact)
