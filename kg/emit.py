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
from kg.codes import DOCUMENT_TYPES
from kg.collector import collector_paused
from kg.document import Document, Span
from kg.facts import EntityRef, MembershipFact, ObservationFact, TaskFact
from kg.gazetteer.agencies import agency_by_slug
from kg.gazetteer.provinces import province_by_slug
from kg.iri import EvidenceHash, entity_iri, slugify, source_slug
from kg.relate.indicators import is_change_label
from kg.resolve import EntityRecord, resolve
from kg.vocab import TermCache, bind_prefixes, decimal_literal, text_literal

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
            article = _Article(doc)
            for fact in doc.facts:
                if isinstance(fact, MembershipFact):
                    _emit_membership(out, article, fact, records)
                elif isinstance(fact, ObservationFact):
                    _emit_observation(out, article, fact)
                elif isinstance(fact, TaskFact):
                    _emit_task(out, article, fact)
        _name_unmentioned_agencies(out, records)
        _name_unmentioned_provinces(out, records)
    return out


def iri_of(ref: EntityRef) -> URIRef:
    return entity_iri(ref.kind, ref.slug)


def source_iri(doc: Document) -> URIRef:
    return _source_of_stem(doc.stem)


@lru_cache(maxsize=8192)
def _source_of_stem(stem: str) -> URIRef:
    """Made once per article: every fact of it and every entity it mentions points at it."""
    return entity_iri("source", source_slug(stem))


class _Article:
    """What the facts of one article all need, found once: its source, and per sentence the
    literal of its evidence and the hash its facts' IRIs start from, as facts read from one
    sentence share them."""

    __slots__ = ("_evidence", "_stem", "_text", "source")

    def __init__(self, doc: Document) -> None:
        self._text = doc.text
        self._stem = doc.stem
        self.source = source_iri(doc)
        self._evidence: dict[tuple[int, int], tuple[EvidenceHash, Literal]] = {}

    def evidence(self, sentence: Span) -> tuple[EvidenceHash, Literal]:
        """The IRI maker of the facts read from `sentence`, and the literal of `doc.slice(sentence)`."""
        key = (sentence.start, sentence.end)
        found = self._evidence.get(key)
        if found is None:
            text = self._text[sentence.start : sentence.end]
            found = self._evidence[key] = (EvidenceHash(self._stem, text), text_literal(text))
        return found


def _emit_source(out: Triples, doc: Document) -> None:
    source = source_iri(doc)
    meta = doc.meta
    title = vocab.plain_literal(meta.title or doc.stem, "vi")  # title and file are the article's own
    out.update(((source, RDF.type, RK.SourceDocument), (source, RDFS.label, title), (source, DCTERMS.title, title),
                (source, RK.file, vocab.plain_literal(doc.file or doc.path.name))))
    if meta.publisher:
        out.add((source, DCTERMS.publisher, text_literal(meta.publisher)))
    if meta.issued:
        out.add((source, DCTERMS.issued, _literal(meta.issued, XSD.date)))
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
        out.add((node, RK.documentNumber, text_literal(attrs["number"])))
        _add_optional(out, node, RK.issuedBy, attrs.get("issuer"), lambda s: entity_iri("agency", s))
        _add_optional(out, node, RK.issuedOn, attrs.get("issued"), lambda d: _literal(d, XSD.date))
        _add_optional(out, node, RK.implements, attrs.get("implements"), lambda s: entity_iri("directive", s))
        for stem, sentence in sorted(record.evidence.items()):
            doc = documents[stem]
            out.update(((node, PROV.wasDerivedFrom, source_iri(doc)),
                        (node, RK.evidence, text_literal(doc.slice(sentence)))))
    out.add((node, RDFS.label, text_literal(label, "vi")))
    if label_en:
        out.add((node, RDFS.label, text_literal(label_en, "en")))
    for alt in sorted(record.alt_labels):
        out.add((node, SKOS.altLabel, text_literal(alt, "vi")))
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


def _key_text(value: EntityRef | tuple[EntityRef, ...] | None) -> str:
    """`str(value)` of an entity ref or a tuple of them, as `EvidenceHash.fact_iri` hashes it. A dataclass repr
    is slow, and so are the hash and equality of a ref (as a cache key): the repr of each ref is
    cached under its two strings, and a tuple written as `str` writes one."""
    if type(value) is EntityRef:
        return _ref_text(value.kind, value.slug)
    if type(value) is tuple and all(type(ref) is EntityRef for ref in value):
        texts = [_ref_text(ref.kind, ref.slug) for ref in value]
        return f"({texts[0]},)" if len(texts) == 1 else f"({', '.join(texts)})"
    return str(value)


@lru_cache(maxsize=4096)
def _ref_text(kind: str, slug: str) -> str:
    """`str` of the ref of this kind and slug (its dataclass repr)."""
    return str(EntityRef(kind, slug))


_BOOLEANS = {flag: Literal(flag) for flag in (False, True)}


@lru_cache(maxsize=4096)
def _literal(text: str, datatype: URIRef) -> Literal:
    """A typed literal of a string (a date, a URL), made once: dates repeat. Only strings come
    here, so no key can equal another type's (True == 1 would merge a boolean literal with an
    integer one)."""
    return Literal(text, datatype=datatype)


@lru_cache(maxsize=1024, typed=True)
def _count_literal(count: int) -> Literal:
    """An xsd:nonNegativeInteger, made once per count: counts recur, and rdflib's constructor is
    slow (typed, so that a `True` would not be taken for a 1)."""
    return Literal(count, datatype=XSD.nonNegativeInteger)


