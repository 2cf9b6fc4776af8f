"""Namespaces of the data contract (ontology/CONTRACT.md) and the prefixes every graph binds."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

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

__all__ = ["RK", "RKI", "PREFIXES", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "bind_prefixes"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the contract prefixes, replacing rdflib's defaults, so serialisations read the same everywhere."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
