"""Extraction quality on the seeds against the gold annotation, and the scorer itself."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal

from kg.cli import main
from kg.errors import DataError, InputError
from kg.evaluate import CATEGORIES, Report, evaluate, match
from kg.gold import ANY, Item, load_gold, norm_period
from kg.paths import project_root, seeds_dir
from kg.scorecard import format_report
from kg.vocab import ORG, PROV, RDF, RDFS, RK, RKI

GOLD_DIR = project_root() / "tests" / "gold"

THRESHOLDS = {  # category: (minimum precision, minimum recall)
    "provinces": (0.95, 0.90),
    "agencies": (0.95, 0.90),
    "officials": (0.95, 0.90),
    "directives": (0.95, 0.90),
    "observations": (0.90, 0.85),
    "tasks": (0.90, 0.85),
}


# The gold itself ---------------------------------------------------------------------------

def _gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


def test_there_is_one_gold_file_per_seed() -> None:
    assert [p.stem for p in _gold_files()] == sorted(p.stem for p in seeds_dir().glob("*.txt"))


@pytest.mark.parametrize("gold_file", _gold_files(), ids=lambda p: p.stem)
def test_gold_evidence_pieces_are_verbatim_in_the_seed(gold_file: Path) -> None:
    data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    text = unicodedata.normalize("NFC", (seeds_dir() / f"{gold_file.stem}.txt").read_text(encoding="utf-8"))
    pieces = [p for item in data["observations"] + data["tasks"]
              for p in (item["evidence"] if isinstance(item["evidence"], list) else [item["evidence"]])]
    assert [p for p in pieces if p not in text] == []


@pytest.mark.parametrize("gold_file", _gold_files(), ids=lambda p: p.stem)
def test_gold_references_use_the_contract_kinds(gold_file: Path) -> None:
    data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    refs = [o["subject"] for o in data["observations"]] + \
        [ref for t in data["tasks"] for ref in t.get("assigned_to") or []]
    assert [r for r in refs if r.partition(":")[0] not in ("province", "unit", "agency")] == []


def test_gold_indicators_are_declared_in_the_ontology() -> None:
    declared = set(Graph().parse(project_root() / "ontology" / "indicators.ttl").subjects(RDF.type, RK.Indicator))
    codes = {o["indicator"] for p in _gold_files() for o in yaml.safe_load(p.read_text(encoding="utf-8"))["observations"]}
    assert sorted(c for c in codes - {None} if RK[c] not in declared) == []


def test_the_gold_loads() -> None:
    gold = load_gold(GOLD_DIR)
    assert sum(len(doc["tasks"]) for doc in gold.values()) == 24
    assert sum(len(doc["observations"]) for doc in gold.values()) == 54


# The scorer on a hand-made graph -------------------------------------------------------------

TINY_GOLD = """
provinces: [ha-noi, da-nang]
agencies: [bo-tai-chinh]
organizations:
  - {slug: ngan-hang-the-gioi, names: [World Bank, Ngân hàng Thế giới]}
officials:
  - {name: Trần Văn A, title: "Thứ trưởng", body: bo-tai-chinh}
directives:
  - {number: 12/2021/TT-BTC, type: TT, issuer: bo-tai-chinh, issued: "2021-03-04", implements: null}
observations:
  - {subject: province:ha-noi, indicator: OnTimeRate, value: "98.5", unit: Percent, period: 2021-Q2}
  - {subject: province:da-nang, indicator: null, value: "12", unit: Count, period: null}
tasks:
  - evidence: giao Hà Nội 40 nhiệm vụ
    assigned_by: [bo-tai-chinh]
    assigned_to: [province:ha-noi]
    status: null
    count: 40
  - evidence: cắt giảm ít nhất 15%
    assigned_by: []
    assigned_to: []
    target: "15"
