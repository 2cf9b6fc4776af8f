"""Parts of the drawn graph: the neighbourhood of one entity, some classes, or what a query names.

Every function takes the whole converted graph and returns a new MultiDiGraph holding a subset of
its nodes with all edges among them (or, for a query, the edges the query names).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.query import Result

from kg.draw.convert import CLASS_ORDER, UNTYPED, VALUE_SEPARATOR, class_name, qname
from kg.draw.style import HUB_CLASSES, short_label
from kg.errors import InputError, QueryError
from kg.iri import fold
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

KNOWN_CLASSES = tuple(class_name(c) for c in CLASS_ORDER) + (UNTYPED,)
_NAME_ATTRIBUTES = ("label", "rdfs:label@vi", "rdfs:label@en", "rdfs:label", "skos:altLabel@vi",
                    "skos:altLabel@en", "skos:altLabel", "rk:documentNumber")


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node named `name`: its IRI, its prefixed IRI (rki:province/hue), or one of its labels or
    alternative labels compared without case and diacritics."""
    iri = _expand(name.strip())
    if iri in graph:
        return iri
    wanted = fold(name.strip())
    matches = sorted(node for node, data in graph.nodes(data=True) if wanted in _names(data))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InputError(f"{name!r} names {len(matches)} nodes, give one IRI: {', '.join(matches[:5])}")
    close = sorted({data["label"] for data in graph.nodes.values() if any(wanted in n for n in _names(data))},
                   key=lambda label: (len(label), label))
    hint = "; did you mean: " + ", ".join(f'"{short_label(c, 40)}"' for c in close[:5]) if close else ""
    raise InputError(f"no node labelled or named {name!r} in the graph{hint}")


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """Nodes within `depth` steps of `centre`, either edge direction, not walking through hubs
    (one article, status or unit would otherwise pull in everything that mentions or uses it)."""
    if depth < 0:
        raise InputError(f"depth must be 0 or more, not {depth}")
    reached = {centre}
    frontier = [centre]
    for _ in range(depth):
        following: set[str] = set()
        for node in frontier:
            if node != centre and graph.nodes[node]["class"] in HUB_CLASSES:
                continue
            following.update(graph.successors(node))
            following.update(graph.predecessors(node))
        frontier = sorted(following - reached)
        reached.update(frontier)
    return _sorted(graph.subgraph(reached))


def keep_classes(graph: nx.MultiDiGraph, classes: list[str], also: str | None = None) -> nx.MultiDiGraph:
    """Only the nodes of these classes ("Task", "rk:Task", "org:Membership"; case ignored), and
    the node `also` (a focus) whatever its class."""
    wanted = {_class_name(c) for c in classes}
    return _sorted(graph.subgraph([n for n, c in graph.nodes(data="class") if c in wanted or n == also]))


def from_query(data: Graph, graph: nx.MultiDiGraph, query_file: Path) -> nx.MultiDiGraph:
    """The subgraph a SPARQL query defines: a CONSTRUCT's triples between resources, or the pairs
    of a SELECT of ?source ?target (with the graph's edges between them, or an unnamed link)."""
    import networkx as nx

    try:
        text = query_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read query file {query_file}: {error}") from error
    try:
        result = data.query(text, initNs=PREFIXES)
    except Exception as error:  # rdflib raises parser- and evaluator-specific types
        raise QueryError(f"query {query_file.name} failed: {str(error).strip().splitlines()[0]}") from error
    chosen = nx.MultiDiGraph(name=graph.graph.get("name", ""))
    for source, target, predicate in _query_links(result, query_file):
        for node in (source, target):
            if node in graph:
                chosen.add_node(node, **graph.nodes[node])
            else:
                chosen.add_node(node, label=node, iri=node, **{"class": UNTYPED})
        known = graph.get_edge_data(source, target) or {}
        if predicate is not None:
            key = qname(URIRef(predicate))
            data_of_edge = known.get(key, {"label": key, "property": predicate})
            chosen.add_edge(source, target, key=key, **data_of_edge)
        elif known:
            for key, edge in sorted(known.items()):
                chosen.add_edge(source, target, key=key, **edge)
        else:
            chosen.add_edge(source, target, key="query", label=query_file.stem, property="")
    return _sorted(chosen)


def _query_links(result: Result, query_file: Path) -> list[tuple[str, str, str | None]]:
    if result.type == "CONSTRUCT":
        return sorted((str(s), str(o), str(p)) for s, p, o in result.graph
                      if isinstance(o, URIRef) and isinstance(s, URIRef) and str(p) != str(PREFIXES["rdf"].type))
    if result.type == "SELECT":
        variables = {str(v) for v in result.vars or []}
        # kglab names the pair ?subject ?object; both spellings work.
        pair = next((p for p in (("source", "target"), ("subject", "object")) if set(p) <= variables), None)
        if pair is None:
            raise QueryError(f"query {query_file.name} must select ?source and ?target (or ?subject and ?object)")
        return sorted({(str(row[pair[0]]), str(row[pair[1]]), None) for row in result
                       if isinstance(row[pair[0]], URIRef) and isinstance(row[pair[1]], URIRef)})
    raise QueryError(f"query {query_file.name} must be a CONSTRUCT or a SELECT of ?source ?target")


def _sorted(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx

    ordered = nx.MultiDiGraph(**graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])))
    return ordered


def _names(data: dict[str, object]) -> set[str]:
    names: set[str] = set()
    for attribute in _NAME_ATTRIBUTES:
        value = data.get(attribute)
        if isinstance(value, str):
            names.update(fold(part.strip()) for part in value.split(VALUE_SEPARATOR))
    return names


def _expand(name: str) -> str:
    prefix, colon, rest = name.partition(":")
    if colon and prefix in PREFIXES and not rest.startswith("//"):
        return str(PREFIXES[prefix]) + rest
    return name


def _class_name(name: str) -> str:
    local = name.partition(":")[2] if ":" in name else name
    for known in KNOWN_CLASSES:
        if known.lower() == local.strip().lower():
            return known
    raise InputError(f"unknown class {name!r}; known: {', '.join(sorted(KNOWN_CLASSES))}")
