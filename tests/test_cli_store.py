"""The store seam and the output formats: canonical Turtle, atomic saves, result rendering."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.errors import InputError, QueryError
from kg.output import render_result, render_table, text_width
from kg.store import GraphStore, QueryResult, Term, canonical_turtle, compact_iri, expand_name, iri, literal
from kg import vocab
from kg.vocab import RK, RKI

TRIPLES = [
    (RKI["province/lang-son"], vocab.RDF.type, RK.Province),
    (RKI["province/lang-son"], vocab.RDFS.label, Literal("Lạng Sơn", lang="vi")),
    (RKI["province/lang-son"], vocab.RDFS.label, Literal("Lang Son", lang="en")),
    (RKI["observation/a1"], vocab.RDF.type, RK.Observation),
    (RKI["observation/a1"], RK.refArea, RKI["province/lang-son"]),
    (RKI["observation/a1"], RK.value, Literal("99.82", datatype=vocab.XSD.decimal)),
    (RKI["observation/a1"], RK.evidence, Literal('Tỷ lệ "đúng hạn"\nđạt 99,82%.')),
    (RK.Percent, vocab.RDFS.label, Literal("phần trăm", lang="vi")),
]

EXPECTED_TURTLE = '''\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rk: <https://w3id.org/reformkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/reformkg/id/observation/a1>
    a rk:Observation ;
    rk:evidence """Tỷ lệ "đúng hạn"
đạt 99,82%.""" ;
    rk:refArea <https://w3id.org/reformkg/id/province/lang-son> ;
    rk:value "99.82"^^xsd:decimal .

<https://w3id.org/reformkg/id/province/lang-son>
    a rk:Province ;
    rdfs:label "Lang Son"@en ,
        "Lạng Sơn"@vi .

rk:Percent
    rdfs:label "phần trăm"@vi .
'''


def graph_of(triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def test_canonical_turtle_is_the_same_whatever_the_insertion_order():
    shuffled = TRIPLES[:]
    random.Random(7).shuffle(shuffled)
    assert canonical_turtle(graph_of(TRIPLES)) == canonical_turtle(graph_of(shuffled)) == EXPECTED_TURTLE


def test_canonical_turtle_reads_back_as_the_same_graph():
    assert set(Graph().parse(data=EXPECTED_TURTLE, format="turtle")) == set(TRIPLES)


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    def failing_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        GraphStore(graph_of(TRIPLES)).save(target)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_save_then_load(tmp_path: Path):
    target = tmp_path / "out" / "graph.ttl"
    GraphStore(graph_of(TRIPLES)).save(target)
    assert target.read_text(encoding="utf-8") == EXPECTED_TURTLE
    assert len(GraphStore.load(target)) == len(TRIPLES)


def test_load_refuses_unknown_extensions_and_missing_files(tmp_path: Path):
    (tmp_path / "graph.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        GraphStore.load(tmp_path / "graph.txt")
    assert str(caught.value) == f"cannot tell the RDF format of {tmp_path / 'graph.txt'} from its extension"
    with pytest.raises(InputError) as caught:
        GraphStore.load(tmp_path / "none.ttl")
    assert str(caught.value) == f"no such graph file: {tmp_path / 'none.ttl'}"


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX rk: <https://w3id.org/reformkg/ontology#> DELETE WHERE { ?t rk:status ?s }",
    "CLEAR ALL",
])
def test_updates_are_refused(update: str):
    store = GraphStore(graph_of(TRIPLES))
    with pytest.raises(QueryError) as caught:
        store.query(update)
    assert str(caught.value) == "updates are not allowed: only SELECT, ASK, CONSTRUCT and DESCRIBE queries run"
    assert len(store) == len(TRIPLES)


def test_query_binds_terms():
    store = GraphStore(graph_of(TRIPLES))
    result = store.query("SELECT ?value WHERE { ?o rk:refArea ?area ; rk:value ?value }",
                         {"area": iri(str(RKI["province/lang-son"]))})
    assert result == QueryResult("select", ("value",), ((literal("99.82", str(vocab.XSD.decimal)),),))


def test_names_compact_and_expand():
    assert compact_iri(str(RKI["province/lang-son"])) == "rki:province/lang-son"
    assert compact_iri("http://example.org/x") == "http://example.org/x"
    assert expand_name("rk:Province") == str(RK.Province)
    assert expand_name("<urn:x>") == "urn:x"
    assert expand_name("Lạng Sơn") is None
    assert expand_name("nope:thing") is None


def test_table_widths_count_characters_not_bytes():
    assert text_width("Thừa Thiên Huế") == 14
    assert text_width("Thu\u0300a") == 4
    assert text_width("中国") == 4
    assert render_table(["tỉnh", "n"], [["Lạng Sơn", "7"], ["Huế", "12"]]) == (
        "tỉnh       n\n--------  --\nLạng Sơn   7\nHuế       12\n"
    )


def test_result_formats_leave_unbound_cells_empty():
    result = QueryResult("select", ("a", "b"), ((Term("iri", str(RK.Province)), None),))
    assert render_result(result, "table") == "a            b\n-----------  -\nrk:Province\n(1 row)\n"
    assert render_result(result, "csv") == f"a,b\r\n{RK.Province},\r\n"
    assert render_result(result, "tsv") == f"?a\t?b\n<{RK.Province}>\t\n"
    assert render_result(result, "json") == (
        '{\n  "head": {\n    "vars": [\n      "a",\n      "b"\n    ]\n  },\n  "results": {\n    "bindings": [\n'
        f'      {{\n        "a": {{\n          "type": "uri",\n          "value": "{RK.Province}"\n        }}\n'
        '      }\n    ]\n  }\n}\n'
    )


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
])
def test_queries_may_not_fetch_data_from_elsewhere(text: str):
    with pytest.raises(QueryError) as caught:
        GraphStore(graph_of(TRIPLES)).query(text)
    assert str(caught.value) == "queries run on the local graph only: SERVICE, FROM and FROM NAMED are not allowed"
