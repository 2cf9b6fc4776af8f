"""The SHACL shapes (shapes/*.ttl), run as the validator runs them: over a data graph with the
ontology (every ontology/*.ttl) mixed in by pyshacl.

Each `tests/shapes/<Shape>-valid*.ttl` / `<Shape>-invalid*.ttl` is a case in the style of the
GeoSPARQL validator tests: its first line says why it is (in)valid, and an invalid case lists on
`# expect: <node shape> <path>` lines the exact results it must raise (`-` for a node-level
result). Cases are validated together with `tests/shapes/context.ttl`, a valid background.
Results about nodes the test data does not define (code lists of the ontology) are left out, so a
case judges only its own nodes; `test_ontology_code_lists_conform` judges the ontology's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, SH, SKOS

from kg.vocab import RK, bind_prefixes
from tests.docs import load_turtle

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "shapes"
CASE_FILES = sorted(CASES.glob("*-valid*.ttl")) + sorted(CASES.glob("*-invalid*.ttl"))

Result = tuple[str, str]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_turtle(*sorted((REPO / "shapes").glob("*.ttl")))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """Every ontology file, less the back-links that would make pyshacl's copy of the ontology
    explode (test_ontology fails on them); without this a stray one hangs every test here."""
    graph = load_turtle(*sorted((REPO / "ontology").glob("*.ttl")))
    graph.remove((None, SKOS.hasTopConcept, None))
    graph.remove((None, SKOS.narrower, None))
    return graph


def owning_shape(shapes: Graph, shape: URIRef) -> URIRef:
    """The node shape a result comes from: a property shape's parent, or the shape itself."""
    return next(shapes.subjects(SH.property, shape), shape)


def violations(data: Graph, shapes: Graph, ontology: Graph, severity: URIRef = SH.Violation) -> set[Result]:
    """(node shape, path) of every result of `severity` whose focus node the data graph itself defines."""
    _, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    own = set(data.subjects())
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.focusNode) not in own or report.value(result, SH.resultSeverity) != severity:
            continue
        shape = owning_shape(shapes, report.value(result, SH.sourceShape))
        path = report.value(result, SH.resultPath)
        found.add((shapes.namespace_manager.curie(shape), "-" if path is None else shapes.namespace_manager.curie(path)))
    return found


def expected(case: Path) -> set[Result]:
    lines = case.read_text(encoding="utf-8").splitlines()
    return {tuple(line.removeprefix("# expect:").split()) for line in lines if line.startswith("# expect:")}


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_case(case: Path, shapes: Graph, ontology: Graph) -> None:
    first_line = case.read_text(encoding="utf-8").splitlines()[0]
    is_valid = case.stem.split("-")[1] == "valid"
    assert first_line.startswith("# Valid: " if is_valid else "# Invalid: ")
    want = expected(case)
    assert bool(want) != is_valid
    assert violations(load_turtle(CASES / "context.ttl", case), shapes, ontology) == want


def test_context_conforms(shapes: Graph, ontology: Graph) -> None:
    assert violations(load_turtle(CASES / "context.ttl"), shapes, ontology) == set()


def test_article_example_conforms(shapes: Graph, ontology: Graph) -> None:
    article = load_turtle(CASES / "article.ttl")
    assert violations(article, shapes, ontology) == set()
    kinds = {article.value(node, RDF.type) for node in article.subjects(RDF.type, None)}
    assert {RK.SourceDocument, RK.Province, RK.AdministrativeUnit, RK.Agency, RK.Official, RK.Directive,
            RK.Task, RK.Observation, RK.Indicator, ORG.Membership, ORG.Role} == kinds


def test_every_shape_has_a_valid_and_an_invalid_case(shapes: Graph) -> None:
    node_shapes = {shapes.namespace_manager.curie(s).removeprefix("rk:") for s in shapes.subjects(RDF.type, SH.NodeShape)}
    stems = {case.stem for case in CASE_FILES}
    for name in node_shapes:
        assert any(stem.startswith(f"{name}-valid") for stem in stems), name
        assert any(stem.startswith(f"{name}-invalid") for stem in stems), name


def test_shapes_pass_shacl_shacl(shapes: Graph) -> None:
    """meta_shacl=True first validates the shapes graph against SHACL-SHACL and raises if it fails."""
    conforms, _, _ = validate(bind_prefixes(Graph()), shacl_graph=shapes, inference="none", meta_shacl=True)
    assert conforms


def test_every_shape_has_a_message_in_vietnamese_and_english(shapes: Graph) -> None:
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape))
    node_level = {s for s in shapes.subjects(RDF.type, SH.NodeShape)
                  if any(shapes.value(s, p) is not None for p in (SH["or"], SH["not"], SH["and"]))}
    assert node_level == {RK.PercentageShape}
    for shape in property_shapes | node_level:
        languages = {m.language for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)}
        assert languages == {"vi", "en"}, shape


def test_every_property_shape_belongs_to_one_node_shape(shapes: Graph) -> None:
    for shape in shapes.subjects(RDF.type, SH.PropertyShape):
        assert isinstance(shape, URIRef)
        assert len(set(shapes.subjects(SH.property, shape))) == 1, shape


