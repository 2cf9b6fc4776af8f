"""Scoring an extracted graph against the gold annotation of the seeds (tests/gold/*.yaml).

The graph is read only through the contract's triples (ontology/CONTRACT.md), never through
pipeline internals. Gold file `<stem>.yaml` (read by `kg.gold`) is compared with what the graph
says about the document `rki:source/<stem>`; the annotation rules are in tests/gold/README.md.

Items and match keys per category:
- provinces, agencies: rk:Province / rk:Agency with rk:mentionedIn the document; key: slug.
- officials: org:Membership with prov:wasDerivedFrom the document; key: (rdfs:label of the
  org:member, rdfs:label of the org:role, org:organization). Memberships with one key are one post.
- directives: rk:Directive with rk:mentionedIn the document; key: (rk:documentNumber, the
  skos:notation of rk:documentType, or the contract's notation of its local name).
- observations: rk:Observation derived from the document; key: (rk:refArea, rk:value, rk:unit,
  rk:refPeriod).
- tasks: rk:Task derived from the document; it matches a gold task when one of its rk:evidence
  contains one of the gold `evidence` pieces and its key (rk:assignedTo set, rk:status,
  rk:taskCount, rk:targetValue) is equal. A gold task with empty `assigned_to` names no
  assignee, so any assignee set meets it.
- informational (no thresholds): units (other rk:AdministrativeUnit mentioned; key: slug) and
  organizations (org:Organization that is not rk:Agency; slug, or a folded rdfs:label /
  skos:altLabel equal to a folded gold `names` entry).

Normalisation before exact comparison: names and titles NFC, case-folded, white space collapsed;
document numbers NFC, upper-cased, without white space; decimals compared numerically; a period
`YYYY-MM/YYYY-MM` spanning one whole quarter reads as `YYYY-Qn`.

Matching is one-to-one: a maximum bipartite matching per document and category. tp, fp and fn
are summed over the documents (micro average); precision is 1 when nothing was predicted, recall
1 when nothing was expected.

Attributes outside the keys are accuracies over the matched pairs whose gold gives a value:
directive issuer, issue date, implemented directive; observation indicator, numerator,
denominator; task assigner, deadline, status date, based-on directives and partners (sets,
equal). A gold assigner (an agency) is met by that agency or by an official holding a post in it
(org:memberOf), and every predicted assigner must meet a gold one. Among predicted items with
equal keys, the one whose evidence contains the gold evidence piece (observations), then the one
agreeing on more attributes, is paired first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.codes import DOCUMENT_TYPES
from kg.gold import (
    ANY,
    Item,
    load_gold,
    norm_decimal,
    norm_number,
    norm_period,
    norm_text,
    observation_label,
    slug_item,
    task_label,
)
from kg.iri import fold
from kg.vocab import ORG, PROV, RDF, RDFS, RK, RKI, SKOS

CATEGORIES = ("provinces", "agencies", "officials", "directives", "observations", "tasks")
INFORMATIONAL = ("units", "organizations")

# The contract's document-type code list, for graphs built without the ontology's skos:notation.
DOCUMENT_TYPE_NOTATIONS = {doc_type.local_name: notation for notation, doc_type in DOCUMENT_TYPES.items()}


@dataclass
class CategoryScore:
    category: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AttributeScore:
    name: str
    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class Report:
    documents: list[str]
    categories: dict[str, CategoryScore]
    attributes: dict[str, AttributeScore]


# Normalisation ---------------------------------------------------------------------------

def node_ref(node: Node | None) -> str | None:
    """`rki:province/x` → "province:x"; other nodes as their text."""
    if node is None:
        return None
    text = str(node)
    if text.startswith(str(RKI)):
        kind, _, rest = text[len(str(RKI)):].partition("/")
        return f"{kind}:{rest}"
    return text


def _slug(ref: str | None) -> str | None:
    return None if ref is None else ref.partition(":")[2]


def _local(node: Node | None) -> str | None:
    return None if node is None else re.split(r"[#/]", str(node))[-1]


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


# Graph -----------------------------------------------------------------------------------

class _GraphReader:
    """The contract triples about one source document, as the items of each category."""

    def __init__(self, graph: Graph, stem: str) -> None:
        self.graph = graph
        self.source = RKI[f"source/{stem}"]

    def items(self) -> dict[str, list[Item]]:
        mentioned = sorted(self.graph.subjects(RK.mentionedIn, self.source))
        types = {node: set(self.graph.objects(node, RDF.type)) for node in mentioned}

        def of_type(cls: URIRef, not_cls: URIRef | None = None) -> list[Node]:
            return [n for n in mentioned if cls in types[n] and not_cls not in types[n]]

        return {
            "provinces": [slug_item(_slug(node_ref(n))) for n in of_type(RK.Province)],
            "agencies": [slug_item(_slug(node_ref(n))) for n in of_type(RK.Agency)],
            "units": [slug_item(_slug(node_ref(n))) for n in of_type(RK.AdministrativeUnit, RK.Province)],
            "organizations": [self._organization(n) for n in of_type(ORG.Organization, RK.Agency)],
            "officials": self._officials(),
            "directives": [self._directive(n) for n in of_type(RK.Directive)],
            "observations": [self._observation(n) for n in self._derived(RK.Observation)],
            "tasks": [self._task(n) for n in self._derived(RK.Task)],
        }

    def _derived(self, cls: URIRef) -> list[Node]:
        return sorted(n for n in self.graph.subjects(PROV.wasDerivedFrom, self.source)
                      if (n, RDF.type, cls) in self.graph)

    def _one(self, node: Node | None, predicate: URIRef) -> Node | None:
        return None if node is None else min(self.graph.objects(node, predicate), default=None)

    def _label(self, node: Node | None) -> str:
        labels = sorted(self.graph.objects(node, RDFS.label)) if node is not None else []
        vietnamese = [label for label in labels if getattr(label, "language", None) == "vi"]
        return str((vietnamese or labels or [""])[0])

    def _evidence(self, node: Node) -> tuple[str, ...]:
        texts = (unicodedata.normalize("NFC", str(e)) for e in self.graph.objects(node, RK.evidence))
        return tuple(sorted(texts))

    def _organization(self, node: Node) -> Item:
        labels = [*self.graph.objects(node, RDFS.label), *self.graph.objects(node, SKOS.altLabel)]
        slug = _slug(node_ref(node))
        return Item((slug,), slug, {"names": {fold(str(label)) for label in labels}})

    def _officials(self) -> list[Item]:
        posts: dict[tuple[Any, ...], Item] = {}
        for membership in self._derived(ORG.Membership):
            name = self._label(self._one(membership, ORG.member))
            role = self._label(self._one(membership, ORG.role))
            body = node_ref(self._one(membership, ORG.organization))
            key = (norm_text(name), norm_text(role), body)
            posts.setdefault(key, Item(key, f"{name}, {role}, {_slug(body)}", evidence=self._evidence(membership)))
        return list(posts.values())

    def _directive(self, node: Node) -> Item:
        number = str(self._one(node, RK.documentNumber) or "")
        doc_type = self._one(node, RK.documentType)
        notation = self._one(doc_type, SKOS.notation)
        code = str(notation) if notation is not None else DOCUMENT_TYPE_NOTATIONS.get(_local(doc_type) or "")
        attrs = {"issuer": _slug(node_ref(self._one(node, RK.issuedBy))),
                 "issued": _text(self._one(node, RK.issuedOn)),
                 "implements": _slug(node_ref(self._one(node, RK.implements)))}
        return Item((norm_number(number), code), f"{number} ({code})", attrs, self._evidence(node))

    def _observation(self, node: Node) -> Item:
        indicator = self._one(node, RK.indicator)
        key = (node_ref(self._one(node, RK.refArea)), norm_decimal(self._one(node, RK.value)),
               _local(self._one(node, RK.unit)), norm_period(self._one(node, RK.refPeriod)))
        attrs = {"indicator": _local(indicator) if str(indicator).startswith(str(RK)) else node_ref(indicator),
                 "numerator": norm_decimal(self._one(node, RK.numerator)),
                 "denominator": norm_decimal(self._one(node, RK.denominator))}
        evidence = self._evidence(node)
        return Item(key, observation_label(key, evidence[0] if evidence else None), attrs, evidence)

    def _task(self, node: Node) -> Item:
        count = self._one(node, RK.taskCount)
        key = (frozenset(node_ref(n) for n in self.graph.objects(node, RK.assignedTo)),
               _local(self._one(node, RK.status)), None if count is None else int(count),
               norm_decimal(self._one(node, RK.targetValue)))
        attrs = {"assigner": self._assigners(node), "deadline": _text(self._one(node, RK.deadline)),
                 "status date": _text(self._one(node, RK.statusDate)),
                 "based on": frozenset(node_ref(n) for n in self.graph.objects(node, RK.basedOn)),
                 "partners": frozenset(node_ref(n) for n in self.graph.objects(node, RK.partner))}
        evidence = self._evidence(node)
        return Item(key, task_label(key, evidence[0] if evidence else ""), attrs, evidence)

    def _assigners(self, node: Node) -> list[set[str | None]]:
        """Each predicted assigner as the refs it stands for: itself, and an official's bodies."""
        return [{node_ref(assigner), *(node_ref(body) for body in self.graph.objects(assigner, ORG.memberOf))}
                for assigner in sorted(self.graph.objects(node, RK.assignedBy))]


