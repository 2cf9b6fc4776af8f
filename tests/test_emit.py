from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.document import SourceMeta
from kg.emit import build_graph
from kg.facts import EntityRef, MembershipFact, ObservationFact, TaskFact
from kg.vocab import DCTERMS, ORG, PROV, RDF, RDFS, RK, RKI, SKOS, XSD
from tests.docs import make_doc

TEXT = ("Chủ tịch UBND tỉnh Nam Định Trần Anh Dũng cho biết tỉnh đạt 98,5% hồ sơ đúng hạn.\n"
        "Tỉnh Nam Định được Chính phủ giao 12 nhiệm vụ theo Nghị quyết số 76/NQ-CP.")


def article():
    doc = make_doc(
        TEXT,
        ("agency", "UBND tỉnh Nam Định", "uy-ban-nhan-dan-tinh-nam-dinh",
         {"label": "Ủy ban nhân dân tỉnh Nam Định", "label_en": "People's Committee of Nam Dinh Province",
          "alt": "UBND tỉnh Nam Định", "jurisdiction": "nam-dinh"}),
        ("province", "Nam Định", "nam-dinh", {"label": "Nam Định", "label_en": "Nam Dinh Province"}),
        ("official", "Chủ tịch UBND tỉnh Nam Định Trần Anh Dũng", "tran-anh-dung",
         {"name": "Trần Anh Dũng", "role": "Chủ tịch", "organization": "uy-ban-nhan-dan-tinh-nam-dinh"}),
        ("agency", "Chính phủ", "chinh-phu", {"label": "Chính phủ", "label_en": "Government"}),
        ("directive", "76/NQ-CP", "76-nq-cp", {"number": "76/NQ-CP", "doc_type": "NQ", "issuer": "chinh-phu"}),
        stem="art")
    doc.meta = SourceMeta(title="Nam Định cải cách", publisher="baonamdinh.vn", issued="2024-03-02")
    first, second = doc.sentences
    total = TaskFact("giao 12 nhiệm vụ", second, (EntityRef("province", "nam-dinh"),),
                     (EntityRef("agency", "chinh-phu"),), count=12,
                     based_on=(EntityRef("directive", "76-nq-cp"),))
    doc.facts = [
        MembershipFact(EntityRef("official", "tran-anh-dung"), "Chủ tịch",
                       EntityRef("agency", "uy-ban-nhan-dan-tinh-nam-dinh"), first),
        ObservationFact("OnTimeResolutionRate", "hồ sơ đúng hạn", EntityRef("province", "nam-dinh"),
                        Decimal("98.5"), "Percent", first, period="2024"),
        total,
        TaskFact("hoàn thành 10", second, total.assigned_to, total.assigned_by, status="CompletedOnTime",
                 count=10, total=total),
    ]
    return doc


def one(graph, subject, predicate):
    [value] = graph.objects(subject, predicate)
    return value


def test_entities_carry_contract_iris_labels_and_mentions():
    graph = build_graph([article()])
    province = RKI["province/nam-dinh"]
    body = RKI["agency/uy-ban-nhan-dan-tinh-nam-dinh"]
    assert (province, RDF.type, RK.Province) in graph
    assert set(graph.objects(province, RDFS.label)) == {Literal("Nam Định", lang="vi"),
                                                        Literal("Nam Dinh Province", lang="en")}
    assert one(graph, province, RK.mentionedIn) == RKI["source/art"]
    assert one(graph, body, SKOS.altLabel) == Literal("UBND tỉnh Nam Định", lang="vi")
    assert one(graph, body, RK.jurisdiction) == province
    assert one(graph, RKI["official/tran-anh-dung"], ORG.memberOf) == body


def test_directive_type_issuer_and_provenance():
    graph = build_graph([article()])
    directive = RKI["directive/76-nq-cp"]
    assert one(graph, directive, RK.documentNumber) == Literal("76/NQ-CP")
    assert one(graph, directive, RK.documentType) == RK.Resolution
    assert one(graph, directive, RK.issuedBy) == RKI["agency/chinh-phu"]
    assert Literal("Nghị quyết 76/NQ-CP", lang="vi") in set(graph.objects(directive, RDFS.label))
    assert one(graph, directive, RK.evidence) == Literal(TEXT.split("\n")[1])


def test_facts_are_traceable_to_the_exact_sentence():
    graph = build_graph([article()])
    facts = [s for cls in (RK.Task, RK.Observation, ORG.Membership) for s in graph.subjects(RDF.type, cls)]
    assert len(facts) == 4
    for fact in facts:
        assert one(graph, fact, PROV.wasDerivedFrom) == RKI["source/art"]
        assert str(one(graph, fact, RK.evidence)) in TEXT.split("\n")


def test_breakdown_line_points_at_its_total_and_counts_are_typed():
    graph = build_graph([article()])
    [line] = graph.subjects(RK.status, RK.CompletedOnTime)
    total = one(graph, line, RK.breakdownOf)
    assert one(graph, total, RK.taskCount) == Literal(12, datatype=XSD.nonNegativeInteger)
    assert one(graph, total, RK.basedOn) == RKI["directive/76-nq-cp"]
    assert str(total).startswith(str(RKI["task/"])) and len(str(total).rsplit("/", 1)[1]) == 16


def test_observation_values_and_source_metadata():
    graph = build_graph([article()])
    [observation] = graph.subjects(RDF.type, RK.Observation)
    assert one(graph, observation, RK.value) == Literal(Decimal("98.5"), datatype=XSD.decimal)
    assert one(graph, observation, RK.unit) == RK.Percent
    assert one(graph, observation, RK.indicator) == RK.OnTimeResolutionRate
    source = RKI["source/art"]
    assert one(graph, source, DCTERMS.issued) == Literal("2024-03-02", datatype=XSD.date)
    assert one(graph, source, RK.file) == Literal("art.txt")


def test_same_input_same_graph_and_iris():
    first, second = build_graph([article()]), build_graph([article()])
    assert isomorphic(first, second)
    assert sorted(first) == sorted(second)
    assert not any(isinstance(term, URIRef) is False and term.__class__.__name__ == "BNode"
                   for triple in first for term in triple)


def test_a_file_name_an_iri_cannot_hold_becomes_a_slug():
    doc = article()
    doc.path = doc.path.with_name("Bài #1 (bản sao).txt")
    graph = build_graph([doc])
    assert (RKI["source/bai-1-ban-sao"], RDF.type, RK.SourceDocument) in graph


def test_the_province_of_a_unit_the_articles_never_name_is_named_from_the_gazetteer():
    doc = make_doc("Huyện Vĩnh Thạnh đạt 52,6%.",
                   ("admin_unit", "Huyện Vĩnh Thạnh", "can-tho/huyen-vinh-thanh",
                    {"label": "huyện Vĩnh Thạnh", "province": "can-tho"}), stem="ct")
    graph = build_graph([doc])
    province = RKI["province/can-tho"]
    assert one(graph, RKI["unit/can-tho/huyen-vinh-thanh"], RK.partOf) == province
    assert (province, RDF.type, RK.Province) in graph
    assert Literal("Cần Thơ", lang="vi") in set(graph.objects(province, RDFS.label))