def test_every_contract_class_is_a_shape_target(shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    contract = {RK.AdministrativeUnit, RK.Province, RK.Agency, RK.Official, RK.Directive, RK.Task,
                RK.Indicator, RK.Observation, RK.SourceDocument, RK.TaskStatus, ORG.Membership}
    assert contract <= targets


def test_ontology_code_lists_conform(shapes: Graph, ontology: Graph) -> None:
    """The code lists of reform-kg.ttl pass the shapes both as data and as pyshacl mixes them in."""
    ours = load_turtle(REPO / "ontology" / "reform-kg.ttl")
    conforms, _, text = validate(ours, shacl_graph=shapes, inference="none")
    assert conforms, text
    _, report, _ = validate(bind_prefixes(Graph()), shacl_graph=shapes, ont_graph=ontology, inference="none")
    focus = {report.value(r, SH.focusNode) for r in report.subjects(RDF.type, SH.ValidationResult)}
    assert focus & set(ours.subjects()) == set()


@pytest.fixture(scope="module")
def document_number(shapes: Graph) -> re.Pattern[str]:
    pattern = shapes.value(RK["DirectiveShape-documentNumber"], SH.pattern)
    return re.compile(str(pattern))


@pytest.mark.parametrize("number", [
    "45/2020/NĐ-CP", "83/NQ-CP", "411/QĐ-TTg", "01/2019/TT-BNV", "1291/QĐ-UBND", "59/2020/QH14",
    "01/2022/UBTVQH15", "30c/NQ-CP", "03/2021/TTLT-BTC-BNV", "6068/VPCP-KSTT", "07/CT-TTg",
    "25/2023/QĐ-UBND", "02/CĐ-TTg", "124/KH-UBND", "1661/QĐ-BNV", "10/2021/NQ-HĐND", "35/TB-VPCP",
    "54-NQ/TW", "18-NQ/TW", "05-CT/TU", "12-KL/TW", "02-QĐi/TW", "39-NQ/TW", "84-KL/TW",
    "27-CTr/TU", "15-HD/BTCTW", "123-QĐ/ĐUK", "07-NQ/HU", "19-ĐA/TU",
])
def test_document_number_pattern_accepts(number: str, document_number: re.Pattern[str]) -> None:
    assert document_number.search(number)


@pytest.mark.parametrize("number", [
    "", "NĐ-CP", "45/2020", "45/2020/", "45/2020/nđ-cp", "số 83/NQ-CP", "Nghị định 45/2020/NĐ-CP",
    "45/2020/NĐ-CP.", " 83/NQ-CP", "83 /NQ-CP", "83/NQ--CP", "83/NQ-", "/NQ-CP", "45/20/NĐ-CP",
    "54-NQ/", "-NQ/TW", "54-NQ-TW", "54 - NQ/TW", "54-nq/tw", "54-NQ/TW/", "83/NQ-CP;411/QĐ-TTg",
    "NQ 54", "45/2020/NĐ-CP ngày 8/4/2020", "2.132/2.132",
])
def test_document_number_pattern_rejects(number: str, document_number: re.Pattern[str]) -> None:
    assert document_number.search(number) is None


def test_code_list_values_need_the_ontology(shapes: Graph) -> None:
    """Without the ontology, code-list members have no type and a Province is not known to be an
    AdministrativeUnit, so valid data is rejected: the shapes are meant to run with the ontology."""
    task = load_turtle(CASES / "context.ttl", CASES / "TaskShape-valid-breakdown.ttl")
    conforms, report, _ = validate(task, shacl_graph=shapes, inference="none")
    assert not conforms
    failing = {report.value(r, SH.sourceShape) for r in report.subjects(RDF.type, SH.ValidationResult)}
    assert failing == {RK["TaskShape-status"], RK["DirectiveShape-documentType"], RK["TaskShape-assignedTo"],
                       RK["AgencyShape-jurisdiction"], RK["AdministrativeUnitShape-partOf"], RK["OfficialShape-memberOf"]}


CODED_INDICATOR = """
@prefix rk: <https://w3id.org/reformkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
rk:TestGrowthRate a rk:Indicator {extra_type} ;
    rdfs:label "tốc độ tăng"@vi ;
    rk:measuresChange true ;
    skos:inScheme rk:IndicatorScheme ;
    skos:topConceptOf rk:IndicatorScheme .
"""

GROWTH_OBSERVATION = """
@prefix rk: <https://w3id.org/reformkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/reformkg/id/> .
<observation/growth> a rk:Observation ;
    rdfs:label "tốc độ tăng: 150"@vi ;
    rk:indicator rk:TestGrowthRate ;
    rk:refArea <province/ha-giang> ;
    rk:value "150"^^xsd:decimal ;
    rk:unit rk:Percent ;
    prov:wasDerivedFrom <source/example> ;
    rk:evidence "Số hồ sơ trực tuyến tăng 150% so với cùng kỳ." .
"""


@pytest.mark.parametrize(("extra_type", "want"), [
    (", owl:NamedIndividual", set()),
    ("", {("rk:ObservationShape", "rk:indicator"), ("rk:PercentageShape", "-")}),
])
def test_coded_indicators_must_be_named_individuals(extra_type: str, want: set[Result], shapes: Graph) -> None:
    """pyshacl copies from ont_graph only schema axioms and owl:NamedIndividual nodes, so a coded
    indicator (ontology/indicators.ttl) is seen as an rk:Indicator, with its rk:measuresChange,
    only when typed owl:NamedIndividual."""
    ontology = load_turtle(REPO / "ontology" / "reform-kg.ttl")
    ontology.parse(data=CODED_INDICATOR.format(extra_type=extra_type), format="turtle")
    data = load_turtle(CASES / "context.ttl")
    data.parse(data=GROWTH_OBSERVATION, format="turtle")
    assert violations(data, shapes, ontology) == want


def test_a_directive_whose_issuer_is_unknown_is_kept_with_a_warning(shapes: Graph, ontology: Graph) -> None:
    data = load_turtle(CASES / "context.ttl", CASES / "DirectiveShape-valid-unknown-issuer.ttl")
    assert violations(data, shapes, ontology) == set()
    assert violations(data, shapes, ontology, SH.Warning) == {("rk:DirectiveShape", "rk:issuedBy")}