# Matching --------------------------------------------------------------------------------

def _matches(gold: Item, predicted: Item) -> bool:
    if gold.evidence and not any(piece in text for piece in gold.evidence for text in predicted.evidence):
        return False
    return len(gold.key) == len(predicted.key) and all(
        g is ANY or g == p for g, p in zip(gold.key, predicted.key))


def _organization_matches(gold: Item, predicted: Item) -> bool:
    return gold.key == predicted.key or bool(gold.attrs["names"] & predicted.attrs["names"])


def match(gold: list[Item], predicted: list[Item],
          matches: Callable[[Item, Item], bool] = _matches) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths), as (gold index, predicted index).
    Each gold item tries first the predicted items whose evidence contains its hint, then those
    agreeing on more attributes, so that ties between equal keys do not depend on order."""
    owner: dict[int, int] = {}

    def candidates(g: int) -> list[int]:
        hint = gold[g].hint or "\0"
        return sorted(range(len(predicted)), key=lambda p: (
            not any(hint in e for e in predicted[p].evidence), -_agreement(gold[g], predicted[p])))

    def augment(g: int, seen: set[int]) -> bool:
        for p in candidates(g):
            if p not in seen and matches(gold[g], predicted[p]):
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def _agreement(gold: Item, predicted: Item) -> int:
    return sum(_attribute_correct(name, expected, predicted.attrs.get(name))
               for name, expected in gold.attrs.items() if expected is not None)


def _attribute_correct(name: str, expected: Any, actual: Any) -> bool:
    if name == "assigner":
        return all(any(agency in standing for standing in actual) for agency in expected) and \
            all(standing & expected for standing in actual)
    if isinstance(expected, (Decimal, frozenset)):
        return expected == actual
    return str(expected) == str(actual)


# Evaluation ------------------------------------------------------------------------------

def evaluate(graph: Graph, gold_dir: Path) -> Report:
    """Score `graph` against every gold file of `gold_dir`."""
    return score(graph, load_gold(gold_dir))


def score(graph: Graph, gold: dict[str, dict[str, list[Item]]]) -> Report:
    """Score `graph` against gold items read by `load_gold`."""
    categories = {c: CategoryScore(c) for c in CATEGORIES + INFORMATIONAL}
    attributes: dict[str, AttributeScore] = {}
    for stem, gold_items in gold.items():
        predicted_items = _GraphReader(graph, stem).items()
        for category, tally in categories.items():
            expected, predicted = gold_items[category], predicted_items[category]
            pairs = match(expected, predicted,
                          _organization_matches if category == "organizations" else _matches)
            matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
            tally.tp += len(pairs)
            tally.fn += len(expected) - len(pairs)
            tally.fp += len(predicted) - len(pairs)
            tally.misses += [f"{stem}: {item.label}" for i, item in enumerate(expected) if i not in matched_gold]
            tally.false_positives += [f"{stem}: {item.label}"
                                      for i, item in enumerate(predicted) if i not in matched_predicted]
            if category not in INFORMATIONAL:
                for g, p in pairs:
                    _score_attributes(attributes, stem, category, expected[g], predicted[p])
    return Report(sorted(gold), categories, dict(sorted(attributes.items())))


def _score_attributes(attributes: dict[str, AttributeScore], stem: str, category: str,
                      gold: Item, predicted: Item) -> None:
    for name, expected in gold.attrs.items():
        if expected is None:
            continue
        tally = attributes.setdefault(f"{category}.{name}", AttributeScore(f"{category}.{name}"))
        actual = predicted.attrs.get(name)
        tally.total += 1
        if _attribute_correct(name, expected, actual):
            tally.correct += 1
        else:
            tally.errors.append(f"{stem}: {gold.label}: expected {show_value(expected)}, got {show_value(actual)}")


def show_value(value: Any) -> str:
    if isinstance(value, (set, frozenset, list)):
        return "{" + ", ".join(sorted(map(show_value, value))) + "}"
    return str(value)
