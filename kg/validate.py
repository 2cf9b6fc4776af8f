"""SHACL validation of a built graph against `shapes/`, with the ontology mixed in (pySHACL).

The report lists its results sorted (severity, focus, path, message, shape), as pySHACL's
command line does, and renders as a table, as JSON or as the SHACL report graph in Turtle.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import InputError
from kg.output import render_table
from kg.paths import ontology_dir, shapes_dir
from kg.store import GraphStore, Term, compact_iri

SH = "http://www.w3.org/ns/shacl#"
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, order=True)
class ValidationResult:
    severity: str
    focus: str
    path: str
    message: str
    shape: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: tuple[ValidationResult, ...]
    report_turtle: str

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def summary(self) -> str:
        if not self.results:
            return "Conforms: yes (0 results)"
        counts = ", ".join(
            f"{self.count(s)} {s.lower()}{'s' if self.count(s) != 1 else ''}"
            for s in SEVERITY_ORDER if self.count(s)
        )
        return f"Conforms: {'yes' if self.conforms else 'no'} ({counts})"

    def render(self, report_format: str = "table") -> str:
        if report_format == "json":
            document = {"conforms": self.conforms, "results": [asdict(r) for r in self.results]}
            return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if report_format == "turtle":
            return self.report_turtle
        if not self.results:
            return self.summary() + "\n"
        rows = [[r.severity, compact_iri(r.focus), r.path, r.message, r.shape] for r in self.results]
        return render_table(["severity", "focus", "path", "message", "shape"], rows) + self.summary() + "\n"


def turtle_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.ttl"))


def validate_store(data: GraphStore, shapes: Path | None = None, ontology: Path | None = None) -> ValidationReport:
    """Validate `data` against every shapes file, the ontology files mixed in, no inference."""
    from pyshacl import validate  # imported here: pySHACL is slow to import and only this needs it

    shape_files = turtle_files(shapes or shapes_dir())
    if not shape_files:
        raise InputError(f"no SHACL shapes (*.ttl) in {shapes or shapes_dir()}")
    shapes_store = GraphStore.load(*shape_files)
    ontology_store = GraphStore.load(*turtle_files(ontology or ontology_dir()))
    conforms, report_graph, _ = validate(
        data.graph,
        shacl_graph=shapes_store.graph,
        ont_graph=ontology_store.graph if len(ontology_store) else None,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
    )
    report = GraphStore(report_graph)
    return ValidationReport(bool(conforms), tuple(sorted(_results(report), key=_order)), report.serialize("turtle"))


def _order(result: ValidationResult) -> tuple:
    return (SEVERITY_ORDER.get(result.severity, 9), result.focus, result.path, result.message, result.shape)


def _results(report: GraphStore) -> list[ValidationResult]:
    results = []
    for node in _subjects_of_type(report, SH + "ValidationResult"):
        severity = _value(report, node, "resultSeverity")
        focus = _value(report, node, "focusNode")
        shape = _value(report, node, "sourceShape")
        results.append(ValidationResult(
            severity=severity.value.removeprefix(SH) if severity else "Violation",
            focus=focus.value if focus else "",
            path=_shown(_value(report, node, "resultPath"), report),
            message=_message(report, node),
            shape=_short(shape if shape and shape.is_iri else _value(report, node, "sourceConstraintComponent")),
        ))
    return results


def _value(report: GraphStore, node: Term, name: str) -> Term | None:
    """The first value of `sh:<name>` on a result node."""
    found = report.triples(node, _sh(name), None)
    return found[0][2] if found else None


def _short(node: Term | None) -> str:
    """A shape or constraint as people name it: `sh:MinCountConstraintComponent`, a prefixed
    name, or the local name of a shape IRI in an unknown namespace."""
    if node is None:
        return ""
    if node.value.startswith(SH):
        return "sh:" + node.value.removeprefix(SH)
    compacted = node.compact()
    return compacted if compacted != node.value else re.split(r"[#/]", node.value)[-1]


def _sh(name: str) -> Term:
    return Term("iri", SH + name)


def _subjects_of_type(store: GraphStore, class_iri: str) -> list[Term]:
    rdf_type = Term("iri", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    return [s for s, _, _ in store.triples(None, rdf_type, Term("iri", class_iri))]


def _shown(path: Term | None, report: GraphStore) -> str:
    if path is None:
        return ""
    if path.is_iri:
        return path.compact()
    inverse = report.triples(path, _sh("inversePath"), None)
    if inverse and inverse[0][2].is_iri:
        return "^" + inverse[0][2].compact()
    return "(complex path)"


def _message(report: GraphStore, node: Term) -> str:
    """The English message when there is one, else the first in sorted order."""
    messages = [o for _, _, o in report.triples(node, _sh("resultMessage"), None)]
    english = [m for m in messages if m.lang == "en"]
    chosen = english or messages
    return " ".join(chosen[0].value.split()) if chosen else ""
