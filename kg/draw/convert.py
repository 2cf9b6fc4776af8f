"""The RDF graph as a networkx `MultiDiGraph`, for drawing and for networkx analysis.

One node per resource (keyed by its IRI) with `label`, `class` and `iri`; one edge per object
property, keyed by the property's prefixed name and carrying its label; literals become node
attributes named by prefixed property (`rk:evidence`, `rdfs:label@en`). `rdf:type` is the `class`
attribute, not an edge. Schema terms (classes, properties) never become nodes, so a graph merged
with its ontology still draws as data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import InputError, first_line
from kg.vocab import FOAF, ORG, OWL, PREFIXES, RDF, RDFS, RK, SKOS, XSD

if TYPE_CHECKING:
    import networkx as nx

# Most specific first: a node's class is the first of these among its types.
CLASS_ORDER: tuple[URIRef, ...] = (
    RK.Province, RK.AdministrativeUnit, RK.Agency, ORG.Organization, RK.Official, FOAF.Person,
    RK.Directive, RK.Task, RK.Observation, ORG.Membership, ORG.Role, RK.Indicator, RK.TaskStatus,
    RK.DocumentType, RK.Unit, RK.SourceDocument, SKOS.Concept,
)
UNTYPED = "Resource"

_SCHEMA_TYPES = frozenset({
    OWL.Ontology, OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, SH.NodeShape, SH.PropertyShape,
})
_INTEGER_TYPES = frozenset({XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long})
_NUMBER_TYPES = _INTEGER_TYPES | {XSD.decimal, XSD.double, XSD.float}
_LABEL_LANGUAGES = ("vi", "en", None)
VALUE_SEPARATOR = " | "
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def class_name(iri: URIRef) -> str:
    """"Province" for rk:Province, "Membership" for org:Membership: the name shown in legends."""
    return local_name(iri)


def local_name(iri: Node) -> str:
    text = str(iri).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if "#" in text or "/" in text else text


def qname(iri: URIRef) -> str:
    """The contract prefixed name (rk:assignedTo) or, outside the contract namespaces, the IRI."""
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


@dataclass(frozen=True)
class _Vocabulary:
    """Labels and types looked up in the data first, then in the ontology."""

    data: Graph
    ontology: Graph

    def types(self, node: Node) -> set[URIRef]:
        found = set(self.data.objects(node, RDF.type)) | set(self.ontology.objects(node, RDF.type))
        return {t for t in found if isinstance(t, URIRef)}

    def node_class(self, node: Node) -> str:
        types = self.types(node)
        for candidate in CLASS_ORDER:
            if candidate in types:
                return class_name(candidate)
        return class_name(min(types)) if types else UNTYPED

    def label(self, node: Node) -> str:
        for predicate in (RDFS.label, SKOS.prefLabel):
            found = self._by_language(node, predicate, _LABEL_LANGUAGES)
            if found:
                return found
        number = self.data.value(node, RK.documentNumber)
        return str(number) if number is not None else local_name(node)

    def property_label(self, predicate: URIRef) -> str:
        return self._by_language(predicate, RDFS.label, ("en", None, "vi")) or _words(local_name(predicate))

    def _by_language(self, node: Node, predicate: URIRef, languages: tuple[str | None, ...]) -> str:
        values = [v for g in (self.data, self.ontology) for v in g.objects(node, predicate)
                  if isinstance(v, Literal)]
        for language in languages:
            matching = sorted(str(v) for v in values if v.language == language)
            if matching:
                return matching[0]
        return min((str(v) for v in values), default="")


def load_ontology(folder: Path) -> Graph:
    """Every `*.ttl` of the ontology folder, or an empty graph when there is none."""
    ontology = Graph()
    for path in sorted(folder.glob("*.ttl")):
        try:
            ontology.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser-specific types
            raise InputError(f"cannot read ontology file {path}: {first_line(error)}") from error
    return ontology


def load_graph(path: Path) -> Graph:
    """A graph file in any format rdflib guesses from its extension (Turtle by default)."""
    from rdflib.util import guess_format

    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as error:  # rdflib raises many parser-specific types
        raise InputError(f"cannot read graph {path}: {first_line(error)}") from error
    return graph


def to_networkx(data: Graph, ontology: Graph | None = None) -> nx.MultiDiGraph:
    """The data graph as a MultiDiGraph; `ontology` (optional) supplies labels of properties and
    code-list members and the classes of terms the data only points to."""
    import networkx as nx

    vocabulary = _Vocabulary(data, ontology if ontology is not None else Graph())
    schema_terms = {s for s, t in data.subject_objects(RDF.type) if t in _SCHEMA_TYPES}
    literals: dict[Node, dict[str, list[Literal]]] = defaultdict(lambda: defaultdict(list))
    edges: list[tuple[Node, Node, URIRef]] = []
    resources: set[Node] = set()
    for subject, predicate, obj in data:
        if subject in schema_terms or not isinstance(subject, (URIRef, BNode)):
            continue
        resources.add(subject)
        if isinstance(obj, Literal):
            literals[subject][_attribute_key(predicate, obj)].append(obj)
        elif predicate != RDF.type and obj not in schema_terms:
            resources.add(obj)
            edges.append((subject, obj, predicate))

    graph = nx.MultiDiGraph(name="reform-kg")
    kinds = _attribute_kinds(literals)
    for node in sorted(resources, key=str):
        attributes = {key: _attribute_value(values, kinds[key])
                      for key, values in sorted(literals.get(node, {}).items())}
        attributes.update(label=vocabulary.label(node), iri=str(node))
        attributes["class"] = vocabulary.node_class(node)
        graph.add_node(str(node), **attributes)
    for subject, obj, predicate in sorted(edges, key=lambda e: (str(e[0]), str(e[2]), str(e[1]))):
        graph.add_edge(str(subject), str(obj), key=qname(predicate),
                       label=vocabulary.property_label(predicate), property=str(predicate))
    return graph


def _attribute_key(predicate: URIRef, literal: Literal) -> str:
    name = qname(predicate)
    return f"{name}@{literal.language}" if literal.language else name


def _attribute_kinds(literals: dict[Node, dict[str, list[Literal]]]) -> dict[str, type]:
    """One Python type per attribute across the whole graph, as GraphML and GEXF require:
    numbers stay numbers only when every node has a single numeric value for the key."""
    datatypes: dict[str, set[URIRef | None]] = defaultdict(set)
    text_only: set[str] = set()  # several values on one node, or an ill-typed one
    for per_node in literals.values():
        for key, values in per_node.items():
            datatypes[key].update(v.datatype for v in values)
            if len(values) > 1 or any(v.ill_typed for v in values):
                text_only.add(key)
    kinds: dict[str, type] = {}
    for key, seen in datatypes.items():
        if key in text_only:
            kinds[key] = str
        elif seen <= _INTEGER_TYPES:
            kinds[key] = int
        elif seen <= _NUMBER_TYPES:
            kinds[key] = float
        elif seen == {XSD.boolean}:
            kinds[key] = bool
        else:
            kinds[key] = str
    return kinds


def _attribute_value(values: list[Literal], kind: type) -> str | int | float | bool:
    if kind is str:
        return VALUE_SEPARATOR.join(sorted(str(v) for v in values))
    literal = values[0]
    if kind is bool:
        return literal.toPython() is True
    return kind(literal.toPython())


def _words(camel_case: str) -> str:
    """"wasDerivedFrom" → "was derived from": a readable name for a property without a label."""
    return _CAMEL_HUMP.sub(" ", camel_case).lower()
