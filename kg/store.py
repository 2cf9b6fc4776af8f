"""The one seam between reform-kg and its RDF engine (rdflib today).

Everything outside this module sees `Term` values, `QueryResult`s and Turtle text, never rdflib
objects, so another engine can replace rdflib here alone. The exception is `GraphStore.graph`,
which pySHACL (an rdflib library) needs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import traverse
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.errors import DataError, InputError, QueryError, first_line
from kg.vocab import PREFIXES, bind_prefixes

FORMATS_BY_SUFFIX: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

# Export format names the CLI offers, mapped to rdflib plugin names.
EXPORT_FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "xml": "xml",
}


@dataclass(frozen=True, order=True)
class Term:
    """An RDF term, engine-neutral: kind is "iri", "literal" or "bnode"."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "iri"

    def compact(self) -> str:
        """The prefixed name of an IRI (`rki:province/hue`) or the plain value of a literal."""
        if self.kind == "iri":
            return compact_iri(self.value)
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: rows for SELECT, a boolean for ASK, Turtle for CONSTRUCT/DESCRIBE."""

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    answer: bool | None = None
    turtle: str = ""


def compact_iri(iri: str) -> str:
    """`https://w3id.org/reformkg/id/province/hue` → `rki:province/hue`; unknown namespaces stay whole."""
    best = max(
        ((prefix, str(ns)) for prefix, ns in PREFIXES.items() if iri.startswith(str(ns))),
        key=lambda pair: len(pair[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def expand_name(name: str) -> str | None:
    """A prefixed name (`rk:Province`) or `<iri>`/full IRI → the full IRI; None if it is neither."""
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    if name.startswith(("http://", "https://", "urn:")):
        return name
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and local and " " not in local:
        return str(PREFIXES[prefix]) + local
    return None


def to_term(node: Node) -> Term:
    if isinstance(node, URIRef):
        return Term("iri", str(node))
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    if isinstance(node, Literal):
        datatype = str(node.datatype) if node.datatype else None
        return Term("literal", str(node), datatype, node.language)
    raise DataError(f"unexpected RDF term {node!r}")


def to_node(term: Term) -> Node:
    if term.kind == "iri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    return Literal(term.value, lang=term.lang, datatype=URIRef(term.datatype) if term.datatype else None)


def iri(value: str) -> Term:
    return Term("iri", value)


def literal(value: str, datatype: str | None = None, lang: str | None = None) -> Term:
    return Term("literal", value, datatype, lang)


class GraphStore:
    """A graph to query, look into, serialise and save."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = bind_prefixes(graph if graph is not None else Graph())

    @classmethod
    def load(cls, *paths: Path) -> GraphStore:
        """Parse one or more RDF files into one store; the format comes from each extension."""
        store = cls()
        for path in paths:
            store.add_file(path)
        return store

    def add_file(self, path: Path) -> None:
        if not path.is_file():
            raise InputError(f"no such graph file: {path}")
        rdf_format = FORMATS_BY_SUFFIX.get(path.suffix.lower())
        if rdf_format is None:
            raise InputError(f"cannot tell the RDF format of {path} from its extension")
        try:
            self.graph.parse(path, format=rdf_format)
        except Exception as error:  # rdflib raises many unrelated types for bad input
            raise InputError(f"cannot parse {path}: {first_line(error)}") from error
        bind_prefixes(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def triples(self, subject: Term | None = None, predicate: Term | None = None,
                obj: Term | None = None) -> list[tuple[Term, Term, Term]]:
        pattern = tuple(None if t is None else to_node(t) for t in (subject, predicate, obj))
        return sorted((to_term(s), to_term(p), to_term(o)) for s, p, o in self.graph.triples(pattern))

    def has_blank_nodes(self) -> bool:
        return any(isinstance(node, BNode) for triple in self.graph for node in triple)

    def query(self, text: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL query with its parameters bound (never spliced into the text)."""
        prepared = prepare(text)
        init = {name: to_node(term) for name, term in (bindings or {}).items()}
        try:
            result = self.graph.query(prepared, initBindings=init)
        except Exception as error:  # evaluation errors surface as assorted Python exceptions
            raise DataError(f"the query failed on the data: {first_line(error)}") from error
        if result.type == "ASK":
            return QueryResult("ask", answer=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", turtle=canonical_turtle(bind_prefixes(result.graph)))
        variables = tuple(str(v) for v in result.vars)
        rows = tuple(
            tuple(None if row[i] is None else to_term(row[i]) for i in range(len(variables)))
            for row in result
        )
        return QueryResult("select", variables=variables, rows=rows)

    def serialize(self, export_format: str = "turtle") -> str:
        """The graph as text; Turtle is canonical (sorted, stable byte for byte)."""
        if export_format in ("turtle", "trig"):
            # Turtle is TriG's default graph, so the canonical Turtle serves both.
            return canonical_turtle(self.graph)
        plugin = EXPORT_FORMATS.get(export_format, export_format)
        if plugin in ("nt", "nquads"):
            # The graph is one default graph, whose N-Quads are its N-Triples lines.
            return "".join(sorted(self.graph.serialize(format="nt").splitlines(keepends=True)))
        if plugin == "json-ld":
            context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
            return self.graph.serialize(format=plugin, context=context, auto_compact=True)
        return self.graph.serialize(format=plugin)

    def save(self, path: Path, export_format: str = "turtle") -> None:
        write_atomically(path, self.serialize(export_format))


def prepare(text: str) -> Query:
    """Parse a read-only query on the local graph, refusing updates, SERVICE and FROM (which would
    fetch data from elsewhere) with their own messages."""
    try:
        query = prepareQuery(text, initNs=dict(PREFIXES))
    except ParseException as error:
        if _is_update(text):
            raise QueryError("updates are not allowed: only SELECT, ASK, CONSTRUCT and DESCRIBE queries run") from error
        raise QueryError(f"bad SPARQL: {first_line(error)}") from error
    except Exception as error:  # e.g. an undeclared prefix
        raise QueryError(f"bad SPARQL: {first_line(error)}") from error
    if query.algebra.datasetClause or _uses_service(query):
        raise QueryError("queries run on the local graph only: SERVICE, FROM and FROM NAMED are not allowed")
    return query


def _uses_service(query: Query) -> bool:
    services: list[object] = []

    def note_service(node: object) -> None:
        if getattr(node, "name", "") == "ServiceGraphPattern":
            services.append(node)

    traverse(query.algebra, visitPre=note_service)
    return bool(services)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _default_mode() -> int:
    """The mode a plain `open` would give a new file (0666 less the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it into place, so a failure
    leaves the previous file untouched and no temporary file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, _default_mode())  # mkstemp makes it private; a graph is for others to read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def canonical_turtle(graph: Graph) -> str:
    """Turtle in one canonical order: prefixes, then subjects, predicates (rdf:type first) and
    objects sorted, so equal graphs give equal bytes whatever their insertion order."""
    used: set[str] = set()
    blocks = []
    for subject in sorted(set(graph.subjects()), key=_sort_key):
        predicates = sorted(set(graph.predicates(subject)), key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for predicate in predicates:
            objects = sorted(graph.objects(subject, predicate), key=_sort_key)
            shown = "a" if predicate == RDF.type else _n3(predicate, used)
            parts.append(f"{shown} " + " ,\n        ".join(_n3(o, used) for o in objects))
        blocks.append(_n3(subject, used) + "\n    " + " ;\n    ".join(parts) + " .")
    header = [f"@prefix {prefix}: <{PREFIXES[prefix]}> ." for prefix in sorted(used)]
    return "\n\n".join(["\n".join(header), *blocks]) + "\n"


def _sort_key(node: Node) -> tuple[str, str, str, str]:
    if isinstance(node, Literal):
        return ("2", str(node), str(node.datatype or ""), node.language or "")
    return ("1" if isinstance(node, URIRef) else "3", str(node), "", "")


def _n3(node: Node, used: set[str]) -> str:
    """One term in Turtle, noting the prefixes it needs in `used`."""
    if isinstance(node, URIRef):
        return _iri_n3(str(node), used)
    if isinstance(node, Literal):
        lexical = Literal(str(node)).n3()
        if node.language:
            return f"{lexical}@{node.language}"
        if node.datatype is not None:
            return f"{lexical}^^{_iri_n3(str(node.datatype), used)}"
        return lexical
    return node.n3()


def _iri_n3(value: str, used: set[str]) -> str:
    compacted = compact_iri(value)
    prefix, _, local = compacted.partition(":")
    if compacted != value and _is_plain_local(local):
        used.add(prefix)
        return compacted
    return f"<{value}>"


def _is_plain_local(local: str) -> bool:
    """Local names Turtle accepts unescaped: letters, digits, '_' and inner '-'."""
    return bool(local) and all(c.isascii() and (c.isalnum() or c in "_-") for c in local) and local[0] != "-"


def label_index(store: GraphStore, predicates: Iterable[str]) -> list[tuple[Term, str]]:
    """Every (node, label text) for the given label predicates, sorted."""
    pairs = set()
    for predicate in predicates:
        for subject, label in store.graph.subject_objects(URIRef(predicate)):
            pairs.add((to_term(subject), str(label)))
    return sorted(pairs)
