"""Emission: resolved entities and facts as contract triples (ontology/CONTRACT.md).

Entities get slug IRIs, facts get hashes of their source and evidence (plus their own key), so the
same articles always give the same graph. Evidence is always `doc.slice(sentence)`: a verbatim
slice of the source text, never retyped.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.codes import DOCUMENT_TYPES
from kg.document import Document, Span
from kg.facts import EntityRef, MembershipFact, ObservationFact, TaskFact
from kg.gazetteer.agencies import agency_by_slug
from kg.iri import entity_iri, fact_iri, slugify
from kg.resolve import EntityRecord, resolve
from kg.vocab import DCTERMS, ORG, PROV, RDF, RDFS, RK, SKOS, XSD, bind_prefixes

CLASS_OF_KIND = {"province": RK.Province, "unit": RK.AdministrativeUnit, "agency": RK.Agency,
                 "organization": ORG.Organization, "official": RK.Official, "directive": RK.Directive}


def build_graph(documents: list[Document]) -> Graph:
    """The whole extracted graph of these articles (the ontology is not included)."""
    graph = bind_prefixes(Graph())
    records = resolve(documents)
    for doc in documents:
        _emit_source(graph, doc)
    for record in records.values():
        _emit_entity(graph, record, {d.stem: d for d in documents})
    for doc in documents:
        for fact in doc.facts:
            if isinstance(fact, MembershipFact):
                _emit_membership(graph, doc, fact, records)
            elif isinstance(fact, ObservationFact):
                _emit_observation(graph, doc, fact)
            elif isinstance(fact, TaskFact):
                _emit_task(graph, doc, fact)
    _name_unmentioned_agencies(graph, records)
    return graph


def iri_of(ref: EntityRef) -> URIRef:
    return entity_iri(ref.kind, ref.slug)


def source_iri(doc: Document) -> URIRef:
    return entity_iri("source", doc.stem)


def _emit_source(graph: Graph, doc: Document) -> None:
    source = source_iri(doc)
    meta = doc.meta
    title = meta.title or doc.stem
    graph.add((source, RDF.type, RK.SourceDocument))
    graph.add((source, RDFS.label, Literal(title, lang="vi")))
    graph.add((source, DCTERMS.title, Literal(title, lang="vi")))
    graph.add((source, RK.file, Literal(doc.file or doc.path.name)))
    if meta.publisher:
        graph.add((source, DCTERMS.publisher, Literal(meta.publisher)))
    if meta.issued:
        graph.add((source, DCTERMS.issued, Literal(meta.issued, datatype=XSD.date)))
    if meta.url:
        graph.add((source, DCTERMS.source, Literal(meta.url, datatype=XSD.anyURI)))


def _emit_entity(graph: Graph, record: EntityRecord, documents: dict[str, Document]) -> None:
    node = iri_of(record.ref)
    attrs = record.attrs
    graph.add((node, RDF.type, CLASS_OF_KIND[record.ref.kind]))
    label = record.label
    label_en = record.label_en
    if record.ref.kind == "directive":
        doc_type = DOCUMENT_TYPES.get(attrs.get("doc_type", ""))
        if doc_type is not None:
            graph.add((node, RK.documentType, RK[doc_type.local_name]))
            label = f"{doc_type.vi} {attrs['number']}"
            label_en = f"{doc_type.en} {attrs['number']}"
        graph.add((node, RK.documentNumber, Literal(attrs["number"])))
        _add_optional(graph, node, RK.issuedBy, attrs.get("issuer"), lambda s: entity_iri("agency", s))
        _add_optional(graph, node, RK.issuedOn, attrs.get("issued"), lambda d: Literal(d, datatype=XSD.date))
        _add_optional(graph, node, RK.implements, attrs.get("implements"), lambda s: entity_iri("directive", s))
        for stem, sentence in sorted(record.evidence.items()):
            _provenance(graph, node, documents[stem], sentence)
    graph.add((node, RDFS.label, Literal(label, lang="vi")))
    if label_en:
        graph.add((node, RDFS.label, Literal(label_en, lang="en")))
    for alt in sorted(record.alt_labels):
        graph.add((node, SKOS.altLabel, Literal(alt, lang="vi")))
    if record.ref.kind == "unit":
        graph.add((node, RK.partOf, entity_iri("province", attrs["province"])))
    _add_optional(graph, node, RK.jurisdiction, attrs.get("jurisdiction"), lambda s: entity_iri("province", s))
    _add_optional(graph, node, ORG.subOrganizationOf, attrs.get("parent"), lambda s: entity_iri("agency", s))
    for stem in sorted(record.mentioned_in):
        graph.add((node, RK.mentionedIn, entity_iri("source", stem)))


def _add_optional(graph: Graph, node: URIRef, predicate: URIRef, value: object,
                  make: Callable[[str], Node]) -> None:
    if value:
        graph.add((node, predicate, make(str(value))))


def _provenance(graph: Graph, node: URIRef, doc: Document, sentence: Span) -> None:
    graph.add((node, PROV.wasDerivedFrom, source_iri(doc)))
    graph.add((node, RK.evidence, Literal(doc.slice(sentence))))


def _emit_membership(graph: Graph, doc: Document, fact: MembershipFact,
                     records: dict[EntityRef, EntityRecord]) -> None:
    evidence = doc.slice(fact.sentence)
    node = fact_iri("membership", doc.stem, evidence, fact.official.slug, fact.role, fact.organization)
    role = entity_iri("role", slugify(fact.role))
    person, organization = iri_of(fact.official), iri_of(fact.organization)
    graph.add((node, RDF.type, ORG.Membership))
    graph.add((node, ORG.member, person))
    graph.add((node, ORG.organization, organization))
    graph.add((node, ORG.role, role))
    body = records.get(fact.organization)
    label = f"{records[fact.official].label}, {fact.role}" + (f", {body.label}" if body else "")
    graph.add((node, RDFS.label, Literal(label, lang="vi")))
    graph.add((role, RDF.type, ORG.Role))
    graph.add((role, RDFS.label, Literal(fact.role, lang="vi")))
    graph.add((person, ORG.memberOf, organization))
    _provenance(graph, node, doc, fact.sentence)


def _emit_observation(graph: Graph, doc: Document, fact: ObservationFact) -> None:
    evidence = doc.slice(fact.sentence)
    node = fact_iri("observation", doc.stem, evidence, fact.indicator or fact.indicator_label,
                    fact.ref_area, fact.value, fact.unit, fact.period)
    if fact.indicator:
        indicator = RK[fact.indicator]
    else:
        indicator = entity_iri("indicator", slugify(fact.indicator_label))
        graph.add((indicator, RDF.type, RK.Indicator))
        graph.add((indicator, RDFS.label, Literal(fact.indicator_label, lang="vi")))
    graph.add((node, RDF.type, RK.Observation))
    graph.add((node, RDFS.label, Literal(f"{fact.indicator_label}: {_plain(fact.value)}", lang="vi")))
    graph.add((node, RK.indicator, indicator))
    graph.add((node, RK.refArea, iri_of(fact.ref_area)))
    graph.add((node, RK.value, Literal(fact.value, datatype=XSD.decimal)))
    graph.add((node, RK.unit, RK[fact.unit]))
    _add_optional(graph, node, RK.refPeriod, fact.period, Literal)
    for predicate, value in ((RK.numerator, fact.numerator), (RK.denominator, fact.denominator)):
        if value is not None:
            graph.add((node, predicate, Literal(value, datatype=XSD.decimal)))
    _provenance(graph, node, doc, fact.sentence)


def task_iri(doc: Document, fact: TaskFact) -> URIRef:
    return fact_iri("task", doc.stem, doc.slice(fact.sentence), fact.label, fact.status, fact.count,
                    fact.target_value, fact.assigned_to)


def _emit_task(graph: Graph, doc: Document, fact: TaskFact) -> None:
    node = task_iri(doc, fact)
    graph.add((node, RDF.type, RK.Task))
    graph.add((node, RDFS.label, Literal(fact.label, lang="vi")))
    for predicate, refs in ((RK.assignedTo, fact.assigned_to), (RK.assignedBy, fact.assigned_by),
                            (RK.basedOn, fact.based_on), (RK.partner, fact.partners)):
        for ref in refs:
            graph.add((node, predicate, iri_of(ref)))
    _add_optional(graph, node, RK.status, fact.status, lambda s: RK[s])
    _add_optional(graph, node, RK.statusDate, fact.status_date, lambda d: Literal(d, datatype=XSD.date))
    if fact.deadline:
        graph.add((node, RK.deadline, _deadline_literal(fact.deadline)))
    if fact.count is not None:
        graph.add((node, RK.taskCount, Literal(fact.count, datatype=XSD.nonNegativeInteger)))
    if fact.target_value is not None:
        graph.add((node, RK.targetValue, Literal(fact.target_value, datatype=XSD.decimal)))
        _add_optional(graph, node, RK.targetUnit, fact.target_unit, lambda u: RK[u])
    if fact.total is not None:
        graph.add((node, RK.breakdownOf, task_iri(doc, fact.total)))
    _provenance(graph, node, doc, fact.sentence)


def _deadline_literal(deadline: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(deadline), XSD.date)
    return Literal(deadline, datatype=datatype)


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _name_unmentioned_agencies(graph: Graph, records: dict[EntityRef, EntityRecord]) -> None:
    """Bodies that only a document symbol names (the issuer of "…/QĐ-TTg") still get their type
    and names, from the gazetteer; a body the gazetteer does not know either is left unsaid rather
    than left nameless."""
    referenced = set(graph.objects(None, RK.issuedBy)) | set(graph.objects(None, ORG.subOrganizationOf))
    known = {iri_of(ref) for ref in records}
    for node in sorted(referenced - known):
        entry = agency_by_slug().get(str(node).rsplit("/", 1)[-1])
        if entry is None:
            graph.remove((None, None, node))
            continue
        graph.add((node, RDF.type, RK.Agency))
        graph.add((node, RDFS.label, Literal(entry.label, lang="vi")))
        graph.add((node, RDFS.label, Literal(entry.label_en, lang="en")))
