"""Emission: resolved entities and facts as contract triples (ontology/CONTRACT.md).

Entities get slug IRIs, facts get hashes of their source and evidence (plus their own key), so the
same articles always give the same graph. Evidence is always `doc.slice(sentence)`: a verbatim
slice of the source text, never retyped.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg import vocab
from kg.collector import collector_paused
from kg.codes import DOCUMENT_TYPES
from kg.document import Document, Span
from kg.facts import EntityRef, MembershipFact, ObservationFact, TaskFact
from kg.gazetteer.agencies import agency_by_slug
from kg.iri import entity_iri, fact_iri, slugify, source_slug
from kg.relate.indicators import is_change_label
from kg.resolve import EntityRecord, resolve
from kg.vocab import TermCache, bind_prefixes

# The contract's namespaces with their terms made once (see TermCache): emission is per fact.
DCTERMS, ORG, PROV, RDF, RDFS, RK, SKOS, XSD = (
    TermCache(n) for n in (vocab.DCTERMS, vocab.ORG, vocab.PROV, vocab.RDF, vocab.RDFS, vocab.RK, vocab.SKOS, vocab.XSD))

CLASS_OF_KIND = {"province": RK.Province, "unit": RK.AdministrativeUnit, "agency": RK.Agency,
                 "organization": ORG.Organization, "official": RK.Official, "directive": RK.Directive}


Triple = tuple[Node, Node, Node]
Triples = set[Triple]


def build_graph(documents: list[Document]) -> Graph:
    """The whole extracted graph of these articles (the ontology is not included)."""
    graph = bind_prefixes(Graph())
    triples = emit_triples(documents)
    with collector_paused():
        graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


def emit_triples(documents: list[Document]) -> Triples:
    """The triples of these articles, as a set: what `build_graph` loads, and what a bulk loader
    can stream without building an in-memory graph."""
    out: Triples = set()
    with collector_paused():
        records = resolve(documents)
        by_stem = {d.stem: d for d in documents}
        for doc in documents:
            _emit_source(out, doc)
        for record in records.values():
            _emit_entity(out, record, by_stem)
        for doc in documents:
            for fact in doc.facts:
                if isinstance(fact, MembershipFact):
                    _emit_membership(out, doc, fact, records)
                elif isinstance(fact, ObservationFact):
                    _emit_observation(out, doc, fact)
                elif isinstance(fact, TaskFact):
                    _emit_task(out, doc, fact)
        _name_unmentioned_agencies(out, records)
    return out


def iri_of(ref: EntityRef) -> URIRef:
    return entity_iri(ref.kind, ref.slug)


def source_iri(doc: Document) -> URIRef:
    return _source_of_stem(doc.stem)


@lru_cache(maxsize=8192)
def _source_of_stem(stem: str) -> URIRef:
    """Made once per article: every fact of it and every entity it mentions points at it."""
    return entity_iri("source", source_slug(stem))


def _emit_source(out: Triples, doc: Document) -> None:
    source = source_iri(doc)
    meta = doc.meta
    title = meta.title or doc.stem
    out.add((source, RDF.type, RK.SourceDocument))
    out.add((source, RDFS.label, Literal(title, lang="vi")))
    out.add((source, DCTERMS.title, Literal(title, lang="vi")))
    out.add((source, RK.file, Literal(doc.file or doc.path.name)))
    if meta.publisher:
        out.add((source, DCTERMS.publisher, Literal(meta.publisher)))
    if meta.issued:
        out.add((source, DCTERMS.issued, Literal(meta.issued, datatype=XSD.date)))
    if meta.url:
        out.add((source, DCTERMS.source, Literal(meta.url, datatype=XSD.anyURI)))


def _emit_entity(out: Triples, record: EntityRecord, documents: dict[str, Document]) -> None:
    node = iri_of(record.ref)
    attrs = record.attrs
    out.add((node, RDF.type, CLASS_OF_KIND[record.ref.kind]))
    label = record.label
    label_en = record.label_en
    if record.ref.kind == "directive":
        doc_type = DOCUMENT_TYPES.get(attrs.get("doc_type", ""))
        if doc_type is not None:
            out.add((node, RK.documentType, RK[doc_type.local_name]))
            label = f"{doc_type.vi} {attrs['number']}"
            label_en = f"{doc_type.en} {attrs['number']}"
        out.add((node, RK.documentNumber, Literal(attrs["number"])))
        _add_optional(out, node, RK.issuedBy, attrs.get("issuer"), lambda s: entity_iri("agency", s))
        _add_optional(out, node, RK.issuedOn, attrs.get("issued"), lambda d: _literal(d, datatype=XSD.date))
        _add_optional(out, node, RK.implements, attrs.get("implements"), lambda s: entity_iri("directive", s))
        for stem, sentence in sorted(record.evidence.items()):
            _provenance(out, node, documents[stem], sentence)
    out.add((node, RDFS.label, _literal(label, "vi")))
    if label_en:
        out.add((node, RDFS.label, Literal(label_en, lang="en")))
    for alt in sorted(record.alt_labels):
        out.add((node, SKOS.altLabel, _literal(alt, "vi")))
    if record.ref.kind == "unit":
        out.add((node, RK.partOf, entity_iri("province", attrs["province"])))
    _add_optional(out, node, RK.jurisdiction, attrs.get("jurisdiction"), lambda s: entity_iri("province", s))
    _add_optional(out, node, ORG.subOrganizationOf, attrs.get("parent"), lambda s: entity_iri("agency", s))
    for stem in sorted(record.mentioned_in):
        out.add((node, RK.mentionedIn, _source_of_stem(stem)))


def _add_optional(out: Triples, node: URIRef, predicate: URIRef, value: object,
                  make: Callable[[str], Node]) -> None:
    if value:
        out.add((node, predicate, make(str(value))))


def _provenance(out: Triples, node: URIRef, doc: Document, sentence: Span) -> None:
    out.add((node, PROV.wasDerivedFrom, source_iri(doc)))
    out.add((node, RK.evidence, _literal(doc.slice(sentence))))


@lru_cache(maxsize=4096)
def _key_text(value: EntityRef | tuple[EntityRef, ...] | None) -> str:
    """`str` of an entity ref or a tuple of them, as `fact_iri` hashes it, made once per value:
    a dataclass repr is slow, and facts name the same entities over and over."""
    return str(value)


_BOOLEANS = {flag: Literal(flag) for flag in (False, True)}


@lru_cache(maxsize=4096)
def _literal(text: str, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """A literal of a string, made once: a sentence with several facts is the evidence of each, and
    labels, dates and units repeat. Only strings come here, so no key can equal another type's
    (True == 1 would merge a boolean literal with an integer one)."""
    return Literal(text, lang=lang, datatype=datatype)


def _emit_membership(out: Triples, doc: Document, fact: MembershipFact,
                     records: dict[EntityRef, EntityRecord]) -> None:
    evidence = doc.slice(fact.sentence)
    node = fact_iri("membership", doc.stem, evidence, fact.official.slug, fact.role, _key_text(fact.organization))
    role = entity_iri("role", slugify(fact.role))
    person, organization = iri_of(fact.official), iri_of(fact.organization)
    out.add((node, RDF.type, ORG.Membership))
    out.add((node, ORG.member, person))
    out.add((node, ORG.organization, organization))
    out.add((node, ORG.role, role))
    body = records.get(fact.organization)
    label = f"{records[fact.official].label}, {fact.role}" + (f", {body.label}" if body else "")
    out.add((node, RDFS.label, _literal(label, "vi")))
    out.add((role, RDF.type, ORG.Role))
    out.add((role, RDFS.label, _literal(fact.role, "vi")))
    out.add((person, ORG.memberOf, organization))
    _provenance(out, node, doc, fact.sentence)


def _emit_observation(out: Triples, doc: Document, fact: ObservationFact) -> None:
    evidence = doc.slice(fact.sentence)
    node = fact_iri("observation", doc.stem, evidence, fact.indicator or fact.indicator_label,
                    _key_text(fact.ref_area), fact.value, fact.unit, fact.period)
    if fact.indicator:
        indicator = RK[fact.indicator]
    else:
        indicator = entity_iri("indicator", slugify(fact.indicator_label))
        out.add((indicator, RDF.type, RK.Indicator))
        out.add((indicator, RDFS.label, _literal(fact.indicator_label, "vi")))
        out.add((indicator, RK.measuresChange, _BOOLEANS[is_change_label(fact.indicator_label)]))
    out.add((node, RDF.type, RK.Observation))
    plain = _plain(fact.value)
    out.add((node, RDFS.label, _literal(f"{fact.indicator_label}: {plain}", "vi")))
    out.add((node, RK.indicator, indicator))
    out.add((node, RK.refArea, iri_of(fact.ref_area)))
    out.add((node, RK.value, _decimal_literal(plain)))
    out.add((node, RK.unit, RK[fact.unit]))
    _add_optional(out, node, RK.refPeriod, fact.period, _literal)
    for predicate, value in ((RK.numerator, fact.numerator), (RK.denominator, fact.denominator)):
        if value is not None:
            out.add((node, predicate, _decimal(value)))
    _provenance(out, node, doc, fact.sentence)


def task_iri(doc: Document, fact: TaskFact) -> URIRef:
    return fact_iri("task", doc.stem, doc.slice(fact.sentence), fact.label, fact.status, fact.count,
                    fact.target_value, _key_text(fact.assigned_to))


def _emit_task(out: Triples, doc: Document, fact: TaskFact) -> None:
    node = task_iri(doc, fact)
    out.add((node, RDF.type, RK.Task))
    out.add((node, RDFS.label, _literal(fact.label, "vi")))
    for predicate, refs in ((RK.assignedTo, fact.assigned_to), (RK.assignedBy, fact.assigned_by),
                            (RK.basedOn, fact.based_on), (RK.partner, fact.partners)):
        for ref in refs:
            out.add((node, predicate, iri_of(ref)))
    _add_optional(out, node, RK.status, fact.status, lambda s: RK[s])
    _add_optional(out, node, RK.statusDate, fact.status_date, lambda d: _literal(d, datatype=XSD.date))
    if fact.deadline:
        out.add((node, RK.deadline, _deadline_literal(fact.deadline)))
    if fact.count is not None:
        out.add((node, RK.taskCount, Literal(fact.count, datatype=XSD.nonNegativeInteger)))
    if fact.target_value is not None:
        out.add((node, RK.targetValue, _decimal(fact.target_value)))
        _add_optional(out, node, RK.targetUnit, fact.target_unit, lambda u: RK[u])
    if fact.total is not None:
        out.add((node, RK.breakdownOf, task_iri(doc, fact.total)))
    _provenance(out, node, doc, fact.sentence)


def _decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its plain lexical form: "3200000", never "3.2E+6"."""
    return _decimal_literal(_plain(value))


@lru_cache(maxsize=4096)
def _decimal_literal(text: str) -> Literal:
    """`_literal(text, datatype=XSD.decimal)` under a key of the text alone, faster to look up."""
    return Literal(text, datatype=XSD.decimal)


def _deadline_literal(deadline: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(deadline), XSD.date)
    return _literal(deadline, datatype=datatype)


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _name_unmentioned_agencies(out: Triples, records: dict[EntityRef, EntityRecord]) -> None:
    """Bodies that only a document symbol names (the issuer of "…/QĐ-TTg") still get their type
    and names, from the gazetteer; a body the gazetteer does not know either is left unsaid rather
    than left nameless."""
    referenced = {entity_iri("agency", str(record.attrs[key])) for record in records.values()
                  for key in ("issuer", "parent") if record.attrs.get(key)}
    known = {iri_of(ref) for ref in records}
    for node in sorted(referenced - known):
        entry = agency_by_slug().get(str(node).rsplit("/", 1)[-1])
        if entry is None:
            out.difference_update({t for t in out if t[2] == node})
            continue
        out.add((node, RDF.type, RK.Agency))
        out.add((node, RDFS.label, Literal(entry.label, lang="vi")))
        out.add((node, RDFS.label, Literal(entry.label_en, lang="en")))