"""

SENTENCE_TASK = "Bộ giao Hà Nội 40 nhiệm vụ trong năm."
SENTENCE_TARGET = "Mục tiêu là cắt giảm ít nhất 15% chi phí."


def _tiny_graph() -> Graph:
    g = Graph()
    doc = RKI["source/tiny"]
    for kind, slug, cls in (("province", "ha-noi", RK.Province), ("province", "hai-phong", RK.Province),
                            ("agency", "bo-tai-chinh", RK.Agency), ("directive", "12-2021-tt-btc", RK.Directive),
                            ("organization", "world-bank", ORG.Organization)):
        g.add((RKI[f"{kind}/{slug}"], RDF.type, cls))
        g.add((RKI[f"{kind}/{slug}"], RK.mentionedIn, doc))
    g.add((RKI["organization/world-bank"], RDFS.label, Literal("World Bank", lang="en")))
    directive = RKI["directive/12-2021-tt-btc"]
    g.add((directive, RK.documentNumber, Literal("12/2021/TT-BTC")))
    g.add((directive, RK.documentType, RK.Circular))
    g.add((directive, RK.issuedBy, RKI["agency/bo-tai-chinh"]))
    g.add((directive, RK.issuedOn, Literal("2021-03-05")))
    person, role = RKI["official/tran-van-a"], RKI["role/thu-truong"]
    g.add((person, RDFS.label, Literal("Trần Văn A", lang="vi")))
    g.add((person, ORG.memberOf, RKI["agency/bo-tai-chinh"]))
    g.add((role, RDFS.label, Literal("thứ trưởng", lang="vi")))
    for membership in (RKI["membership/1"], RKI["membership/2"]):  # one post read twice
        g.add((membership, RDF.type, ORG.Membership))
        g.add((membership, PROV.wasDerivedFrom, doc))
        g.add((membership, ORG.member, person))
        g.add((membership, ORG.role, role))
        g.add((membership, ORG.organization, RKI["agency/bo-tai-chinh"]))
    for name, area, value, period in (("o1", "province/ha-noi", "98.50", "2021-04/2021-06"),
                                      ("o2", "province/da-nang", "12", "2021")):
        node = RKI[f"observation/{name}"]
        g.add((node, RDF.type, RK.Observation))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, RK.refArea, RKI[area]))
        g.add((node, RK.value, Literal(Decimal(value))))
        g.add((node, RK.unit, RK.Percent if name == "o1" else RK.Count))
        g.add((node, RK.refPeriod, Literal(period)))
    g.add((RKI["observation/o1"], RK.indicator, RK.OnTimeRate))
    for name, sentence in (("t1", SENTENCE_TASK), ("t2", SENTENCE_TARGET), ("t3", SENTENCE_TASK)):
        node = RKI[f"task/{name}"]
        g.add((node, RDF.type, RK.Task))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, RK.evidence, Literal(sentence)))
    g.add((RKI["task/t1"], RK.assignedTo, RKI["province/ha-noi"]))
    g.add((RKI["task/t1"], RK.taskCount, Literal(40)))
    g.add((RKI["task/t1"], RK.assignedBy, RKI["official/tran-van-a"]))
    g.add((RKI["task/t2"], RK.assignedTo, RKI["province/da-nang"]))
    g.add((RKI["task/t2"], RK.targetValue, Literal(Decimal("15.0"))))
    g.add((RKI["task/t3"], RK.assignedTo, RKI["province/ha-noi"]))
    return g


@pytest.fixture()
def tiny_gold(tmp_path: Path) -> Path:
    (tmp_path / "tiny.yaml").write_text(TINY_GOLD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("category", "counts"), [
    ("provinces", (1, 1, 1)),
    ("agencies", (1, 0, 0)),
    ("organizations", (1, 0, 0)),
    ("officials", (1, 0, 0)),
    ("directives", (1, 0, 0)),
    ("observations", (1, 1, 1)),
    ("tasks", (2, 1, 0)),
])
def test_scorer_counts_on_a_tiny_graph(tiny_gold: Path, category: str, counts: tuple[int, int, int]) -> None:
    score = evaluate(_tiny_graph(), tiny_gold).categories[category]
    assert (score.tp, score.fp, score.fn) == counts


def test_scorer_names_misses_and_false_positives(tiny_gold: Path) -> None:
    report = evaluate(_tiny_graph(), tiny_gold)
    assert report.categories["provinces"].misses == ["tiny: da-nang"]
    assert report.categories["provinces"].false_positives == ["tiny: hai-phong"]
    assert report.categories["observations"].misses == ["tiny: province:da-nang 12 Count period=None"]


def test_scorer_attribute_accuracies(tiny_gold: Path) -> None:
    attributes = evaluate(_tiny_graph(), tiny_gold).attributes
    assert (attributes["directives.issuer"].correct, attributes["directives.issuer"].total) == (1, 1)
    assert (attributes["directives.issued"].correct, attributes["directives.issued"].total) == (0, 1)
    assert (attributes["observations.indicator"].correct, attributes["observations.indicator"].total) == (1, 1)
    assert (attributes["tasks.assigner"].correct, attributes["tasks.assigner"].total) == (1, 1)


def test_scorer_precision_recall_f1(tiny_gold: Path) -> None:
    score = evaluate(_tiny_graph(), tiny_gold).categories["tasks"]
    assert (score.precision, score.recall, round(score.f1, 4)) == (2 / 3, 1.0, 0.8)


def test_format_report_is_a_table_with_listings(tiny_gold: Path) -> None:
    text = format_report(evaluate(_tiny_graph(), tiny_gold), verbose=True)
    assert text.splitlines()[0].split() == ["category", "tp", "fp", "fn", "precision", "recall", "f1"]
    assert "provinces           1    1    1      0.500   0.500  0.500" in text
    assert "  - tiny: da-nang" in text and "  + tiny: hai-phong" in text


def test_matching_is_one_to_one_and_maximal() -> None:
    gold = [Item((ANY,), "any"), Item(("a",), "a")]
    predicted = [Item(("a",), "a"), Item(("b",), "b")]
    assert match(gold, predicted) == [(0, 1), (1, 0)]


def test_equal_keys_pair_by_the_gold_hint() -> None:
    gold = [Item(("x",), "first", hint="tỷ lệ A"), Item(("x",), "second", hint="tỷ lệ B")]
    predicted = [Item(("x",), "b", evidence=("Tỷ lệ B đạt 100%, tỷ lệ B cao.",)),
                 Item(("x",), "a", evidence=("Còn tỷ lệ A đạt 100%.",))]
    assert match(gold, predicted) == [(0, 1), (1, 0)]


def test_equal_keys_pair_by_agreeing_attributes() -> None:
    gold = [Item(("x",), "first", {"indicator": "A"}), Item(("x",), "second", {"indicator": "B"})]
    predicted = [Item(("x",), "b", {"indicator": "B"}), Item(("x",), "a", {"indicator": "A"})]
    assert match(gold, predicted) == [(0, 1), (1, 0)]


def test_periods_spanning_a_quarter_read_as_the_quarter() -> None:
    assert [norm_period(p) for p in ("2025-01/2025-03", "2025-q3", "2025-01/2025-02", None)] == \
        ["2025-Q1", "2025-Q3", "2025-01/2025-02", None]


def test_missing_or_malformed_gold_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_gold(tmp_path / "absent")
    (tmp_path / "bad.yaml").write_text("observations:\n  - {subject: province:x}\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_gold(tmp_path)


def test_cli_turns_a_missing_gold_folder_into_a_message_and_exit_code_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


# Quality on the seeds ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_report() -> Report:
    from kg.build import build_from_folder

    _, graph = build_from_folder(seeds_dir(), project_root())
    return evaluate(graph, GOLD_DIR)


@pytest.mark.parametrize("category", CATEGORIES)
def test_extraction_quality(seed_report: Report, category: str) -> None:
    score = seed_report.categories[category]
    min_precision, min_recall = THRESHOLDS[category]
    listing = "\n".join(["missed:", *score.misses, "false positives:", *score.false_positives])
    assert score.precision >= min_precision and score.recall >= min_recall, (
        f"{category}: precision {score.precision:.3f} (min {min_precision}), "
        f"recall {score.recall:.3f} (min {min_recall})\n{listing}")


def test_wrong_set_attributes_are_shown_sorted() -> None:
    from kg.evaluate import show_value

    assert show_value({"b", "a"}) == "{a, b}"
    assert show_value(frozenset({"x"})) == "{x}"