def _emit_membership(out: Triples, article: _Article, fact: MembershipFact,
                     records: dict[EntityRef, EntityRecord]) -> None:
    facts, evidence_literal = article.evidence(fact.sentence)
    node = facts.fact_iri("membership", fact.official.slug, fact.role, _key_text(fact.organization))
    role = entity_iri("role", slugify(fact.role))
    person, organization = iri_of(fact.official), iri_of(fact.organization)
    body = records.get(fact.organization)
    label = f"{records[fact.official].label}, {fact.role}" + (f", {body.label}" if body else "")
    out.update(((node, RDF.type, ORG.Membership), (node, ORG.member, person), (node, ORG.organization, organization),
                (node, ORG.role, role), (node, RDFS.label, text_literal(label, "vi")), (role, RDF.type, ORG.Role),
                (role, RDFS.label, text_literal(fact.role, "vi")), (person, ORG.memberOf, organization),
                (node, PROV.wasDerivedFrom, article.source), (node, RK.evidence, evidence_literal)))


def _emit_observation(out: Triples, article: _Article, fact: ObservationFact) -> None:
    facts, evidence_literal = article.evidence(fact.sentence)
    node = facts.fact_iri("observation", fact.indicator or fact.indicator_label, _key_text(fact.ref_area), fact.value,
                          fact.unit, fact.period)
    if fact.indicator:
        indicator = RK[fact.indicator]
    else:
        indicator = entity_iri("indicator", slugify(fact.indicator_label))
        out.update(((indicator, RDF.type, RK.Indicator),
                    (indicator, RDFS.label, text_literal(fact.indicator_label, "vi")),
                    (indicator, RK.measuresChange, _BOOLEANS[is_change_label(fact.indicator_label)])))
    plain = _plain(fact.value)
    label = text_literal(f"{fact.indicator_label}: {plain}", "vi")  # with its value, yet values recur
    out.update(((node, RDF.type, RK.Observation), (node, RDFS.label, label),
                (node, RK.indicator, indicator), (node, RK.refArea, iri_of(fact.ref_area)),
                (node, RK.value, decimal_literal(plain)), (node, RK.unit, RK[fact.unit]),
                (node, PROV.wasDerivedFrom, article.source), (node, RK.evidence, evidence_literal)))
    _add_optional(out, node, RK.refPeriod, fact.period, text_literal)
    if fact.numerator is not None:
        out.add((node, RK.numerator, _decimal(fact.numerator)))
    if fact.denominator is not None:
        out.add((node, RK.denominator, _decimal(fact.denominator)))


def _task_iri(facts: EvidenceHash, fact: TaskFact) -> URIRef:
    """The IRI of a task; `facts`: the IRI maker of its sentence (`_Article.evidence`)."""
    return facts.fact_iri("task", fact.label, fact.status, fact.count, fact.target_value, _key_text(fact.assigned_to))


def _emit_task(out: Triples, article: _Article, fact: TaskFact) -> None:
    facts, evidence_literal = article.evidence(fact.sentence)
    node = _task_iri(facts, fact)
    out.update(((node, RDF.type, RK.Task), (node, RDFS.label, text_literal(fact.label, "vi")),
                (node, PROV.wasDerivedFrom, article.source), (node, RK.evidence, evidence_literal)))
    out.update([(node, RK.assignedTo, iri_of(ref)) for ref in fact.assigned_to])
    if fact.assigned_by:
        out.update([(node, RK.assignedBy, iri_of(ref)) for ref in fact.assigned_by])
    if fact.based_on:
        out.update([(node, RK.basedOn, iri_of(ref)) for ref in fact.based_on])
    if fact.partners:
        out.update([(node, RK.partner, iri_of(ref)) for ref in fact.partners])
    if fact.status:
        out.add((node, RK.status, RK[str(fact.status)]))
    if fact.status_date:
        out.add((node, RK.statusDate, _literal(str(fact.status_date), XSD.date)))
    if fact.deadline:
        out.add((node, RK.deadline, _deadline_literal(fact.deadline)))
    if fact.count is not None:
        out.add((node, RK.taskCount, _count_literal(fact.count)))
    if fact.target_value is not None:
        out.add((node, RK.targetValue, _decimal(fact.target_value)))
        _add_optional(out, node, RK.targetUnit, fact.target_unit, lambda u: RK[u])
    if fact.total is not None:
        out.add((node, RK.breakdownOf, _task_iri(article.evidence(fact.total.sentence)[0], fact.total)))


def _decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its plain lexical form: "3200000", never "3.2E+6"."""
    return decimal_literal(_plain(value))


def _deadline_literal(deadline: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(deadline), XSD.date)
    return _literal(deadline, datatype)


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
        out.add((node, RDFS.label, text_literal(entry.label, "vi")))
        out.add((node, RDFS.label, text_literal(entry.label_en, "en")))


def _name_unmentioned_provinces(out: Triples, records: dict[EntityRef, EntityRecord]) -> None:
    """The province a unit is part of, or a body's jurisdiction, when the articles never name
    it themselves ("huyện Vĩnh Thạnh" of Cần Thơ in an article that says only "thành phố"): its
    type and names, from the gazetteer, so that `rk:partOf` and `rk:jurisdiction` point to a
    province."""
    referenced = {str(record.attrs[key]) for record in records.values()
                  for key in ("province", "jurisdiction") if record.ref.kind != "directive" and record.attrs.get(key)}
    for slug in sorted(referenced - {ref.slug for ref in records if ref.kind == "province"}):
        node = entity_iri("province", slug)
        entry = province_by_slug().get(slug)
        if entry is None:  # as for agencies: left unsaid rather than left untyped
            out.difference_update({t for t in out if t[2] == node})
            continue
        out.update(((node, RDF.type, RK.Province), (node, RDFS.label, text_literal(entry.label, "vi")),
                    (node, RDFS.label, text_literal(entry.label_en, "en"))))
