"""`kg show`: everything the graph says about one entity, grouped, each fact with its source and
the sentence it was read from."""

from __future__ import annotations

from collections import defaultdict

from kg.errors import QueryError
from kg.queries import resolve_label
from kg.store import GraphStore, Term, expand_name, iri
from kg.vocab import DCTERMS, PROV, RDF, RDFS, RK, SKOS

NAME_PREDICATES = {str(RDFS.label), str(SKOS.altLabel), str(SKOS.prefLabel)}
PROVENANCE_PREDICATES = {str(PROV.wasDerivedFrom), str(RK.evidence)}
MENTIONED_IN = str(RK.mentionedIn)
TYPE = str(RDF.type)


def find_entity(text: str, store: GraphStore) -> Term:
    """The node named by an IRI, a prefixed name or a label (diacritics optional)."""
    expanded = expand_name(text.strip())
    if expanded is not None:
        node = iri(expanded)
        if store.triples(node, None, None) or store.triples(None, None, node):
            return node
        raise QueryError(f"nothing in the graph is called {text}")
    return resolve_label(text, store)


def show_entity(text: str, store: GraphStore) -> str:
    return Describer(store).describe(find_entity(text, store))


class Describer:
    """Writes the description of one node; labels of the nodes it mentions come from the store."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def label(self, node: Term) -> str:
        """The Vietnamese label, else any label, else the prefixed name."""
        if not node.is_iri:
            return " ".join(node.value.split())
        labels = [o for _, _, o in self.store.triples(node, iri(str(RDFS.label)), None) if o.value.strip()]
        chosen = [o for o in labels if o.lang == "vi"] or labels
        return chosen[0].value if chosen else node.compact()

    def named(self, node: Term) -> str:
        """A node as a reader wants it: its label, then its prefixed name in brackets."""
        if not node.is_iri:
            return self.label(node)
        label = self.label(node)
        return node.compact() if label == node.compact() else f"{label}  [{node.compact()}]"

    def describe(self, node: Term) -> str:
        outgoing = self.store.triples(node, None, None)
        incoming = self.store.triples(None, None, node)
        lines = [self.label(node), f"  {node.compact()}"]
        types = sorted(o.compact() for _, p, o in outgoing if p.value == TYPE)
        if types:
            lines.append(f"  a {', '.join(types)}")
        lines += self._section("Names", [
            f"{p.compact()}: {o.value}" + (f" @{o.lang}" if o.lang else "")
            for _, p, o in outgoing if p.value in NAME_PREDICATES
        ])
        skipped = NAME_PREDICATES | PROVENANCE_PREDICATES | {TYPE, MENTIONED_IN}
        lines += self._section("Properties", [
            f"{p.compact()}: {self.named(o)}" for _, p, o in outgoing if p.value not in skipped
        ])
        lines += self._section("Read from", self._provenance(node))
        lines += self._section("Mentioned in", [self.named(o) for _, p, o in outgoing if p.value == MENTIONED_IN])
        facts, references = self._incoming(node, incoming)
        for kind in sorted(facts):
            described = [lines_ for _, lines_ in sorted(facts[kind])]
            lines += self._section(f"Facts: {kind}", [line for fact in described for line in fact])
        lines += self._section("Referred to by", references)
        return "\n".join(lines) + "\n"

    def _section(self, title: str, items: list[str]) -> list[str]:
        return ["", title, *(f"  {item}" for item in items)] if items else []

    def _provenance(self, node: Term) -> list[str]:
        """Each source of a fact or directive with its title and evidence sentence."""
        sources = [o for _, _, o in self.store.triples(node, iri(str(PROV.wasDerivedFrom)), None)]
        evidence = [o.value for _, _, o in self.store.triples(node, iri(str(RK.evidence)), None)]
        lines = [f"source: {self.named(source)}{self._issued(source)}" for source in sources]
        lines += [f'evidence: "{" ".join(sentence.split())}"' for sentence in evidence]
        return lines

    def _issued(self, source: Term) -> str:
        issued = self.store.triples(source, iri(str(DCTERMS.issued)), None)
        return f", {issued[0][2].value}" if issued else ""

    def _incoming(self, node: Term, incoming: list[tuple[Term, Term, Term]]
                  ) -> tuple[dict[str, list[tuple[tuple[str, str], list[str]]]], list[str]]:
        """Facts (nodes with provenance) that point here, by their type and sortable by label;
        other references apart."""
        facts: dict[str, list[tuple[tuple[str, str], list[str]]]] = defaultdict(list)
        references = []
        relations: dict[Term, list[Term]] = defaultdict(list)
        for subject, predicate, _ in incoming:
            if predicate.value == MENTIONED_IN:
                continue
            if self.store.triples(subject, iri(str(PROV.wasDerivedFrom)), None):
                relations[subject].append(predicate)
            else:
                references.append(f"{predicate.compact()} of {self.named(subject)}")
        for subject, predicates in relations.items():
            key = (self.label(subject), subject.value)
            facts[self._kind(subject)].append((key, self._fact(subject, predicates, node)))
        return facts, references

    def _kind(self, node: Term) -> str:
        types = sorted(o.compact() for _, _, o in self.store.triples(node, iri(TYPE), None))
        return types[0] if types else "(untyped)"

    def _fact(self, fact: Term, relations: list[Term], about: Term) -> list[str]:
        """A fact's label and relations to the entity, its other statements, then its provenance."""
        lines = [f"{self.label(fact)}  ({', '.join(r.compact() for r in relations)})"]
        skipped = NAME_PREDICATES | PROVENANCE_PREDICATES | {TYPE}
        for _, p, o in self.store.triples(fact, None, None):
            if p.value not in skipped and o != about:
                lines.append(f"  {p.compact()}: {self.named(o)}")
        lines += [f"  {line}" for line in self._provenance(fact)]
        return lines
