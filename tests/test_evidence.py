"""Provenance of the seed graph: evidence is verbatim source text, and no page debris leaks in."""

from __future__ import annotations

import re
import unicodedata

import pytest
from rdflib import Graph, Literal, URIRef

from kg.paths import project_root, seeds_dir
from kg.vocab import ORG, PROV, RDF, RK

# CJK punctuation, kana, ideographs and full-width forms: the spam footer of a seed is Chinese.
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

DEBRIS = {  # what must never reach the graph: kind → pieces, compared case-folded
    "photo credit": ("ảnh:", "vgp/"),
    "byline": ("pv|", "ngọc lan"),
    "spam": ("ca cuoc", "m88"),
}

FACT_CLASSES = {"Task": RK.Task, "Observation": RK.Observation, "Membership": ORG.Membership,
                "Directive": RK.Directive}


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    from kg.build import build_from_folder

    return build_from_folder(seeds_dir(), project_root())[1]


def _source_text(graph: Graph, source: URIRef) -> str | None:
    file = graph.value(source, RK.file)
    path = project_root() / str(file) if file is not None else None
    if path is None or not path.is_file():
        return None
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def test_every_evidence_is_verbatim_text_of_its_source(seed_graph: Graph) -> None:
    texts = {source: _source_text(seed_graph, source)
             for source in set(seed_graph.objects(None, PROV.wasDerivedFrom))}
    assert sorted(str(s) for s, text in texts.items() if text is None) == [], "sources without a readable rk:file"
    unsupported = [(str(node), str(evidence))
                   for node, evidence in seed_graph.subject_objects(RK.evidence)
                   if not any(str(evidence) in (texts[s] or "") for s in seed_graph.objects(node, PROV.wasDerivedFrom))]
    assert sorted(unsupported) == []


def test_the_seed_graph_has_evidence_to_check(seed_graph: Graph) -> None:
    assert len(set(seed_graph.subject_objects(RK.evidence))) >= 20


def _literals(graph: Graph) -> list[str]:
    return sorted({str(o) for o in graph.objects() if isinstance(o, Literal)})


@pytest.mark.parametrize("kind", sorted(DEBRIS))
def test_no_literal_carries_page_debris(seed_graph: Graph, kind: str) -> None:
    leaked = [text for text in _literals(seed_graph)
              if any(piece in text.casefold() for piece in DEBRIS[kind])]
    assert leaked == []


def test_no_literal_carries_cjk_characters(seed_graph: Graph) -> None:
    assert [text for text in _literals(seed_graph) if CJK.search(text)] == []


@pytest.mark.parametrize("name", sorted(FACT_CLASSES))
def test_every_fact_has_a_source_and_evidence(seed_graph: Graph, name: str) -> None:
    nodes = sorted(seed_graph.subjects(RDF.type, FACT_CLASSES[name]))
    assert nodes, f"no {name} in the seed graph"
    lacking = [str(n) for n in nodes
               if seed_graph.value(n, PROV.wasDerivedFrom) is None or seed_graph.value(n, RK.evidence) is None]
    assert lacking == []


def test_the_debris_checks_would_catch_debris() -> None:
    caption = "Bộ trưởng phát biểu. ẢNh: VGP/Hoàng Giang"
    assert [kind for kind, pieces in DEBRIS.items() if any(p in caption.casefold() for p in pieces)] == \
        ["photo credit"]
    assert CJK.search("【ca cuoc】本文地址") is not None
    assert CJK.search("Thừa Thiên Huế, Đà Nẵng – “mục tiêu kép”…") is None
