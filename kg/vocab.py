"""Namespaces of the data contract (ontology/CONTRACT.md), the prefixes every graph binds, and the
literals emission makes."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
)

RK = Namespace("https://w3id.org/reformkg/ontology#")
RKI = Namespace("https://w3id.org/reformkg/id/")

PREFIXES: dict[str, Namespace] = {
    "rk": RK,
    "rki": RKI,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
}

__all__ = ["RK", "RKI", "PREFIXES", "TermCache", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "bind_prefixes", "decimal_literal", "plain_literal", "text_literal"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the contract prefixes, replacing rdflib's defaults, so serialisations read the same everywhere."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class TermCache:
    """A namespace whose terms are made once: rdflib's `Namespace.term` and `DefinedNamespace`
    build a new URIRef on every access, and emission asks for the same few terms per fact."""

    def __init__(self, namespace: Namespace | type[DefinedNamespace]) -> None:
        self._namespace = namespace
        self._terms: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)  # later lookups find it as a plain attribute
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = self._namespace[name]
        return term


# Literals emission makes again and again (labels, counts, values): made once each.


@lru_cache(maxsize=65536)
def text_literal(text: str, lang: str | None = None) -> Literal:
    """`Literal(text, lang=lang)`, made once per text: labels repeat, and so do the sentences of
    articles that report alike."""
    return plain_literal(text, lang)


def plain_literal(text: str, lang: str | None = None) -> Literal:
    """`Literal(text, lang=lang)`, without the normalising pass: it casts the text to a string
    and back, a slow no-op for a literal without a datatype."""
    return Literal(text, lang=lang, normalize=False)


@lru_cache(maxsize=16384)
def decimal_literal(text: str) -> Literal:
    """`Literal(text, datatype=XSD.decimal)`, made once per text. The text is a plain decimal
    ("3200000", "0.5": no exponent, no superfluous zero), which normalising would write again as
    it is, so that slow pass is skipped."""
    return Literal(text, datatype=XSD.decimal, normalize=False)
