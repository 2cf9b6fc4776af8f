"""Stored SPARQL queries (`queries/*.rq`) with grlc-style headers, and their parameters.

A header is a block of `#+ ` lines at the top of the file, read as YAML:

    #+ summary: Tasks assigned to a province by the Prime Minister or the Government
    #+ params:
    #+   - name: province
    #+     type: province
    #+     default: Thừa Thiên Huế
    #+ tags: [tasks]

Each parameter is a variable of the query (`?province`) bound before evaluation. Entity types
(province, agency, official, directive, indicator, entity) take a label, written with or without
diacritics, or an IRI; the label is resolved to the one node it names.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import QueryError
from kg.iri import fold
from kg.store import GraphStore, Term, expand_name, iri, label_index, literal
from kg.vocab import FOAF, RDF, RDFS, RK, SKOS, XSD

HEADER_LINE = re.compile(r"^#\+ ?(.*)$")

# What a person may call a node by: its names, its code, a directive's number ("54-NQ/TW").
LABEL_PREDICATES = (str(RDFS.label), str(SKOS.altLabel), str(SKOS.prefLabel), str(SKOS.notation), str(FOAF.name),
                    str(RK.documentNumber))

# Entity parameter types and the class whose members they name (None: any labelled node).
ENTITY_CLASSES: dict[str, str | None] = {
    "province": str(RK.Province),
    "agency": str(RK.Agency),
    "official": str(RK.Official),
    "directive": str(RK.Directive),
    "indicator": str(RK.Indicator),
    "entity": None,
}

LITERAL_DATATYPES: dict[str, str | None] = {
    "string": None,
    "integer": str(XSD.integer),
    "decimal": str(XSD.decimal),
    "date": str(XSD.date),
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    summary: str
    params: tuple[Param, ...] = ()
    tags: tuple[str, ...] = ()
    header: dict = field(default_factory=dict, compare=False)


def read_header(text: str) -> dict:
    """The YAML of the leading `#+` lines (an empty dict if there are none)."""
    lines = []
    for line in text.splitlines():
        match = HEADER_LINE.match(line)
        if not match:
            break
        lines.append(match.group(1))
    if not lines:
        return {}
    try:
        header = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as error:
        raise QueryError(f"the #+ header is not valid YAML: {str(error).splitlines()[0]}") from error
    if not isinstance(header, dict):
        raise QueryError("the #+ header must be a YAML mapping (summary:, params:, tags:)")
    return header


def parse_query_file(path: Path) -> StoredQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise QueryError(f"no such query file: {path}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read {path}: {error}") from error
    header = read_header(text)
    params = []
    for entry in header.get("params") or []:
        if not isinstance(entry, dict) or "name" not in entry:
            raise QueryError(f"{path.name}: every parameter needs a name")
        kind = str(entry.get("type", "string"))
        if kind not in ENTITY_CLASSES and kind not in LITERAL_DATATYPES and kind != "iri":
            raise QueryError(f"{path.name}: parameter {entry['name']} has unknown type {kind}")
        default = entry.get("default")
        params.append(Param(str(entry["name"]), kind, None if default is None else str(default),
                            str(entry.get("description", ""))))
    return StoredQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=str(header.get("summary", "")),
        params=tuple(params),
        tags=tuple(str(t) for t in header.get("tags") or ()),
        header=header,
    )


def stored_queries(folder: Path) -> list[StoredQuery]:
    return [parse_query_file(path) for path in sorted(folder.glob("*.rq"))]


def find_query(name_or_path: str, folder: Path) -> StoredQuery:
    """A stored query by name, or any `.rq` file by path."""
    if name_or_path.endswith(".rq") or "/" in name_or_path:
        return parse_query_file(Path(name_or_path))
    path = folder / f"{name_or_path}.rq"
    if path.is_file():
        return parse_query_file(path)
    names = sorted(p.stem for p in folder.glob("*.rq"))
    close = difflib.get_close_matches(name_or_path, names, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `kg queries` lists them"
    raise QueryError(f"no stored query named '{name_or_path}'{hint}")


def parse_param_options(options: tuple[str, ...]) -> dict[str, str]:
    """`("province=thua thien hue", …)` → {"province": "thua thien hue"}."""
    given = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"a parameter is written name=value, not '{option}'")
        given[name.strip()] = value
    return given


def bind_params(query: StoredQuery, given: dict[str, str], store: GraphStore) -> dict[str, Term]:
    """The initial bindings of a query: each declared parameter from `given` or its default."""
    declared = {p.name: p for p in query.params}
    for name in sorted(given):
        if name not in declared:
            takes = ", ".join(sorted(declared)) or "no parameters"
            raise QueryError(f"unknown parameter '{name}' for query {query.name} (it takes: {takes})")
    bindings = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is not None:
            bindings[param.name] = resolve_value(param, value, store)
    return bindings


def resolve_value(param: Param, value: str, store: GraphStore) -> Term:
    if param.type in LITERAL_DATATYPES:
        return literal(value, LITERAL_DATATYPES[param.type])
    expanded = expand_name(value.strip())
    if param.type == "iri":
        if expanded is None:
            raise QueryError(f"parameter {param.name} takes an IRI or a prefixed name, not '{value}'")
        return iri(expanded)
    class_iri = ENTITY_CLASSES[param.type]
    if expanded is not None:
        node = iri(expanded)
        if class_iri is not None and not any(store.triples(node, iri(str(RDF.type)), iri(class_iri))):
            raise QueryError(f"parameter {param.name} takes a {param.type}, and {value} is none in the graph")
        return node
    return resolve_label(value, store, class_iri, what=param.type)


def resolve_label(text: str, store: GraphStore, class_iri: str | None = None, what: str = "entity") -> Term:
    """The one node whose label or alternative label folds to `text`; an error listing close
    matches when none or several do."""
    candidates = entity_labels(store, class_iri)
    wanted = _normal(text)
    matches = sorted({node for node, label in candidates if _normal(label) == wanted})
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(node.compact() for node in matches)
        raise QueryError(f"'{text}' names several: {shown}; give an IRI instead")
    close = close_labels(wanted, candidates)
    hint = f"; close matches: {'; '.join(close)}" if close else ""
    raise QueryError(f"no {what} called '{text}'{hint}")


def close_labels(wanted: str, candidates: list[tuple[Term, str]], limit: int = 5) -> list[str]:
    """Labels that contain the folded text as whole words, then labels that look like it."""
    by_folded: dict[str, str] = {}
    # Of the labels that fold alike, show the one written with diacritics (the Vietnamese one).
    for _, label in sorted(candidates, key=lambda pair: (pair[1].isascii(), len(pair[1]), pair[1])):
        by_folded.setdefault(_normal(label), label)
    whole_words = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)") if wanted else None
    containing = sorted((f for f in by_folded if whole_words and whole_words.search(f)), key=lambda f: (len(f), f))
    similar = difflib.get_close_matches(wanted, sorted(by_folded), n=limit, cutoff=0.75)
    chosen = list(dict.fromkeys([*containing, *similar]))[:limit]
    return [by_folded[f] for f in chosen]


def entity_labels(store: GraphStore, class_iri: str | None = None) -> list[tuple[Term, str]]:
    pairs = label_index(store, LABEL_PREDICATES)
    if class_iri is None:
        return pairs
    members = {s for s, _, _ in store.triples(None, iri(str(RDF.type)), iri(class_iri))}
    return [(node, label) for node, label in pairs if node in members]


def _normal(text: str) -> str:
    return " ".join(fold(text).split())
