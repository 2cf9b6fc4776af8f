"""Stable instance IRIs (contract section "IRIs"): slugs for entities, content hashes for facts."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import RKI

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ → d), so "Thừa Thiên Huế" and "thua thien hue" compare equal."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify(name: str) -> str:
    """The contract slug: folded name with runs of other characters turned into '-'."""
    return _NON_SLUG.sub("-", fold(name)).strip("-")


def entity_iri(kind: str, slug: str) -> URIRef:
    """`rki:<kind>/<slug>`, e.g. entity_iri("province", "thua-thien-hue")."""
    return RKI[f"{kind}/{slug}"]


def fact_iri(kind: str, source_stem: str, evidence: str, *key: object) -> URIRef:
    """`rki:<kind>/<hash>`: a hash of the source and evidence, plus the fact's own key so that
    two facts read from one sentence get two IRIs."""
    material = "\x1f".join([source_stem, evidence, *map(str, key)])
    digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
    return RKI[f"{kind}/{digest}"]
