"""The ontology (every ontology/*.ttl, reform-kg.ttl owned here): it parses, its header is that of
a published vocabulary, it declares every term of CONTRACT.md with labels and definitions, its
code lists are exactly the agreed ones, and OWL 2 RL finds valid data consistent and catches an
individual put in two disjoint classes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import owlrl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from kg.vocab import RK, RKI
from tests.docs import load_turtle

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY_FILES = sorted((REPO / "ontology").glob("*.ttl"))
ONTOLOGY = URIRef("https://w3id.org/reformkg/ontology")
VANN = "http://purl.org/vocab/vann/"
# rdflib's closed XSD namespace warns when pytest probes module attributes; an open one does not.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")

EXTRA_TERMS = {RK.measuresChange, RK.targetValue, RK.targetUnit, RK.breakdownOf, RK.DocumentType, RK.Unit}


@pytest.fixture(scope="module")
def ours() -> Graph:
    return load_turtle(REPO / "ontology" / "reform-kg.ttl")


def contract_terms() -> set[URIRef]:
    text = (REPO / "ontology" / "CONTRACT.md").read_text(encoding="utf-8")
    return {RK[name] for name in re.findall(r"`rk:([A-Za-z]+)`", text)}


def texts(graph: Graph, node: URIRef, predicate: URIRef) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(node, predicate) if isinstance(o, Literal)}


@pytest.mark.parametrize("path", ONTOLOGY_FILES, ids=lambda p: p.name)
def test_every_ontology_file_parses(path: Path) -> None:
    assert len(load_turtle(path)) > 0


def test_header(ours: Graph) -> None:
    assert set(ours.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY}
    assert set(texts(ours, ONTOLOGY, DCTERMS.title)) == {"vi", "en"}
    assert set(texts(ours, ONTOLOGY, DCTERMS.description)) == {"vi", "en"}
    assert ours.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/reformkg/ontology/0.1.0")
    assert ours.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert ours.value(ONTOLOGY, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ours.value(ONTOLOGY, DCTERMS.created).toPython() == date(2026, 11, 22)
    assert ours.value(ONTOLOGY, DCTERMS.modified) is not None
    assert ours.value(ONTOLOGY, URIRef(VANN + "preferredNamespacePrefix")) == Literal("rk")
    assert ours.value(ONTOLOGY, URIRef(VANN + "preferredNamespaceUri")) == Literal(str(RK))


def test_change_note_names_every_extra_term(ours: Graph) -> None:
    note = str(ours.value(ONTOLOGY, SKOS.changeNote))
    for term in EXTRA_TERMS | {RK.Completed}:
        assert f"rk:{term.removeprefix(str(RK))}" in note


def test_contract_lists_the_expected_terms() -> None:
    """Guards the parsing of CONTRACT.md used below: 10 classes, 25 properties, 6 statuses."""
    assert len(contract_terms()) == 41


@pytest.mark.parametrize("term", sorted(contract_terms() | EXTRA_TERMS), ids=lambda t: t.removeprefix(str(RK)))
def test_term_is_declared_with_labels_and_definition(term: URIRef, ours: Graph) -> None:
    declared = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RK.TaskStatus}
    assert set(ours.objects(term, RDF.type)) & declared
    assert set(texts(ours, term, RDFS.label)) == {"vi", "en"}
    assert set(texts(ours, term, SKOS.definition)) == {"vi", "en"}
    assert ours.value(term, RDFS.isDefinedBy) == ONTOLOGY


def test_every_rk_term_is_defined_by_the_ontology(ours: Graph) -> None:
    for term in set(ours.subjects()):
        if isinstance(term, URIRef) and term.startswith(str(RK)):
            assert ours.value(term, RDFS.isDefinedBy) == ONTOLOGY, term


def test_subclass_axioms(ours: Graph) -> None:
    axioms = {(s, o) for s, o in ours.subject_objects(RDFS.subClassOf)}
    assert axioms == {
        (RK.Province, RK.AdministrativeUnit), (RK.Agency, ORG.Organization), (RK.Official, FOAF.Person),
        (RK.SourceDocument, PROV.Entity), (RK.Indicator, SKOS.Concept), (RK.TaskStatus, SKOS.Concept),
        (RK.DocumentType, SKOS.Concept), (RK.Unit, SKOS.Concept),
    }


def test_main_classes_are_pairwise_disjoint(ours: Graph) -> None:
    (axiom,) = ours.subjects(RDF.type, OWL.AllDisjointClasses)
    members = set(Collection(ours, ours.value(axiom, OWL.members)))
    assert members == {RK.Province, RK.Agency, RK.Official, RK.Directive, RK.Task, RK.Observation, RK.SourceDocument}


def union_or_class(graph: Graph, node: URIRef | BNode | None) -> object:
    union = graph.value(node, OWL.unionOf)
    return frozenset(Collection(graph, union)) if union is not None else node


DOMAINS_AND_RANGES: list[tuple[URIRef, object, object]] = [
    (RK.assignedBy, RK.Task, frozenset({RK.Agency, RK.Official})),
    (RK.assignedTo, RK.Task, frozenset({RK.AdministrativeUnit, RK.Agency})),
    (RK.status, RK.Task, RK.TaskStatus),
    (RK.statusDate, RK.Task, XSD.date),
    (RK.deadline, RK.Task, frozenset({XSD.date, XSD.gYearMonth, XSD.gYear})),
    (RK.basedOn, RK.Task, RK.Directive),
    (RK.partner, RK.Task, RK.Agency),
    (RK.taskCount, RK.Task, XSD.nonNegativeInteger),
    (RK.targetValue, RK.Task, XSD.decimal),
    (RK.targetUnit, RK.Task, SKOS.Concept),
    (RK.breakdownOf, RK.Task, RK.Task),
    (RK.documentNumber, RK.Directive, XSD.string),
    (RK.documentType, RK.Directive, SKOS.Concept),
    (RK.issuedBy, RK.Directive, RK.Agency),
    (RK.issuedOn, RK.Directive, XSD.date),
    (RK.implements, RK.Directive, RK.Directive),
    (RK.indicator, RK.Observation, RK.Indicator),
    (RK.refArea, RK.Observation, frozenset({RK.AdministrativeUnit, RK.Agency})),
    (RK.value, RK.Observation, XSD.decimal),
    (RK.unit, RK.Observation, SKOS.Concept),
    (RK.numerator, RK.Observation, XSD.decimal),
    (RK.denominator, RK.Observation, XSD.decimal),
    (RK.refPeriod, RK.Observation, XSD.string),
    (RK.partOf, RK.AdministrativeUnit, RK.AdministrativeUnit),
    (RK.jurisdiction, RK.Agency, RK.AdministrativeUnit),
    (RK.mentionedIn, frozenset({RK.AdministrativeUnit, ORG.Organization, FOAF.Person, RK.Directive}), RK.SourceDocument),
    (RK.evidence, frozenset({RK.Task, RK.Observation, ORG.Membership, RK.Directive}), XSD.string),
    (RK.file, RK.SourceDocument, XSD.string),
    (RK.measuresChange, RK.Indicator, XSD.boolean),
]


@pytest.mark.parametrize(("prop", "domain", "range_"), DOMAINS_AND_RANGES,
                         ids=[prop.removeprefix(str(RK)) for prop, _, _ in DOMAINS_AND_RANGES])
def test_domain_and_range(prop: URIRef, domain: object, range_: object, ours: Graph) -> None:
    assert union_or_class(ours, ours.value(prop, RDFS.domain)) == domain
    assert union_or_class(ours, ours.value(prop, RDFS.range)) == range_


def test_every_property_has_its_domain_and_range_checked(ours: Graph) -> None:
    properties = set(ours.subjects(RDF.type, OWL.ObjectProperty)) | set(ours.subjects(RDF.type, OWL.DatatypeProperty))
    assert properties == {prop for prop, _, _ in DOMAINS_AND_RANGES}


def scheme_members(graph: Graph, scheme: URIRef) -> set[URIRef]:
    return set(graph.subjects(SKOS.inScheme, scheme))


@pytest.mark.parametrize(("scheme", "member_class", "notations"), [
    (RK.TaskStatusScheme, RK.TaskStatus, {
        "CompletedOnTime": "CompletedOnTime", "CompletedLate": "CompletedLate", "Completed": "Completed",
        "InProgress": "InProgress", "Overdue": "Overdue", "NotCompleted": "NotCompleted", "Planned": "Planned"}),
    (RK.DocumentTypeScheme, RK.DocumentType, {
        "Resolution": "NQ", "Decree": "NĐ", "Decision": "QĐ", "Instruction": "CT", "Plan": "KH", "Notice": "TB",
        "OfficialLetter": "CV", "Scheme": "ĐA", "Programme": "CTr", "Circular": "TT", "Law": "L",
        "Conclusion": "KL", "Report": "BC", "Guidance": "HD", "Regulation": "QĐi", "JointCircular": "TTLT",
        "Ordinance": "PL", "Dispatch": "CĐ"}),
    (RK.UnitScheme, RK.Unit, {
        "Percent": "%", "Count": "count", "VND": "VND", "MillionVND": "VND-1e6", "BillionVND": "VND-1e9",
        "TrillionVND": "VND-1e12", "USD": "USD", "MillionUSD": "USD-1e6", "Rank": "rank", "Score": "score",
        "Day": "d", "Person": "person"}),
], ids=["statuses", "document-types", "units"])
def test_code_list(scheme: URIRef, member_class: URIRef, notations: dict[str, str], ours: Graph) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ours
    assert set(texts(ours, scheme, SKOS.prefLabel)) == {"vi", "en"}
    members = scheme_members(ours, scheme)
    assert {m.removeprefix(str(RK)): str(ours.value(m, SKOS.notation)) for m in members} == notations
    for member in members:
        assert {member_class, OWL.NamedIndividual} == set(ours.objects(member, RDF.type))
        assert ours.value(member, SKOS.topConceptOf) == scheme
        assert set(texts(ours, member, SKOS.prefLabel)) == {"vi", "en"}
        assert set(texts(ours, member, RDFS.label)) == {"vi", "en"}
        assert set(texts(ours, member, SKOS.definition)) == {"vi", "en"}


def test_indicator_scheme_is_declared_without_members(ours: Graph) -> None:
    assert (RK.IndicatorScheme, RDF.type, SKOS.ConceptScheme) in ours
    assert set(texts(ours, RK.IndicatorScheme, SKOS.prefLabel)) == {"vi", "en"}
    assert scheme_members(ours, RK.IndicatorScheme) == set()


@pytest.mark.parametrize("path", ONTOLOGY_FILES, ids=lambda p: p.name)
def test_concepts_are_linked_in_one_direction_only(path: Path) -> None:
    """pyshacl's ont_graph copies each owl:NamedIndividual by following its links ten deep; links
    back (skos:hasTopConcept beside skos:topConceptOf, skos:narrower beside skos:broader) make that
    copy grow exponentially and validation never ends."""
    graph = load_turtle(path)
    assert set(graph.subject_objects(SKOS.hasTopConcept)) == set()
    assert set(graph.subject_objects(SKOS.narrower)) == set()


def owl_rl_errors(*graphs: Graph) -> list[str]:
    closure = Graph()
    for graph in graphs:
        closure += graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    nothing = [str(node) for node in closure.subjects(RDF.type, OWL.Nothing)]
    errors = [str(closure.value(node, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")))
              for node in closure.subjects(RDF.type, OWLRL_ERROR)]
    return sorted(nothing + errors)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_turtle(*ONTOLOGY_FILES)


def test_owl_rl_finds_the_article_example_consistent(ontology: Graph) -> None:
    assert owl_rl_errors(ontology, load_turtle(REPO / "tests" / "shapes" / "article.ttl")) == []


def test_owl_rl_detects_an_individual_in_two_disjoint_classes(ontology: Graph) -> None:
    clash = Graph()
    clash.add((RKI["agency/bo-noi-vu"], RDF.type, RK.Agency))
    clash.add((RKI["agency/bo-noi-vu"], RDF.type, RK.Province))
    errors = owl_rl_errors(ontology, clash)
    assert len(errors) == 1
    assert "bo-noi-vu" in errors[0]


def test_owl_rl_detects_a_task_read_as_an_observation(ontology: Graph) -> None:
    """rk:status has domain Task and rk:value domain Observation: one node with both is two things."""
    clash = Graph()
    node = RKI["task/0000000000000000"]
    clash.add((node, RK.status, RK.Overdue))
    clash.add((node, RK.value, Literal("12", datatype=XSD.decimal)))
    errors = owl_rl_errors(ontology, clash)
    assert len(errors) == 1
    assert "0000000000000000" in errors[0]
